// Calls replayed across files (src/core/evaluate.ts), through the whole engine.
// Cross-file resolution, one construct per case: routers built by functions in another file (the
// interpreter replays the call with its arguments) and routers mounted in a loop over a list.
// Each case asserts the exact route lines and that nothing is left unresolved.
import { expectRoutes } from '../workspace';

const AUTH_CJS = `module.exports = function requireUser(req, res, next) {
  if (!req.headers.authorization) return res.status(401).end();
  next();
};
`;

const USERS_CJS = `const { Router } = require('express');
const router = Router();
router.get('/', function listUsers(req, res) { res.json([]); });
module.exports = router;
`;

const ORDERS_CJS = `const { Router } = require('express');
const router = Router();
router.get('/', function listOrders(req, res) { res.json([]); });
module.exports = router;
`;

describe('cross-file resolution: factories and loops', () => {
  describe('router factories', () => {
    it('an exported function that builds and returns a router', () => {
      expectRoutes({
        'auth.ts': `export function requireUser(req, res, next) {
  if (!req.headers.authorization) return res.status(401).end();
  next();
}
`,
        'orders.ts': `import { Router } from 'express';
import { requireUser } from './auth';
export function ordersRouter() {
  const r = Router();
  r.use(requireUser);
  r.get('/', function listOrders(req, res) { res.json([]); });
  return r;
}
`,
        'app.ts': `import express from 'express';
import { ordersRouter } from './orders';
const app = express();
app.use('/orders', ordersRouter());
`,
      }, ['GET /orders [requireUser] 🔒']);
    });

    it('an arrow factory with a block body, exported with module.exports', () => {
      expectRoutes({
        'orders.js': `const express = require('express');
const ordersRouter = () => {
  const r = express.Router();
  r.get('/', function listOrders(req, res) { res.json([]); });
  return r;
};
module.exports = ordersRouter;
`,
        'app.js': `const express = require('express');
const makeOrders = require('./orders');
const app = express();
app.use('/orders', makeOrders());
`,
      }, ['GET /orders [] ⚠']);
    });

    it('an arrow factory with an expression body returning a chain', () => {
      expectRoutes({
        'health.ts': `import { Router } from 'express';
export const healthRouter = () => Router().get('/', function health(req, res) { res.json({ ok: true }); });
`,
        'app.ts': `import express from 'express';
import { healthRouter } from './health';
const app = express();
app.use('/health', healthRouter());
`,
      }, ['GET /health [] ⚠']);
    });

    it('export default function factory', () => {
      expectRoutes({
        'users.ts': `import { Router } from 'express';
export default function usersRouter() {
  const r = Router();
  r.get('/', function listUsers(req, res) { res.json([]); });
  return r;
}
`,
        'app.ts': `import express from 'express';
import usersRouter from './users';
const app = express();
app.use('/users', usersRouter());
`,
      }, ['GET /users [] ⚠']);
    });

    it("factory arguments used in the path and in middleware (auth('manageUsers'))", () => {
      expectRoutes({
        'auth.js': `exports.auth = (permission) => (req, res, next) => {
  if (!req.user || !req.user.permissions.includes(permission)) return res.status(403).json({ error: 'forbidden' });
  next();
};
`,
        'users.js': `const { Router } = require('express');
const { auth } = require('./auth');
module.exports = function usersRouter(base) {
  const r = Router();
  r.get(base + '/:id', auth('manageUsers'), function showUser(req, res) { res.json({}); });
  r.get(\`\${base}/me\`, function me(req, res) { res.json({}); });
  return r;
};
`,
        'app.js': `const express = require('express');
const usersRouter = require('./users');
const app = express();
app.use('/api', usersRouter('/users'));
`,
      }, ['GET /api/users/:id [auth] 🔒', 'GET /api/users/me [] ⚠']);
    });

    it('a "router with options" factory taking a destructured options object', () => {
      expectRoutes({
        'auth.js': AUTH_CJS,
        'crud.js': `const { Router } = require('express');
module.exports = function crudRouter({ name, middleware = [] }) {
  const r = Router();
  r.get('/' + name, ...middleware, function list(req, res) { res.json([]); });
  r.post(\`/\${name}\`, ...middleware, function create(req, res) { res.json({}); });
  return r;
};
`,
        'app.js': `const express = require('express');
const crudRouter = require('./crud');
const requireUser = require('./auth');
const app = express();
app.use('/api', crudRouter({ name: 'orders', middleware: [requireUser] }));
app.use('/api', crudRouter({ name: 'products' }));
`,
      }, [
        'GET /api/orders [requireUser] 🔒',
        'POST /api/orders [requireUser] 🔒',
        'GET /api/products [] ⚠',
        'POST /api/products [] ⚠',
      ]);
    });

    it("a function that registers routes on the app it is given: require('./routes')(app)", () => {
      expectRoutes({
        'auth.js': AUTH_CJS,
        'routes.js': `const requireUser = require('./auth');
module.exports = function registerRoutes(app) {
  app.get('/ping', function ping(req, res) { res.send('pong'); });
  app.get('/me', requireUser, function me(req, res) { res.json({}); });
};
`,
        'app.js': `const express = require('express');
const app = express();
require('./routes')(app);
`,
      }, ['GET /ping [] ⚠', 'GET /me [requireUser] 🔒']);
    });
  });

  describe('mount loops', () => {
    it('for..of over an array of { path, route } objects (a chain entry is named as written: auth)', () => {
      expectRoutes({
        'auth.js': AUTH_CJS,
        'users.js': USERS_CJS,
        'orders.js': ORDERS_CJS,
        'app.js': `const express = require('express');
const requireUser = require('./auth');
const app = express();
const routes = [
  { path: '/users', route: require('./users') },
  { path: '/orders', route: require('./orders'), auth: requireUser },
];
for (const { path, route, auth = [] } of routes) {
  app.use(path, auth, route);
}
`,
      }, ['GET /users [] ⚠', 'GET /orders [auth] 🔒']);
    });

    it('forEach over a route list exported from another file', () => {
      expectRoutes({
        'users.js': USERS_CJS,
        'orders.js': ORDERS_CJS,
        'routes/index.ts': `import users from '../users';
import orders from '../orders';
export const routes = [
  { path: '/users', route: users },
  { path: '/orders', route: orders },
];
`,
        'app.ts': `import express from 'express';
import { routes } from './routes';
const app = express();
routes.forEach((r) => app.use('/api' + r.path, r.route));
`,
      }, ['GET /api/users [] ⚠', 'GET /api/orders [] ⚠']);
    });

    it('map with a destructuring arrow', () => {
      expectRoutes({
        'users.js': USERS_CJS,
        'orders.js': ORDERS_CJS,
        'app.js': `const express = require('express');
const app = express();
const routes = [
  { path: '/users', route: require('./users') },
  { path: '/orders', route: require('./orders') },
];
routes.map(({ path, route }) => app.use(path, route));
`,
      }, ['GET /users [] ⚠', 'GET /orders [] ⚠']);
    });

    it('for..of over Object.entries({...}) with a template path', () => {
      expectRoutes({
        'users.js': USERS_CJS,
        'orders.js': ORDERS_CJS,
        'app.js': `const express = require('express');
const app = express();
const routers = { users: require('./users'), orders: require('./orders') };
for (const [name, router] of Object.entries(routers)) {
  app.use(\`/\${name}\`, router);
}
`,
      }, ['GET /users [] ⚠', 'GET /orders [] ⚠']);
    });

    it('Object.entries(...).forEach over a namespace import', () => {
      expectRoutes({
        'routes.ts': `import { Router } from 'express';
export const users = Router();
users.get('/', function listUsers(req, res) { res.json([]); });
export const orders = Router();
orders.get('/', function listOrders(req, res) { res.json([]); });
`,
        'app.ts': `import express from 'express';
import * as routes from './routes';
const app = express();
Object.entries(routes).forEach(([name, router]) => app.use('/' + name, router));
`,
      }, ['GET /users [] ⚠', 'GET /orders [] ⚠']);
    });

    it('Object.keys(...).forEach reading routers[name]', () => {
      expectRoutes({
        'users.js': USERS_CJS,
        'orders.js': ORDERS_CJS,
        'app.js': `const express = require('express');
const app = express();
const routers = { users: require('./users'), orders: require('./orders') };
Object.keys(routers).forEach((name) => app.use('/' + name, routers[name]));
`,
      }, ['GET /users [] ⚠', 'GET /orders [] ⚠']);
    });
  });

  describe('conditional registration', () => {
    const MOUNT = `module.exports = function mount(app, options) {
  if (options.admin) {
    app.get('/admin', (req, res) => res.send('admin'));
  } else {
    app.get('/no-admin', (req, res) => res.send('none'));
  }
};
`;

    it('a factory called with a literal flag registers only the branch it takes', () => {
      expectRoutes({
        'mount.js': MOUNT,
        'app.js': `const express = require('express');
const app = express();
require('./mount')(app, { admin: true });
`,
      }, ['GET /admin [] ⚠']);
    });

    it('a constant that is false skips the block', () => {
      expectRoutes({
        'app.js': `const express = require('express');
const BETA = false;
const app = express();
if (BETA) app.get('/beta', (req, res) => res.send('beta'));
app.get('/', (req, res) => res.send('home'));
`,
      }, ['GET / [] ⚠']);
    });

    it('a test only the running app knows (environment, missing option) keeps both branches', () => {
      expectRoutes({
        'mount.js': MOUNT,
        'app.js': `const express = require('express');
const app = express();
require('./mount')(app, { admin: process.env.ADMIN });
require('./mount')(app, {});
`,
      }, ['GET /admin [] ⚠', 'GET /no-admin [] ⚠', 'GET /admin [] ⚠', 'GET /no-admin [] ⚠']);
    });
  });
});
