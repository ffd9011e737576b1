// The analyser owns every cache of its runs: two analysers in one process (two workspace folders in
// one worker, or tests) interleaved give each exactly what it gives alone, run after run.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { FullAnalysis, WorkspaceAnalyser } from '../../../src/core/analyse';
import { loadConfig } from '../../../src/core/config';
import { createAnalyser } from '../../../src/engine';
import { expectRoutes } from '../workspace';

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
