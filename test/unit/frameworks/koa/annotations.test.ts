// Koa code labelled with its stop: listen (1), body parsers (2), routes and router mounts (3),
// middleware (4), handlers (5), ctx.body = obj (6), streams and raw writes (7), and code after
// `await next()`, which runs on the way back out (7).
import * as assert from 'assert';
import { analyse } from '../../workspace';

describe('koa annotations', () => {
  it('labels each stop once, where it is written', () => {
    const r = analyse({ 'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');
const fs = require('fs');
async function timing(ctx, next) { await next(); ctx.set('x-time', '1'); }
async function requireUser(ctx, next) { if (!ctx.state.user) ctx.throw(401); await next(); }
async function listOrders(ctx) { ctx.body = []; }
async function download(ctx) { ctx.body = fs.createReadStream('x'); }
async function raw(ctx) { ctx.respond = false; ctx.res.end(JSON.stringify({ ok: true })); }
const app = new Koa();
const router = new Router();
router.use(requireUser);
router.get('/orders', timing, listOrders);
router.get('/download', download);
router.get('/raw', raw);
app.use(bodyParser());
app.use(router.routes());
app.listen(3000);
` });
    assert.deepStrictEqual(r.annotations.map(a => `${a.line} ${a.stop} ${a.label}`).sort(), [
      '12 4 router.use · requireUser',
      '13 3 GET /orders',
      '13 4 route · timing',
      '14 3 GET /download',
      '15 3 GET /raw',
      '16 2 app.use · bodyParser',
      '17 3 app.use · router.routes()',
      '18 1 listen',
      '5 7 timing · after next()',
      '7 5 handler listOrders',
      '7 6 ctx.body = …',
      '8 5 handler download',
      '8 7 ctx.body = stream',
      '9 5 handler raw',
      '9 6 JSON.stringify',
      '9 7 ctx.res.end',
      '9 7 ctx.respond = false',
    ]);
  });
});
