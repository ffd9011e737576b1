// What a handler reads from its request (the body, who is asking), for Express, Fastify and Koa alike.
import * as assert from 'assert';
import { READS_NOTHING } from '../../../../src/frameworks/shared/handler-facts';
import { analyse } from '../../workspace';

describe('handler facts', () => {
  it("Fastify: request.body and request.user are read; a write to request.user is not a read", () => {
    const r = analyse({ 'app.js': `const fastify = require('fastify');
const app = fastify();
app.post('/orders', async (request) => ({ by: request.user.id, items: request.body.items }));
app.get('/plain', async (request) => { request.user = null; return 'ok'; });
` });
    const [orders, plain] = r.model.routes;
    assert.strictEqual(orders.facts.readsIdentity?.expr, 'request.user');
    assert.strictEqual(orders.facts.readsBody?.line, 3);
    assert.deepStrictEqual(plain.facts, { readsBody: null, readsIdentity: null });
  });

  it('handlers that read neither share one frozen object, in every framework', () => {
    const express = analyse({ 'app.js': `const app = require('express')();
app.get('/a', (req, res) => res.json({ ok: true }));
app.get('/b', (req, res) => res.send('b'));
` });
    const fastify = analyse({ 'app.js': `const app = require('fastify')();
app.get('/a', async () => 'a');
` });
    for (const route of [...express.model.routes, ...fastify.model.routes]) assert.strictEqual(route.facts, READS_NOTHING);
    assert.ok(Object.isFrozen(READS_NOTHING));
  });

  it('Express: req.session.userId names who is asking', () => {
    const r = analyse({ 'app.js': `const app = require('express')();
app.get('/me', (req, res) => res.json({ id: req.session.userId }));
` });
    assert.strictEqual(r.model.routes[0].facts.readsIdentity?.expr, 'req.session.userId');
  });

  it('a handler that tests whether someone is signed in (a ternary, an optional chain) expects anonymous callers: no identity read', () => {
    const r = analyse({ 'app.js': `const app = require('express')();
app.get('/blog/:id', (req, res) => res.json({ liked: req.session.user ? req.session.user.likes : [] }));
app.get('/square', (req, res) => res.json({ me: req.user?.id }));
app.get('/me', (req, res) => res.json({ id: req.user.id }));
` });
    assert.deepStrictEqual(r.model.routes.map(x => x.facts.readsIdentity?.expr ?? null), [null, null, 'req.user']);
  });

  it('Koa: ctx.request.body and ctx.state.user are read from the context; ctx.body is a write, not the request body', () => {
    const r = analyse({ 'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
const app = new Koa();
const router = new Router();
router.post('/orders', async (ctx) => { ctx.body = { by: ctx.state.user.id, items: ctx.request.body.items }; });
router.get('/plain', async (ctx) => { ctx.body = 'ok'; });
app.use(router.routes());
` });
    const [orders, plain] = r.model.routes;
    assert.strictEqual(orders.facts.readsIdentity?.expr, 'ctx.state.user');
    assert.strictEqual(orders.facts.readsBody?.line, 5);
    assert.deepStrictEqual(plain.facts, { readsBody: null, readsIdentity: null });
  });
});
