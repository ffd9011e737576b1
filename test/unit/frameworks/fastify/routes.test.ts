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
    assert.deepStrictEqual(r.model.routes.map(x => x.shadowedBy.map(s => [s.name, s.reason])), [
      [['checkKey', { k: 'body-before-parse', phase: 'onRequest' }]], [],
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

  it('F1 exemptions: "protected except" on the routes the test does not let through, the test and its line on those it does', () => {
    const r = analyse({ 'app.js': `${HOOKS}async function requireToken(request, reply) {
  if (request.url.startsWith('/auth/login') || request.url === '/health') return;
  if (!request.headers.authorization) return reply.code(401).send();
}
const app = fastify();
app.addHook('onRequest', requireToken);
app.get('/auth/login-history', async () => []);
app.get('/health', async () => 'ok');
app.get('/orders', async () => []);
` });
    const shown = (path: string) => r.routes.find(x => x.path === path)?.exemptions?.map(e => `${e.by} ${e.test} :${e.line} ${e.exempts ? 'lets through' : 'checks'}${e.caveat ? ` (${e.caveat})` : ''}`);
    assert.deepStrictEqual(shown('/orders'), ["requireToken request.url.startsWith('/auth/login') :6 checks", "requireToken request.url === '/health' :6 checks"]);
    assert.deepStrictEqual(shown('/auth/login-history'), [
      "requireToken request.url.startsWith('/auth/login') :6 lets through (startsWith is a text prefix, not a path segment: /auth/login-history passes the test for '/auth/login')",
      "requireToken request.url === '/health' :6 checks",
    ]);
    assert.deepStrictEqual(shown('/health'), [
      "requireToken request.url.startsWith('/auth/login') :6 checks",
      "requireToken request.url === '/health' :6 lets through (request.url includes the query string: /health?… is not let through)",
    ]);
    assert.deepStrictEqual(r.routes.map(x => [x.path, x.protected]), [['/auth/login-history', false], ['/health', false], ['/orders', true]]);
  });

  it('hooks after the handler (preSerialization 6, onSend 7, onResponse 7) are listed apart, in run order, and never protect', () => {
    const r = analyse({ 'app.js': `${HOOKS}const app = fastify();
app.addHook('onResponse', function logTiming(request, reply, done) { done(); });
app.addHook('onSend', function addEtag(request, reply, payload, done) { done(null, payload); });
app.register(async function api(instance) {
  instance.addHook('preSerialization', async function wrapData(request, reply, payload) { return { data: payload }; });
  instance.get('/items', { onSend: requireUser }, async () => []);
});
app.get('/plain', async () => 'p');
` });
    const after = (path: string) => r.routes.find(x => x.path === path)?.afterHandler?.map(e => `${e.phase}:${e.name}@${e.stop}/${e.level}`);
    assert.deepStrictEqual(after('/items'), ['preSerialization:wrapData@6/context', 'onSend:addEtag@7/app', 'onSend:requireUser@7/route', 'onResponse:logTiming@7/app']);
    assert.deepStrictEqual(after('/plain'), ['onSend:addEtag@7/app', 'onResponse:logTiming@7/app']);
    assert.deepStrictEqual(r.routes.map(x => [x.path, x.protected, x.chain.length]), [['/plain', false, 0], ['/items', false, 0]]);
  });

  it('contexts carry what the rules read: own hooks (with the decorator they read), visible decorators, the register call', () => {
    const r = analyse({ 'app.js': `${HOOKS}const app = fastify();
app.register(fp(async function jwt(i) { i.decorate('authenticate', requireUser); }));
app.register(async function orders(instance) {
  instance.addHook('onRequest', instance.authenticate);
  instance.addHook('preHandler', tag);
  instance.get('/', async () => []);
}, { prefix: '/orders' });
` });
    const orders = r.model.contexts?.find(c => c.name === 'orders');
    assert.deepStrictEqual(orders?.ownHooks?.map(h => `${h.phase} ${h.text} ${h.decorator} ${h.kind} ${h.range.line}`), [
      'onRequest instance.authenticate authenticate auth 8', 'preHandler tag null other 9',
    ]);
    assert.deepStrictEqual(orders?.decorators, ['authenticate']);
    assert.deepStrictEqual([orders?.register?.call.line, orders?.register?.plugin?.line, orders?.register?.plugin?.column], [7, 7, 14]);
    assert.strictEqual(r.model.contexts?.[0].register, null);
  });

  it('F3: a hook decorator a context cannot see is recorded with where it is declared, refused in an array or in addHook', () => {
    const r = analyse({ 'app.js': `${HOOKS}const app = fastify();
app.register(async function auth(i) { i.decorate('authenticate', requireUser); });
app.register(async function orders(instance) {
  instance.addHook('preHandler', instance.authenticate);
  instance.get('/a', { onRequest: [instance.authenticate] }, async () => []);
  instance.get('/b', { onRequest: instance.authenticate }, async () => []);
});
` });
    const auth = r.model.contexts?.find(c => c.name === 'auth');
    const orders = r.model.contexts?.find(c => c.name === 'orders');
    assert.deepStrictEqual(orders?.undefinedHooks?.map(h => `${h.phase} ${h.text} ${h.refused} ${h.declaredAt?.line} ${h.declaredIn === auth?.id}`), ['preHandler instance.authenticate true 6 true']);
    assert.deepStrictEqual(r.model.routes.map(x => `${x.path} ${(x.undefinedHooks ?? []).map(h => `${h.phase}:${h.refused}`).join(',')} [${x.chain.map(c => c.name).join(',')}]`), [
      '/a onRequest:true []', '/b onRequest:false []',
    ]);
  });

  it("F6/F12: a '/' route under a prefix has the prefix plus '/' as an alias; a GET makes a HEAD route unless told not to", () => {
    const r = analyse({ 'app.js': `${HOOKS}const app = fastify();
app.register(async function orders(instance) {
  instance.get('/', async () => []);
  instance.get('', async () => []);
  instance.get('/x', { exposeHeadRoute: false }, async () => []);
  instance.get('/y', { exposeHeadRoutes: false }, async () => []);
  instance.route({ method: ['GET', 'HEAD'], url: '/z', handler: async () => [] });
}, { prefix: '/orders' });
` });
    assert.deepStrictEqual(r.model.routes.map(x => `${x.method} ${x.path} ${(x.aliases ?? []).join(',')} ${x.impliedHead ?? false}`), [
      'GET /orders /orders/ true', 'GET /orders  true', 'GET /orders/x  false', 'GET /orders/y  true', 'GET /orders/z  false', 'HEAD /orders/z  false',
    ]);
  });

  it('F12: fastify({ exposeHeadRoutes: false }) makes no HEAD routes, in child contexts too', () => {
    const r = analyse({ 'app.js': `${HOOKS}const app = fastify({ exposeHeadRoutes: false });
app.register(async function orders(instance) { instance.get('/orders', async () => []); });
` });
    assert.deepStrictEqual(r.model.routes.map(x => x.impliedHead ?? false), [false]);
  });

  it('F16: an auth hook reading request.body in onRequest is recorded where it is put, with the read', () => {
    const r = analyse({ 'app.js': `${HOOKS}const app = fastify();
async function checkKey(request, reply) { if (request.body?.key !== 'k') return reply.code(401).send(); }
app.post('/a', { onRequest: checkKey }, async () => ({}));
app.post('/b', { preHandler: checkKey }, async () => ({}));
` });
    assert.deepStrictEqual(r.model.routes.map(x => (x.bodyBeforeParse ?? []).map(b => `${b.hook} ${b.phase} ${b.level} ${b.at.line}:${b.at.column} ${b.read.line} ${b.stopsAll}`)), [
      ['checkKey onRequest route 7:29 6 true'], [],
    ]);
  });

  it('the app origin carries the Fastify version the workspace declares', () => {
    const r = analyse({ 'package.json': JSON.stringify({ dependencies: { fastify: '^4.28.1' } }), 'app.js': "const app = require('fastify')();\napp.get('/', async () => 'ok');\n" });
    assert.strictEqual(r.model.origins[0].frameworkVersion, '4.28.1');
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

  it('a route says whether it declares schema.response (null where its options cannot be read), and that Fastify sends what it returns', () => {
    const r = analyse({ 'app.js': `const app = require('fastify')();
const schema = { response: { 200: { type: 'object' } } };
app.get('/a', { schema }, async () => ({}));
app.get('/b', { schema: { querystring: {} } }, async () => ({}));
app.get('/c', async () => ({}));
app.get('/d', opts, async () => ({}));
app.route({ method: 'GET', url: '/e', schema: { response: { 200: {} } }, handler: async () => ({}) });
` });
    assert.deepStrictEqual(r.model.routes.map(x => `${x.path} ${x.responseSchema} ${x.sendsReturn}`), ['/a true true', '/b false true', '/c false true', '/d null true', '/e true true']);
  });
});

