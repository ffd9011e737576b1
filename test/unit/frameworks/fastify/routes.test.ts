// Fastify routes and chains from the recorded contexts: hooks reach their context and its
// descendants whatever the order (F1, F3), fastify-plugin shares the parent's context (F4, F5), a
// prefix is not a scope (F6), hooks run per phase root → child → route level (F7).
import * as assert from 'assert';
import { analyse, expectRoutes } from '../../workspace';

const HOOKS = `const fastify = require('fastify');
const fp = require('fastify-plugin');
function requireUser(request, reply, done) { if (!request.headers.authorization) return reply.code(401).send(); done(); }
function tag(request, reply, done) { done(); }
`;

describe('fastify routes', () => {
  it('F1: a hook added after a route in the same context still covers it', () => {
    expectRoutes({ 'app.js': `${HOOKS}const app = fastify();
app.get('/x', async () => 'x');
app.addHook('onRequest', requireUser);
` }, ['GET /x [requireUser] 🔒']);
  });

  it('F3: a hook in a plain register(plugin) covers its routes and its children, not siblings or the root', () => {
    expectRoutes({ 'app.js': `${HOOKS}const app = fastify();
app.register(async function admin(instance) {
  instance.addHook('onRequest', requireUser);
  instance.get('/admin', async () => 'a');
  instance.register(async function child(c) { c.get('/admin/reports', async () => []); });
});
app.register(async function sibling(instance) { instance.get('/sibling', async () => 's'); });
app.get('/root', async () => 'r');
` }, ['GET /root [] ⚠', 'GET /admin [requireUser] 🔒', 'GET /admin/reports [requireUser] 🔒', 'GET /sibling [] ⚠']);
  });

  it('F4: a hook in register(fp(plugin)) covers the root and plugins registered before and after it', () => {
    expectRoutes({ 'app.js': `${HOOKS}const app = fastify();
app.register(async function before(instance) { instance.get('/before', async () => 'b'); });
app.register(fp(async function auth(instance) { instance.addHook('onRequest', requireUser); }));
app.register(async function after(instance) { instance.get('/after', async () => 'a'); });
app.get('/root', async () => 'r');
` }, ['GET /root [requireUser] 🔒', 'GET /before [requireUser] 🔒', 'GET /after [requireUser] 🔒']);
  });

  it('F5: an fp plugin inside an encapsulated plugin reaches that plugin only', () => {
    expectRoutes({ 'app.js': `${HOOKS}const app = fastify();
app.register(async function admin(instance) {
  instance.register(fp(async function auth(i) { i.addHook('preHandler', requireUser); }));
  instance.get('/admin', async () => 'a');
});
app.get('/public', async () => 'p');
` }, ['GET /public [] ⚠', 'GET /admin [requireUser] 🔒']);
  });

  it('F6: prefixes nest, fp ignores its prefix, and a prefix is not a scope', () => {
    const r = expectRoutes({ 'app.js': `${HOOKS}const app = fastify();
app.register(async function a(instance) { instance.addHook('onRequest', requireUser); instance.get('/a', async () => 'a'); }, { prefix: '/v1' });
app.register(async function b(instance) { instance.get('/b', async () => 'b'); }, { prefix: '/v1' });
app.register(fp(async function u(instance) { instance.get('/unprefixed', async () => 'u'); }), { prefix: '/ignored' });
app.register(async function outer(instance) {
  instance.register(async function inner(c) { c.get('/leaf', async () => 'l'); }, { prefix: '/in' });
  instance.get('/', async () => 'o');
}, { prefix: '/out' });
` }, ['GET /unprefixed [] ⚠', 'GET /v1/a [requireUser] 🔒', 'GET /v1/b [] ⚠', 'GET /out [] ⚠', 'GET /out/in/leaf [] ⚠']);
    assert.deepStrictEqual(r.contexts?.map(c => `${c.id} ${c.parent} ${c.prefix} ${c.encapsulated}`), [
      'fastify:1 null  false', 'fastify:2 fastify:1 /v1 true', 'fastify:3 fastify:1 /v1 true', 'fastify:4 fastify:1 /out true', 'fastify:5 fastify:4 /out/in true',
    ]);
    assert.deepStrictEqual(r.routes.map(x => x.context), ['fastify:1', 'fastify:2', 'fastify:3', 'fastify:4', 'fastify:5']);
  });

  it("F7: per phase root hooks, then the plugin's, then the route's; a root hook added after register() comes after the plugin's", () => {
    const r = expectRoutes({ 'app.js': `${HOOKS}function late(request, reply, done) { done(); }
function pre(request, reply, done) { done(); }
const app = fastify();
app.addHook('preHandler', pre);
app.addHook('onRequest', tag);
app.register(async function reports(instance) {
  instance.addHook('onRequest', requireUser);
  instance.get('/reports', { preHandler: [late], onRequest: tag }, async () => []);
});
app.addHook('onRequest', late);
` }, ['GET /reports [tag > requireUser > late > tag > pre > late] 🔒']);
    assert.deepStrictEqual(r.routes[0].chain.map(c => `${c.phase}/${c.level}`), [
      'onRequest/app', 'onRequest/context', 'onRequest/app', 'onRequest/route', 'preHandler/app', 'preHandler/route',
    ]);
  });

  it('route forms: route({ method: [..], url }), route({ path }), (path, opts, handler), (path, { handler })', () => {
    expectRoutes({ 'app.js': `${HOOKS}const app = fastify();
app.route({ method: ['GET', 'POST'], url: '/orders', onRequest: [requireUser], handler: async () => [] });
app.route({ method: 'DELETE', path: '/orders/:id', preHandler: requireUser, handler: async () => ({}) });
app.put('/orders/:id', { preValidation: tag }, async () => ({}));
app.patch('/orders/:id', { handler: async () => ({}) });
` }, ['GET /orders [requireUser] 🔒', 'POST /orders [requireUser] 🔒', 'DELETE /orders/:id [requireUser] 🔒', 'PUT /orders/:id [tag] ⚠', 'PATCH /orders/:id [] ⚠']);
  });

  it("apps from require('fastify').fastify(), .default and withTypeProvider() chains", () => {
    expectRoutes({ 'app.js': `const { fastify } = require('fastify');
const Fastify = require('fastify').default;
const a = fastify();
a.get('/a', async () => 'a');
const b = Fastify({ logger: true }).withTypeProvider();
b.get('/b', async () => 'b');
` }, ['GET /a [] ⚠', 'GET /b [] ⚠']);
  });

  it("decorators: an fp decorator is visible to sibling plugins, a plain plugin's is not (F3, F4)", () => {
    expectRoutes({ 'app.js': `${HOOKS}const app = fastify();
app.register(fp(async function authn(instance) { instance.decorate('authenticate', requireUser); }));
app.register(async function admin(instance) { instance.decorate('requireAdmin', requireUser); });
app.register(async function routes(instance) {
  instance.get('/orders', { onRequest: [instance.authenticate] }, async () => []);
  instance.get('/reports', { onRequest: instance.requireAdmin }, async () => []);
});
` }, ['GET /orders [requireUser] 🔒', 'GET /reports [] ⚠']);
  });

  it('an array hook naming a decorator not visible in the context says Fastify refuses it', () => {
    const r = analyse({ 'app.js': `${HOOKS}const app = fastify();
app.register(async function admin(instance) { instance.decorate('requireAdmin', requireUser); });
app.register(async function routes(instance) { instance.get('/reports', { onRequest: [instance.requireAdmin] }, async () => []); });
` });
    assert.deepStrictEqual(r.routes[0].unresolved, ['onRequest: instance.requireAdmin is undefined here: Fastify refuses the route at startup']);
  });

  it('plugins as callbacks with done, in after(), from require() and import()', () => {
    expectRoutes({
      'app.mjs': `import fastify from 'fastify';
const app = fastify();
await app.register(import('./routes.mjs'), { prefix: '/orders' });
app.register(function legacy(instance, opts, done) { instance.get('/legacy', async () => 'l'); done(); });
app.after(() => { app.get('/me', async () => 'me'); });
export default app;
`,
      'routes.mjs': `export default async function routes(fastify) { fastify.get('/', async () => []); fastify.get('/:id', async () => ({})); }
`,
    }, ['GET /me [] ⚠', 'GET /orders [] ⚠', 'GET /orders/:id [] ⚠', 'GET /legacy [] ⚠']);
  });

  it('F16: an auth hook checking only request.body in onRequest stops every request: the route is shadowed', () => {
    const r = analyse({ 'app.js': `const fastify = require('fastify');
async function checkKey(request, reply) { if (request.body?.apiKey !== 'key') return reply.code(401).send(); }
const app = fastify();
app.post('/orders', { onRequest: checkKey }, async () => ({}));
app.post('/invoices', { preHandler: checkKey }, async () => ({}));
` });
    assert.deepStrictEqual(r.model.routes.map(x => x.shadowedBy.map(s => s.why)), [
      ['checkKey checks request.body in onRequest, where the body is not parsed yet: it stops every request'], [],
    ]);
  });

  it('an auth hook exempting by request.url and by route config leaves exactly those routes unprotected', () => {
    expectRoutes({ 'app.js': `const fastify = require('fastify');
async function requireUser(request, reply) {
  if (request.url.startsWith('/auth/login') || request.routeOptions.config.public) return;
  if (!request.headers.authorization) return reply.code(401).send();
}
const app = fastify();
app.addHook('onRequest', requireUser);
app.post('/auth/login', async () => ({}));
app.get('/auth/login-history', async () => []);
app.get('/docs', { config: { public: true } }, async () => 'docs');
app.get('/orders', async () => []);
` }, ['POST /auth/login [requireUser] ⚠', 'GET /auth/login-history [requireUser] ⚠', 'GET /docs [requireUser] ⚠', 'GET /orders [requireUser] 🔒']);
  });

  it("F18: @fastify/middie use() runs at middie's onRequest position, '/admin' case-insensitively, scoped per plugin", () => {
    const r = expectRoutes({ 'app.js': `const fastify = require('fastify');
const middie = require('@fastify/middie');
function tag(request, reply, done) { done(); }
function requireAdmin(req, res, next) { if (!req.headers.authorization) { res.statusCode = 401; return res.end(); } next(); }
function partnerKey(req, res, next) { next(); }
const app = fastify();
app.register(middie);
app.addHook('onRequest', tag);
app.use('/ADMIN', requireAdmin);
app.get('/admin/users', async () => []);
app.get('/administrators', async () => []);
app.register(async function partners(instance) {
  instance.use(partnerKey);
  instance.get('/partners/feed', async () => []);
});
app.get('/orders', async () => []);
` }, ['GET /admin/users [requireAdmin > tag] 🔒', 'GET /administrators [tag] ⚠', 'GET /orders [tag] ⚠', 'GET /partners/feed [partnerKey > tag] ⚠']);
    assert.deepStrictEqual(r.routes[0].chain.map(c => `${c.phase}/${c.level}`), ['onRequest/app', 'onRequest/app']);
  });

  it("F4: a callback plugin marked fn[Symbol.for('skip-override')] = true in its own file shares the root context", () => {
    expectRoutes({
      'app.js': `const fastify = require('fastify');
const app = fastify();
app.register(async function before(instance) { instance.get('/before', async () => 'b'); }, { prefix: '/api' });
app.register(require('./auth'));
`,
      'auth.js': `function requireUser(request, reply, done) { if (!request.headers.authorization) return reply.code(401).send(); done(); }
function authPlugin(fastify, opts, done) { fastify.addHook('onRequest', requireUser); done(); }
authPlugin[Symbol.for('skip-override')] = true;
module.exports = authPlugin;
`,
    }, ['GET /api/before [requireUser] 🔒']);
  });

  it('F15: all() registers the methods of the installed major: 18 on Fastify 4, 9 on Fastify 5', () => {
    const app = `const fastify = require('fastify');
const app = fastify();
app.all('/hook', async () => 'ok');
`;
    const methods = (version: string) => analyse({ 'package.json': JSON.stringify({ dependencies: { fastify: version } }), 'app.js': app }).routes.map(r => r.method);
    assert.deepStrictEqual(methods('^5.2.0'), ['GET', 'HEAD', 'TRACE', 'DELETE', 'OPTIONS', 'PATCH', 'PUT', 'POST', 'QUERY']);
    assert.deepStrictEqual(methods('^4.28.1'), [
      'DELETE', 'GET', 'HEAD', 'PATCH', 'POST', 'PUT', 'OPTIONS', 'PROPFIND', 'PROPPATCH', 'MKCOL', 'COPY', 'MOVE', 'LOCK', 'UNLOCK', 'TRACE', 'SEARCH', 'REPORT', 'MKCALENDAR',
    ]);
  });

  it('@fastify/bearer-auth adds its own onRequest hook to the registering context; @fastify/basic-auth only decorates basicAuth (F8)', () => {
    expectRoutes({ 'app.js': `const fastify = require('fastify');
const bearerAuth = require('@fastify/bearer-auth');
const basicAuth = require('@fastify/basic-auth');
const app = fastify();
app.register(basicAuth, { validate: async () => {} });
app.get('/public', async () => 'p');
app.get('/basic', { onRequest: app.basicAuth }, async () => 'b');
app.register(async function api(instance) {
  instance.register(bearerAuth, { keys: new Set(['k']) });
  instance.get('/api/orders', async () => []);
});
app.register(async function manual(instance) {
  instance.register(bearerAuth, { keys: new Set(['k']), addHook: false });
  instance.get('/manual', async () => []);
  instance.get('/manual/checked', { onRequest: instance.verifyBearerAuth }, async () => []);
});
` }, ['GET /public [] ⚠', 'GET /basic [basicAuth] 🔒', 'GET /api/orders [bearerAuthHook] 🔒', 'GET /manual [] ⚠', 'GET /manual/checked [verifyBearerAuth] 🔒']);
  });

  it("@fastify/passport: fastifyPassport.authenticate('jwt') as a preValidation hook authenticates", () => {
    expectRoutes({ 'app.js': `const fastify = require('fastify');
const { default: fastifyPassport } = require('@fastify/passport');
const app = fastify();
app.register(fastifyPassport.initialize());
app.get('/me', { preValidation: fastifyPassport.authenticate('jwt', { session: false }) }, async () => ({}));
` }, ['GET /me [fastifyPassport.authenticate] 🔒']);
  });

  it('F4: getDecorator(symbol) reads what an fp plugin decorated under that Symbol() (fastify/demo): a role check it holds sends 403', () => {
    expectRoutes({ 'app.js': `${HOOKS}const kChecker = Symbol('app.checker');
const app = fastify();
app.register(fp(async function authorization(instance) {
  function ensureHasRole(request, reply, role) { if (!request.headers['x-roles']?.includes(role)) { reply.status(403).send('not authorized'); } }
  instance.decorate(kChecker, { async ensureIsAdmin(request, reply) { return ensureHasRole(request, reply, 'admin'); } });
}));
app.register(async function tasks(instance) {
  const checker = instance.getDecorator(kChecker);
  instance.delete('/tasks/:id', { preHandler: checker.ensureIsAdmin }, async () => null);
  instance.get('/tasks', async () => []);
});
` }, ['DELETE /tasks/:id [ensureIsAdmin] 🔒', 'GET /tasks [] ⚠']);
  });
});
