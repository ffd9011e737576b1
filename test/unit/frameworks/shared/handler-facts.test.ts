// What a handler reads from its request (the body, who is asking), for Express and Fastify alike.
import * as assert from 'assert';
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

  it('Express: req.session.userId names who is asking', () => {
    const r = analyse({ 'app.js': `const app = require('express')();
app.get('/me', (req, res) => res.json({ id: req.session.userId }));
` });
    assert.strictEqual(r.model.routes[0].facts.readsIdentity?.expr, 'req.session.userId');
  });
});
