// Abstract values (core/values.ts): object literals keep, per property, the name and site of what was
// written, as call arguments do (propArg).
import * as assert from 'assert';
import { Evaluator } from '../../../src/core/evaluate';
import type { ModuleIR } from '../../../src/core/ir';
import { lowerSource } from '../../../src/core/lower';
import { ModuleResolver } from '../../../src/core/resolve-module';
import { type Arg, type Value, propArg } from '../../../src/core/values';

/** Evaluates one file and returns the value its top-level `name` is bound to. */
function binding(text: string, name: string): Value {
  const modules = new Map<string, ModuleIR>([['/w/app.js', lowerSource('/w/app.js', text)]]);
  const ev = new Evaluator(modules, new ModuleResolver('/nonexistent-root', f => modules.has(f)), []);
  ev.evaluateModule('/w/app.js');
  return ev.moduleRecords.get('/w/app.js')!.env.lookup(name)!;
}

/** `name @ line:column` of an Arg, or `name (no site)`. */
function where(a: Arg | null): string {
  if (!a) return 'none';
  return a.site ? `${a.name} @ ${a.site.span.line}:${a.site.span.column}` : `${a.name} (no site)`;
}

describe('propArg: object literal properties as arguments', () => {
  it('each property written in the literal keeps its expression name and site', () => {
    const opts = binding(`const app = {};
function auth() {}
const opts = {
  preHandler: [auth],
  onRequest: app.authenticate,
  handler(req, reply) {},
  prefix: '/v1',
};
`, 'opts');
    assert.strictEqual(opts.t, 'obj');
    if (opts.t !== 'obj') return;
    assert.deepStrictEqual(['preHandler', 'onRequest', 'handler', 'prefix', 'missing'].map(k => where(propArg(opts, k))), [
      // Literals carry no span in the IR: as call arguments, they are named but not placed.
      '[…] (no site)',
      'app.authenticate @ 5:14',
      'handler @ 6:3',
      '"/v1" (no site)',
      'none',
    ]);
    // Array items keep theirs already: the hook inside the array is named and placed too.
    const pre = propArg(opts, 'preHandler')!.value;
    assert.deepStrictEqual(pre.t === 'arr' ? pre.items.map(where) : [], ['auth @ 4:16']);
  });

  it('a spread brings the names of the object spread; a property assigned later is named by its key', () => {
    const opts = binding(`function auth() {}
function log() {}
const base = { onRequest: auth };
const opts = { ...base, onSend: log };
const other = { onSend: log };
opts.onSend = auth;
opts.onError = other.onSend;
`, 'opts');
    if (opts.t !== 'obj') return assert.fail('an object');
    assert.deepStrictEqual(['onRequest', 'onSend', 'onError'].map(k => where(propArg(opts, k))), [
      'auth @ 3:27',
      'onSend (no site)',
      'onError (no site)',
    ]);
  });
});
