// The trace over a Fastify app (dispatch.ts): the most specific route answers (F13), HEAD goes to
// GET unless a HEAD route exists (F12), a trailing slash is another path (F14).
import * as assert from 'assert';
import { trace } from '../../../../src/tracing';
import { analyse } from '../../workspace';

const APP = `const fastify = require('fastify');
const app = fastify();
app.get('/users/:id', async () => ({}));
app.get('/users/me', async () => ({}));
app.head('/files/:name', async () => '');
app.get('/files/:name', async () => 'file');
`;

describe('fastify dispatch', () => {
  it('a static route answers before a parametric one registered earlier (F13)', () => {
    const r = analyse({ 'app.js': APP });
    assert.deepStrictEqual(trace(r, 'GET', '/users/me').route?.path, '/users/me');
    assert.deepStrictEqual(trace(r, 'GET', '/users/7').route?.params, { id: '7' });
  });

  it('HEAD is answered by the GET route unless a HEAD route exists (F12)', () => {
    const r = analyse({ 'app.js': APP });
    assert.strictEqual(trace(r, 'HEAD', '/users/7').route?.path, '/users/:id');
    assert.strictEqual(trace(r, 'HEAD', '/files/a.txt').route?.line, 5);
  });

  it("'/users/7/' is not '/users/7' (F14)", () => {
    assert.strictEqual(trace(analyse({ 'app.js': APP }), 'GET', '/users/7/').outcome, 'not-found');
  });

  it('traces the lifecycle: registrations on the way at 3, preParsing hooks at 2, the other hooks by phase with file:line at 4', () => {
    const r = analyse({ 'app.js': `const fastify = require('fastify');
const fp = require('fastify-plugin');
function authenticate(request, reply, done) { if (!request.headers.authorization) return reply.code(401).send(); done(); }
function inflate(request, reply, payload, done) { done(null, payload); }
function audit(request, reply, done) { done(); }
async function listOrders(request, reply) { return []; }
const app = fastify();
app.register(fp(async function auth(instance) { instance.addHook('preParsing', inflate); }));
app.register(async function api(instance) {
  instance.addHook('onRequest', authenticate);
  instance.register(async function orders(child) {
    child.get('/orders', { preHandler: audit }, listOrders);
  }, { prefix: '/orders-api' });
}, { prefix: '/api' });
` });
    const t = trace(r, 'GET', '/api/orders-api/orders');
    const stop = (n: number) => t.stops[n - 1];
    const shown = (n: number) => stop(n).sites.map(x => `${x.name} ${x.file}:${x.line}${x.phase ? ` ${x.phase}` : ''}`);
    assert.deepStrictEqual(shown(2), ['preParsing · inflate app.js:4 preParsing']);
    assert.ok(stop(2).note.endsWith('request.body is undefined in onRequest.'), stop(2).note);
    assert.deepStrictEqual(shown(3), ['register api at /api app.js:9', 'register orders at /api/orders-api app.js:11', 'GET /api/orders-api/orders app.js:12']);
    assert.deepStrictEqual(shown(4), ['onRequest · authenticate app.js:3 onRequest', 'preHandler · audit app.js:5 preHandler']);
    assert.strictEqual(stop(4).note, '2 hooks run before the handler, in lifecycle order: onRequest, then preHandler.');
    // What the handler returns is what Fastify serializes: its return statement is the stop-6 site.
    assert.deepStrictEqual(shown(6), ['return (serialized) app.js:6']);
    assert.ok(stop(6).note.startsWith('The response becomes bytes here (one exit of the handler).'), stop(6).note);
  });

  it('traces the hooks after the handler: preSerialization at 6, onSend and onResponse at 7, after the handler\'s own sites', () => {
    const r = analyse({ 'app.js': `const fastify = require('fastify');
function stamp(request, reply, payload, done) { done(null, payload); }
function compress(request, reply, payload, done) { done(null, payload); }
function logDone(request, reply, done) { done(); }
async function report(request, reply) { return reply.send({}); }
const app = fastify();
app.addHook('onResponse', logDone);
app.register(async function reports(instance) {
  instance.addHook('onSend', compress);
  instance.get('/report', { preSerialization: stamp }, report);
});
` });
    const t = trace(r, 'GET', '/report');
    const shown = (n: number) => t.stops[n - 1].sites.map(x => `${x.name} ${x.file}:${x.line}`);
    assert.deepStrictEqual(shown(6), ['reply.send app.js:5', 'preSerialization · stamp app.js:2']);
    assert.strictEqual(t.stops[5].note, 'The response becomes bytes here (one exit of the handler). 1 hook runs after the handler, in lifecycle order: preSerialization.');
    assert.deepStrictEqual(shown(7), ['onSend · compress app.js:3', 'onResponse · logDone app.js:4']);
    assert.ok(t.stops[6].note.endsWith(' 2 hooks run after the handler, in lifecycle order: onSend, then onResponse.'), t.stops[6].note);
    assert.deepStrictEqual(t.stops[3].sites, [], 'no hook runs before this handler');
  });

  it('F14: the router options ignoreTrailingSlash and caseSensitive: false (param values keep their case)', () => {
    const r = analyse({ 'app.js': `const app = require('fastify')({ ignoreTrailingSlash: true, caseSensitive: false });
app.get('/orders', async () => []);
app.get('/Reports/:id', async () => ({}));
` });
    assert.strictEqual(trace(r, 'GET', '/orders/').route?.path, '/orders');
    assert.strictEqual(trace(r, 'GET', '/ORDERS').route?.path, '/orders');
    assert.deepStrictEqual(trace(r, 'GET', '/reports/AbC/').route?.params, { id: 'AbC' });
    assert.deepStrictEqual(r.model.origins[0].router, { caseSensitive: false, ignoreTrailingSlash: true });
  });
});
