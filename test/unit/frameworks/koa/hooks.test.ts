// The Koa recorder and module replay (src/frameworks/koa/hooks.ts, core/module-reuse.ts): nesting a
// router of another module leaves that module fit for replay, and what is nested is told per run.
import * as assert from 'assert';
import * as path from 'path';
import type { FullAnalysis } from '../../../../src/core/analyse';
import { loadConfig } from '../../../../src/core/config';
import { toJsonReport } from '../../../../src/cli/format-json';
import { analyseFolder, createAnalyser } from '../../../../src/engine';
import { routeLines, unresolvedLines, withWorkspace } from '../../workspace';

const FILES = {
  'package.json': '{ "dependencies": { "koa": "^3.0.0", "@koa/router": "^13.1.0" } }\n',
  'app.js': `const Koa = require('koa');
const api = require('./api');
const app = new Koa();
app.use(api.routes());
app.listen(3000);
`,
  'api.js': `const Router = require('@koa/router');
const users = require('./users');
const router = new Router({ prefix: '/api' });
router.use('/users', users.routes(), users.allowedMethods());
module.exports = router;
`,
  'users.js': `const Router = require('@koa/router');
const router = new Router();
router.get('/', async ctx => { ctx.body = []; });
module.exports = router;
`,
};

function report(r: FullAnalysis): string {
  return JSON.stringify({ ...toJsonReport(r), stats: null });
}

describe('Koa recorder', () => {
  it('a module calling routes() and allowedMethods() on another module\'s router leaves both fit for replay', () => {
    withWorkspace(FILES, root => {
      const a = createAnalyser(root, loadConfig(root));
      a.analyse();
      a.invalidate({});
      const edit = new Map([[path.join(root, 'app.js'), `${FILES['app.js']}// edited\n`]]);
      const second = a.analyse(edit);
      assert.strictEqual(second.stats.replayed, 2);
      assert.deepStrictEqual(routeLines(second), ['GET /api/users [] ⚠']);
      assert.strictEqual(report(second), report(analyseFolder(root, { overlays: edit })));
    });
  });

  it('a router its replayed module made, no longer nested after an edit of the nesting module, is reported as not mounted (as in a cold run)', () => {
    withWorkspace(FILES, root => {
      const a = createAnalyser(root, loadConfig(root));
      a.analyse();
      a.invalidate({});
      const edit = new Map([[path.join(root, 'api.js'), FILES['api.js'].replace(/^router\.use.*\n/m, '')]]);
      const second = a.analyse(edit);
      assert.strictEqual(second.stats.replayed, 1);
      assert.deepStrictEqual(routeLines(second), ['GET / [] ⚠']);
      assert.deepStrictEqual(unresolvedLines(second), ['GET /: router created at users.js:2 is not mounted on any app the analyser found']);
      assert.strictEqual(report(second), report(analyseFolder(root, { overlays: edit })));
    });
  });
});
