// Fastify code labelled with its stop: listen and server timeouts (1), preParsing hooks (2), routes
// (3), other hooks by phase (4), handlers (5), reply.send (6), reply.raw and hijack (7).
import * as assert from 'assert';
import { analyse } from '../../workspace';

describe('fastify annotations', () => {
  it('labels each stop once, hooks with their phase, where they are written', () => {
    const r = analyse({ 'app.js': `const fastify = require('fastify');
function requireUser(request, reply, done) { done(); }
function inflate(request, reply, payload, done) { done(null, payload); }
async function listOrders(request, reply) { return reply.send([]); }
async function stream(request, reply) { reply.hijack(); reply.raw.end('x'); }
const app = fastify({ keepAliveTimeout: 5000 });
app.addHook('onRequest', requireUser);
app.addHook('preParsing', inflate);
app.register(async function child(instance) { instance.get('/orders', { preHandler: requireUser }, listOrders); });
app.get('/stream', stream);
app.listen({ port: 3000 });
` });
    assert.deepStrictEqual(r.annotations.map(a => `${a.line} ${a.stop} ${a.label}`).sort(), [
      '10 3 GET /stream',
      '11 1 listen',
      '4 5 handler listOrders',
      '4 6 reply.send',
      '5 5 handler stream',
      '5 7 reply.hijack',
      '5 7 reply.raw.end',
      '6 1 keepAliveTimeout',
      '7 4 onRequest · requireUser',
      '8 2 preParsing · inflate',
      '9 3 GET /orders',
      '9 4 preHandler · requireUser',
    ]);
  });

  // An options object written inline is labelled at its call (`register(plugin, { prefix })`).
  it('labels the parse (2), route (3) and serialize (6) options and a returned value or stream (6, 7)', () => {
    const r = analyse({ 'app.js': `const fastify = require('fastify');
const fs = require('fs');
const app = fastify({ bodyLimit: 1048576, ignoreTrailingSlash: true });
app.register(require('@fastify/formbody'));
app.addContentTypeParser('text/csv', function parseCsv(request, payload, done) { done(null, payload); });
app.register(async function api(instance) {
  instance.get('/items', { schema: { response: { 200: { type: 'array' } } } }, async () => []);
  instance.post('/upload', { bodyLimit: 10485760 }, async (request, reply) => { return reply.code(201).send({ ok: true }); });
  instance.get('/file', async () => fs.createReadStream('file.csv'));
}, { prefix: '/api' });
app.register(require('fastify-plugin')(async function shared() {}), { prefix: '/ignored' });
app.setNotFoundHandler(async function notFound() { return { error: 'nope' }; });
` });
    assert.deepStrictEqual(r.annotations.map(a => `${a.line} ${a.stop} ${a.label}`).sort(), [
      '12 3 setNotFoundHandler',
      '3 2 bodyLimit',
      '3 3 ignoreTrailingSlash',
      '4 2 @fastify/formbody',
      '5 2 addContentTypeParser',
      '6 3 prefix /api',
      '7 3 GET /api/items',
      '7 5 handler',
      '7 6 response schema',
      '7 6 return (serialized)',
      '8 2 bodyLimit',
      '8 3 POST /api/upload',
      '8 5 handler',
      '8 6 reply.code.send',
      '9 3 GET /api/file',
      '9 5 handler',
      '9 7 return (stream)',
    ]);
  });
});
