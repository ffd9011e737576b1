// Re-analysis walks again only the Koa routers whose routes an edit can change (src/frameworks/koa/router-reuse.ts).
import * as assert from 'assert';
import * as path from 'path';
import type { FullAnalysis } from '../../../../src/core/analyse';
import { loadConfig } from '../../../../src/core/config';
import { toJsonReport } from '../../../../src/cli/format-json';
import { analyseFolder, createAnalyser } from '../../../../src/engine';
import { routeLines, withWorkspace } from '../../workspace';

const FILES = {
  'package.json': '{ "dependencies": { "koa": "^3.0.0", "@koa/router": "^13.1.0", "koa-jwt": "^4.0.4" } }\n',
  'app.js': `const Koa = require('koa');
const jwt = require('koa-jwt');
const users = require('./users');
const orders = require('./orders');
const app = new Koa();
app.use(jwt({ secret: 's' }).unless({ path: ['/api/orders'] }));
app.use(users.routes());
app.use(users.allowedMethods());
app.use(orders.routes());
app.listen(3000);
`,
  'users.js': `const Router = require('@koa/router');
const router = new Router({ prefix: '/api/users' });
router.get('/', async ctx => { ctx.body = []; });
module.exports = router;
`,
  'orders.js': `const Router = require('@koa/router');
const items = require('./items');
const router = new Router({ prefix: '/api/orders' });
router.use(async (ctx, next) => { ctx.state.area = 'orders'; await next(); });
router.get('/', async ctx => { ctx.body = []; });
router.use('/:id/items', items.routes());
module.exports = router;
`,
  'items.js': `const Router = require('@koa/router');
const router = new Router();
router.get('/', async ctx => { ctx.body = []; });
module.exports = router;
`,
};

function report(r: FullAnalysis): string {
  return JSON.stringify({ ...toJsonReport(r), stats: null });
}

/** Analyses the workspace, then again after `edit` (file → new text): the second result, the first, and a cold run's report. */
function afterEdit(root: string, edit: Record<string, string>): { first: FullAnalysis; second: FullAnalysis; cold: string } {
  const a = createAnalyser(root, loadConfig(root));
  const first = a.analyse();
  a.invalidate({});
  const overlays = new Map(Object.entries(edit).map(([f, text]) => [path.join(root, f), text]));
  const second = a.analyse(overlays);
  return { first, second, cold: report(analyseFolder(root, { overlays })) };
}

describe('Koa router reuse', () => {
  it('after an edit to one router\'s module, the other routers\' routes are last run\'s objects, and the result equals a cold run', () => {
    withWorkspace(FILES, root => {
      const { first, second, cold } = afterEdit(root, { 'users.js': FILES['users.js'].replace("get('/'", "get('/:id'") });
      assert.deepStrictEqual(routeLines(second), [
        'GET /api/users/:id [jwt.unless] 🔒', 'GET /api/orders [jwt.unless > allowedMethods > async function] ⚠',
        'GET /api/orders/:id/items [jwt.unless > allowedMethods > async function] 🔒',
      ]);
      assert.strictEqual(second.routes[1], first.routes[1]);
      assert.strictEqual(second.routes[2], first.routes[2]);
      assert.strictEqual(report(second), cold);
    });
  });

  it('a router nested in another module is walked again with the router it is cloned into', () => {
    withWorkspace(FILES, root => {
      const { first, second, cold } = afterEdit(root, { 'items.js': FILES['items.js'].replace("get('/'", "post('/'") });
      assert.deepStrictEqual(routeLines(second).slice(1), [
        'GET /api/orders [jwt.unless > allowedMethods > async function] ⚠', 'POST /api/orders/:id/items [jwt.unless > allowedMethods > async function] 🔒',
      ]);
      assert.strictEqual(second.routes[0], first.routes[0]);
      assert.strictEqual(report(second), cold);
    });
  });

  it('a change to the app\'s middleware before the routers walks them again (the koa-unless path now exempts users)', () => {
    withWorkspace(FILES, root => {
      const { second, cold } = afterEdit(root, { 'app.js': FILES['app.js'].replace("['/api/orders']", "['/api/orders', '/api/users']") });
      assert.deepStrictEqual(routeLines(second)[0], 'GET /api/users [jwt.unless] ⚠');
      assert.strictEqual(report(second), cold);
    });
  });

  it('an earlier router that gains a route matching a later router\'s route walks the later one again (its router.use now runs for it, K3)', () => {
    withWorkspace({
      ...FILES,
      'users.js': `const Router = require('@koa/router');
const router = new Router({ prefix: '/api' });
router.use(async function audit(ctx, next) { await next(); });
router.get('/users', async ctx => { ctx.body = []; });
module.exports = router;
`,
    }, root => {
      const users = `const Router = require('@koa/router');
const router = new Router({ prefix: '/api' });
router.use(async function audit(ctx, next) { await next(); });
router.get('/users', async ctx => { ctx.body = []; });
router.get('/orders', async (ctx, next) => { await next(); });
module.exports = router;
`;
      const { second, cold } = afterEdit(root, { 'users.js': users });
      assert.deepStrictEqual(routeLines(second)[2], 'GET /api/orders [jwt.unless > audit > async function > allowedMethods > async function] ⚠');
      assert.strictEqual(report(second), cold);
    });
  });

  it('a router made afresh before the others renumbers their contexts, as a cold run does (their routes keep their places)', () => {
    withWorkspace(FILES, root => {
      const users = `const Router = require('@koa/router');
const router = new Router({ prefix: '/api/users' });
const inner = new Router();
inner.get('/', async ctx => { ctx.body = []; });
router.use(inner.routes());
module.exports = router;
`;
      const { first, second, cold } = afterEdit(root, { 'users.js': users });
      assert.deepStrictEqual(first.routes.map(r => r.context), ['koa:1', 'koa:2', 'koa:3']);
      assert.deepStrictEqual(second.routes.map(r => r.context), ['koa:2', 'koa:3', 'koa:4']);
      assert.strictEqual(report(second), cold);
    });
  });
});
