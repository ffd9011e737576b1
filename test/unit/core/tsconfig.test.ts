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
  it('no tsconfig: nothing to say (the resolver then uses the nearest folder above that has one)', () => {
    withWorkspace({ 'app.ts': '' }, root => {
      assert.strictEqual(readCompilerFacts(root), null);
    });
  });

  it('verbatimModuleSyntax keeps import lines, also when inherited through extends (comments allowed)', () => {
    withWorkspace({
      'tsconfig.base.json': '{\n  // shared\n  "compilerOptions": { "verbatimModuleSyntax": true, },\n}\n',
      'tsconfig.json': '{ "extends": "./tsconfig.base.json", "compilerOptions": { "strict": true } }',
    }, root => {
      assert.strictEqual(readCompilerFacts(root)!.keepsImportLines, true);
    });
  });

  it('paths: longest prefix first, relative to baseUrl, then baseUrl itself for bare specifiers', () => {
    withWorkspace({
      'tsconfig.json': '{ "compilerOptions": { "baseUrl": "src", "paths": { "@/*": ["./*"], "@routes/*": ["routes/*"], "config": ["conf/index.ts"] } } }',
    }, root => {
      const src = path.join(root, 'src');
      assert.deepStrictEqual(readCompilerFacts(root)!.aliases, [
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
      assert.deepStrictEqual(readCompilerFacts(root)!.aliases.map(a => a.prefix), ['~/']);
    });
  });
});

describe('tsconfig per package (the nearest one above each file)', () => {
  const MONOREPO = {
    'tsconfig.json': '{ "compilerOptions": { "strict": true } }',
    'packages/api/tsconfig.json': '{ "extends": "../../tsconfig.json", "compilerOptions": { "baseUrl": ".", "paths": { "@api/*": ["src/*"] } } }',
    'packages/api/src/server.ts': '',
    'packages/api/src/routes/users.ts': '',
    'packages/web/jsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./lib/*"] } } }',
    'packages/web/lib/client.js': '',
    'packages/web/lib/deep/page.js': '',
    'scripts/seed.ts': '',
  };
  const resolve = (root: string, from: string, spec: string) => {
    const files = new Set(Object.keys(MONOREPO).map(f => path.join(root, f)));
    const r = new ModuleResolver(root, f => files.has(f)).resolve(path.join(root, from), spec);
    return r.kind === 'file' ? path.relative(root, r.file).split(path.sep).join('/') : r.kind;
  };

  it("a package's files resolve its own aliases, also from subfolders", () => {
    withWorkspace(MONOREPO, root => {
      assert.strictEqual(resolve(root, 'packages/api/src/server.ts', '@api/routes/users'), 'packages/api/src/routes/users.ts');
      assert.strictEqual(resolve(root, 'packages/web/lib/deep/page.js', '@/client'), 'packages/web/lib/client.js');
    });
  });

  it("another package's aliases do not apply (the specifier stays a package), nor do they at the root", () => {
    withWorkspace(MONOREPO, root => {
      assert.strictEqual(resolve(root, 'packages/api/src/server.ts', '@/client'), 'package');
      assert.strictEqual(resolve(root, 'scripts/seed.ts', '@api/routes/users'), 'package');
    });
  });

  it('verbatimModuleSyntax applies to the files of the package that sets it only', () => {
    withWorkspace({
      'packages/a/tsconfig.json': '{ "compilerOptions": { "verbatimModuleSyntax": true } }',
    }, root => {
      const resolver = new ModuleResolver(root, () => false);
      assert.strictEqual(resolver.keepsImportLines(path.join(root, 'packages/a/src/app.ts')), true);
      assert.strictEqual(resolver.keepsImportLines(path.join(root, 'packages/b/src/app.ts')), false);
      assert.strictEqual(resolver.keepsImportLines(path.join(root, 'app.ts')), false);
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
