// The lesson's 'workspace' message (src/extension/lesson-workspace.ts): places at each stop from
// every framework's annotations, findings, routes and the frameworks found.
import * as assert from 'assert';
import { localizedMessage } from '../../../src/core/rule-locale';
import { workspaceMessage } from '../../../src/extension/lesson-workspace';
import { allRules } from '../../../src/rules';
import { analyse } from '../workspace';

describe('lesson workspace message', () => {
  it('words each finding with the function it is given (the lesson\'s language), English by default', () => {
    const result = analyse({ 'app.js': "const app = require('express')();\napp.get('/me', (req, res) => res.json(req.user));\n" });
    const folders = [{ uri: 'file:///w', name: 'w', result, error: null }];
    const english = workspaceMessage(folders, 1, { routes: 1, unprotected: 1 });
    const russian = workspaceMessage(folders, 1, { routes: 1, unprotected: 1 }, f => localizedMessage(f, allRules, 'ru'));
    assert.deepStrictEqual(english.findings.map(f => f.label), ['GET /me reads req.user but no authentication layer runs before it.']);
    assert.deepStrictEqual(russian.findings.map(f => f.label), ['GET /me читает req.user, но перед ним не работает ни один слой аутентификации.']);
  });

  it('puts Fastify code at its stops: hooks at their phase\'s stop, handlers at 5, reply.send at 6, reply.raw at 7', () => {
    const result = analyse({ 'app.js': `const fastify = require('fastify');
function authenticate(request, reply, done) { if (!request.headers.authorization) return reply.code(401).send(); done(); }
function inflate(request, reply, payload, done) { done(null, payload); }
function audit(request, reply, payload, done) { done(null, payload); }
async function listOrders(request, reply) { return reply.send([]); }
async function download(request, reply) { reply.hijack(); reply.raw.end('x'); }
const app = fastify();
app.addHook('preParsing', inflate);
app.addHook('onSend', audit);
app.register(async function orders(instance) {
  instance.addHook('onRequest', authenticate);
  instance.get('/orders', listOrders);
});
app.get('/download', download);
app.listen({ port: 3000 });
` });
    const msg = workspaceMessage([{ uri: 'file:///w', name: 'w', result, error: null }], 1, { routes: 2, unprotected: 1 });
    const at = (stop: number) => msg.places[stop].map(p => `${p.line} ${p.label}`);
    assert.deepStrictEqual(msg.frameworks, ['fastify']);
    assert.deepStrictEqual(at(1), ['15 listen']);
    assert.deepStrictEqual(at(2), ['8 preParsing · inflate']);
    assert.deepStrictEqual(at(4), ['11 onRequest · authenticate']);
    assert.deepStrictEqual(at(5), ['5 handler listOrders', '6 handler download']);
    assert.deepStrictEqual(at(6), ['5 reply.send']);
    assert.deepStrictEqual(at(7), ['6 reply.hijack', '6 reply.raw.end', '9 onSend · audit']);
    assert.deepStrictEqual(msg.routeList.map(r => `${r.label} ${r.protected}`), ['GET /download false', 'GET /orders true']);
    assert.deepStrictEqual([msg.routes, msg.unprotected, msg.openFolders], [2, 1, 1]);
  });

  it('puts Koa code at its stops: body parser at 2, router.use at 4, ctx.body at 6, code after await next() at 7', () => {
    const result = analyse({ 'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');
async function timing(ctx, next) { await next(); ctx.set('x-time', '1'); }
async function requireUser(ctx, next) { if (!ctx.get('authorization')) { ctx.status = 401; return; } await next(); }
const app = new Koa();
const router = new Router({ prefix: '/api' });
router.use(requireUser);
router.get('/orders', async (ctx) => { ctx.body = []; });
app.use(timing);
app.use(bodyParser());
app.use(router.routes());
app.listen(3000);
` });
    const msg = workspaceMessage([{ uri: 'file:///w', name: 'w', result, error: null }], 1, { routes: 1, unprotected: 0 });
    const at = (stop: number) => msg.places[stop].map(p => `${p.line} ${p.label}`);
    assert.deepStrictEqual(msg.frameworks, ['koa']);
    assert.deepStrictEqual(at(1), ['13 listen']);
    assert.deepStrictEqual(at(2), ['11 app.use · bodyParser']);
    assert.deepStrictEqual(at(4), ['8 router.use · requireUser', '10 app.use · timing']);
    assert.deepStrictEqual(at(6), ['9 ctx.body = …']);
    assert.deepStrictEqual(at(7), ['4 timing · after next()']);
  });

  it('lists each folder, and the error of one whose analysis failed', () => {
    const msg = workspaceMessage([{ uri: 'file:///a', name: 'a', result: null, error: 'boom' }], 1, { routes: 0, unprotected: 0 });
    assert.deepStrictEqual(msg.folders, [{ uri: 'file:///a', name: 'a' }]);
    assert.deepStrictEqual(msg.errors, [{ folder: 'file:///a', message: 'boom' }]);
    assert.deepStrictEqual(msg.frameworks, []);
  });
});
