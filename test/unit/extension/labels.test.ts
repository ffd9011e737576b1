import * as assert from 'assert';
import { afterNextCount, entryFacts, literalIcons, reachText, routeTitle, routeTooltip, statusText, stopTitle } from '../../../src/extension/labels';
import { analyse } from '../workspace';

describe('labels', () => {
  // The route path holds colour codes, a bell, CR LF and a right-to-left override; the mount prefix an icon.
  const r = analyse({
    'app.js': String.raw`const express = require('express');
const app = express();
const requireUser = (req, res, next) => { if (!req.headers.authorization) return res.status(401).end(); req.user = {}; next(); };
app.use(requireUser);
app.get('/\u001b[31mred\u001b[0m\u0007\r\n\u202eevil', (req, res) => res.json(req.user));
app.use('/$(debug-start)', express.Router().get('/[x](https://evil.example)', (req, res) => res.end()));
`,
  });
  const hostile = r.model.routes[0];
  const icon = r.model.routes[1];

  it('a route CodeLens title shows the path printable', () => {
    assert.strictEqual(routeTitle(hostile), '③ Route · GET /\\u001b[31mred\\u001b[0m\\u0007\\u000d\\u000a\\u202eevil · 1 layer · 🔒 requireUser');
  });

  it('a route CodeLens title shows $(icon) from the code as written', () => {
    assert.strictEqual(routeTitle(icon), '③ Route · GET /\\$(debug-start)/[x](https://evil.example) · 1 layer · 🔒 requireUser');
  });

  it('in Russian: the stop names of the lesson, Russian counts, the same printable paths', () => {
    assert.strictEqual(routeTitle(hostile, 'ru'), '③ Маршрутизация · GET /\\u001b[31mred\\u001b[0m\\u0007\\u000d\\u000a\\u202eevil · 1 слой · 🔒 requireUser');
    assert.strictEqual(stopTitle(r.annotations[5], 'ru'), '③ Маршрутизация · GET /\\$(debug-start)/[x](https://evil.example)');
    assert.strictEqual(reachText({ routes: 12, level: 'context' }, 'ru'), '12 маршрутов в этом контексте');
    assert.strictEqual(reachText({ routes: 0, level: 'app' }, 'ru'), 'нет маршрутов в этом приложении');
    assert.strictEqual(statusText(22, 4, 1, 'ru'), 'Seven Stops: 22 маршрута · 4 ⚠ · 1 находка');
    assert.strictEqual(statusText(0, 0, 0, 'ru'), 'Seven Stops: 0 маршрутов');
    assert.strictEqual(statusText(1, 0, 2), 'Seven Stops: 1 route · 2 findings');
  });

  it('a stop CodeLens title shows its label printable, $(icon) as written', () => {
    assert.strictEqual(stopTitle(r.annotations[1]), '③ Route · GET /\\u001b[31mred\\u001b[0m\\u0007\\u000d\\u000a\\u202eevil');
    assert.strictEqual(stopTitle(r.annotations[5]), '③ Route · GET /\\$(debug-start)/[x](https://evil.example)');
  });

  it('the routes-view tooltip escapes Markdown, so a path cannot become a link', () => {
    assert.strictEqual(routeTooltip(icon).split('\n')[0], '**GET \\/\\$\\(debug\\-start\\)\\/\\[x\\]\\(https\\:\\/\\/evil\\.example\\)** — 🔒 requireUser');
    assert.strictEqual(routeTooltip(hostile).split('\n')[0], '**GET \\/\\\\u001b\\[31mred\\\\u001b\\[0m\\\\u0007\\\\u000d\\\\u000a\\\\u202eevil** — 🔒 requireUser');
    assert.strictEqual(routeTooltip(hostile).split('\n')[2], '1. `requireUser` \\(auth\\, app\\.js\\:4\\)');
  });

  describe('guards', () => {
    const g = analyse({
      'app.js': `const express = require('express');
const { expressjwt } = require('express-jwt');
const app = express();
app.get('/api/Users', expressjwt({ secret: 'k', algorithms: ['HS256'] }));
app.get('/api/Users', (req, res) => res.json([]));
app.post('/api/Products', expressjwt({ secret: 'k', algorithms: ['HS256'] }));
`,
    });
    const [guard, , lone] = g.model.routes;

    it('a guard CodeLens title says how many routes it guards, or that its handler is elsewhere', () => {
      assert.strictEqual(routeTitle(guard), '③ Route · GET /api/Users · guard of 1 route · 🔒 expressjwt');
      assert.strictEqual(routeTitle(lone), '③ Route · POST /api/Products · guard, handler elsewhere · 🔒 expressjwt');
    });

    it('a guard tooltip names the routes it lets requests through to', () => {
      assert.ok(routeTooltip(guard).endsWith('\n\nA guard\\: a request it lets through goes on to GET \\/api\\/Users \\(app\\.js\\:5\\)\\.'), routeTooltip(guard));
    });

    it('in Russian: the guard tooltip, the verdict and the kind of each layer', () => {
      assert.ok(routeTooltip(guard, 'ru').endsWith('\n\nОхрана\\: пропущенный ею запрос идёт дальше к GET \\/api\\/Users \\(app\\.js\\:5\\)\\.'), routeTooltip(guard, 'ru'));
      assert.strictEqual(routeTooltip(hostile, 'ru').split('\n')[2], '1. `requireUser` \\(авторизация\\, app\\.js\\:4\\)');
    });
  });

  it('literalIcons escapes only what VS Code would render as an icon', () => {
    assert.strictEqual(literalIcons('$(zap) $(alert~spin) $(not an icon) $'), '\\$(zap) \\$(alert~spin) $(not an icon) $');
  });

  describe('fastify', () => {
    const f = analyse({ 'app.js': `const fastify = require('fastify');
const fp = require('fastify-plugin');
async function ok() { return 'ok'; }
const app = fastify();
app.register(fp(async function auth(instance) {
  instance.decorate('authenticate', async function authenticate(request, reply) { if (!request.headers.authorization) return reply.code(401).send(); });
}));
app.register(async function orders(instance) {
  instance.addHook('onRequest', instance.authenticate);
  instance.get('/api/orders', ok);
  instance.get('/api/orders/:id', { preHandler: function audit(request, reply, done) { done(); } }, ok);
});
app.register(async function health(instance) { instance.get('/api/health', ok); });
` });
    const [orders, order, health] = f.model.routes;
    const hook = (label: string) => f.annotations.find(a => a.label === label)!;

    it('a route CodeLens title names its hooks by phase, and the lock alone', () => {
      assert.strictEqual(routeTitle(orders), '③ Route · GET /api/orders · onRequest: authenticate · 🔒');
      assert.strictEqual(routeTitle(order), '③ Route · GET /api/orders/:id · onRequest: authenticate → preHandler: audit · 🔒');
      assert.strictEqual(routeTitle(health), '③ Route · GET /api/health · no hooks · ⚠ no auth');
    });

    it('a hook CodeLens title names its phase and how many routes it reaches', () => {
      assert.strictEqual(stopTitle(hook('onRequest · authenticate')), '④ onRequest · authenticate · 2 routes in this context');
      assert.strictEqual(stopTitle(hook('preHandler · audit')), '④ preHandler · audit · this route only');
    });

    it('reach reads as a count in the app, the context, or the route only', () => {
      assert.strictEqual(reachText({ routes: 12, level: 'app' }), '12 routes in this app');
      assert.strictEqual(reachText({ routes: 1, level: 'context' }), '1 route in this context');
      assert.strictEqual(reachText({ routes: 0, level: 'context' }), 'no routes in this context');
      assert.strictEqual(reachText({ routes: 9, level: 'route' }), 'this route only (9 methods)');
    });

    it('the routes-view tooltip gives each hook its phase and where it was added', () => {
      assert.deepStrictEqual(routeTooltip(order).split('\n').slice(2), [
        '1. `authenticate` \\(onRequest\\, context hook\\, auth\\, app\\.js\\:6\\)',
        '2. `audit` \\(preHandler\\, route option\\, other\\, app\\.js\\:11\\)',
      ]);
    });
  });

  describe('koa', () => {
    const k = analyse({ 'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
async function timing(ctx, next) { await next(); ctx.set('x-time', '1'); }
async function checkUser(ctx, next) { await next(); if (!ctx.state.user) ctx.status = 401; }
async function jwt(ctx, next) { if (!ctx.get('authorization')) { ctx.status = 401; return; } await next(); }
const app = new Koa();
const router = new Router({ prefix: '/api' });
router.get('/health', async (ctx) => { ctx.body = 'ok'; });
router.use(jwt);
router.get('/orders', async (ctx) => { ctx.body = []; });
app.use(timing);
app.use(router.routes());
const late = new Router();
late.post('/account/delete', async (ctx) => { ctx.body = {}; });
app.use(checkUser);
app.use(late.routes());
` });
    const [health, orders, del] = k.model.routes;

    it('a route CodeLens title counts the layers and, where there are some, what runs after next()', () => {
      assert.strictEqual(routeTitle(health), '③ Route · GET /api/health · 1 layer · ⚠ no auth · 1 after next()');
      assert.strictEqual(routeTitle(orders), '③ Route · GET /api/orders · 2 layers · 🔒 jwt · 1 after next()');
      // K9: a check after await next() does not protect; the title says where it runs.
      assert.strictEqual(routeTitle(del), '③ Route · POST /account/delete · 2 layers · ⚠ no auth · 2 after next()');
    });

    it('an Express route has nothing after next()', () => {
      assert.strictEqual(afterNextCount(hostile.chain), 0);
      assert.ok(!routeTitle(hostile).includes('after next()'));
    });

    it('the routes-view tooltip says which layers run after next()', () => {
      assert.deepStrictEqual(routeTooltip(orders).split('\n').slice(2), [
        '1. `timing` \\(other\\, after next\\(\\)\\, app\\.js\\:11\\)',
        '2. `jwt` \\(auth\\, app\\.js\\:9\\)',
      ]);
    });
  });

  it('a layer\'s facts: phase and level where it has them, its kind, after next(), where it is; in either language', () => {
    const hook = { name: 'authenticate', kind: 'auth', stop: 4, file: 'app.js', line: 6, phase: 'onRequest', level: 'context' } as const;
    assert.strictEqual(entryFacts(hook), 'onRequest, context hook, auth, app.js:6');
    assert.strictEqual(entryFacts(hook, ' · ', 'ru'), 'onRequest · хук контекста · авторизация · app.js:6');
    const logger = { name: 'log', kind: 'logging', stop: 4, file: 'app.js', line: 3, when: 'after' } as const;
    assert.strictEqual(entryFacts(logger, ' · '), 'logging · after next() · app.js:3');
    assert.strictEqual(entryFacts(logger, ', ', 'ru'), 'журнал, после next(), app.js:3');
  });
});
