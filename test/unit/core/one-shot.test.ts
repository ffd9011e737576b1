import * as assert from 'assert';
import type { ModuleIR, Stmt } from '../../../src/core/ir';
import type { ModuleRecord } from '../../../src/core/module-reuse';
import { releaseEvaluatedBodies } from '../../../src/core/one-shot';

const stmt: Stmt = { k: 'expr', e: { k: 'str', v: 'x' } };

function ir(): ModuleIR {
  return { imports: {}, hoisted: {}, body: [stmt], exports: { a: { k: 'num', v: 1 } }, reexports: [], deps: ['./b'], ignores: { 3: ['*'] }, syntaxErrors: 0, esm: true };
}

function record(file: string, moduleIR: ModuleIR, state: 'evaluating' | 'done'): ModuleRecord {
  return { file, ir: moduleIR, state, trace: [{ dep: './b' }] } as unknown as ModuleRecord;
}

describe('releaseEvaluatedBodies', () => {
  it("empties an evaluated module's statements in the module map and its record, keeping the rest of its IR", () => {
    const a = ir();
    const modules = new Map([['/w/a.ts', a]]);
    const rec = record('/w/a.ts', a, 'done');
    releaseEvaluatedBodies(modules, new Map([['/w/a.ts', rec]]));
    const lean = modules.get('/w/a.ts')!;
    assert.deepStrictEqual(lean.body, []);
    assert.strictEqual(rec.ir, lean);
    assert.strictEqual(lean.exports, a.exports);
    assert.deepStrictEqual(lean.ignores, { 3: ['*'] });
    assert.deepStrictEqual(rec.trace, []);
    // The IR the cache may share is copied, never changed.
    assert.deepStrictEqual(a.body, [stmt]);
  });

  it('keeps the statements of a module that never ran or is still running', () => {
    const b = ir();
    const c = ir();
    const modules = new Map([['/w/b.ts', b], ['/w/c.ts', c]]);
    releaseEvaluatedBodies(modules, new Map([['/w/c.ts', record('/w/c.ts', c, 'evaluating')]]));
    assert.strictEqual(modules.get('/w/b.ts'), b);
    assert.strictEqual(modules.get('/w/c.ts'), c);
  });
});
