import { securityMiddlewareAfterRoutes } from '../../../src/rules/security-middleware-after-routes';
import { runRuleTests } from './rule-tester';
import { EXPRESS } from './rule-apps';

const KOA = JSON.stringify({ dependencies: { koa: '^2.16.0', '@koa/router': '^13.1.0' } });

const FASTIFY = JSON.stringify({ dependencies: { fastify: '^5.6.0', '@fastify/rate-limit': '^11.2.0', '@fastify/helmet': '^13.0.0' } });

runRuleTests(securityMiddlewareAfterRoutes, {
  valid: [
    {
      name: 'Fastify: an awaited rate limiter before the routes; a plugin and an after() callback registered after one that is not awaited',
      files: {
        'package.json': FASTIFY,
        'app.js': `const fastify = require('fastify')();
const rateLimit = require('@fastify/rate-limit');
const helmet = require('@fastify/helmet');
async function build() {
  await fastify.register(rateLimit, { max: 100 });
  fastify.post('/login', async () => 'form');
  const admin = require('fastify')();
  admin.register(rateLimit, { max: 5 });
  admin.register(async child => { child.get('/users', async () => []); });
  admin.after(() => { admin.get('/audit', async () => []); });
  fastify.get('/orders', async () => []);
  fastify.register(helmet);
  return fastify;
}
build();
`,
      },
    },
    {
      name: 'Express: helmet, cors and a rate limiter before every route',
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const helmet = require('helmet');
const cors = require('cors');
const { rateLimit } = require('express-rate-limit');
const app = express();
app.use(helmet());
app.use(cors());
app.use(rateLimit({ limit: 100 }));
app.get('/orders', (req, res) => res.json([]));
`,
      },
    },
    {
      name: 'Express: a health probe before the rate limiter is left out on purpose',
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const { rateLimit } = require('express-rate-limit');
const app = express();
app.get('/healthz', (req, res) => res.send('ok'));
app.use(rateLimit({ limit: 100 }));
app.get('/orders', (req, res) => res.json([]));
`,
      },
    },
    {
      name: 'Express: a route with its own cors() is not missing the app-level one',
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const cors = require('cors');
const app = express();
app.get('/public', cors({ origin: '*' }), (req, res) => res.json({}));
app.use(cors({ origin: 'https://shop.example' }));
app.get('/orders', (req, res) => res.json([]));
`,
      },
    },
    {
      name: 'Express: an OPTIONS route answering preflights with cors() before app.use(cors())',
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const cors = require('cors');
const app = express();
const corsHandler = cors({ origin: 'https://shop.example' });
app.options('/files', corsHandler);
app.use('/files', corsHandler);
app.use('/files', express.static('public'));
`,
      },
    },
    {
      name: 'Express: a limiter under /api does not cover a route outside it',
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const { rateLimit } = require('express-rate-limit');
const app = express();
app.get('/', (req, res) => res.send('home'));
app.use('/api', rateLimit({ limit: 100 }));
app.get('/api/orders', (req, res) => res.json([]));
`,
      },
    },
    {
      name: 'Koa: cors before the router is mounted',
      files: {
        'package.json': KOA,
        'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
const cors = require('@koa/cors');
const app = new Koa();
const router = new Router();
router.get('/orders', ctx => { ctx.body = []; });
app.use(cors());
app.use(router.routes());
`,
      },
    },
    {
      name: "Koa (K4): another router's routes never get a router's use(), whatever the order",
      files: {
        'package.json': KOA,
        'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
const helmet = require('koa-helmet');
const app = new Koa();
const shop = new Router({ prefix: '/api' });
shop.get('/products', ctx => { ctx.body = []; });
const admin = new Router({ prefix: '/api' });
admin.use(helmet());
admin.get('/users', ctx => { ctx.body = []; });
app.use(shop.routes());
app.use(admin.routes());
`,
      },
    },
  ],
  invalid: [
    {
      name: 'Fastify (F19): routes added before the rate limiter, and right after a register that is not awaited',
      files: {
        'package.json': FASTIFY,
        'app.js': `const fastify = require('fastify')();
const rateLimit = require('@fastify/rate-limit');
fastify.get('/search', async () => []);
fastify.register(rateLimit, { max: 100 });
fastify.post('/login', async () => 'form');
fastify.post('/signup', async () => 'form');
fastify.get('/health', async () => 'ok');
fastify.listen({ port: 3000 });
`,
      },
      errors: [
        { messageId: 'rateLimitBefore', data: { layer: 'rateLimit', layerAt: 'app.js:4', count: '1 route', route: 'GET /search' }, file: 'app.js', line: 4, column: 1 },
        { messageId: 'rateLimitNotAwaited', data: { layer: 'rateLimit', layerAt: 'app.js:4', count: '2 routes', route: 'POST /login' }, file: 'app.js', line: 4, column: 1 },
      ],
    },
    {
      name: 'Express: helmet after a route it would cover; later routes get it',
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const helmet = require('helmet');
const app = express();
app.get('/login', (req, res) => res.send('form'));
app.use(helmet());
app.get('/orders', (req, res) => res.json([]));
`,
      },
      errors: [{
        messageId: 'afterSome',
        data: { layer: 'helmet', layerAt: 'app.js:5', count: '1 route', route: 'GET /login' },
        file: 'app.js', line: 5, column: 9,
        suggestionOutput: `const express = require('express');
const helmet = require('helmet');
const app = express();
app.use(helmet());
app.get('/login', (req, res) => res.send('form'));
app.get('/orders', (req, res) => res.json([]));
`,
      }],
    },
    {
      name: 'Express: cors after every route runs only for 404s',
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const cors = require('cors');
const app = express();
app.get('/orders', (req, res) => res.json([]));
app.post('/orders', (req, res) => res.status(201).end());
app.use(cors());
app.listen(3000);
`,
      },
      errors: [{
        messageId: 'afterAll',
        data: { layer: 'cors', layerAt: 'app.js:6', count: '2 routes', route: 'GET /orders' },
        file: 'app.js', line: 6, column: 9,
      }],
    },
    {
      name: 'Express: a router mounted before the rate limiter; the fix moves the limiter above the mount',
      files: {
        'package.json': EXPRESS,
        'routes/orders.js': `const express = require('express');
const router = express.Router();
router.get('/', (req, res) => res.json([]));
module.exports = router;
`,
        'app.js': `const express = require('express');
const { rateLimit } = require('express-rate-limit');
const orders = require('./routes/orders');
const app = express();
app.use('/api/orders', orders);
app.use('/api', rateLimit({ limit: 100 }));
app.get('/api/me', (req, res) => res.json({}));
`,
      },
      errors: [{
        messageId: 'afterSome',
        data: { layer: 'rateLimit', layerAt: 'app.js:6', count: '1 route', route: 'GET /api/orders' },
        file: 'app.js', line: 6, column: 17,
        suggestionOutput: `const express = require('express');
const { rateLimit } = require('express-rate-limit');
const orders = require('./routes/orders');
const app = express();
app.use('/api', rateLimit({ limit: 100 }));
app.use('/api/orders', orders);
app.get('/api/me', (req, res) => res.json({}));
`,
      }],
    },
    {
      name: 'Koa: cors after the router that answers first',
      files: {
        'package.json': KOA,
        'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
const cors = require('@koa/cors');
const app = new Koa();
const router = new Router();
router.get('/orders', ctx => { ctx.body = []; });
app.use(router.routes());
app.use(cors());
`,
      },
      errors: [{
        messageId: 'afterAll',
        data: { layer: 'cors', layerAt: 'app.js:8', count: '1 route', route: 'GET /orders' },
        file: 'app.js', line: 8, column: 9,
      }],
    },
    {
      name: "Koa (K2): a router's use(helmet()) after one of its routes",
      files: {
        'package.json': KOA,
        'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
const helmet = require('koa-helmet');
const app = new Koa();
const router = new Router({ prefix: '/api' });
router.get('/status-page', ctx => { ctx.body = 'up'; });
router.use(helmet());
router.get('/orders', ctx => { ctx.body = []; });
app.use(router.routes());
`,
      },
      errors: [{
        messageId: 'afterSome',
        data: { layer: 'helmet', layerAt: 'app.js:7', count: '1 route', route: 'GET /api/status-page' },
        file: 'app.js', line: 7, column: 12,
        suggestionOutput: `const Koa = require('koa');
const Router = require('@koa/router');
const helmet = require('koa-helmet');
const app = new Koa();
const router = new Router({ prefix: '/api' });
router.use(helmet());
router.get('/status-page', ctx => { ctx.body = 'up'; });
router.get('/orders', ctx => { ctx.body = []; });
app.use(router.routes());
`,
      }],
    },
  ],
});
