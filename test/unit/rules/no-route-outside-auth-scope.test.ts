import * as assert from 'assert';
import { suggestionFor } from '../../../src/core/fix-edits';
import { noRouteOutsideAuthScope } from '../../../src/rules/no-route-outside-auth-scope';
import { analyse } from '../workspace';
import { applyEdits, runRuleTests } from './rule-tester';

const FASTIFY5 = JSON.stringify({ dependencies: { fastify: '^5.6.0' } });

const REQUIRE_USER = `function requireUser(request, reply, done) { if (!request.headers.authorization) return reply.code(401).send(); done(); }
`;

runRuleTests(noRouteOutsideAuthScope, {
  valid: [
    {
      name: 'a sign-up page in a plugin of its own beside the protected plugin with the same prefix: public by design, as on Express and Koa',
      files: {
        'package.json': FASTIFY5,
        'app.js': `${REQUIRE_USER}const app = require('fastify')();
app.register(async function verifyEmail(instance) { instance.post('/users/verify-email', async () => 'ok'); }, { prefix: '/api' });
app.register(async function users(instance) {
  instance.addHook('onRequest', requireUser);
  instance.put('/users', async () => 'updated');
}, { prefix: '/api' });
`,
      },
    },
    {
      name: 'public plugins beside a protected one, with no prefix in common (F3)',
      files: {
        'package.json': FASTIFY5,
        'app.js': `${REQUIRE_USER}const app = require('fastify')();
app.get('/health', async () => 'ok');
app.register(async function docs(instance) { instance.get('/docs', async () => 'docs'); });
app.register(async function admin(instance) {
  instance.addHook('onRequest', requireUser);
  instance.get('/admin', async () => 'admin');
});
`,
      },
    },
    {
      name: "a child plugin's routes are reached by its parent's hook",
      files: {
        'package.json': FASTIFY5,
        'app.js': `${REQUIRE_USER}const app = require('fastify')();
app.register(async function api(instance) {
  instance.addHook('onRequest', requireUser);
  instance.get('/orders', async () => []);
  instance.register(async function reports(child) { child.get('/reports', async () => []); });
}, { prefix: '/api' });
`,
      },
    },
    {
      name: 'an auth hook in an fp plugin reaches every root route (F4)',
      files: {
        'package.json': FASTIFY5,
        'app.js': `${REQUIRE_USER}const fp = require('fastify-plugin');
const app = require('fastify')();
app.register(fp(async function auth(instance) { instance.addHook('onRequest', requireUser); }));
app.get('/me', async (request) => request.user);
`,
      },
    },
    {
      name: 'a public login beside protected routes under another prefix',
      files: {
        'package.json': FASTIFY5,
        'app.js': `${REQUIRE_USER}const app = require('fastify')();
app.register(async function auth(instance) { instance.post('/login', async () => ({ token: 't' })); }, { prefix: '/auth' });
app.register(async function api(instance) {
  instance.addHook('onRequest', requireUser);
  instance.get('/orders', async () => []);
}, { prefix: '/api' });
`,
      },
    },
    {
      name: 'a login plugin at a longer prefix of its own beside a protected /api',
      files: {
        'package.json': FASTIFY5,
        'app.js': `${REQUIRE_USER}const app = require('fastify')();
app.register(async function login(instance) { instance.post('/login', async () => ({ token: 't' })); }, { prefix: '/api/auth' });
app.register(async function api(instance) {
  instance.addHook('onRequest', requireUser);
  instance.get('/orders', async () => []);
}, { prefix: '/api' });
`,
      },
    },
    {
      name: 'a handler that verifies the JWT itself before reading request.user',
      files: {
        'package.json': FASTIFY5,
        'app.js': `const app = require('fastify')();
app.get('/me', async (request) => { await request.jwtVerify(); return request.user; });
`,
      },
    },
    {
      name: 'a decorator from an fp plugin is visible in every plugin (F4)',
      files: {
        'package.json': FASTIFY5,
        'app.js': `const fp = require('fastify-plugin');
async function authenticate(request, reply) { if (!request.headers.authorization) return reply.code(401).send(); }
const app = require('fastify')();
app.register(fp(async function authenticator(instance) { instance.decorate('authenticate', authenticate); }));
app.register(async function orders(instance) { instance.get('/orders', { onRequest: [instance.authenticate] }, async () => []); });
`,
      },
    },
  ],
  invalid: [
    {
      name: 'a sibling plugin with the same prefix as the protected one (F6), with the hook added to the route',
      files: {
        'package.json': FASTIFY5,
        'app.js': `${REQUIRE_USER}const app = require('fastify')();
app.register(async function v1Auth(instance) {
  instance.addHook('onRequest', requireUser);
  instance.get('/a', async () => 'a');
}, { prefix: '/v1' });
app.register(async function v1Other(instance) {
  instance.get('/b', async () => 'b');
}, { prefix: '/v1' });
`,
      },
      errors: [{
        messageId: 'sibling', file: 'app.js', line: 8, column: 3,
        data: {
          route: 'GET /v1/b', where: 'in plugin v1Other', routeAt: 'app.js:8', plugin: 'v1Auth', pluginAt: 'app.js:3', phase: 'onRequest',
          auth: 'requireUser', authAt: 'app.js:1', sibling: 'GET /v1/a', prefix: '/v1',
        },
        suggestionOutput: `${REQUIRE_USER}const app = require('fastify')();
app.register(async function v1Auth(instance) {
  instance.addHook('onRequest', requireUser);
  instance.get('/a', async () => 'a');
}, { prefix: '/v1' });
app.register(async function v1Other(instance) {
  instance.get('/b', { onRequest: [requireUser] }, async () => 'b');
}, { prefix: '/v1' });
`,
      }],
    },
    {
      name: 'a root route under the prefix of a protected plugin (F6)',
      files: {
        'package.json': FASTIFY5,
        'app.js': `${REQUIRE_USER}const app = require('fastify')();
app.register(async function admin(instance) {
  instance.addHook('preHandler', requireUser);
  instance.get('/users', async () => []);
}, { prefix: '/admin' });
app.get('/admin/export', async () => 'csv');
`,
      },
      errors: [{
        messageId: 'sibling', file: 'app.js', line: 7, column: 1,
        data: {
          route: 'GET /admin/export', where: 'in the root context', routeAt: 'app.js:7', plugin: 'admin', pluginAt: 'app.js:3', phase: 'preHandler',
          auth: 'requireUser', authAt: 'app.js:1', sibling: 'GET /admin/users', prefix: '/admin',
        },
        suggestionOutput: `${REQUIRE_USER}const app = require('fastify')();
app.register(async function admin(instance) {
  instance.addHook('preHandler', requireUser);
  instance.get('/users', async () => []);
}, { prefix: '/admin' });
app.get('/admin/export', { preHandler: [requireUser] }, async () => 'csv');
`,
      }],
    },
    {
      name: "the fix names the auth decorator on the route's own instance when its context sees it",
      files: {
        'package.json': FASTIFY5,
        'app.js': `const fp = require('fastify-plugin');
async function authenticate(request, reply) { if (!request.headers.authorization) return reply.code(401).send(); }
const app = require('fastify')();
app.register(fp(async function jwt(instance) { instance.decorate('authenticate', authenticate); }));
app.register(async function orders(instance) {
  instance.addHook('onRequest', instance.authenticate);
  instance.get('/', async () => []);
}, { prefix: '/orders' });
app.register(async function ordersExport(instance) {
  instance.get('/export', async () => 'csv');
}, { prefix: '/orders' });
`,
      },
      errors: [{
        messageId: 'sibling', file: 'app.js', line: 10, column: 3,
        suggestionOutput: `const fp = require('fastify-plugin');
async function authenticate(request, reply) { if (!request.headers.authorization) return reply.code(401).send(); }
const app = require('fastify')();
app.register(fp(async function jwt(instance) { instance.decorate('authenticate', authenticate); }));
app.register(async function orders(instance) {
  instance.addHook('onRequest', instance.authenticate);
  instance.get('/', async () => []);
}, { prefix: '/orders' });
app.register(async function ordersExport(instance) {
  instance.get('/export', { onRequest: [instance.authenticate] }, async () => 'csv');
}, { prefix: '/orders' });
`,
      }],
    },
    {
      name: 'an auth plugin not wrapped in fastify-plugin protects nothing (F3), with the fp fix',
      files: {
        'package.json': FASTIFY5,
        'app.js': `${REQUIRE_USER}const app = require('fastify')();
async function auth(instance) { instance.addHook('onRequest', requireUser); }
app.register(auth);
app.get('/orders', async () => []);
`,
      },
      errors: [{
        messageId: 'pluginWithoutFp', file: 'app.js', line: 4, column: 1,
        data: { plugin: 'auth', pluginAt: 'app.js:4', phase: 'onRequest', auth: 'requireUser', authAt: 'app.js:1', routes: 'GET /orders' },
        suggestionOutput: `${REQUIRE_USER}const app = require('fastify')();
const fp = require('fastify-plugin');
async function auth(instance) { instance.addHook('onRequest', requireUser); }
app.register(fp(auth));
app.get('/orders', async () => []);
`,
      }],
    },
    {
      name: 'a handler reading request.user with no auth hook anywhere',
      files: {
        'package.json': FASTIFY5,
        'app.js': `const app = require('fastify')();
app.get('/me', async (request) => request.user);
`,
      },
      errors: [{ messageId: 'readsIdentity', file: 'app.js', line: 2, column: 1, data: { route: 'GET /me', identity: 'request.user', auth: '' } }],
    },
    {
      name: 'a handler reading request.session.user outside the plugin that authenticates',
      files: {
        'package.json': FASTIFY5,
        'app.js': `${REQUIRE_USER}const app = require('fastify')();
app.register(async function account(instance) {
  instance.addHook('onRequest', requireUser);
  instance.get('/settings', async () => ({}));
}, { prefix: '/account' });
app.get('/me', async (request) => request.session.user);
`,
      },
      errors: [{
        messageId: 'readsIdentity', file: 'app.js', line: 7, column: 1,
        data: {
          route: 'GET /me', identity: 'request.session.user',
          auth: ': requireUser (app.js:1) is added inside plugin account (app.js:3), which does not contain this route (registered in the root context)',
        },
      }],
    },
    {
      name: "onRequest: [instance.authenticate] where a plain plugin's decorator is not visible: Fastify refuses to start (F3)",
      files: {
        'package.json': FASTIFY5,
        'app.js': `async function authenticate(request, reply) { if (!request.headers.authorization) return reply.code(401).send(); }
const app = require('fastify')();
app.register(async function auth(instance) { instance.decorate('authenticate', authenticate); });
app.register(async function orders(instance) {
  instance.get('/orders', { onRequest: [instance.authenticate] }, async () => []);
});
`,
      },
      errors: [{
        messageId: 'decoratorRefused', file: 'app.js', line: 5, column: 41,
        data: { hook: 'instance.authenticate', decorator: 'authenticate', declared: 'in plugin auth (app.js:3)', phase: 'onRequest', route: 'GET /orders' },
        suggestionOutput: `async function authenticate(request, reply) { if (!request.headers.authorization) return reply.code(401).send(); }
const app = require('fastify')();
const fp = require('fastify-plugin');
app.register(fp(async function auth(instance) { instance.decorate('authenticate', authenticate); }));
app.register(async function orders(instance) {
  instance.get('/orders', { onRequest: [instance.authenticate] }, async () => []);
});
`,
      }],
    },
    {
      name: 'a lone onRequest: instance.requireAdmin that is not visible is dropped: the route has no hook',
      files: {
        'package.json': FASTIFY5,
        'app.js': `async function requireAdmin(request, reply) { if (!request.headers.authorization) return reply.code(403).send(); }
const app = require('fastify')();
app.register(async function admin(instance) { instance.decorate('requireAdmin', requireAdmin); });
app.register(async function reports(instance) {
  instance.get('/reports', { onRequest: instance.requireAdmin }, async () => []);
});
`,
      },
      errors: [{
        messageId: 'decoratorDropped', file: 'app.js', line: 5, column: 41,
        data: { hook: 'instance.requireAdmin', decorator: 'requireAdmin', declared: 'in plugin admin (app.js:3)', phase: 'onRequest', route: 'GET /reports' },
      }],
    },
    {
      name: 'addHook with a decorator the context cannot see: Fastify refuses to start',
      files: {
        'package.json': FASTIFY5,
        'app.js': `async function authenticate(request, reply) { if (!request.headers.authorization) return reply.code(401).send(); }
const app = require('fastify')();
app.register(async function auth(instance) { instance.decorate('authenticate', authenticate); });
app.register(async function orders(instance) {
  instance.addHook('onRequest', instance.authenticate);
});
`,
      },
      errors: [{
        messageId: 'decoratorRefused', file: 'app.js', line: 5, column: 33,
        data: { hook: 'instance.authenticate', decorator: 'authenticate', declared: 'in plugin auth (app.js:3)', phase: 'onRequest' },
      }],
    },
  ],
});

describe('no-route-outside-auth-scope: the second suggestion moves the route into the protected plugin', () => {
  const files = {
    'package.json': FASTIFY5,
    'app.js': `${REQUIRE_USER}const app = require('fastify')();
app.register(async function admin(instance) {
  instance.addHook('preHandler', requireUser);
  instance.get('/users', async () => []);
}, { prefix: '/admin' });
app.get('/admin/export', async () => 'csv');
`,
  };

  it('from the root into the plugin, on its instance, the path without the prefix', () => {
    const finding = analyse(files).findings.find(f => f.ruleId === 'no-route-outside-auth-scope');
    assert.deepStrictEqual(finding?.fixes.map(f => f.kind), ['add-option', 'move-call']);
    const s = suggestionFor(finding!.fixes[1], files['app.js']);
    assert.strictEqual(s?.title, 'Move GET /admin/export into plugin admin');
    assert.strictEqual(applyEdits(files['app.js'], s!.edits), `${REQUIRE_USER}const app = require('fastify')();
app.register(async function admin(instance) {
  instance.addHook('preHandler', requireUser);
  instance.get('/users', async () => []);
  instance.get('/export', async () => 'csv');
}, { prefix: '/admin' });
`);
  });
});
