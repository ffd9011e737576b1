// The whole-run result on disk (core/run-cache.ts): its key changes with anything the run reads, and
// a stored result reads back only under the key and version it was stored with.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_CONFIG } from '../../../src/core/config';
import { discoverFiles } from '../../../src/core/discover';
import type { AnalysisResult } from '../../../src/core/model';
import { cacheBytes, hasRun, loadRun, reloadedRun, runKey, storeRun, withModel } from '../../../src/core/run-cache';
import { withWorkspace } from '../workspace';

const FILES = {
  'package.json': '{ "dependencies": { "express": "^4.21.0" } }',
  'tsconfig.json': '{ "compilerOptions": { "baseUrl": "." } }',
  'src/app.js': "const app = require('express')();\napp.get('/a', (req, res) => res.end());\n",
};
const OPTIONS = { version: 'v1', closure: true };
const key = (root: string, config = DEFAULT_CONFIG, options = OPTIONS) => runKey(root, config, discoverFiles(root, config), options);
const RESULT: AnalysisResult = {
  root: '.', apps: [], routes: [], findings: [], annotations: [], skipped: [{ file: 'x.js', reason: 'why' }], stats: { files: 1, ms: 5 },
};

describe('run cache', () => {
  it('gives the same key while nothing changes', () => {
    withWorkspace(FILES, root => assert.strictEqual(key(root), key(root)));
  });

  it('gives another key when a source file changes, is added or is deleted', () => {
    withWorkspace(FILES, root => {
      const before = key(root);
      fs.appendFileSync(path.join(root, 'src/app.js'), '// edited\n');
      const edited = key(root);
      fs.writeFileSync(path.join(root, 'src/b.js'), 'module.exports = 1;\n');
      const added = key(root);
      fs.rmSync(path.join(root, 'src/b.js'));
      assert.strictEqual(new Set([before, edited, added, key(root)]).size, 3);
    });
  });

  it('gives another key when a package.json or tsconfig changes, or a package is installed', () => {
    withWorkspace(FILES, root => {
      const before = key(root);
      fs.writeFileSync(path.join(root, 'tsconfig.json'), '{ "compilerOptions": { "baseUrl": "src" } }');
      const tsconfig = key(root);
      fs.writeFileSync(path.join(root, 'src/package.json'), '{ "type": "module" }');
      const pkg = key(root);
      fs.mkdirSync(path.join(root, 'node_modules/express'), { recursive: true });
      const installed = key(root);
      assert.strictEqual(new Set([before, tsconfig, pkg, installed]).size, 4);
    });
  });

  it('gives another key for another configuration, analyser version or closure setting', () => {
    withWorkspace(FILES, root => {
      const keys = [
        key(root), key(root, { ...DEFAULT_CONFIG, maxFiles: 10 }), key(root, DEFAULT_CONFIG, { version: 'v2', closure: true }),
        key(root, DEFAULT_CONFIG, { version: 'v1', closure: false }),
      ];
      assert.strictEqual(new Set(keys).size, 4);
    });
  });

  it('reads back a stored result under its key, and nothing under another key or version', () => {
    withWorkspace({}, dir => {
      storeRun(dir, 'v1', 'k1', RESULT);
      assert.deepStrictEqual(loadRun(dir, 'v1', 'k1'), RESULT);
      assert.strictEqual(loadRun(dir, 'v1', 'k2'), null);
      assert.strictEqual(loadRun(dir, 'v2', 'k1'), null);
      assert.ok(cacheBytes(dir) > 0);
    });
  });

  it('keys by the texts a run read when told them, else by the disk', () => {
    withWorkspace(FILES, root => {
      const file = path.join(root, 'src/app.js');
      const read = fs.readFileSync(file, 'utf8');
      const byDisk = key(root);
      fs.appendFileSync(file, '// saved since the run\n');
      const discovery = discoverFiles(root, DEFAULT_CONFIG);
      assert.strictEqual(runKey(root, DEFAULT_CONFIG, discovery, OPTIONS, f => (f === file ? read : undefined)), byDisk);
      assert.notStrictEqual(runKey(root, DEFAULT_CONFIG, discovery, OPTIONS), byDisk);
    });
  });

  it('keeps the model lists of a full analysis (the editor reads them), and only then gives it back with its model', () => {
    withWorkspace({}, dir => {
      assert.strictEqual(hasRun(dir), false);
      storeRun(dir, 'v1', 'k1', RESULT);
      assert.strictEqual(hasRun(dir), true);
      assert.strictEqual(withModel(loadRun(dir, 'v1', 'k1')!), null, 'a report-only result has no model');
      const stacks = [[{ kind: 'route', name: 'h' }]] as never;
      const origins = [{ kind: 'app', name: 'app' }] as never;
      storeRun(dir, 'v1', 'k2', { ...RESULT, model: { routes: [], stacks, origins } });
      const full = withModel(loadRun(dir, 'v1', 'k2')!)!;
      assert.deepStrictEqual(full.model, { routes: [], stacks, origins });
      assert.strictEqual(full.model.routes, full.routes);
      const reloaded = reloadedRun(full, '/elsewhere', 7);
      assert.deepStrictEqual([reloaded.root, reloaded.stats.ms, reloaded.stats.fromCache, reloaded.stats.files], ['/elsewhere', 7, true, 1]);
    });
  });

  it('ignores a stored result cut short, or overwritten with garbage', () => {
    withWorkspace({}, dir => {
      storeRun(dir, 'v1', 'k1', RESULT);
      const file = path.join(dir, 'run.bin');
      const whole = fs.readFileSync(file);
      fs.writeFileSync(file, whole.subarray(0, whole.length - 1));
      assert.strictEqual(loadRun(dir, 'v1', 'k1'), null);
      fs.writeFileSync(file, 'garbage, not a cache file');
      assert.strictEqual(loadRun(dir, 'v1', 'k1'), null);
    });
  });
});
