import { noDuplicateRoute } from '../../../src/rules/no-duplicate-route';
import { runRuleTests } from './rule-tester';

const FASTIFY5 = JSON.stringify({ dependencies: { fastify: '^5.6.0' } });
const FASTIFY4 = JSON.stringify({ dependencies: { fastify: '^4.29.0' } });

runRuleTests(noDuplicateRoute, {
  valid: [
    {
      name: 'the same route in the two arms of an if the analyser cannot decide: one start registers one of them',
      files: {
        'package.json': FASTIFY5,
        'app.js': `const fastify = require('fastify')();
if (process.env.UPLOADS === 'disk') {
  fastify.post('/nodes', async () => 'disk');
} else {
  fastify.post('/nodes', async () => 'memory');
}
module.exports = fastify;
`,
      },
    },
    {
      name: "'/orders' and '/orders/' and '/Orders' with the default router options (F14)",
      files: {
        'package.json': FASTIFY5,
        'app.js': `const app = require('fastify')();
app.get('/orders', async () => []);
app.get('/orders/', async () => []);
app.get('/Orders', async () => []);
`,
      },
    },
    {
      name: 'routerOptions is a Fastify 5 option: Fastify 4 ignores it, so its paths stay apart (F14)',
      files: {
        'package.json': FASTIFY4,
        'app.js': `const app = require('fastify')({ routerOptions: { ignoreTrailingSlash: true } });
app.get('/orders', async () => []);
app.get('/orders/', async () => []);
`,
      },
    },
    {
      name: 'the same path with two methods, and two paths with one method',
      files: {
        'package.json': FASTIFY5,
        'app.js': `const app = require('fastify')();
app.get('/orders', async () => []);
app.post('/orders', async () => ({}));
app.get('/orders/:id', async () => ({}));
`,
      },
    },
    {
      name: "'' and '/' under two different prefixes",
      files: {
        'package.json': FASTIFY5,
        'app.js': `const app = require('fastify')();
app.register(async function orders(f) { f.get('/', async () => []); }, { prefix: '/orders' });
app.register(async function users(f) { f.get('', async () => []); }, { prefix: '/users' });
`,
      },
    },
    {
      name: 'one route({ method: [GET, HEAD] }) registers each method once',
      files: {
        'package.json': FASTIFY5,
        'app.js': `const app = require('fastify')();
app.route({ method: ['GET', 'HEAD'], url: '/files', handler: async () => 'f' });
`,
      },
    },
    {
      name: 'head() before get() keeps HEAD: the GET makes none (F12)',
      files: {
        'package.json': FASTIFY5,
        'app.js': `const app = require('fastify')();
app.head('/files/:name', async (request, reply) => reply.send());
app.get('/files/:name', async () => 'file');
`,
      },
    },
    {
      name: 'head() after a get() that says exposeHeadRoute: false (F12)',
      files: {
        'package.json': FASTIFY5,
        'app.js': `const app = require('fastify')();
app.get('/exports', { exposeHeadRoute: false }, async () => 'export');
app.head('/exports', async (request, reply) => reply.send());
`,
      },
    },
    {
      name: 'head() after get() in an app created with exposeHeadRoutes: false',
      files: {
        'package.json': FASTIFY5,
        'app.js': `const app = require('fastify')({ exposeHeadRoutes: false });
app.get('/exports', async () => 'export');
app.head('/exports', async (request, reply) => reply.send());
`,
      },
    },
    {
      name: 'head() after get() on Fastify 4: the explicit HEAD replaces the one the GET made (F12)',
      files: {
        'package.json': FASTIFY4,
        'app.js': `const app = require('fastify')();
app.get('/report', async () => 'report');
app.head('/report', async (request, reply) => reply.send());
`,
      },
    },
    {
      name: 'the same path in two apps',
      files: {
        'package.json': FASTIFY5,
        'app.js': `const fastify = require('fastify');
const a = fastify();
const b = fastify();
a.get('/health', async () => 'a');
b.get('/health', async () => 'b');
`,
      },
    },
    {
      name: 'routes whose path could not be read are not compared',
      files: {
        'package.json': FASTIFY5,
        'app.js': `const app = require('fastify')();
app.get(process.env.A, async () => 'a');
app.get(process.env.B, async () => 'b');
`,
      },
    },
  ],
  invalid: [
    {
      name: "with ignoreTrailingSlash '/orders/' is '/orders' (F14)",
      files: {
        'package.json': FASTIFY4,
        'app.js': `const app = require('fastify')({ ignoreTrailingSlash: true });
app.get('/orders', async () => []);
app.get('/orders/', async () => []);
`,
      },
      errors: [{
        messageId: 'duplicate', file: 'app.js', line: 3, column: 1,
        data: { route: 'GET /orders/', routeAt: 'app.js:3', firstAt: 'app.js:2', where: '' },
      }],
    },
    {
      name: "with routerOptions: { caseSensitive: false } on Fastify 5 '/Orders' is '/orders' (F14)",
      files: {
        'package.json': FASTIFY5,
        'app.js': `const app = require('fastify')({ routerOptions: { caseSensitive: false } });
app.get('/orders', async () => []);
app.get('/Orders', async () => []);
`,
      },
      errors: [{
        messageId: 'duplicate', file: 'app.js', line: 3, column: 1,
        data: { route: 'GET /Orders', routeAt: 'app.js:3', firstAt: 'app.js:2', where: '' },
      }],
    },
    {
      name: 'the same method and path twice in one context (F11)',
      files: {
        'package.json': FASTIFY5,
        'app.js': `const app = require('fastify')();
app.get('/orders', async () => []);
app.get('/orders', async () => ['all']);
`,
      },
      errors: [{
        messageId: 'duplicate', file: 'app.js', line: 3, column: 1,
        data: { route: 'GET /orders', routeAt: 'app.js:3', firstAt: 'app.js:2', where: '' },
      }],
    },
    {
      name: 'the same method and path in two sibling plugins: the router is global (F11)',
      files: {
        'package.json': FASTIFY5,
        'app.js': `const app = require('fastify')();
app.register(async function orders(instance) { instance.get('/orders', async () => []); });
app.register(async function archive(instance) { instance.get('/orders', async () => []); });
`,
      },
      errors: [{
        messageId: 'duplicate', file: 'app.js', line: 3, column: 49,
        data: { route: 'GET /orders', routeAt: 'app.js:3', firstAt: 'app.js:2', where: ', in two plugins (the router is global to the app)' },
      }],
    },
    {
      name: "get('/') and get('') under one prefix are one route twice (F6)",
      files: {
        'package.json': FASTIFY5,
        'app.js': `const app = require('fastify')();
app.register(async function orders(instance) {
  instance.get('/', async () => []);
  instance.get('', async () => []);
}, { prefix: '/orders' });
`,
      },
      errors: [{ messageId: 'duplicate', file: 'app.js', line: 4, column: 3, data: { route: 'GET /orders', routeAt: 'app.js:4', firstAt: 'app.js:3', where: '' } }],
    },
    {
      name: "a root route at prefix + '/' repeats a '/' route under that prefix (F6)",
      files: {
        'package.json': FASTIFY5,
        'app.js': `const app = require('fastify')();
app.register(async function orders(instance) { instance.get('/', async () => []); }, { prefix: '/orders' });
app.get('/orders/', async () => []);
`,
      },
      // The root's routes are compared first: the finding is on the plugin's '/' route.
      errors: [{
        messageId: 'duplicate', file: 'app.js', line: 2, column: 48,
        data: { route: 'GET /orders/', routeAt: 'app.js:2', firstAt: 'app.js:3', where: ', in two plugins (the router is global to the app)' },
      }],
    },
    {
      name: 'head() after get() on Fastify 5 (F12), with the fix on the GET',
      files: {
        'package.json': FASTIFY5,
        'app.js': `const app = require('fastify')();
app.get('/report', { onRequest: requireUser }, getReport);
app.head('/report', headReport);
async function requireUser(request, reply) { if (!request.headers.authorization) return reply.code(401).send(); }
async function getReport() { return 'report'; }
async function headReport(request, reply) { reply.send(); }
`,
      },
      errors: [{
        messageId: 'headAfterGet', file: 'app.js', line: 3, column: 1,
        data: { route: 'HEAD /report', routeAt: 'app.js:3', firstAt: 'app.js:2', path: '/report' },
        suggestionOutput: `const app = require('fastify')();
app.get('/report', { onRequest: requireUser, exposeHeadRoute: false }, getReport);
app.head('/report', headReport);
async function requireUser(request, reply) { if (!request.headers.authorization) return reply.code(401).send(); }
async function getReport() { return 'report'; }
async function headReport(request, reply) { reply.send(); }
`,
      }],
    },
    {
      name: 'a route-level exposeHeadRoutes (the server option) is ignored: still a duplicate on Fastify 5',
      files: {
        'package.json': FASTIFY5,
        'app.js': `const app = require('fastify')();
app.get('/exports', { exposeHeadRoutes: false }, async () => 'export');
app.head('/exports', async (request, reply) => reply.send());
`,
      },
      errors: [{
        messageId: 'headAfterGet', file: 'app.js', line: 3, column: 1,
        data: { route: 'HEAD /exports', routeAt: 'app.js:3', firstAt: 'app.js:2', path: '/exports' },
        suggestionOutput: `const app = require('fastify')();
app.get('/exports', { exposeHeadRoutes: false, exposeHeadRoute: false }, async () => 'export');
app.head('/exports', async (request, reply) => reply.send());
`,
      }],
    },
    {
      name: 'a Fastify version the analyser cannot find is read as Fastify 5',
      files: {
        'app.js': `const app = require('fastify')();
app.get('/report', async () => 'report');
app.head('/report', async (request, reply) => reply.send());
`,
      },
      errors: [{ messageId: 'headAfterGet', file: 'app.js', line: 3, column: 1 }],
    },
    {
      name: 'all() and get() on one path on Fastify 5 (all() registers GET too, F15)',
      files: {
        'package.json': FASTIFY5,
        'app.js': `const app = require('fastify')();
app.all('/ping', async () => 'pong');
app.get('/ping', async () => 'pong');
`,
      },
      errors: [{ messageId: 'duplicate', file: 'app.js', line: 3, column: 1, data: { route: 'GET /ping', routeAt: 'app.js:3', firstAt: 'app.js:2', where: '' } }],
    },
  ],
});
