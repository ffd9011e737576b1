// A scan that opens warm (core/warm-scan.ts): the second scan of an unchanged folder is the stored
// result, an edit between scans parses only the edited file, and a damaged cache changes nothing
// but the speed. Every report equals the one a scan without cache gives.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { formatJson } from '../../../src/cli/format-json';
import type { AnalysisResult } from '../../../src/core/model';
import { analyseWarm } from '../../../src/core/warm-scan';
import { adapters, analyseFolder } from '../../../src/engine';
import { allRules } from '../../../src/rules';
import { withWorkspace } from '../workspace';

const FILES = {
  'package.json': '{ "dependencies": { "express": "^4.21.0" } }',
  'app.js': "const express = require('express');\nconst users = require('./users');\nconst app = express();\napp.use('/users', users);\napp.listen(3000);\n",
  'users.js': "const r = require('express').Router();\nr.get('/', (req, res) => res.json([]));\nr.delete('/:id', (req, res) => res.status(204).end());\nmodule.exports = r;\n",
  'web/App.jsx': 'export const App = () => <p>hi</p>;\n',
};
const VERSION = { version: 'test' };

/** The JSON report without its timings (the one field two scans of the same files may differ in). */
const report = (r: AnalysisResult) => formatJson({ ...r, stats: { ...r.stats, ms: 0 } });

function withCache<T>(fn: (root: string, scan: () => AnalysisResult, cacheDir: string) => T): T {
  return withWorkspace(FILES, root => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seven-stops-cache-'));
    try {
      return fn(root, () => analyseWarm(adapters, allRules, root, { dir: cacheDir, ...VERSION }), cacheDir);
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });
}

function cacheFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter(e => e.isFile()).map(e => path.join(e.parentPath, e.name));
}

describe('analyseWarm', () => {
  it('scans cold, then gives the stored result for an unchanged folder, with the same report', () => {
    withCache((root, scan) => {
      const cold = scan();
      const warm = scan();
      assert.deepStrictEqual([cold.stats.fromCache, cold.stats.lowered, warm.stats.fromCache], [undefined, 2, true]);
      assert.strictEqual(report(warm), report(cold));
      assert.strictEqual(report(cold), report(analyseFolder(root)));
    });
  });

  it('parses only a file edited between scans, reloading the others, with the report of a scan without cache', () => {
    withCache((root, scan) => {
      scan();
      fs.appendFileSync(path.join(root, 'users.js'), "r.post('/', (req, res) => res.status(201).end());\n");
      const edited = scan();
      assert.deepStrictEqual([edited.stats.fromCache, edited.stats.lowered, edited.stats.reloaded], [undefined, 1, 1]);
      assert.deepStrictEqual(edited.routes.map(r => `${r.method} ${r.path}`), ['GET /users', 'DELETE /users/:id', 'POST /users']);
      assert.strictEqual(report(edited), report(analyseFolder(root)));
    });
  });

  it('parses a file added between scans', () => {
    withCache((root, scan) => {
      scan();
      fs.writeFileSync(path.join(root, 'health.js'), "require('express')().get('/health', (req, res) => res.end());\n");
      const added = scan();
      assert.deepStrictEqual([added.stats.fromCache, added.stats.lowered, added.stats.reloaded], [undefined, 1, 2]);
      assert.strictEqual(report(added), report(analyseFolder(root)));
    });
  });

  it('ignores every cache file overwritten with garbage, and gives the report of a scan without cache', () => {
    withCache((root, scan, cacheDir) => {
      scan();
      for (const f of cacheFiles(cacheDir)) fs.writeFileSync(f, 'garbage');
      const again = scan();
      assert.deepStrictEqual([again.stats.fromCache, again.stats.lowered, again.stats.reloaded], [undefined, 2, 0]);
      assert.strictEqual(report(again), report(analyseFolder(root)));
      // Written anew: the next scan is warm again.
      assert.strictEqual(scan().stats.fromCache, true);
    });
  });

  it('ignores every cache file cut short (a truncated write)', () => {
    withCache((root, scan, cacheDir) => {
      scan();
      for (const f of cacheFiles(cacheDir)) fs.writeFileSync(f, fs.readFileSync(f).subarray(0, 20));
      const again = scan();
      assert.deepStrictEqual([again.stats.fromCache, again.stats.lowered], [undefined, 2]);
      assert.strictEqual(report(again), report(analyseFolder(root)));
    });
  });

  it('ignores a cache another analyser version wrote', () => {
    withCache((root, scan, cacheDir) => {
      scan();
      const other = analyseWarm(adapters, allRules, root, { dir: cacheDir, version: 'another' });
      assert.deepStrictEqual([other.stats.fromCache, other.stats.lowered, other.stats.reloaded], [undefined, 2, 0]);
      assert.strictEqual(report(other), report(analyseFolder(root)));
    });
  });

  it('neither uses nor keeps a result for unsaved texts', () => {
    withCache((root, scan, cacheDir) => {
      scan();
      const users = path.join(root, 'users.js');
      const overlays = new Map([[users, "module.exports = require('express').Router();\n"]]);
      const unsaved = analyseWarm(adapters, allRules, root, { dir: cacheDir, ...VERSION }, { overlays });
      assert.deepStrictEqual([unsaved.stats.fromCache, unsaved.routes.length], [undefined, 0]);
      assert.strictEqual(scan().stats.fromCache, true);
    });
  });
});
