// The trace over a Koa app (dispatch.ts): the first matching route in stack order answers (K7), one
// that calls next() hands the request on, routes match case-insensitively with one trailing slash
// (K15), koa-mount prefixes case-sensitively, and a 404 still runs the app's middleware.
import * as assert from 'assert';
import { trace } from '../../../../src/tracing';
import { analyse } from '../../workspace';

const APP = `const Koa = require('koa');
const Router = require('@koa/router');
const mount = require('koa-mount');
async function log(ctx, next) { await next(); }
async function maybe(ctx, next) { if (ctx.params.id === 'me') return next(); ctx.body = {}; }
const app = new Koa();
const admin = new Koa();
const ar = new Router();
ar.get('/users', async (ctx) => { ctx.body = []; });
admin.use(ar.routes());
const r = new Router();
r.get('/users/:id', maybe);
r.get('/users/me', async (ctx) => { ctx.body = 'me'; });
r.get('/files/:name', async (ctx) => { ctx.body = 'f'; });
app.use(log);
app.use(mount('/admin', admin));
app.use(r.routes());
`;

describe('koa dispatch', () => {
  it('K7: the first matching route answers; one that calls next() passes /users/me on to the later route', () => {
    const r = analyse({ 'app.js': APP });
    assert.deepStrictEqual(trace(r, 'GET', '/users/7').route?.params, { id: '7' });
    assert.strictEqual(trace(r, 'GET', '/users/me').route?.path, '/users/me');
  });

  it('K15: routes match case-insensitively and with one trailing slash; HEAD goes to GET', () => {
    const r = analyse({ 'app.js': APP });
    assert.strictEqual(trace(r, 'GET', '/FILES/a.txt/').route?.path, '/files/:name');
    assert.strictEqual(trace(r, 'HEAD', '/files/a.txt').route?.path, '/files/:name');
    assert.strictEqual(trace(r, 'GET', '/files/a.txt//').outcome, 'not-found');
  });

  it("koa-mount's prefix is case-sensitive; a 404 still runs the app's middleware", () => {
    const r = analyse({ 'app.js': APP });
    assert.strictEqual(trace(r, 'GET', '/admin/users').route?.path, '/admin/users');
    const miss = trace(r, 'GET', '/ADMIN/users');
    assert.strictEqual(miss.outcome, 'not-found');
    assert.deepStrictEqual(miss.stops[3].sites.map(s => s.name), ['log']);
  });
});
