import { doubleJsonEncoding } from '../../../src/rules/double-json-encoding';
import { runRuleTests } from './rule-tester';
import { EXPRESS, FASTIFY, KOA, express, fastify, koa } from './rule-apps';

runRuleTests(doubleJsonEncoding, {
  valid: [
    {
      name: 'Express: res.send of JSON text sends the text as it is',
      files: { 'package.json': EXPRESS, 'app.js': express("app.get('/u', (req, res) => res.type('json').send(JSON.stringify({ id: 1 })));") },
    },
    {
      name: 'Express: res.json of the object',
      files: { 'package.json': EXPRESS, 'app.js': express("app.get('/u', (req, res) => { const user = { id: 1 }; res.json({ user }); });") },
    },
    {
      name: 'Express: a variable given JSON text on one path only (pretty printing) is not always encoded twice',
      files: {
        'package.json': EXPRESS,
        'app.js': express("app.get('/u', (req, res) => { let body = { id: 1 }; if (req.query.pretty) body = JSON.stringify(body, null, 2); res.json(body); });"),
      },
    },
    {
      name: 'Fastify: reply.type(json).send(JSON text) and a returned string arrive as valid JSON',
      files: {
        'package.json': FASTIFY,
        'app.js': fastify(`fastify.get('/a', async (request, reply) => reply.type('application/json').send(JSON.stringify({ id: 1 })));
fastify.get('/b', async () => JSON.stringify({ id: 1 }));`),
      },
    },
    {
      name: 'Koa: ctx.body = JSON text with ctx.type = json is sent as it is',
      files: { 'package.json': KOA, 'app.js': koa("router.get('/u', ctx => { ctx.body = JSON.stringify({ id: 1 }); ctx.type = 'json'; });") },
    },
    {
      name: 'Express: JSON text written with res.end',
      files: { 'package.json': EXPRESS, 'app.js': express("app.get('/u', (req, res) => res.end(JSON.stringify({ data: 1 })));") },
    },
  ],
  invalid: [
    {
      name: 'Express: res.json(JSON.stringify(x)) sends one JSON string',
      files: { 'package.json': EXPRESS, 'app.js': express("app.get('/u', (req, res) => res.json(JSON.stringify({ id: 1 })));") },
      errors: [{
        messageId: 'whole', file: 'app.js', line: 3, column: 38, data: { send: 'res.json', sentAt: 'app.js:3' },
        suggestionOutput: express("app.get('/u', (req, res) => res.json({ id: 1 }));"),
      }],
    },
    {
      name: 'Express: through a variable, and res.status().json',
      files: { 'package.json': EXPRESS, 'app.js': express("app.get('/u', (req, res) => {\n  const body = JSON.stringify(req.user);\n  res.status(200).json(body);\n});") },
      errors: [{
        messageId: 'whole', file: 'app.js', line: 4, column: 16, data: { send: 'res.status().json', sentAt: 'app.js:5' },
        suggestionOutput: express("app.get('/u', (req, res) => {\n  const body = req.user;\n  res.status(200).json(body);\n});"),
      }],
    },
    {
      name: 'Express: res.send({ data: JSON.stringify(x) }) sends the field as a string',
      files: { 'package.json': EXPRESS, 'app.js': express("app.get('/u', (req, res) => res.send({ data: JSON.stringify(req.user) }));") },
      errors: [{
        messageId: 'field', file: 'app.js', line: 3, column: 46, data: { send: 'res.send', sentAt: 'app.js:3', field: 'data' },
        suggestionOutput: express("app.get('/u', (req, res) => res.send({ data: req.user }));"),
      }],
    },
    {
      name: 'Fastify: reply.send of an object with a stringified field',
      files: { 'package.json': FASTIFY, 'app.js': fastify("fastify.get('/u', (request, reply) => { reply.send({ settings: JSON.stringify({ theme: 'dark' }) }); });") },
      errors: [{ messageId: 'field', file: 'app.js', line: 2, column: 64, data: { send: 'reply.send', sentAt: 'app.js:2', field: 'settings' } }],
    },
    {
      name: 'Fastify: an async handler returning an object with a nested stringified field',
      files: { 'package.json': FASTIFY, 'app.js': fastify("fastify.get('/u', async () => {\n  const out = { meta: { raw: JSON.stringify([1, 2]) } };\n  return out;\n});") },
      errors: [{ messageId: 'field', file: 'app.js', line: 3, column: 30, data: { send: 'return', sentAt: 'app.js:4', field: 'meta.raw' } }],
    },
    {
      name: 'Koa: ctx.body = { data: JSON.stringify(x) }',
      files: { 'package.json': KOA, 'app.js': koa("router.get('/u', async ctx => { ctx.body = { data: JSON.stringify(ctx.state.user) }; });") },
      errors: [{
        messageId: 'field', file: 'app.js', line: 5, column: 52, data: { send: 'ctx.body =', sentAt: 'app.js:5', field: 'data' },
        suggestionOutput: koa("router.get('/u', async ctx => { ctx.body = { data: ctx.state.user }; });"),
      }],
    },
  ],
});
