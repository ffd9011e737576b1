// A context's hook is shown by one chain entry in every route under it, made once per walk.
import * as assert from 'assert';
import type { AdapterContext } from '../../../../src/core/adapter';
import type { SourceRange } from '../../../../src/core/model';
import { type Arg, type Site, UNKNOWN } from '../../../../src/core/values';
import { HookEntries } from '../../../../src/frameworks/fastify/chain-entries';
import type { HookRecord } from '../../../../src/frameworks/fastify/objects';

const at: Site = { file: '/w/app.js', span: { start: 10, end: 30, line: 2, column: 1, endLine: 2, endColumn: 21 } };
const ctx = { range: (file: string, span: Site['span']): SourceRange => ({ file: file.slice(3), line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn }) } as AdapterContext;
const hook: Arg = { value: UNKNOWN('fastify.authenticate'), name: 'fastify.authenticate', site: at };
const record = { phase: 'onRequest', fn: hook, site: at } as HookRecord;

describe('fastify chain entries', () => {
  it('a context hook gives the same entry to every route under it; a route hook a new one each time', () => {
    const entries = new HookEntries(() => ({ kind: 'auth', stop: 4, evidence: 'test' }), ctx);
    const first = entries.of(hook, 'onRequest', 'context', at, record);
    assert.deepStrictEqual(first.entry, { name: 'fastify.authenticate', kind: 'auth', stop: 4, file: 'app.js', line: 2, phase: 'onRequest', level: 'context' });
    assert.strictEqual(entries.of(hook, 'onRequest', 'context', at, record), first);
    assert.notStrictEqual(entries.of(hook, 'onRequest', 'route', at, null), entries.of(hook, 'onRequest', 'route', at, null));
  });

  it('an after-handler hook is shown at its phase\'s stop, never as auth', () => {
    const entries = new HookEntries(() => ({ kind: 'auth', stop: 4, evidence: 'test' }), ctx);
    const onSend = { ...record, phase: 'onSend' } as HookRecord;
    const entry = entries.afterHandler(hook, 'onSend', 'app', at, onSend);
    assert.deepStrictEqual(entry, { name: 'fastify.authenticate', kind: 'other', stop: 7, file: 'app.js', line: 2, phase: 'onSend', level: 'app' });
    assert.strictEqual(entries.afterHandler(hook, 'onSend', 'app', at, onSend), entry);
  });
});
