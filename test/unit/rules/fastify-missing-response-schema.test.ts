import { fastifyMissingResponseSchema } from '../../../src/rules/fastify-missing-response-schema';
import { runRuleTests } from './rule-tester';
import { EXPRESS, FASTIFY, KOA, fastify } from './rule-apps';

runRuleTests(fastifyMissingResponseSchema, {
  valid: [
    {
      name: "a stream made at the module's top level and sent by name: what a name bound outside the handler holds is not known",
      files: {
        'package.json': FASTIFY,
        'app.js': fastify(`const fs = require('fs');
const page = fs.createReadStream('./redoc.html');
fastify.get('/doc', async (request, reply) => reply.type('text/html').send(page));`),
      },
    },
    {
      name: 'a route with schema.response, given inline or by name, and through route()',
      files: {
        'package.json': FASTIFY,
        'app.js': fastify(`const schema = { response: { 200: { type: 'object', properties: { id: { type: 'number' } } } } };
fastify.get('/a', { schema }, async () => ({ id: 1 }));
fastify.route({ method: 'GET', url: '/b', schema: { response: { 200: { type: 'array' } } }, handler: async () => [] });`),
      },
    },
    {
      name: 'a route that sends text, a stream, nothing, or the reply itself',
      files: {
        'package.json': FASTIFY,
        'app.js': fastify(`fastify.get('/a', async () => 'ok');
fastify.get('/b', async (request, reply) => reply.type('text/csv').send(require('fs').createReadStream('x.csv')));
fastify.get('/c', async (request, reply) => { return reply.code(204).send(); });
fastify.get('/d', async () => JSON.stringify({ cached: true }));`),
      },
    },
    {
      name: 'options the analyser cannot read may hold a schema',
      files: { 'package.json': FASTIFY, 'app.js': fastify("fastify.get('/a', routeOptions, async () => ({ id: 1 }));") },
    },
    {
      name: 'Express and Koa have no response schema',
      files: {
        'package.json': JSON.stringify({ dependencies: { ...JSON.parse(EXPRESS).dependencies, ...JSON.parse(KOA).dependencies } }),
        'app.js': `const express = require('express');
const app = express();
app.get('/a', (req, res) => res.json({ id: 1 }));
const Koa = require('koa');
const k = new Koa();
k.use(async ctx => { ctx.body = { id: 1 }; });
module.exports = app;
`,
      },
    },
  ],
  invalid: [
    {
      name: "the handler's body is named, not the 401 body of the route's auth hook",
      files: {
        'package.json': FASTIFY,
        'app.js': fastify(`async function authenticate(request, reply) { if (!request.headers.authorization) return reply.code(401).send({ error: 'login' }); }
fastify.get('/report', { onRequest: [authenticate] }, async () => {
  return { total: 42 };
});`),
      },
      errors: [{ messageId: 'missing', file: 'app.js', line: 3, column: 1, data: { route: 'GET /report', what: 'object', sentAt: 'app.js:4' } }],
    },
    {
      name: 'an async handler returning an object',
      files: { 'package.json': FASTIFY, 'app.js': fastify("fastify.get('/users/:id', async (request) => ({ id: request.params.id }));") },
      errors: [{ messageId: 'missing', file: 'app.js', line: 2, column: 1, data: { route: 'GET /users/:id', what: 'object', sentAt: 'app.js:2' } }],
    },
    {
      name: 'reply.send of a variable, with a schema that validates only the query string; once for a route with two methods',
      files: {
        'package.json': FASTIFY,
        'app.js': fastify(`fastify.route({ method: ['GET', 'POST'], url: '/tasks', schema: { querystring: { type: 'object' } }, handler: async (request, reply) => {
  const tasks = await load();
  reply.send(tasks);
} });
async function load() { return []; }`),
      },
      errors: [{ messageId: 'missing', file: 'app.js', line: 2, column: 1, data: { route: 'GET /tasks', what: 'given', by: 'reply.send', sentAt: 'app.js:4' } }],
    },
  ],
});
