// Which values the recorder takes for apps and routers (src/frameworks/express/hooks.ts), through the whole engine.
// Cross-file resolution, one construct per case: apps and routers are recognised by where they come
// from (the express package), never by their names. Each case asserts the exact route lines and that
// nothing is left unresolved.
import { expectRoutes } from '../../workspace';

const APP_CJS = `const express = require('express');
const app = express();
app.use('/users', require('./users'));
`;

describe('cross-file resolution: apps and routers by origin', () => {
  describe('ways to create a router', () => {
    it('express.Router()', () => {
      expectRoutes({
        'users.js': `const express = require('express');
const router = express.Router();
router.get('/', function listUsers(req, res) { res.json([]); });
module.exports = router;
`,
        'app.js': APP_CJS,
      }, ['GET /users [] ⚠']);
    });

    it("Router() imported from 'express'", () => {
      expectRoutes({
        'users.ts': `import { Router } from 'express';
const router = Router();
router.get('/', function listUsers(req, res) { res.json([]); });
export default router;
`,
        'app.ts': `import express from 'express';
import users from './users';
const app = express();
app.use('/users', users);
`,
      }, ['GET /users [] ⚠']);
    });

    it('new Router() and new express.Router()', () => {
      expectRoutes({
        'users.js': `const express = require('express');
const { Router } = express;
const router = new Router();
router.get('/', function listUsers(req, res) { res.json([]); });
const admin = new express.Router();
admin.get('/', function listAdmins(req, res) { res.json([]); });
router.use('/admins', admin);
module.exports = router;
`,
        'app.js': APP_CJS,
      }, ['GET /users [] ⚠', 'GET /users/admins [] ⚠']);
    });

    it('express.Router({ mergeParams: true }) mounted under a param path', () => {
      expectRoutes({
        'posts.js': `const express = require('express');
const router = express.Router({ mergeParams: true });
router.get('/:postId', function showPost(req, res) { res.json({ user: req.params.userId }); });
module.exports = router;
`,
        'app.js': `const express = require('express');
const app = express();
app.use('/users/:userId/posts', require('./posts'));
`,
      }, ['GET /users/:userId/posts/:postId [] ⚠']);
    });

    it("the standalone 'router' package", () => {
      expectRoutes({
        'users.js': `const Router = require('router');
const router = Router();
router.get('/', function listUsers(req, res) { res.json([]); });
module.exports = router;
`,
        'app.js': APP_CJS,
      }, ['GET /users [] ⚠']);
    });

    it("express-promise-router's default export, a router compatible with express.Router", () => {
      expectRoutes({
        'app.js': `const express = require('express');
const Router = require('express-promise-router');
const router = Router();
router.get('/users', async function listUsers(req, res) { res.json([]); });
const app = express();
app.use('/api', router);
`,
      }, ['GET /api/users [] ⚠']);
    });

    it("express-promise-router imported as ESM (import Router from 'express-promise-router')", () => {
      expectRoutes({
        'users.ts': `import Router from 'express-promise-router';
const router = Router();
router.get('/', async function listUsers(req, res) { res.json([]); });
export default router;
`,
        'app.ts': `import express from 'express';
import users from './users';
const app = express();
app.use('/users', users);
`,
      }, ['GET /users [] ⚠']);
    });
  });

  describe('names do not make an app or a router', () => {
    it('a variable called router built from a local class produces no routes', () => {
      expectRoutes({
        'router.js': `class Router {
  constructor() { this.routes = []; }
  get(path, fn) { this.routes.push([path, fn]); }
}
module.exports = { Router };
`,
        'app.js': `const express = require('express');
const { Router } = require('./router');
const router = new Router();
router.get('/fake', function fake(req, res) { res.json([]); });
const app = express();
app.get('/real', function real(req, res) { res.json([]); });
`,
      }, ['GET /real [] ⚠']);
    });

    it('a variable called router that is a plain object with a get method produces no routes', () => {
      expectRoutes({
        'app.js': `const express = require('express');
const router = { get(path, fn) { return fn; } };
router.get('/fake', function fake(req, res) { res.json([]); });
const app = express();
app.get('/real', function real(req, res) { res.json([]); });
`,
      }, ['GET /real [] ⚠']);
    });

    it('an express app named server, created in one file and given routes in another', () => {
      expectRoutes({
        'server.ts': `import express from 'express';
export const server = express();
`,
        'routes.ts': `import { server } from './server';
server.get('/status', function status(req, res) { res.json({ ok: true }); });
`,
        'main.ts': `import { server } from './server';
import './routes';
server.listen(3000);
`,
      }, ['GET /status [] ⚠']);
    });

    it("an app created through a renamed default import (import createServer from 'express')", () => {
      expectRoutes({
        'api.ts': `import { Router } from 'express';
export const api = Router();
api.get('/status', function status(req, res) { res.json({}); });
`,
        'main.ts': `import createServer from 'express';
import { api } from './api';
const server = createServer();
server.use('/api', api);
server.listen(3000);
`,
      }, ['GET /api/status [] ⚠']);
    });
  });
});
