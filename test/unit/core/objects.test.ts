// The JavaScript objects the interpreter models beyond plain values (src/core/objects.ts): promise
// callbacks, classes and constructor functions (`new`, `super`, prototypes, getters) and the array
// methods route tables are built with. The cases are shapes found in open-source Express apps
// (Node-RED, verdaccio, parse-server), each reduced to a few lines and asserting the exact route lines.
import { expectRoutes } from '../workspace';

describe('real-world shapes (Node-RED, verdaccio, parse-server)', () => {
  describe('promises (G4)', () => {
    it('a callback passed to .then() runs once: routes registered in it count (Node-RED starts its admin app in RED.start().then(...))', () => {
      expectRoutes({
        'app.js': `const express = require('express');
const app = express();
function start() { return connectToDatabase(); }
start().then(function () {
  app.get('/b', function b(req, res) { res.end(); });
}).catch(function (err) {
  app.get('/down', function down(req, res) { res.status(503).end(); });
}).finally(() => app.listen(3000));
`,
      }, ['GET /b [] ⚠', 'GET /down [] ⚠']);
    });

    it('an async factory returning a router: makeApi().then(r => app.use(\'/api\', r)) mounts that router', () => {
      expectRoutes({
        'app.js': `const express = require('express');
const app = express();
async function makeApi() {
  const router = express.Router();
  router.get('/a', function a(req, res) { res.end(); });
  return router;
}
makeApi().then((router) => app.use('/api', router));
`,
      }, ['GET /api/a [] ⚠']);
    });

    it("Promise.resolve(config).then(cfg => ...) hands the value on; verdaccio's entry: api.default(config).then(app => ...)", () => {
      expectRoutes({
        'api.js': `const express = require('express');
exports.default = async function startServer(config) {
  const app = express();
  app.get(config.prefix + '/ping', function ping(req, res) { res.end(); });
  return app;
};
`,
        'server.js': `const api = require('./api');
Promise.resolve({ prefix: '/-' }).then((cfg) => api.default(cfg)).then((app) => {
  app.get('/late', function late(req, res) { res.end(); });
  app.listen(4873);
});
`,
      }, ['GET /-/ping [] ⚠', 'GET /late [] ⚠']);
    });
  });

  describe('classes and functions with properties (G6, G8)', () => {
    it("class X { constructor() { this.router = Router(); this.router.get(...) } } then app.use('/v1', new X().router)", () => {
      expectRoutes({
        'app.js': `const express = require('express');
class UsersRouter {
  constructor() {
    this.router = express.Router();
    this.router.get('/users', function listUsers(req, res) { res.json([]); });
  }
}
const app = express();
app.use('/v1', new UsersRouter().router);
`,
      }, ['GET /v1/users [] ⚠']);
    });

    it("a static method building an app: ParseServer.app(options) (parse-server's ParseServer)", () => {
      expectRoutes({
        'app.js': `const express = require('express');
class ParseServer {
  static app(options) {
    const api = express();
    api.get('/health', function health(req, res) { res.end(); });
    return api;
  }
}
const app = express();
app.use('/parse', ParseServer.app({}));
`,
      }, ['GET /parse/health [] ⚠']);
    });

    it('an instance method and a getter reading this: new Server(prefix).build(), server.app (parse-server: get app() { return ParseServer.app(this.config) })', () => {
      expectRoutes({
        'app.js': `const express = require('express');
class Server {
  constructor(prefix) { this.prefix = prefix; }
  build() {
    const api = express.Router();
    api.get(this.prefix + '/status', function status(req, res) { res.end(); });
    return api;
  }
  get app() { return this.build(); }
}
const app = express();
app.use('/b', new Server('/v1').build());
app.use('/g', new Server('/v2').app);
`,
      }, ['GET /b/v1/status [] ⚠', 'GET /g/v2/status [] ⚠']);
    });

    it('class fields and a derived class calling super(): the parent constructor runs on the same object', () => {
      expectRoutes({
        'app.js': `const express = require('express');
class BaseRouter {
  router = express.Router();
  constructor(path) { this.router.get(path, function list(req, res) { res.json([]); }); }
}
class UsersRouter extends BaseRouter {
  constructor() {
    super('/users');
    this.router.post('/users', function create(req, res) { res.end(); });
  }
}
const app = express();
app.use(new UsersRouter().router);
`,
      }, ['GET /users [] ⚠', 'POST /users [] ⚠']);
    });

    it("a method stored on a function: function ParseServer() {}; ParseServer.app = function () {...} (parse-server's ParseServer.app, written the ES5 way)", () => {
      expectRoutes({
        'app.js': `const express = require('express');
function ParseServer() {}
ParseServer.app = function () {
  const api = express();
  api.get('/health', function health(req, res) { res.end(); });
  return api;
};
express().use('/parse', ParseServer.app());
`,
      }, ['GET /parse/health [] ⚠']);
    });

    it('a constructor function with methods on its prototype: new Api().router', () => {
      expectRoutes({
        'app.js': `const express = require('express');
function Api() { this.router = express.Router(); this.mount(); }
Api.prototype.mount = function () {
  this.router.get('/items', function items(req, res) { res.json([]); });
};
const app = express();
app.use('/api', new Api().router);
`,
      }, ['GET /api/items [] ⚠']);
    });
  });

  describe("parse-server's PromiseRouter: route tables built by classes", () => {
    it('a router class collecting routes with this.route(method, path, ...handlers), subclasses adding theirs in mountRoutes(), mounted with routers.reduce(concat) and forEach + app[method].call', () => {
      expectRoutes({
        'PromiseRouter.js': `const express = require('express');
class PromiseRouter {
  constructor(routes = [], appId) {
    this.routes = routes;
    this.appId = appId;
    this.mountRoutes();
  }
  mountRoutes() {}
  route(method, path, ...handlers) {
    let handler = handlers[0];
    this.routes.push({ path, method, handler });
  }
  mountOnto(expressApp) {
    this.routes.forEach(route => {
      const method = route.method.toLowerCase();
      expressApp[method].call(expressApp, route.path, route.handler);
    });
    return expressApp;
  }
  expressRouter() {
    return this.mountOnto(express.Router());
  }
}
module.exports = PromiseRouter;
`,
        'UsersRouter.js': `const PromiseRouter = require('./PromiseRouter');
class UsersRouter extends PromiseRouter {
  mountRoutes() {
    this.route('GET', '/users', function find(req) { return {}; });
    this.route('POST', '/users', function create(req) { return {}; });
  }
}
module.exports = UsersRouter;
`,
        'app.js': `const express = require('express');
const PromiseRouter = require('./PromiseRouter');
const UsersRouter = require('./UsersRouter');
class RolesRouter extends PromiseRouter {
  mountRoutes() { this.route('GET', '/roles', function roles(req) { return {}; }); }
}
const routers = [new UsersRouter(), new RolesRouter()];
const routes = routers.reduce((memo, router) => memo.concat(router.routes), []);
const app = express();
app.use(new PromiseRouter(routes, 'app').expressRouter());
`,
      }, ['GET /users [] ⚠', 'POST /users [] ⚠', 'GET /roles [] ⚠']);
    });

    it("super.expressRouter() from an overriding method (parse-server's PagesRouter)", () => {
      expectRoutes({
        'app.js': `const express = require('express');
class Base {
  expressRouter() {
    const router = express.Router();
    router.get('/base', function base(req, res) { res.end(); });
    return router;
  }
}
class Pages extends Base {
  expressRouter() {
    const router = express.Router();
    router.use('/', super.expressRouter());
    router.get('/pages', function pages(req, res) { res.end(); });
    return router;
  }
}
const app = express();
app.use(new Pages().expressRouter());
`,
      }, ['GET /base [] ⚠', 'GET /pages [] ⚠']);
    });

    it('routes filtered from a table: table.filter(r => r.enabled).forEach(r => app[r.method](r.path, r.handler))', () => {
      expectRoutes({
        'app.js': `const express = require('express');
const app = express();
const table = [
  { method: 'get', path: '/on', enabled: true, handler: function on(req, res) { res.end(); } },
  { method: 'get', path: '/off', enabled: false, handler: function off(req, res) { res.end(); } },
];
table.filter(r => r.enabled).forEach(r => app[r.method](r.path, r.handler));
`,
      }, ['GET /on [] ⚠']);
    });
  });

  describe('objects with getters', () => {
    it("a getter returning an app set up by an init() method: app.use('/admin', requireAdmin, RED.httpAdmin) (Node-RED)", () => {
      expectRoutes({
        'app.js': `const express = require('express');
let adminApp;
const RED = {
  init() { adminApp = express(); adminApp.get('/flows', function flows(req, res) { res.json([]); }); },
  get httpAdmin() { return adminApp; },
};
RED.init();
const app = express();
app.use('/admin', requireAdmin, RED.httpAdmin);
function requireAdmin(req, res, next) { if (!req.user) return res.status(401).end(); next(); }
`,
      }, ['GET /admin/flows [requireAdmin] 🔒']);
    });
  });
});
