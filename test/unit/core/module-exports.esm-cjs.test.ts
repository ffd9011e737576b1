// Imports and exports across files (src/core/module-exports.ts), through the whole engine.
// Cross-file resolution, one construct per case: how a router or middleware travels from the file
// that builds it to the file that mounts it, through ESM imports, CommonJS require and exports.
// Each case asserts the exact route lines (full path, chain in order, 🔒/⚠) and that nothing is left
// unresolved. Index files and specifiers: resolve-module.test.ts.
import { expectRoutes } from '../workspace';

const AUTH_ESM = `export function requireUser(req, res, next) {
  if (!req.headers.authorization) return res.status(401).end();
  next();
}
`;

const AUTH_CJS = `module.exports = function requireUser(req, res, next) {
  if (!req.headers.authorization) return res.status(401).end();
  next();
};
`;

describe('cross-file resolution: ESM and CommonJS', () => {
  describe('ESM import', () => {
    it('default import of a router', () => {
      expectRoutes({
        'auth.ts': AUTH_ESM,
        'users.ts': `import { Router } from 'express';
import { requireUser } from './auth';
const router = Router();
router.get('/', requireUser, function listUsers(req, res) { res.json([]); });
export default router;
`,
        'app.ts': `import express from 'express';
import users from './users';
const app = express();
app.use('/users', users);
`,
      }, ['GET /users [requireUser] 🔒']);
    });

    it('named import of an exported router', () => {
      expectRoutes({
        'users.ts': `import { Router } from 'express';
export const usersRouter = Router();
usersRouter.get('/:id', function showUser(req, res) { res.json({}); });
`,
        'app.ts': `import express from 'express';
import { usersRouter } from './users';
const app = express();
app.use('/users', usersRouter);
`,
      }, ['GET /users/:id [] ⚠']);
    });

    it('renamed imports ({ Router as R }, { requireUser as mustLogin }) and a renamed export', () => {
      expectRoutes({
        'auth.ts': AUTH_ESM,
        'users.ts': `import { Router as R } from 'express';
const r = R();
r.get('/', function listUsers(req, res) { res.json([]); });
export { r as users };
`,
        'app.ts': `import express from 'express';
import { requireUser as mustLogin } from './auth';
import { users as u } from './users';
const app = express();
app.use('/users', mustLogin, u);
`,
      }, ['GET /users [mustLogin] 🔒']);
    });

    it('namespace import (import * as routes) read member by member', () => {
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
app.use('/users', routes.users);
app.use('/orders', routes.orders);
`,
      }, ['GET /users [] ⚠', 'GET /orders [] ⚠']);
    });

    it("side-effect import './routes' runs that module before the importer's body, as ESM hoists it", () => {
      expectRoutes({
        'auth.ts': AUTH_ESM,
        'app.ts': `import express from 'express';
export const app = express();
`,
        'routes.ts': `import { app } from './app';
app.get('/me', function me(req, res) { res.json({}); });
`,
        'main.ts': `import { app } from './app';
import { requireUser } from './auth';
app.use(requireUser);
import './routes';
app.get('/orders', function listOrders(req, res) { res.json([]); });
`,
      }, ['GET /me [] ⚠', 'GET /orders [requireUser] 🔒']);
    });

    it('dynamic import() awaited inside an async start function', () => {
      expectRoutes({
        'users.ts': `import { Router } from 'express';
const r = Router();
r.get('/', function listUsers(req, res) { res.json([]); });
export default r;
`,
        'app.ts': `import express from 'express';
async function main() {
  const app = express();
  const { default: users } = await import('./users');
  app.use('/users', users);
  app.listen(3000);
}
main();
`,
      }, ['GET /users [] ⚠']);
    });

    it('ESM importing a CommonJS module: default is module.exports, named is one of its properties', () => {
      expectRoutes({
        'admin.js': `const { Router } = require('express');
const admin = Router();
admin.get('/', function dashboard(req, res) { res.json({}); });
module.exports = { admin };
`,
        'app.mjs': `import express from 'express';
import { admin } from './admin.js';
import all from './admin.js';
const app = express();
app.use('/admin', admin);
app.use('/backoffice', all.admin);
`,
      }, ['GET /admin [] ⚠', 'GET /backoffice [] ⚠']);
    });
  });

  describe('CommonJS require', () => {
    it('require of a module whose module.exports is the router (and of the auth function)', () => {
      expectRoutes({
        'auth.js': AUTH_CJS,
        'users.js': `const express = require('express');
const router = express.Router();
router.get('/', function listUsers(req, res) { res.json([]); });
module.exports = router;
`,
        'app.js': `const express = require('express');
const requireUser = require('./auth');
const app = express();
app.use(requireUser);
app.use('/users', require('./users'));
`,
      }, ['GET /users [requireUser] 🔒']);
    });

    it("destructured require: const { Router } = require('express')", () => {
      expectRoutes({
        'users.js': `const { Router } = require('express');
const router = Router();
router.post('/', function createUser(req, res) { res.json({}); });
module.exports = router;
`,
        'app.js': `const express = require('express');
const app = express();
app.use('/users', require('./users'));
`,
      }, ['POST /users [] ⚠']);
    });

    it("property of a require: require('./routes').admin", () => {
      expectRoutes({
        'routes.js': `const { Router } = require('express');
const admin = Router();
admin.delete('/:id', function removeUser(req, res) { res.end(); });
module.exports = { admin };
`,
        'app.js': `const express = require('express');
const app = express();
app.use('/admin', require('./routes').admin);
`,
      }, ['DELETE /admin/:id [] ⚠']);
    });

    it('require of a constant specifier held in a variable', () => {
      expectRoutes({
        'users.js': `const { Router } = require('express');
const router = Router();
router.get('/', function listUsers(req, res) { res.json([]); });
module.exports = router;
`,
        'app.js': `const express = require('express');
const USERS = './users';
const app = express();
app.use('/users', require(USERS));
`,
      }, ['GET /users [] ⚠']);
    });

    it("TypeScript's import x = require() of a module written with export =", () => {
      expectRoutes({
        'users.ts': `import express = require('express');
const router = express.Router();
router.get('/', function listUsers(req, res) { res.json([]); });
export = router;
`,
        'app.ts': `import express = require('express');
import users = require('./users');
const app = express();
app.use('/users', users);
`,
      }, ['GET /users [] ⚠']);
    });
  });

  describe('exports', () => {
    it('exports.users = router', () => {
      expectRoutes({
        'routes.js': `const { Router } = require('express');
const router = Router();
router.get('/', function listUsers(req, res) { res.json([]); });
exports.users = router;
`,
        'app.js': `const express = require('express');
const { users } = require('./routes');
const app = express();
app.use('/users', users);
`,
      }, ['GET /users [] ⚠']);
    });

    it('module.exports = { a, b }', () => {
      expectRoutes({
        'routes.js': `const { Router } = require('express');
const a = Router();
a.get('/', function listA(req, res) { res.json([]); });
const b = Router();
b.get('/', function listB(req, res) { res.json([]); });
module.exports = { a, b };
`,
        'app.js': `const express = require('express');
const routes = require('./routes');
const app = express();
app.use('/a', routes.a);
app.use('/b', routes.b);
`,
      }, ['GET /a [] ⚠', 'GET /b [] ⚠']);
    });

    it('export default Router().use(...).get(...), a chain with no variable', () => {
      expectRoutes({
        'auth.ts': AUTH_ESM,
        'health.ts': `import { Router } from 'express';
import { requireUser } from './auth';
export default Router().use(requireUser).get('/status', function status(req, res) { res.json({ ok: true }); });
`,
        'app.ts': `import express from 'express';
import health from './health';
const app = express();
app.use('/health', health);
`,
      }, ['GET /health/status [requireUser] 🔒']);
    });

    it('export default router in TypeScript, with type annotations', () => {
      expectRoutes({
        'users.ts': `import express, { Request, Response } from 'express';
const router: express.Router = express.Router();
router.get('/', (req: Request, res: Response) => { res.json([]); });
export default router;
`,
        'app.ts': `import express from 'express';
import users from './users';
const app = express();
app.use('/users', users as express.Router);
`,
      }, ['GET /users [] ⚠']);
    });

    it('export { r as default }', () => {
      expectRoutes({
        'users.ts': `import { Router } from 'express';
const r = Router();
r.get('/', function listUsers(req, res) { res.json([]); });
export { r as default };
`,
        'app.ts': `import express from 'express';
import users from './users';
const app = express();
app.use('/users', users);
`,
      }, ['GET /users [] ⚠']);
    });
  });
});
