// The interpreter on inputs no lowering of a real file makes easily: IR built by hand.
import * as assert from 'assert';
import { Evaluator } from '../../../src/core/evaluate';
import type { Expr, ModuleIR } from '../../../src/core/ir';
import { ModuleResolver } from '../../../src/core/resolve-module';

const module = (body: ModuleIR['body'], imports: ModuleIR['imports'] = {}): ModuleIR => ({
  imports, hoisted: {}, body, exports: {}, reexports: [], deps: Object.values(imports).map(b => b.spec), ignores: {}, syntaxErrors: 0, esm: true,
});

describe('Evaluator', () => {
  it('a module nested deeper than the stack is cut short and listed; the module that imported it runs on', () => {
    // 100,000 nested conditionals: deeper than any stack evaluates, and built without recursion.
    let deep: Expr = { k: 'str', v: '/d' };
    for (let i = 0; i < 100_000; i++) deep = { k: 'cond', op: '?:', test: { k: 'ref', name: 'a', span: SPAN }, options: [{ k: 'str', v: '/c' }, deep] };
    const modules = new Map<string, ModuleIR>([
      ['/w/main.js', module([{ k: 'bind', target: { k: 'name', name: 'after' }, e: { k: 'str', v: 'ran' } }], { 'side effect: ./deep': { spec: './deep', name: '' } })],
      ['/w/deep.js', module([{ k: 'expr', e: deep }])],
    ]);
    const ev = new Evaluator(modules, new ModuleResolver('/nonexistent-root', f => modules.has(f)), []);
    ev.evaluateModule('/w/main.js');
    assert.deepStrictEqual(ev.skipped, [{ file: '/w/deep.js', reason: 'nested too deeply to evaluate: only its code before that point was followed' }]);
    const main = ev.moduleRecords.get('/w/main.js')!;
    assert.strictEqual(main.state, 'done');
    assert.deepStrictEqual(main.env.lookup('after'), { t: 'str', v: 'ran' });
    assert.strictEqual(ev.moduleRecords.get('/w/deep.js')!.tainted, true, 'a partial record is never replayed');
  });
});

const SPAN = { start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };
