// What tsconfig.json says that changes which code runs, read with TypeScript's own parser.
import * as assert from 'assert';
import * as path from 'path';
import { Evaluator } from '../../../src/core/evaluate';
import type { ModuleIR } from '../../../src/core/ir';
import { lowerSource } from '../../../src/core/lower';
import { ModuleResolver } from '../../../src/core/resolve-module';
import { readCompilerFacts } from '../../../src/core/tsconfig';
import { withWorkspace } from '../workspace';

describe('readCompilerFacts', () => {
  it('no tsconfig: import lines binding only types are erased, no aliases', () => {
    withWorkspace({ 'app.ts': '' }, root => {
      assert.deepStrictEqual(readCompilerFacts(root), { aliases: [], keepsImportLines: false });
    });
  });

  it('verbatimModuleSyntax keeps import lines, also when inherited through extends (comments allowed)', () => {
    withWorkspace({
      'tsconfig.base.json': '{\n  // shared\n  "compilerOptions": { "verbatimModuleSyntax": true, },\n}\n',
      'tsconfig.json': '{ "extends": "./tsconfig.base.json", "compilerOptions": { "strict": true } }',
    }, root => {
      assert.strictEqual(readCompilerFacts(root).keepsImportLines, true);
    });
  });

  it('paths: longest prefix first, relative to baseUrl, then baseUrl itself for bare specifiers', () => {
    withWorkspace({
      'tsconfig.json': '{ "compilerOptions": { "baseUrl": "src", "paths": { "@/*": ["./*"], "@routes/*": ["routes/*"], "config": ["conf/index.ts"] } } }',
    }, root => {
      const src = path.join(root, 'src');
      assert.deepStrictEqual(readCompilerFacts(root).aliases, [
        { prefix: '@routes/', suffix: '', wildcard: true, targets: [path.join(src, 'routes/*')] },
        { prefix: 'config', suffix: '', wildcard: false, targets: [path.join(src, 'conf/index.ts')] },
        { prefix: '@/', suffix: '', wildcard: true, targets: [path.join(src, '*')] },
        { prefix: '', suffix: '', wildcard: true, targets: [path.join(src, '*')] },
      ]);
    });
  });

  it('a tsconfig that does not parse is passed over for jsconfig.json', () => {
    withWorkspace({
      'tsconfig.json': '{ this is not json',
      'jsconfig.json': '{ "compilerOptions": { "paths": { "~/*": ["./lib/*"] } } }',
    }, root => {
      assert.deepStrictEqual(readCompilerFacts(root).aliases.map(a => a.prefix), ['~/']);
    });
  });
});

describe('erased import lines at run time', () => {
  /** The files the program loads, starting from app.ts. */
  const loaded = (files: Record<string, string>): string[] => withWorkspace(files, root => {
    const modules = new Map<string, ModuleIR>();
    for (const [rel, text] of Object.entries(files)) if (rel.endsWith('.ts')) modules.set(path.join(root, rel), lowerSource(path.join(root, rel), text));
    const ev = new Evaluator(modules, new ModuleResolver(root, f => modules.has(f)), []);
    ev.evaluateModule(path.join(root, 'app.ts'));
    return [...ev.moduleRecords.keys()].map(f => path.relative(root, f)).sort();
  });
  const APP = "import { type Model } from './model';\nexport const x = 1;\n";

  it('`import { type Model }` does not load ./model', () => {
    assert.deepStrictEqual(loaded({ 'app.ts': APP, 'model.ts': 'export interface Model { id: string }\n' }), ['app.ts']);
  });

  it('with verbatimModuleSyntax it loads ./model, as `import {} from` does', () => {
    assert.deepStrictEqual(loaded({
      'tsconfig.json': '{ "compilerOptions": { "verbatimModuleSyntax": true } }',
      'app.ts': APP,
      'model.ts': 'export interface Model { id: string }\n',
    }), ['app.ts', 'model.ts']);
  });
});
