import { authHookReadsBody } from '../../../src/rules/auth-hook-reads-body';
import { runRuleTests } from './rule-tester';

const FASTIFY5 = JSON.stringify({ dependencies: { fastify: '^5.6.0' } });

runRuleTests(authHookReadsBody, {
  valid: [
    {
      name: 'an auth hook reading the body in preHandler, where it is parsed (F16)',
      files: {
        'package.json': FASTIFY5,
        'app.js': `const app = require('fastify')();
async function checkApiKey(request, reply) { if (request.body?.apiKey !== 'key') return reply.code(401).send(); }
app.post('/orders', { preHandler: checkApiKey }, async () => ({}));
app.addHook('preValidation', checkApiKey);
`,
      },
    },
    {
      name: 'an auth hook in onRequest that reads headers only',
      files: {
        'package.json': FASTIFY5,
        'app.js': `const app = require('fastify')();
app.addHook('onRequest', async function requireUser(request, reply) { if (!request.headers.authorization) return reply.code(401).send(); });
app.post('/orders', async () => ({}));
`,
      },
    },
    {
      name: 'a logging hook in onRequest that reads the body is not auth',
      files: {
        'package.json': FASTIFY5,
        'app.js': `const app = require('fastify')();
app.addHook('onRequest', async function logBody(request) { console.log(request.body); });
app.post('/orders', async () => ({}));
`,
      },
    },
  ],
  invalid: [
    {
      name: 'a route-level onRequest hook whose only credential is the body (F16)',
      files: {
        'package.json': FASTIFY5,
        'app.js': `const app = require('fastify')();
async function checkApiKeyTooEarly(request, reply) { if (request.body?.apiKey !== 'key') return reply.code(401).send(); }
app.post('/orders', { onRequest: checkApiKeyTooEarly }, async () => ({}));
`,
      },
      errors: [{
        messageId: 'stopsAll', file: 'app.js', line: 3, column: 34,
        data: { hook: 'checkApiKeyTooEarly', phase: 'onRequest', readAt: 'app.js:2', routes: 'POST /orders' },
        suggestionOutput: `const app = require('fastify')();
async function checkApiKeyTooEarly(request, reply) { if (request.body?.apiKey !== 'key') return reply.code(401).send(); }
app.post('/orders', { preHandler: checkApiKeyTooEarly }, async () => ({}));
`,
      }],
    },
    {
      name: 'a context hook in preParsing is reported once, at its addHook call, for every route it reaches',
      files: {
        'package.json': FASTIFY5,
        'app.js': `const app = require('fastify')();
app.register(async function api(instance) {
  instance.addHook('preParsing', async function checkToken(request, reply) { if (request.body?.token !== 't') return reply.code(401).send(); });
  instance.post('/orders', async () => ({}));
  instance.post('/invoices', async () => ({}));
});
`,
      },
      errors: [{
        messageId: 'stopsAll', file: 'app.js', line: 3, column: 3,
        data: { hook: 'checkToken', phase: 'preParsing', readAt: 'app.js:3', routes: '2 routes' },
      }],
    },
    {
      name: 'a hook with a header fallback never sees the body credential',
      files: {
        'package.json': FASTIFY5,
        'app.js': `const app = require('fastify')();
async function checkApiKey(request, reply) {
  const key = request.body?.apiKey ?? request.headers.authorization;
  if (key !== 'key') return reply.code(401).send();
}
app.addHook('onRequest', checkApiKey);
app.post('/orders', async () => ({}));
`,
      },
      errors: [{
        messageId: 'neverSeen', file: 'app.js', line: 6, column: 1,
        data: { hook: 'checkApiKey', phase: 'onRequest', readAt: 'app.js:3', routes: 'POST /orders' },
        suggestionOutput: `const app = require('fastify')();
async function checkApiKey(request, reply) {
  const key = request.body?.apiKey ?? request.headers.authorization;
  if (key !== 'key') return reply.code(401).send();
}
app.addHook('preHandler', checkApiKey);
app.post('/orders', async () => ({}));
`,
      }],
    },
  ],
});
