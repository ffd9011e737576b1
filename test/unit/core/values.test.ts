// Abstract values (core/values.ts): object literals keep, per property, the name and site of what was
// written, as call arguments do (propArg).
import * as assert from 'assert';
import { Evaluator } from '../../../src/core/evaluate';
import type { ModuleIR } from '../../../src/core/ir';
import { lowerSource } from '../../../src/core/lower';
import { ModuleResolver } from '../../../src/core/resolve-module';
import { type Arg, Env, type Value, propArg } from '../../../src/core/values';

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

describe('Env: a scope with bindings in fields and, past four, in a map', () => {
  const num = (v: number): Value => ({ t: 'num', v });
  const read = (e: Env, names: string[]) => names.map(n => { const v = e.own(n); return v?.t === 'num' ? v.v : null; });

  it('keeps, overwrites and removes bindings wherever they are held', () => {
    const e = new Env(null, null);
    for (const [i, n] of ['a', 'b', 'c', 'd', 'e', 'f'].entries()) e.define(n, num(i));
    assert.deepStrictEqual(read(e, ['a', 'b', 'c', 'd', 'e', 'f', 'g']), [0, 1, 2, 3, 4, 5, null]);
    e.define('b', num(10));
    e.assign('f', num(15));
    assert.deepStrictEqual(read(e, ['b', 'f']), [10, 15]);
    e.setOwn('a', undefined);
    e.setOwn('e', undefined);
    assert.deepStrictEqual(read(e, ['a', 'e']), [null, null]);
    assert.strictEqual(e.scopeOf('a'), null);
  });

  it('a freed field is reused without holding a name twice', () => {
    const e = new Env(null, null);
    for (const n of ['a', 'b', 'c', 'd', 'e']) e.define(n, num(1));
    e.setOwn('a', undefined);
    // 'e' is in the map: writing it again must not also take the freed field.
    e.define('e', num(2));
    e.setOwn('e', undefined);
    assert.strictEqual(e.own('e'), undefined);
    e.define('x', num(3));
    assert.deepStrictEqual(read(e, ['x', 'b', 'e']), [3, 1, null]);
  });

  it('lookup and assign go up to the enclosing scope that holds the name', () => {
    const outer = new Env(null, null);
    outer.define('x', num(1));
    const inner = new Env(outer, null);
    inner.define('y', num(2));
    assert.strictEqual(inner.scopeOf('x'), outer);
    assert.strictEqual(inner.assign('x', num(5)), outer);
    assert.deepStrictEqual(read(outer, ['x']), [5]);
    assert.strictEqual(inner.assign('z', num(6)), inner);
    assert.deepStrictEqual([inner.lookup('x')?.t, inner.lookup('nope')], ['num', undefined]);
  });
});
