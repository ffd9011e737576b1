import * as assert from 'assert';
import { parseRequestLine, Trace, traceRequest as traceWith } from '../../../src/core/trace';
import { trace as traceRequest } from '../../../src/tracing';
import { analyse } from '../workspace';

/** `name@file:line` for each site of one stop, for compact assertions. */
const sites = (t: Trace, stop: number) => t.stops[stop - 1].sites.map(s => `${s.name}@${s.file}:${s.line}`);

describe('traceRequest', () => {
  it('speaks the lesson\'s language: the summary and every stop\'s note in Russian, names from the code as written', () => {
    const r = analyse({
      'app.js': [
        "const express = require('express');",
        'const app = express();',
        'app.use(express.json());',
        "app.get('/orders/:id', (req, res) => res.json({ id: req.params.id }));",
        'app.listen(3000);',
        '',
      ].join('\n'),
    });
    const ru = traceRequest(r, 'GET', '/orders/42', 'ru');
    assert.strictEqual(ru.summary, 'На GET /orders/42 отвечает GET /orders/:id (app.js:4).');
    assert.deepStrictEqual(ru.stops.map(s => s.note), [
      'Сервер, который принимает соединение.',
      'express.json читает тело до обработчика.',
      'Совпадает с GET /orders/:id, где id = 42.',
      'Перед обработчиком по порядку работает 1 слой.',
      'Здесь работает ваша логика; каждый вызов базы или сервиса, которого она ждёт, добавляется к этой остановке.',
      'Здесь ответ превращается в байты (один выход из обработчика).',
      'Сериализованное тело пишет Node; медленный клиент держит сокет, пока не дочитает его.',
    ]);
    assert.strictEqual(traceRequest(r, 'GET', '/nowhere', 'ru').summary, 'Ни один маршрут не совпадает с GET /nowhere: Express отвечает 404 Not Found после middleware, перечисленных ниже.');
    assert.strictEqual(traceRequest(r, 'GET', '/orders/42').summary, 'GET /orders/42 is answered by GET /orders/:id (app.js:4).');
  });

  it('follows GET /api/v1/orders/42 through accept, parsers, the mount, auth, the handler and its serialize sites', () => {
    const r = analyse({
      'server.js': [
        "const express = require('express');",
        "const orders = require('./orders');",
        'const app = express();',
        'function requireUser(req, res, next) { if (!req.headers.authorization) return res.status(401).end(); next(); }',
        'app.use(express.json());',
        'app.use(requireUser);',
        "app.use('/api/v1/orders', orders);",
        'app.listen(3000);',
        '',
      ].join('\n'),
      'orders.js': [
        "const router = require('express').Router();",
        "router.get('/', (req, res) => res.json([]));",
        "router.get('/:id', (req, res) => {",
        '  if (!req.params.id) return res.status(404).json({});',
        '  res.json({ id: req.params.id });',
        '});',
        'module.exports = router;',
        '',
      ].join('\n'),
    });
    const t = traceRequest(r, 'GET', '/api/v1/orders/42');
    assert.strictEqual(t.outcome, 'handled');
    assert.strictEqual(t.summary, 'GET /api/v1/orders/42 is answered by GET /api/v1/orders/:id (orders.js:3).');
    assert.deepStrictEqual(t.route, { method: 'GET', path: '/api/v1/orders/:id', file: 'orders.js', line: 3, mountPrefix: '/api/v1/orders', params: { id: '42' } });
    assert.deepStrictEqual(t.stops.map(s => `${s.stop} ${s.name}`), ['1 Accept', '2 Parse', '3 Route', '4 Middleware', '5 Handle', '6 Serialize', '7 Drain']);
    assert.deepStrictEqual(sites(t, 1), ['listen@server.js:8']);
    assert.deepStrictEqual(sites(t, 2), ['express.json@server.js:5']);
    assert.deepStrictEqual(sites(t, 3), ['mount orders at /api/v1/orders@server.js:7', 'GET /api/v1/orders/:id@orders.js:3']);
    assert.strictEqual(t.stops[2].note, 'Matches GET /api/v1/orders/:id with id = 42.');
    assert.deepStrictEqual(sites(t, 4), ['express.json@server.js:5', 'requireUser@server.js:6']);
    assert.deepStrictEqual(t.stops[3].sites.map(s => s.kind), ['parse', 'auth']);
    assert.deepStrictEqual(sites(t, 5), ['handler@orders.js:3']);
    assert.deepStrictEqual(sites(t, 6), ['res.json@orders.js:4', 'res.json@orders.js:5']);
    assert.deepStrictEqual(sites(t, 7), []);
    assert.deepStrictEqual(t.verdict, { protected: true, authBy: ['requireUser'], lateAuth: [], shadowedBy: [], endedBy: null, findings: [] });
    assert.deepStrictEqual(t.alsoMatches, []);
    assert.deepStrictEqual(t.notes, []);
  });

  it('answers HEAD with GET, matches case-insensitively and allows one trailing slash (E14)', () => {
    const r = analyse({ 'app.js': "const app = require('express')();\napp.get('/Users/:id', (req, res) => res.send('u'));\n" });
    const t = traceRequest(r, 'head', '/users/7/');
    assert.strictEqual(t.outcome, 'handled');
    assert.strictEqual(t.method, 'HEAD');
    assert.deepStrictEqual(t.route?.params, { id: '7' });
    assert.strictEqual(traceRequest(r, 'GET', '/users/7//').outcome, 'not-found');
    assert.strictEqual(traceRequest(r, 'POST', '/users/7').outcome, 'not-found');
  });

  it('sends the request to the first matching route and lists the later match that never answers it (E22)', () => {
    const r = analyse({ 'app.js': "const app = require('express')();\napp.get('/users/:id', (req, res) => res.end());\napp.get('/users/me', (req, res) => res.end());\n" });
    const t = traceRequest(r, 'GET', '/users/me');
    assert.strictEqual(t.summary, 'GET /users/me is answered by GET /users/:id (app.js:2).');
    assert.deepStrictEqual(t.alsoMatches, [{ name: 'GET /users/me', file: 'app.js', line: 3, kind: 'route', why: 'registered after GET /users/:id, which answers first' }]);
  });

  it('follows a wildcard under a mount as the router does: `*` at /api (shown /api*) matches /api and below, not /apix; `/{*splat}` matches /api', () => {
    const r = analyse({
      'app.js': [
        "const express = require('express');",
        'const app = express();',
        'const api = express.Router();',
        "api.options('*', function preflight(req, res) { res.status(204).end(); });",
        "api.get('/{*splat}', function apiFallback(req, res) { res.end(); });",
        "app.use('/api', api);",
        '',
      ].join('\n'),
    });
    assert.strictEqual(traceRequest(r, 'OPTIONS', '/api').summary, 'OPTIONS /api is answered by OPTIONS /api* (app.js:4).');
    assert.deepStrictEqual(traceRequest(r, 'OPTIONS', '/api/x/y').route?.params, { 0: '/x/y' });
    assert.strictEqual(traceRequest(r, 'OPTIONS', '/apix').outcome, 'not-found');
    assert.strictEqual(traceRequest(r, 'OPTIONS', '/api/*').route?.path, '/api*', 'the route picked by its path (parseRequestLine)');
    assert.strictEqual(traceRequest(r, 'GET', '/api').route?.path, '/api/{*splat}');
  });

  it('passes over an earlier matching route that calls next(): the later one answers, with it in the chain (E12)', () => {
    const r = analyse({
      'app.js': [
        "const app = require('express')();",
        "app.all('/x', function audit(req, res, next) { next(); });",
        "app.get('/x', (req, res) => res.json({}));",
        '',
      ].join('\n'),
    });
    const t = traceRequest(r, 'GET', '/x');
    assert.deepStrictEqual(t.route && `${t.route.method} ${t.route.path} @${t.route.line}`, 'GET /x @3');
    assert.deepStrictEqual(sites(t, 4), ['audit@app.js:2']);
  });

  it('goes through a guard-only route to the later route it guards; a guard with no later route says its handler is elsewhere', () => {
    const r = analyse({
      'server.js': [
        "const express = require('express');",
        "const { expressjwt } = require('express-jwt');",
        'const app = express();',
        "const isAuthorized = () => expressjwt({ secret: 'k', algorithms: ['HS256'] });",
        "app.get('/api/Users', isAuthorized());",
        "app.get('/api/Users', (req, res) => res.json([]));",
        "app.post('/api/Products', isAuthorized());",
        '',
      ].join('\n'),
    });
    const users = traceRequest(r, 'GET', '/api/Users');
    assert.strictEqual(users.summary, 'GET /api/Users is answered by GET /api/Users (server.js:6).');
    assert.deepStrictEqual(sites(users, 4), ['isAuthorized@server.js:5']);
    assert.strictEqual(users.verdict.protected, true);
    const products = traceRequest(r, 'POST', '/api/Products');
    assert.strictEqual(products.route?.line, 7);
    assert.deepStrictEqual(sites(products, 5), []);
    assert.match(products.stops[4].note, /only guards/);
    assert.ok(products.notes.some(n => n.startsWith('handler registered elsewhere')), products.notes.join());
  });

  it('says where and why a route runs without auth: the auth layer is registered after it', () => {
    const r = analyse({
      'app.js': [
        "const app = require('express')();",
        'function requireUser(req, res, next) { if (!req.headers.authorization) return res.status(401).end(); next(); }',
        "app.get('/me', (req, res) => res.json(req.user));",
        'app.use(requireUser);',
        "app.get('/orders', (req, res) => res.json([]));",
        '',
      ].join('\n'),
    });
    const t = traceRequest(r, 'GET', '/me');
    assert.strictEqual(t.verdict.protected, false);
    assert.deepStrictEqual(t.verdict.lateAuth, [{ name: 'requireUser', file: 'app.js', line: 4, kind: 'auth' }]);
    assert.deepStrictEqual(t.verdict.findings.map(f => `${f.ruleId} ${f.file}:${f.line} stop ${f.stop}`), ['no-route-before-auth app.js:3 stop 4']);
  });

  it("matches each part of a path with its own router's case sensitivity (E9)", () => {
    const r = analyse({
      'app.js': [
        "const express = require('express');",
        'const app = express();',
        'const users = express.Router({ caseSensitive: true });',
        "users.get('/Profile', (req, res) => res.json({}));",
        "app.use('/api', users);",
        '',
      ].join('\n'),
    });
    assert.strictEqual(traceRequest(r, 'GET', '/API/Profile').outcome, 'handled', "the app's mount is case-insensitive");
    assert.strictEqual(traceRequest(r, 'GET', '/api/profile').outcome, 'not-found', "the router's own path is case-sensitive");
  });

  it("reads patterns with the app's Express version: braces are literal in Express 4, an optional group in Express 5", () => {
    const app = "const app = require('express')();\napp.get('/brace{x}', (req, res) => res.end());\n";
    const e4 = analyse({ 'package.json': '{ "dependencies": { "express": "^4.21.2" } }', 'app.js': app });
    const e5 = analyse({ 'package.json': '{ "dependencies": { "express": "^5.1.0" } }', 'app.js': app });
    assert.strictEqual(traceRequest(e4, 'GET', '/brace').outcome, 'not-found');
    assert.strictEqual(traceRequest(e4, 'GET', '/brace{x}').outcome, 'handled');
    assert.strictEqual(traceRequest(e5, 'GET', '/brace').outcome, 'handled');
    assert.strictEqual(traceRequest(e5, 'GET', '/bracex').outcome, 'handled');
  });

  it("leaves out of late auth a layer whose case-sensitive prefix the request misses (E9)", () => {
    const r = analyse({
      'app.js': [
        "const app = require('express')();",
        "app.set('case sensitive routing', true);",
        'function requireUser(req, res, next) { if (!req.headers.authorization) return res.status(401).end(); next(); }',
        "app.get('/Admin/me', (req, res) => res.json({}));",
        "app.use('/admin', requireUser);",
        '',
      ].join('\n'),
    });
    const t = traceRequest(r, 'GET', '/Admin/me');
    assert.strictEqual(t.outcome, 'handled');
    assert.deepStrictEqual(t.verdict.lateAuth, []);
  });

  it('leaves out the stacks of a framework it has no dispatcher for, and says so when nothing answers', () => {
    const r = analyse({ 'app.js': "const app = require('express')();\napp.get('/x', (req, res) => res.end());\n" });
    const t = traceWith(r, 'GET', '/x', () => undefined);
    assert.strictEqual(t.outcome, 'not-found');
    assert.strictEqual(t.summary, 'No route matches GET /x: no framework the trace knows answers it.');
  });

  it('ends early at a catch-all registered before the matching route (E21)', () => {
    const r = analyse({
      'app.js': [
        "const app = require('express')();",
        'app.use(function notFound(req, res) { res.status(404).send("no"); });',
        "app.get('/after', (req, res) => res.send('after'));",
        '',
      ].join('\n'),
    });
    const t = traceRequest(r, 'GET', '/after');
    assert.strictEqual(t.outcome, 'ended-early');
    assert.strictEqual(t.summary, 'GET /after matches GET /after, but notFound (app.js:2) answers first.');
    assert.deepStrictEqual(t.verdict.endedBy, { name: 'notFound', file: 'app.js', line: 2, kind: 'other', why: 'ends every response under / without calling next()' });
    assert.deepStrictEqual(t.verdict.shadowedBy.map(s => `${s.name}@${s.line}: ${s.why}`), ['notFound@2: ends every response under / without calling next()']);
    assert.deepStrictEqual(t.verdict.findings.map(f => f.ruleId), ['no-shadowed-route']);
    // Why, in the lesson's language (the adapters record the reason as data: ModelRoute.shadowedBy).
    assert.deepStrictEqual(traceRequest(r, 'GET', '/after', 'ru').verdict.shadowedBy.map(s => `${s.name}@${s.line}: ${s.why}`), ['notFound@2: завершает каждый ответ под /, не вызывая next()']);
  });

  it('says 404 when no route matches, and lists the app-level middleware that still runs', () => {
    const r = analyse({
      'app.js': [
        "const express = require('express');",
        'const app = express();',
        'app.use(express.json());',
        "app.use('/admin', function adminOnly(req, res, next) { next(); });",
        "app.get('/health', (req, res) => res.send('ok'));",
        'app.listen(3000);',
        '',
      ].join('\n'),
    });
    const t = traceRequest(r, 'GET', '/nope');
    assert.strictEqual(t.outcome, 'not-found');
    assert.strictEqual(t.route, null);
    assert.strictEqual(t.summary, 'No route matches GET /nope: Express answers 404 Not Found after the middleware below.');
    assert.deepStrictEqual(sites(t, 4), ['express.json@app.js:3']);
    assert.deepStrictEqual(sites(t, 1), ['listen@app.js:6']);
    assert.deepStrictEqual(sites(traceRequest(r, 'GET', '/Admin/x'), 4), ['express.json@app.js:3', 'adminOnly@app.js:4']);
    assert.deepStrictEqual(sites(traceRequest(r, 'GET', '/administrator'), 4), ['express.json@app.js:3'], 'a mount prefix ends at a segment boundary (E8)');
  });

  it('names the catch-all that answers a request no route matches', () => {
    const r = analyse({ 'app.js': "const app = require('express')();\napp.get('/a', (req, res) => res.end());\napp.use((req, res) => res.status(404).json({}));\n" });
    const t = traceRequest(r, 'GET', '/b');
    assert.strictEqual(t.outcome, 'not-found');
    assert.strictEqual(t.summary, 'No route matches GET /b; anonymous function (app.js:3) answers it.');
  });

  it('takes serialize and drain sites from the handler body only, also for a named handler in another file', () => {
    const r = analyse({
      'app.js': "const app = require('express')();\nconst { list, download } = require('./h');\napp.get('/list', list);\napp.get('/file', download);\n",
      'h.js': [
        'function list(req, res) {',
        '  res.json([]);',
        '}',
        'function download(req, res) {',
        "  res.attachment('a.csv');",
        '  stream.pipe(res);',
        '}',
        'module.exports = { list, download };',
        '',
      ].join('\n'),
    });
    const t = traceRequest(r, 'GET', '/file');
    assert.deepStrictEqual(sites(t, 5), ['handler download@h.js:4']);
    assert.deepStrictEqual(sites(t, 6), []);
    assert.deepStrictEqual(sites(t, 7), ['res.attachment@h.js:5', 'pipe(res)@h.js:6']);
    assert.deepStrictEqual(sites(traceRequest(r, 'GET', '/list'), 6), ['res.json@h.js:2']);
  });

  it('notes routes whose path could not be read instead of guessing', () => {
    const r = analyse({ 'app.js': "const app = require('express')();\napp.get(process.env.P, (req, res) => res.end());\napp.get('/ok', (req, res) => res.end());\n" });
    const t = traceRequest(r, 'GET', '/ok');
    assert.strictEqual(t.outcome, 'handled');
    assert.deepStrictEqual(t.notes, ['1 route has a path the analyser could not read (computed or a RegExp), so the trace leaves it out.']);
  });

  it('prefers an app over a router no app mounts, and passes on the note when only such a router matches', () => {
    const r = analyse({
      'app.js': "const app = require('express')();\napp.get('/a', (req, res) => res.end());\napp.listen(1);\n",
      'orphan.js': "const r = require('express').Router();\nr.get('/a', (req, res) => res.json({}));\nr.get('/orphan', (req, res) => res.json({}));\nmodule.exports = r;\n",
    });
    assert.strictEqual(traceRequest(r, 'GET', '/a').route?.file, 'app.js');
    const t = traceRequest(r, 'GET', '/orphan');
    assert.strictEqual(t.summary, 'GET /orphan is answered by GET /orphan (orphan.js:3).');
    assert.deepStrictEqual(t.notes, ['router created at orphan.js:1 is not mounted on any app the analyser found']);
  });

  it('warns when the handler reads req.body but no parser runs', () => {
    const r = analyse({ 'app.js': "const app = require('express')();\napp.post('/items', (req, res) => res.json(req.body.name));\n" });
    const t = traceRequest(r, 'POST', '/items');
    assert.deepStrictEqual(sites(t, 2), []);
    assert.strictEqual(t.stops[1].note, 'No body parser runs before this handler, yet it reads req.body: it will be undefined.');
  });
});

describe('traceRequest over Koa', () => {
  const r = analyse({ 'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
async function timing(ctx, next) { await next(); ctx.set('x-time', '1'); }
async function audit(ctx, next) { await next(); console.log(ctx.status); }
async function jwt(ctx, next) { if (!ctx.get('authorization')) { ctx.status = 401; return; } await next(); }
const app = new Koa();
const router = new Router({ prefix: '/api' });
router.use(jwt);
router.get('/orders', async (ctx) => { ctx.body = []; });
app.use(timing);
app.use(audit);
app.use(router.routes());
app.listen(3000);
` });

  it('shows the way in at stop 4 and the way back out at stop 7, innermost first, file:line each', () => {
    const t = traceRequest(r, 'GET', '/api/orders');
    assert.deepStrictEqual(sites(t, 3), ['router /api@app.js:7', 'GET /api/orders@app.js:9']);
    assert.deepStrictEqual(sites(t, 4), ['jwt@app.js:8']);
    assert.strictEqual(t.stops[3].note, '1 layer runs before the handler, in this order.');
    assert.deepStrictEqual(sites(t, 7), ['audit (after next())@app.js:11', 'timing (after next())@app.js:10']);
    assert.strictEqual(t.stops[6].note, 'Node writes the serialized body; a slow client still holds the socket until it has read it.'
      + ' On the way back out, 2 middleware run their code after await next(), innermost first.');
  });

  it('K9: an auth check after await next() is on the way back out, and the note says the handler has already run', () => {
    const k9 = analyse({ 'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
async function checkUser(ctx, next) {
  await next();
  if (ctx.get('authorization') !== 'Bearer ok') { ctx.status = 401; }
}
const app = new Koa();
const router = new Router();
app.use(checkUser);
router.post('/account/delete', async (ctx) => { ctx.body = { deleted: true }; });
app.use(router.routes());
` });
    const t = traceRequest(k9, 'POST', '/account/delete');
    assert.deepStrictEqual(sites(t, 4), []);
    assert.deepStrictEqual(sites(t, 7), ['checkUser (after next())@app.js:9']);
    assert.ok(t.stops[6].note.endsWith('1 middleware runs its code after await next(), innermost first. checkUser checks only then: the handler has already run (K9).'),
      t.stops[6].note);
  });
});

describe('parseRequestLine', () => {
  it('reads a method and a path, defaulting to GET and dropping the query, host and fragment', () => {
    assert.deepStrictEqual(parseRequestLine('GET /api/v1/orders/42'), { method: 'GET', path: '/api/v1/orders/42' });
    assert.deepStrictEqual(parseRequestLine('  post /items?x=1#top '), { method: 'POST', path: '/items' });
    assert.deepStrictEqual(parseRequestLine('/health'), { method: 'GET', path: '/health' });
    assert.deepStrictEqual(parseRequestLine('DELETE http://localhost:3000/users/1?force=1'), { method: 'DELETE', path: '/users/1' });
    assert.deepStrictEqual(parseRequestLine('GET https://example.com'), { method: 'GET', path: '/' });
    assert.deepStrictEqual(parseRequestLine('GET /x<img src=x>'), { method: 'GET', path: '/x<img src=x>' }, 'a picked route pattern may hold spaces');
  });

  it("reads a picked Express 4 `*` route as a request it answers: `*` as /*, /api* as /api/*", () => {
    assert.deepStrictEqual(parseRequestLine('OPTIONS *'), { method: 'OPTIONS', path: '/*' });
    assert.deepStrictEqual(parseRequestLine('OPTIONS /api*'), { method: 'OPTIONS', path: '/api/*' });
    assert.deepStrictEqual(parseRequestLine('GET /*splat'), { method: 'GET', path: '/*splat' });
    assert.deepStrictEqual(parseRequestLine('GET /api/{*splat}'), { method: 'GET', path: '/api/{*splat}' });
  });

  it('explains what is wrong with input it cannot read', () => {
    assert.deepStrictEqual(parseRequestLine(''), { error: 'Type a method and a path, for example GET /api/v1/orders/42.' });
    assert.deepStrictEqual(parseRequestLine('GET users'), { error: 'A path starts with "/": got "users".' });
    assert.deepStrictEqual(parseRequestLine('GET'), { error: 'A path starts with "/": got "GET".' });
  });
});
