import * as assert from 'assert';
import type { ModuleIR, Stmt } from '../../../src/core/ir';
import type { ModuleRecord } from '../../../src/core/module-reuse';
import { Evaluator } from '../../../src/core/evaluate';
import { lowerSource } from '../../../src/core/lower';
import { releaseEvaluatedBodies, releaseEvaluatedBody } from '../../../src/core/one-shot';
import { ModuleResolver } from '../../../src/core/resolve-module';

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

describe('releaseEvaluatedBody, as each module finishes', () => {
  it('the evaluator tells each module as its own evaluation ends, in an import cycle the inner one first, each done by then', () => {
    const files: Record<string, string> = {
      '/w/a.js': "const b = require('./b');\nexports.a = 1;\n",
      '/w/b.js': "const a = require('./a');\nexports.b = 2;\n",
    };
    const modules = new Map(Object.entries(files).map(([f, t]) => [f, lowerSource(f, t)]));
    const told: string[] = [];
    const ev = new Evaluator(modules, new ModuleResolver('/nonexistent-root', f => modules.has(f)), [], undefined, null, undefined, null, rec => {
      told.push(`${rec.file} ${rec.state}`);
      releaseEvaluatedBody(modules, rec);
    });
    ev.evaluateModule('/w/a.js');
    ev.evaluateModule('/w/a.js');
    assert.deepStrictEqual(told, ['/w/b.js done', '/w/a.js done']);
    assert.deepStrictEqual([...modules.values()].map(m => m.body.length), [0, 0]);
    // What other modules read of them stays: their exports.
    assert.deepStrictEqual(Object.keys(modules.get('/w/a.js')!.exports), Object.keys(lowerSource('/w/a.js', files['/w/a.js']).exports));
  });

  it('copies a module once: one already let go is left as it is', () => {
    const a = ir();
    const modules = new Map([['/w/a.ts', a]]);
    const rec = record('/w/a.ts', a, 'done');
    releaseEvaluatedBody(modules, rec);
    const lean = modules.get('/w/a.ts')!;
    releaseEvaluatedBody(modules, rec);
    assert.strictEqual(modules.get('/w/a.ts'), lean);
    assert.strictEqual(rec.ir, lean);
  });
});
