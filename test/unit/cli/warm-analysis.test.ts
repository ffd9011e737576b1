// The MCP server's warm analysis: a call after nothing changed answers from memory, a call after an
// edit re-reads only what the stats say changed, and created or deleted files are found again.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { AnalysisUnavailable, WarmAnalysis } from '../../../src/cli/warm-analysis';
import { withWorkspace } from '../workspace';

const APP = "const app = require('express')();\napp.get('/a', (req, res) => res.end());\napp.use(require('./more'));\napp.listen(3000);\n";
const MORE = "const r = require('express').Router();\nr.get('/b', (req, res) => res.end());\nmodule.exports = r;\n";
const paths = (w: WarmAnalysis) => w.current().routes.map(r => r.path);

describe('WarmAnalysis', () => {
  it('answers from memory until a file it read changes, then re-reads only that file', () => {
    withWorkspace({ 'app.js': APP, 'more.js': MORE }, dir => {
      const w = new WarmAnalysis(dir);
      assert.deepStrictEqual(paths(w), ['/a', '/b']);
      assert.strictEqual(w.lastRun, 'full');
      const first = w.current();
      assert.strictEqual(w.lastRun, 'cached');
      assert.strictEqual(w.current(), first);
      fs.writeFileSync(path.join(dir, 'more.js'), MORE.replace("'/b'", "'/bee'"));
      assert.deepStrictEqual(paths(w), ['/a', '/bee']);
      assert.strictEqual(w.lastRun, 'incremental');
      assert.strictEqual(first.stats.read, 2);
      assert.strictEqual(w.current().stats.read, 1);
    });
  });

  it('finds a file created in a folder it read, and forgets a deleted one', () => {
    withWorkspace({ 'app.js': APP, 'more.js': MORE }, dir => {
      const w = new WarmAnalysis(dir);
      paths(w);
      fs.mkdirSync(path.join(dir, 'lib'));
      fs.writeFileSync(path.join(dir, 'lib/c.js'), MORE.replace("'/b'", "'/c'"));
      fs.writeFileSync(path.join(dir, 'more.js'), "module.exports = require('./lib/c');\n");
      assert.deepStrictEqual(paths(w), ['/a', '/c']);
      fs.rmSync(path.join(dir, 'lib'), { recursive: true });
      assert.deepStrictEqual(paths(w), ['/a']);
      assert.strictEqual(w.lastRun, 'incremental');
    });
  });

  it('runs again in full when the configuration changes, and says why it cannot run', () => {
    withWorkspace({ 'app.js': APP, 'more.js': MORE }, dir => {
      const w = new WarmAnalysis(dir);
      assert.deepStrictEqual(paths(w), ['/a', '/b']);
      fs.writeFileSync(path.join(dir, '.sevenstops.json'), '{ "rules": { "no-route-before-auth": "loud" } }');
      assert.throws(() => w.current(), (e: Error) => e instanceof AnalysisUnavailable && /^configuration error: .*must be one of error, warning, info, off/.test(e.message));
      fs.writeFileSync(path.join(dir, '.sevenstops.json'), '{ "exclude": ["more.js"] }');
      assert.deepStrictEqual(paths(w), ['/a']);
      assert.strictEqual(w.lastRun, 'full');
    });
    const gone = new WarmAnalysis('/no/such/folder');
    assert.throws(() => gone.current(), /^Error: the folder \/no\/such\/folder does not exist \(any more\)$/);
  });
});
