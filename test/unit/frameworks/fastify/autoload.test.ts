// @fastify/autoload read from the folder tree (issue 14: folder prefixes, index files, autoPrefix,
// routeParams, autoHooks and cascadeHooks), and the fastify-cli entry that calls an exported plugin.
import { expectRoutes } from '../../workspace';

const APP = (opts: string) => `const path = require('node:path');
const fastify = require('fastify');
const autoload = require('@fastify/autoload');
const app = fastify();
app.register(autoload, { dir: path.join(__dirname, 'routes'), ${opts} });
module.exports = app;
`;
const AUTH = "async function requireUser(request, reply) { if (!request.headers.authorization) return reply.code(401).send(); }\n";
const plugin = (name: string, body: string, extra = '') => `${AUTH}module.exports = async function ${name}(fastify) { ${body} };\n${extra}`;

describe('fastify autoload', () => {
  it('folder names prefix their files under options.prefix; an index file serves its folder alone, subfolders still load', () => {
    expectRoutes({
      'app.js': APP("options: { prefix: '/api' }"),
      'routes/root.js': plugin('root', "fastify.get('/', async () => 'root');"),
      'routes/orders/index.js': plugin('orders', "fastify.addHook('onRequest', requireUser); fastify.get('/', async () => []);"),
      'routes/orders/export.js': plugin('exportOrders', "fastify.get('/export', async () => 'csv');"),
      'routes/orders/items/list.js': plugin('items', "fastify.get('/', async () => []);"),
    }, ['GET /api [] ⚠', 'GET /api/orders [requireUser] 🔒', 'GET /api/orders/items [] ⚠']);
  });

  it("routeParams turns an '_id' folder into ':id'; autoPrefix replaces the folder prefix", () => {
    expectRoutes({
      'app.js': APP('routeParams: true'),
      'routes/orders/_id/index.js': plugin('order', "fastify.get('/', async () => ({}));"),
      'routes/legacy/reports.js': plugin('reports', "fastify.get('/reports', async () => []);", "module.exports.autoPrefix = '/v1';\n"),
    }, ['GET /v1/reports [] ⚠', 'GET /orders/:id [] ⚠']);
  });

  it('autoHooks: a folder autohooks.js covers its own files, not its subfolders unless cascadeHooks', () => {
    const files = {
      'routes/admin/autohooks.js': plugin('hooks', "fastify.addHook('onRequest', requireUser);"),
      'routes/admin/users.js': plugin('users', "fastify.get('/users', async () => []);"),
      'routes/admin/reports/index.js': plugin('reports', "fastify.get('/', async () => []);"),
    };
    expectRoutes({ 'app.js': APP('autoHooks: true'), ...files }, ['GET /admin/users [requireUser] 🔒', 'GET /admin/reports [] ⚠']);
    expectRoutes({ 'app.js': APP('autoHooks: true, cascadeHooks: true'), ...files }, ['GET /admin/users [requireUser] 🔒', 'GET /admin/reports [requireUser] 🔒']);
  });

  it('fastify-cli: app.mjs exporting a plugin that autoloads an fp decorator and routes is an app of its own', () => {
    expectRoutes({
      'app.mjs': `import path from 'node:path';
import autoload from '@fastify/autoload';
export default async function app(fastify, opts) {
  fastify.register(autoload, { dir: path.join(import.meta.dirname, 'plugins'), options: { ...opts } });
  fastify.register(autoload, { dir: path.join(import.meta.dirname, 'routes'), options: { ...opts, prefix: '/api' } });
}
`,
      'plugins/authenticate.mjs': `import fp from 'fastify-plugin';
async function authenticate(request, reply) { if (!request.headers.authorization) return reply.code(401).send(); }
export default fp(async function authenticatePlugin(fastify) { fastify.decorate('authenticate', authenticate); });
`,
      'routes/orders/index.mjs': `export default async function orders(fastify) {
  fastify.get('/', { onRequest: [fastify.authenticate] }, async () => []);
}
`,
    }, ['GET /api/orders [authenticate] 🔒']);
  });

  it("an Express app.js exporting (app) => { app.get(...) } is not taken for a fastify-cli plugin", () => {
    expectRoutes({
      'app.js': "module.exports = function routes(app) { app.get('/x', (req, res) => res.end()); };\n",
    }, []);
  });
});
