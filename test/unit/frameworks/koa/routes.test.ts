// Koa routes and chains from the recorded apps and routers: order-based like Express (K1, K2), but a
// router's use() runs only when one of its routes matches (K3) and never reaches another router (K4),
// nested routers are cloned in (K5), routes added late take the router's position (K8), code after
// `await next()` runs once the handler has run (K9), param handlers run first (K10).
import * as assert from 'assert';
import { analyse, expectRoutes } from '../../workspace';

const HEAD = `const Koa = require('koa');
const Router = require('@koa/router');
async function requireUser(ctx, next) { if (!ctx.state.user) { ctx.status = 401; return; } await next(); }
async function log(ctx, next) { await next(); }
async function h(ctx) { ctx.body = 'ok'; }
const app = new Koa();
`;

describe('koa routes', () => {
  it('K1: app.use(auth) after the router does not cover its routes; one before it does', () => {
    expectRoutes({ 'app.js': `${HEAD}const a = new Router();
a.get('/a', h);
const b = new Router();
b.get('/b', h);
app.use(a.routes());
app.use(requireUser);
app.use(b.routes());
` }, ['GET /a [] ⚠', 'GET /b [requireUser] 🔒']);
  });

  it('K2: router.use(auth) covers only the routes registered after it', () => {
    expectRoutes({ 'app.js': `${HEAD}const r = new Router();
r.use(log);
r.get('/x', h);
r.use(requireUser);
r.get('/z', h);
app.use(r.routes());
` }, ['GET /x [log] ⚠', 'GET /z [log > requireUser] 🔒']);
  });

  it('K3, K4: a router whose routes do not match never runs its use(), even under the same prefix', () => {
    expectRoutes({ 'app.js': `${HEAD}const only = new Router();
only.use(requireUser);
const orders = new Router({ prefix: '/api' });
orders.use(requireUser);
orders.get('/orders', h);
const status = new Router({ prefix: '/api' });
status.get('/health', h);
app.use(only.routes());
app.use(orders.routes());
app.use(status.routes());
` }, ['GET /api/orders [requireUser] 🔒', 'GET /api/health [] ⚠']);
  });

  it("K5: a nested router's layers are cloned into the parent under the use-path; its use() and the allowedMethods() beside it run before the parent's later route there", () => {
    expectRoutes({ 'app.js': `${HEAD}const parent = new Router({ prefix: '/p' });
const child = new Router();
child.use(requireUser);
child.get('/c', h);
child.get('/', h);
parent.get('/before', h);
parent.use('/kids', child.routes(), child.allowedMethods());
parent.get('/kids/direct', h);
parent.get('/after', h);
child.get('/late', h);
app.use(parent.routes());
` }, ['GET /p/before [] ⚠', 'GET /p/kids/c [requireUser] 🔒', 'GET /p/kids [requireUser] 🔒', 'GET /p/kids/direct [requireUser > allowedMethods] 🔒', 'GET /p/after [] ⚠']);
  });

  it("K8: a route added after the router was mounted takes the router's position", () => {
    expectRoutes({ 'app.js': `${HEAD}const r = new Router();
app.use(r.routes());
app.use(requireUser);
r.get('/late', h);
` }, ['GET /late [] ⚠']);
  });

  it("K9: auth that checks only after await next() is in the chain as 'after' and protects nothing", () => {
    const r = expectRoutes({ 'app.js': `${HEAD}async function checkUser(ctx, next) { await next(); if (!ctx.state.user) { ctx.status = 401; } }
const r = new Router();
app.use(checkUser);
app.use(requireUser);
r.post('/delete', h);
app.use(r.routes());
` }, ['POST /delete [checkUser > requireUser] 🔒']);
    assert.deepStrictEqual(r.routes[0].chain.map(c => c.when), ['after', 'before']);
    assert.deepStrictEqual(r.routes[0].authBy, ['requireUser']);
  });

  it('K10: router.param() handlers run before route-level middleware, for routes registered before it too', () => {
    expectRoutes({ 'app.js': `${HEAD}async function load(id, ctx, next) { await next(); }
const r = new Router({ prefix: '/orders' });
r.get('/:orderId', requireUser, h);
r.param('orderId', load);
r.get('/', h);
app.use(r.routes());
` }, ['GET /orders/:orderId [load > requireUser] 🔒', 'GET /orders [] ⚠']);
  });

  it('K10: router.all(path, auth) joins the chain of a later route on that path; redirect() is a public route for every method', () => {
    expectRoutes({ 'app.js': `${HEAD}const r = new Router();
r.all('/reports', requireUser);
r.get('/reports', h);
r.get('home', '/home', h);
r.redirect('/index.html', 'home');
app.use(r.routes());
` }, ['ALL /reports [] ⚠', 'GET /reports [requireUser] 🔒', 'GET /home [] ⚠', 'ALL /index.html [] ⚠']);
  });

  it('K7: an earlier route that matches and does not call next() shadows a later one; one that calls next() joins its chain', () => {
    const r = expectRoutes({ 'app.js': `${HEAD}async function maybe(ctx, next) { if (ctx.params.id === 'me') return next(); ctx.body = 'x'; }
const r = new Router();
r.get('/users/:id', h);
r.get('/users/me', h);
const s = new Router();
s.get('/things/:id', maybe);
s.get('/things/me', requireUser, h);
app.use(r.routes());
app.use(s.routes());
` }, ['GET /users/:id [] ⚠', 'GET /users/me [] ⚠', 'GET /things/:id [] ⚠', 'GET /things/me [maybe > requireUser] 🔒']);
    assert.deepStrictEqual(r.model.routes[1].shadowedBy[0].reason, { k: 'route-first', route: 'GET /users/:id', koa: true });
    assert.deepStrictEqual(r.model.routes[3].shadowedBy, []);
  });

  it("router.prefix() applies to the layers so far and later ones; Router() without new and router.middleware() work too", () => {
    expectRoutes({ 'app.js': `${HEAD}const r = Router();
r.use(requireUser);
r.get('/', h);
r.prefix('/v1/');
r.get('/invoices', h);
app.use(r.middleware());
` }, ['GET /v1 [requireUser] 🔒', 'GET /v1/invoices [requireUser] 🔒']);
  });

  it('an array of paths registers one route per path', () => {
    expectRoutes({ 'app.js': `${HEAD}const r = new Router({ prefix: '/api' });
r.get(['/a', '/b'], requireUser, h);
app.use(r.routes());
` }, ['GET /api/a [requireUser] 🔒', 'GET /api/b [requireUser] 🔒']);
  });

  it('koa-compose arrays run in their position, at app and at route level', () => {
    expectRoutes({ 'app.js': `${HEAD}const compose = require('koa-compose');
const guard = compose([log, requireUser]);
const open = new Router();
open.get('/open', h);
open.get('/guarded', guard, h);
const closed = new Router();
closed.get('/closed', h);
app.use(open.routes());
app.use(compose([log, requireUser]));
app.use(closed.routes());
` }, ['GET /open [] ⚠', 'GET /guarded [log > requireUser] 🔒', 'GET /closed [log > requireUser] 🔒']);
  });

  it("koa-mount: a sub-app's routes get the mount path and its own order; the parent's later middleware does not reach them", () => {
    expectRoutes({ 'app.js': `${HEAD}const mount = require('koa-mount');
const admin = new Koa();
const ar = new Router();
ar.get('/users', h);
admin.use(requireUser);
admin.use(ar.routes());
const r = new Router();
r.get('/me', h);
app.use(mount('/admin', admin));
app.use(log);
app.use(r.routes());
` }, ['GET /admin/users [requireUser] 🔒', 'GET /me [log] ⚠']);
  });

  it('a router exported as router.routes() from another file is mounted where the app uses it', () => {
    expectRoutes({
      'routes.js': `const Router = require('@koa/router');
const r = new Router({ prefix: '/orders' });
r.get('/', async (ctx) => { ctx.body = []; });
module.exports = r.routes();
`,
      'app.js': `${HEAD}app.use(requireUser);
app.use(require('./routes'));
`,
    }, ['GET /orders [requireUser] 🔒']);
  });

  it('a router no app mounts is still reported, with a note', () => {
    expectRoutes({ 'app.js': `${HEAD}const r = new Router();
r.get('/lost', h);
` }, ['GET /lost [] ⚠'], ['GET /lost: router created at app.js:7 is not mounted on any app the analyser found']);
  });

  it('K5: a router holding only nested routers, itself nested in a mounted router, is not reported unmounted (koa-knex-realworld-example)', () => {
    expectRoutes({ 'app.js': `${HEAD}const users = new Router();
users.get('/user', requireUser, h);
const api = new Router();
api.use(users.routes());
const root = new Router();
root.use('/api', api.routes());
app.use(root.routes());
` }, ['GET /api/user [requireUser] 🔒']);
  });

  it('K14: a generator in router.use() never runs: the routes after it are unreachable', () => {
    const r = expectRoutes({ 'app.js': `${HEAD}function* legacy(next) { yield next; }
const r = new Router();
r.get('/health', h);
r.use(legacy);
r.get('/me', h);
app.use(r.routes());
` }, ['GET /health [] ⚠', 'GET /me [] ⚠']);
    assert.deepStrictEqual(r.model.routes[0].shadowedBy, []);
    assert.deepStrictEqual(r.model.routes[1].shadowedBy[0].reason, { k: 'generator', koa3: false });
  });

  it('K14: a generator app.use() runs on Koa 2 (converted) and stops every request on Koa 3', () => {
    const app = `${HEAD}function* requireLegacy(next) { if (!this.state.user) { this.status = 401; return; } yield next; }
const r = new Router();
app.use(requireLegacy);
r.get('/me', h);
app.use(r.routes());
`;
    const koa2 = expectRoutes({ 'package.json': '{ "dependencies": { "koa": "^2.16.4" } }', 'app.js': app }, ['GET /me [requireLegacy] 🔒']);
    assert.deepStrictEqual(koa2.model.routes[0].shadowedBy, []);
    const koa3 = analyse({ 'package.json': '{ "dependencies": { "koa": "^3.0.0" } }', 'app.js': app });
    assert.deepStrictEqual(koa3.model.routes[0].shadowedBy.map(s => [s.name, s.reason]), [['requireLegacy', { k: 'generator', koa3: true }]]);
  });

  it('routes name their router as a context, with its prefix', () => {
    const r = analyse({ 'app.js': `${HEAD}const r = new Router({ prefix: '/api' });
r.get('/x', h);
app.use(r.routes());
` });
    const [c] = r.contexts!;
    assert.deepStrictEqual([c.id, c.parent, c.prefix, c.encapsulated, c.file, c.line], ['koa:1', null, '/api', false, 'app.js', 7]);
    assert.strictEqual(r.model.contexts![0].framework, 'koa');
    assert.strictEqual(r.routes[0].context, 'koa:1');
    assert.deepStrictEqual(r.routes[0].chain, []);
  });

  it("K11: router.use('/admin', auth) is a case-insensitive segment prefix on @koa/router 15, a raw case-sensitive RegExp on koa-router 14", () => {
    const app = (pkg: string) => `const Koa = require('koa');
const Router = require('${pkg}');
async function requireAdmin(ctx, next) { if (!ctx.state.user) { ctx.status = 401; return; } await next(); }
async function h(ctx) { ctx.body = 'ok'; }
const app = new Koa();
const r = new Router();
r.use('/admin', requireAdmin);
r.get('/admin/x', h);
r.get('/administrator', h);
r.get('/Admin/y', h);
r.get('/x/admin', h);
app.use(r.routes());
`;
    expectRoutes({ 'package.json': '{ "dependencies": { "@koa/router": "^15.7.0" } }', 'app.js': app('@koa/router') }, [
      'GET /admin/x [requireAdmin] 🔒', 'GET /administrator [] ⚠', 'GET /Admin/y [requireAdmin] 🔒', 'GET /x/admin [] ⚠',
    ]);
    expectRoutes({ 'package.json': '{ "dependencies": { "koa-router": "^14.0.0" } }', 'app.js': app('koa-router') }, [
      'GET /admin/x [requireAdmin] 🔒', 'GET /administrator [requireAdmin] 🔒', 'GET /Admin/y [] ⚠', 'GET /x/admin [requireAdmin] 🔒',
    ]);
  });

  it("K11: on koa-router 14 a path-less use() under a prefix with a parameter never runs (':tenant' is literal in its RegExp)", () => {
    const app = (pkg: string) => `const Koa = require('koa');
const Router = require('${pkg}');
async function requireUser(ctx, next) { if (!ctx.state.user) { ctx.status = 401; return; } await next(); }
const app = new Koa();
const r = new Router({ prefix: '/t/:tenant' });
r.use(requireUser);
r.get('/billing', async (ctx) => { ctx.body = []; });
app.use(r.routes());
`;
    expectRoutes({ 'package.json': '{ "dependencies": { "@koa/router": "^13.1.1" } }', 'app.js': app('@koa/router') }, ['GET /t/:tenant/billing [requireUser] 🔒']);
    expectRoutes({ 'package.json': '{ "dependencies": { "koa-router": "^14.0.0" } }', 'app.js': app('koa-router') }, ['GET /t/:tenant/billing [] ⚠']);
  });

  it("K12: each router's context names its package, version and where it was read, and its path-less use() layers with their prefix", () => {
    const r = analyse({
      'package.json': '{ "dependencies": { "@koa/router": "^15.0.0" } }',
      'package-lock.json': '{ "lockfileVersion": 3, "packages": { "node_modules/@koa/router": { "version": "15.7.0" } } }',
      'app.js': `${HEAD}const api = new Router({ prefix: '/api' });
api.use(requireUser);
api.get('/secret', h);
const parent = new Router();
const kids = new Router();
kids.use(requireUser);
kids.get('/x', h);
parent.use('/kids', kids.routes());
app.use(api.routes());
app.use(parent.routes());
`,
    });
    const contexts = r.model.contexts!.map(c => ({ line: c.line, prefix: c.prefix, pkg: c.routerPackage, uses: c.pathlessUses!.map(u => `${u.name} ${u.prefix}`) }));
    const pkg = { name: '@koa/router', version: '15.7.0', from: 'lock' };
    assert.deepStrictEqual(contexts, [
      { line: 7, prefix: '/api', pkg, uses: ['requireUser /api'] },
      { line: 10, prefix: '', pkg, uses: ['requireUser /kids'] },
      { line: 11, prefix: '/kids', pkg, uses: ['requireUser '] },
    ]);
  });

  it('K5: a nested router\'s context has the router that cloned it in as parent, and each router the name it is mounted by', () => {
    const r = analyse({
      'app.js': `${HEAD}const api = new Router({ prefix: '/api' });
const v1 = new Router();
const kids = new Router();
kids.get('/x', h);
v1.use('/kids', kids.routes());
api.use('/v1', v1.routes());
app.use(api.routes());
`,
    });
    const contexts = r.model.contexts!.map(c => ({ id: c.id, parent: c.parent, name: c.name, prefix: c.prefix }));
    assert.deepStrictEqual(contexts, [
      { id: 'koa:1', parent: null, name: 'api', prefix: '/api' },
      { id: 'koa:3', parent: 'koa:1', name: 'v1', prefix: '/api/v1' },
      { id: 'koa:2', parent: 'koa:3', name: 'kids', prefix: '/api/v1/kids' },
    ]);
    assert.deepStrictEqual(r.routes.map(x => `${x.method} ${x.path} ${x.context}`), ['GET /api/v1/kids/x koa:2']);
  });
});
