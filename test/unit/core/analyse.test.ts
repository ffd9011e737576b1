// The analyser owns every cache of its runs: two analysers in one process (two workspace folders in
// one worker, or tests) interleaved give each exactly what it gives alone, run after run.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { FullAnalysis, WorkspaceAnalyser } from '../../../src/core/analyse';
import { loadConfig } from '../../../src/core/config';
import { analyseFolder, createAnalyser } from '../../../src/engine';
import { expectRoutes, withWorkspace } from '../workspace';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures');
const BASIC = path.join(FIXTURES, 'express-basic');
const FIXES = path.join(FIXTURES, 'express-fixes');

/** A result without its timings and work counts (they differ run to run). */
function comparable(r: FullAnalysis): unknown {
  const { stats: _stats, ...rest } = r;
  return JSON.parse(JSON.stringify(rest));
}

/** Editor overlays (the fixtures on disk stay untouched): the file with a comment added at its end. */
function edited(root: string, rel: string): Map<string, string> {
  const file = path.join(root, rel);
  return new Map([[file, `${fs.readFileSync(file, 'utf8')}\n// edited\n`]]);
}

/** Cold run, an edit, the edit discarded: what the editor does, one step per call. */
function steps(edit: Map<string, string>): ((a: WorkspaceAnalyser) => unknown)[] {
  return [
    a => comparable(a.analyse()),
    a => { a.invalidate({}); return comparable(a.analyse(edit)); },
    a => { a.invalidate({}); return comparable(a.analyse()); },
  ];
}

describe('WorkspaceAnalyser', () => {
  it('two analysers run interleaved give, step by step, what each gives alone (host ids included)', () => {
    const basicSteps = steps(edited(BASIC, 'src/server.js'));
    const fixesSteps = steps(edited(FIXES, 'src/users.js'));
    const alone = (root: string, list: typeof basicSteps) => {
      const a = createAnalyser(root, loadConfig(root));
      return list.map(step => step(a));
    };
    const basicAlone = alone(BASIC, basicSteps);
    const fixesAlone = alone(FIXES, fixesSteps);
    const a = createAnalyser(BASIC, loadConfig(BASIC));
    const b = createAnalyser(FIXES, loadConfig(FIXES));
    for (let i = 0; i < basicSteps.length; i++) {
      assert.deepStrictEqual(basicSteps[i](a), basicAlone[i], `express-basic, step ${i}`);
      assert.deepStrictEqual(fixesSteps[i](b), fixesAlone[i], `express-fixes, step ${i}`);
    }
  });
});

describe('real-world shapes (Node-RED, verdaccio, parse-server)', () => {
  describe('entry files (G3)', () => {
    it("an entry file that never imports express runs require('./app')(), a factory creating the app (verdaccio's server entry)", () => {
      expectRoutes({
        'app.js': `const express = require('express');
module.exports = function createApp() {
  const app = express();
  app.get('/a', function a(req, res) { res.end(); });
  return app;
};
`,
        'server.js': `const createApp = require('./app');
const app = createApp();
app.get('/b', function b(req, res) { res.end(); });
app.listen(3000);
`,
      }, ['GET /a [] ⚠', 'GET /b [] ⚠']);
    });
  });
});

describe('WorkspaceAnalyser stored runs (a window reopened, analysis-worker.ts)', () => {
  /** An analyser as the editor's worker makes one, with its storage folder. */
  function withStorage<T>(fn: (root: string, open: () => WorkspaceAnalyser) => T): T {
    return withWorkspace({}, root => {
      fs.cpSync(FIXES, root, { recursive: true });
      const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'seven-stops-storage-'));
      try {
        return fn(root, () => createAnalyser(root, loadConfig(root), storage));
      } finally {
        fs.rmSync(storage, { recursive: true, force: true });
      }
    });
  }

  it('gives a new analyser the stored result of the last run, model lists included, equal to a run', () => {
    withStorage((_root, open) => {
      const first = open();
      assert.strictEqual(first.storedRun(), null, 'nothing stored yet');
      const ran = first.analyse();
      assert.strictEqual(first.storeLastRun(), true);
      const stored = open().storedRun();
      assert.ok(stored, 'a stored result');
      assert.strictEqual(stored.stats.fromCache, true);
      assert.deepStrictEqual(comparable(stored), comparable(ran));
      assert.strictEqual(stored.routes, stored.model.routes, 'routes and model.routes stay one list');
      assert.ok(stored.model.stacks.length > 0 && stored.model.stacks.length === ran.model.stacks.length);
    });
  });

  it('gives nothing once a file changed on disk, and stores nothing after a run on unsaved texts', () => {
    withStorage((root, open) => {
      const a = open();
      a.analyse();
      a.storeLastRun();
      fs.appendFileSync(path.join(root, 'src/users.js'), '\n// edited while the window was closed\n');
      assert.strictEqual(open().storedRun(), null);
      const b = open();
      b.analyse(edited(root, 'src/users.js'));
      assert.strictEqual(b.storeLastRun(), false, 'the result is not what the disk holds');
    });
  });

  it('keys a stored run by the texts the run read, not what the disk holds when it is stored', () => {
    withStorage((root, open) => {
      const a = open();
      a.analyse();
      fs.appendFileSync(path.join(root, 'src/users.js'), '\n// saved after the run, before it was stored\n');
      a.storeLastRun();
      assert.strictEqual(open().storedRun(), null, 'the disk has moved on: the stored result is not for it');
    });
  });

  it('tells the caller as each phase ends, in order (a one-run scan and an editor run)', () => {
    const told: string[] = [];
    const r = analyseFolder(BASIC, { onPhaseEnd: p => told.push(p) });
    assert.deepStrictEqual(told, ['load', 'evaluate', 'link', 'rules']);
    assert.deepStrictEqual(Object.keys(r.stats.phases ?? {}), told);
    const editor: string[] = [];
    createAnalyser(BASIC, loadConfig(BASIC)).analyse(undefined, undefined, p => editor.push(p));
    assert.deepStrictEqual(editor, told);
  });
});
