import { noRouteBeforeAuth } from '../../../src/rules/no-route-before-auth';
import { runRuleTests } from './rule-tester';
import { KOA } from './rule-apps';

const AUTH = `module.exports = function requireUser(req, res, next) {
  if (!req.headers.authorization) return res.status(401).end();
  req.user = { id: 1 };
  next();
};
`;

const KOA_BEFORE_USE = `const Koa = require('koa');
const Router = require('@koa/router');
async function requireUser(ctx, next) { if (!ctx.get('authorization')) { ctx.status = 401; return; } await next(); }
const app = new Koa();
const router = new Router();
router.get('/x', async ctx => { ctx.body = 'x'; });
router.use(requireUser);
router.get('/z', async ctx => { ctx.body = 'z'; });
app.use(router.routes());
`;

runRuleTests(noRouteBeforeAuth, {
  valid: [
    {
      name: 'a layer of its chain sets the identity without requiring it: the handler decides what an anonymous caller gets',
      files: {
        'auth.js': AUTH,
        'app.js': `const express = require('express');
const requireUser = require('./auth');
const app = express();
const files = express.Router();
const loadSession = (req, res, next) => { if (!req.headers.cookie) req.auth = { isMaster: false }; next(); };
files.get('/files/:name', loadSession, (req, res) => res.json({ mine: !!req.auth.user }));
app.use('/', files);
app.use(requireUser);
app.get('/orders', (req, res) => res.json(req.user));
`,
      },
    },
    {
      name: 'a router mounted at the root before auth is a group of public routes: only its paths below that mount are its family',
      files: {
        'auth.js': AUTH,
        'app.js': `const express = require('express');
const requireUser = require('./auth');
const app = express();
const api = express();
const pages = express.Router();
pages.get('/apps/:page', (req, res) => res.send('page'));
pages.post('/files', (req, res, next) => next(new Error('Filename not provided')));
api.use('/', pages);
api.use(requireUser);
api.get('/classes', (req, res) => res.json([]));
api.get('/files/:name', (req, res) => res.json([]));
app.use('/parse', api);
`,
      },
    },
    {
      name: 'the pages of the sign-in flow before auth are public by design, even with protected routes after them',
      files: {
        'auth.js': AUTH,
        'app.js': `const express = require('express');
const requireUser = require('./auth');
const app = express();
app.post('/auth/login', (req, res) => res.json({ token: 't' }));
app.get('/auth/google/callback', (req, res) => res.redirect('/'));
app.post('/apps/:appId/request_password_reset', (req, res) => res.end());
app.get('/verify-email', (req, res) => res.end());
app.use(requireUser);
app.get('/orders', (req, res) => res.json([]));
`,
      },
    },
    {
      name: 'every route registered after the auth layer',
      files: {
        'auth.js': AUTH,
        'app.js': `const express = require('express');
const requireUser = require('./auth');
const app = express();
app.use(requireUser);
app.get('/me', (req, res) => res.json(req.user));
`,
      },
    },
    {
      name: 'a public health check before auth reads no identity and has no protected siblings',
      files: {
        'auth.js': AUTH,
        'app.js': `const express = require('express');
const requireUser = require('./auth');
const app = express();
app.get('/health', (req, res) => res.json({ ok: true }));
app.use(requireUser);
app.get('/orders', (req, res) => res.json([]));
`,
      },
    },
    {
      name: 'a public router mounted before auth under its own prefix',
      files: {
        'auth.js': AUTH,
        'products.js': `const { Router } = require('express');
const r = Router();
r.get('/', (req, res) => res.json([]));
module.exports = r;
`,
        'app.js': `const express = require('express');
const requireUser = require('./auth');
const app = express();
app.use('/api/products', require('./products'));
app.use(requireUser);
app.get('/api/orders', (req, res) => res.json([]));
`,
      },
    },
    {
      name: 'a handler that only sets req.user (a login) reads no identity',
      files: {
        'app.js': `const express = require('express');
const app = express();
app.post('/login', (req, res) => { req.user = { id: 1 }; res.end(); });
`,
      },
    },
    {
      name: 'a name that sounds like auth but whose body never rejects is not an auth layer',
      files: {
        'app.js': `const express = require('express');
const app = express();
function authLogger(req, res, next) { console.log(req.url); next(); }
app.get('/me', (req, res) => res.json({ anonymous: true }));
app.use(authLogger);
app.get('/orders', (req, res) => res.json([]));
`,
      },
    },
    {
      name: "Koa: two routers with one prefix: the first router's use(auth) is not the second's (K4)",
      files: {
        'package.json': KOA,
        'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
async function requireUser(ctx, next) { if (!ctx.get('authorization')) { ctx.status = 401; return; } await next(); }
const app = new Koa();
const orders = new Router({ prefix: '/api' });
orders.use(requireUser);
orders.get('/orders', async ctx => { ctx.body = []; });
const health = new Router({ prefix: '/api' });
health.get('/health', async ctx => { ctx.body = 'ok'; });
app.use(orders.routes());
app.use(health.routes());
`,
      },
    },
    {
      name: "Koa: a parent router's own route beside a nested router whose use(auth) covers only its mount path (K5)",
      files: {
        'package.json': KOA,
        'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
async function requireUser(ctx, next) { if (!ctx.get('authorization')) { ctx.status = 401; return; } await next(); }
const app = new Koa();
const parent = new Router();
const kids = new Router();
kids.use(requireUser);
kids.get('/c', async ctx => { ctx.body = 'c'; });
parent.get('/p-before', async ctx => { ctx.body = 'p'; });
parent.use('/kids', kids.routes());
parent.get('/kids/direct', async ctx => { ctx.body = 'd'; });
app.use(parent.routes());
`,
      },
    },
  ],
  invalid: [
    {
      name: 'a layer that sets the identity without requiring it does not stand in for the auth its neighbours have',
      files: {
        'auth.js': AUTH,
        'app.js': `const express = require('express');
const requireUser = require('./auth');
const app = express();
const router = express.Router();
const loadUser = (req, res, next) => { req.user = req.session && req.session.user; next(); };
router.get('/orders/export', loadUser, (req, res) => res.json({ by: req.user }));
router.use(requireUser);
router.get('/orders/:id', (req, res) => res.json({}));
app.use('/api', router);
`,
      },
      errors: [{ messageId: 'siblingsProtected', file: 'app.js', line: 6, column: 1 }],
    },
    {
      name: 'a sign-in flow word does not excuse a route that reads the identity',
      files: {
        'auth.js': AUTH,
        'app.js': `const express = require('express');
const requireUser = require('./auth');
const app = express();
app.get('/login/history', (req, res) => res.json(req.user.logins));
app.use(requireUser);
app.get('/orders', (req, res) => res.json([]));
`,
      },
      errors: [{ messageId: 'readsIdentity', file: 'app.js', line: 4, column: 1 }],
    },
    {
      name: 'a route whose words only look like the sign-in flow (a param named :token, a word inside another)',
      files: {
        'auth.js': AUTH,
        'app.js': `const express = require('express');
const requireUser = require('./auth');
const app = express();
app.delete('/registry/:reset', (req, res) => res.end());
app.use(requireUser);
app.get('/registry', (req, res) => res.json([]));
`,
      },
      errors: [{ messageId: 'siblingsProtected', file: 'app.js', line: 4, column: 1 }],
    },
    {
      name: 'a handler reading req.user registered before app.use(auth) (E1)',
      files: {
        'auth.js': AUTH,
        'app.js': `const express = require('express');
const requireUser = require('./auth');
const app = express();
app.get('/me', (req, res) => res.json(req.user));
app.use(requireUser);
app.get('/orders', (req, res) => res.json([]));
`,
      },
      errors: [{
        messageId: 'readsIdentity', file: 'app.js', line: 4, column: 1,
        data: { route: 'GET /me', routeAt: 'app.js:4', identity: 'req.user', auth: 'requireUser', authAt: 'app.js:5' },
        suggestionOutput: `const express = require('express');
const requireUser = require('./auth');
const app = express();
app.use(requireUser);
app.get('/me', (req, res) => res.json(req.user));
app.get('/orders', (req, res) => res.json([]));
`,
      }],
    },
    {
      name: 'a route in a router before router.use(auth), with protected routes after it (E2)',
      files: {
        'auth.js': AUTH,
        'orders.js': `const express = require('express');
const requireUser = require('./auth');
const router = express.Router();
router.get('/export', (req, res) => res.send('csv'));
router.use(requireUser);
router.get('/:id', (req, res) => res.json({}));
module.exports = router;
`,
        'app.js': `const express = require('express');
const app = express();
app.use('/orders', require('./orders'));
`,
      },
      errors: [{
        messageId: 'siblingsProtected', file: 'orders.js', line: 4, column: 1,
        data: { route: 'GET /orders/export', routeAt: 'orders.js:4', auth: 'requireUser', authAt: 'orders.js:5' },
      }],
    },
    {
      name: 'an app route sharing the prefix of a router mounted after auth (the sample app bug)',
      files: {
        'auth.js': AUTH,
        'orders.js': `const { Router } = require('express');
const router = Router();
router.get('/:id', (req, res) => res.json({}));
module.exports = router;
`,
        'app.js': `const express = require('express');
const requireUser = require('./auth');
const API = '/api/v1';
const app = express();
app.get(\`\${API}/orders/export\`, (req, res) => res.send('csv'));
app.use(requireUser);
app.use(API + '/orders', require('./orders'));
`,
      },
      errors: [{ messageId: 'siblingsProtected', file: 'app.js', line: 5, column: 1, data: { route: 'GET /api/v1/orders/export', routeAt: 'app.js:5', auth: 'requireUser', authAt: 'app.js:6' } }],
    },
    {
      name: "in a case-sensitive app an auth layer at /admin registered later would not cover /Admin/me either (E9)",
      files: {
        'auth.js': AUTH,
        'app.js': `const express = require('express');
const requireUser = require('./auth');
const app = express();
app.set('case sensitive routing', true);
app.get('/Admin/me', (req, res) => res.json(req.user));
app.use('/admin', requireUser);
app.get('/admin/orders', (req, res) => res.json([]));
`,
      },
      errors: [{ messageId: 'readsIdentityNoAuth', file: 'app.js', line: 5, column: 1, data: { route: 'GET /Admin/me', routeAt: 'app.js:5', identity: 'req.user' } }],
    },
    {
      name: 'reading req.user with no auth layer anywhere',
      files: {
        'app.js': `const express = require('express');
const app = express();
app.get('/me', (req, res) => res.json(req.user));
`,
      },
      errors: [{ messageId: 'readsIdentityNoAuth', file: 'app.js', line: 3, column: 1, data: { route: 'GET /me', routeAt: 'app.js:3', identity: 'req.user' } }],
    },
    {
      name: "Koa: a route registered before its router's path-less use(auth), which protects the router's later route (K2)",
      files: { 'package.json': KOA, 'app.js': KOA_BEFORE_USE },
      errors: [{
        messageId: 'beforeRouterUse', file: 'app.js', line: 6, column: 1,
        data: { route: 'GET /x', routeAt: 'app.js:6', auth: 'requireUser', authAt: 'app.js:7', sibling: 'GET /z' },
        suggestionOutput: KOA_BEFORE_USE.replace(
          "router.get('/x', async ctx => { ctx.body = 'x'; });\nrouter.use(requireUser);\n",
          "router.use(requireUser);\nrouter.get('/x', async ctx => { ctx.body = 'x'; });\n",
        ),
      }],
    },
    {
      name: 'Koa: a router used before app.use(auth), which protects the later router (K1)',
      files: {
        'package.json': KOA,
        'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
async function requireUser(ctx, next) { if (!ctx.get('authorization')) { ctx.status = 401; return; } await next(); }
const app = new Koa();
const early = new Router({ prefix: '/admin' });
early.get('/stats', async ctx => { ctx.body = {}; });
const late = new Router({ prefix: '/admin' });
late.get('/users', async ctx => { ctx.body = []; });
app.use(early.routes());
app.use(requireUser);
app.use(late.routes());
`,
      },
      errors: [{
        messageId: 'siblingsProtected', file: 'app.js', line: 6, column: 1,
        data: { route: 'GET /admin/stats', routeAt: 'app.js:6', auth: 'requireUser', authAt: 'app.js:10' },
      }],
    },
  ],
});
