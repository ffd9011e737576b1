// Shapes found by running the analyser on three open-source Express apps (Node-RED, verdaccio,
// parse-server), one construct per case, reduced to a few lines. Most come from compiled output:
// verdaccio and parse-server ship Babel's CommonJS, and TypeScript apps ship tsc's. Each case
// names the app it comes from and asserts the exact route lines and notes.
import { expectRoutes } from '../workspace';

/** tsc's helper for `import x from 'y'` under esModuleInterop, verbatim. */
const TSC_IMPORT_DEFAULT = `var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
`;

/** Babel's helper for the same, verbatim (verdaccio, parse-server). */
const BABEL_INTEROP = `function _interopRequireDefault(e) { return e && e.__esModule ? e : { default: e }; }
`;

describe('real-world shapes (Node-RED, verdaccio, parse-server)', () => {
  describe('CommonJS interop helpers (G1)', () => {
    it("tsc: __importDefault(require('express')) and (0, express_1.default)() give an app (TypeScript apps compiled with esModuleInterop)", () => {
      expectRoutes({
        'app.js': `"use strict";
${TSC_IMPORT_DEFAULT}Object.defineProperty(exports, "__esModule", { value: true });
const express_1 = __importDefault(require("express"));
const app = (0, express_1.default)();
app.get('/a', function a(req, res) { res.end(); });
app.listen(3000);
`,
      }, ['GET /a [] ⚠']);
    });

    it("tsc: __importDefault(require('./users')).default is the router of a file compiled from `export default router`", () => {
      expectRoutes({
        'users.js': `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const express_1 = require("express");
const router = (0, express_1.Router)();
router.get('/', function listUsers(req, res) { res.json([]); });
exports.default = router;
`,
        'app.js': `"use strict";
${TSC_IMPORT_DEFAULT}Object.defineProperty(exports, "__esModule", { value: true });
const express_1 = __importDefault(require("express"));
const users_1 = __importDefault(require("./users"));
const app = (0, express_1.default)();
app.use('/users', users_1.default);
`,
      }, ['GET /users [] ⚠']);
    });

    it('tsc: __importDefault of a plain CommonJS router (module.exports = router) wraps it, so .default is the router', () => {
      expectRoutes({
        'users.js': `const { Router } = require('express');
const router = Router();
router.get('/', function listUsers(req, res) { res.json([]); });
module.exports = router;
`,
        'app.js': `"use strict";
${TSC_IMPORT_DEFAULT}const express_1 = __importDefault(require("express"));
const users_1 = __importDefault(require("./users"));
const app = (0, express_1.default)();
app.use('/users', users_1.default);
`,
      }, ['GET /users [] ⚠']);
    });

    it("tsc: __importStar(require('express')) with __createBinding and __setModuleDefault (import * as express)", () => {
      expectRoutes({
        'app.js': `"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
const express = __importStar(require("express"));
const router = express.Router();
router.get('/', function listUsers(req, res) { res.json([]); });
const app = (0, express.default)();
app.use('/users', router);
`,
      }, ['GET /users [] ⚠']);
    });

    it("tslib: tslib_1.__importDefault(require('express')) (tsc with importHelpers)", () => {
      expectRoutes({
        'app.js': `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const tslib_1 = require("tslib");
const express_1 = tslib_1.__importDefault(require("express"));
const app = (0, express_1.default)();
app.get('/a', function a(req, res) { res.end(); });
`,
      }, ['GET /a [] ⚠']);
    });

    it("Babel: _interopRequireDefault(require('express')) and (0, _express.default)() (parse-server's lib)", () => {
      expectRoutes({
        'app.js': `"use strict";
var _express = _interopRequireDefault(require("express"));
${BABEL_INTEROP}const app = (0, _express.default)();
app.get('/health', function health(req, res) { res.end(); });
`,
      }, ['GET /health [] ⚠']);
    });

    it('Babel: a router factory compiled from `export default` (exports.default = void 0 first, then exports.default = _default), called as (0, _api.default)(config) (verdaccio)', () => {
      expectRoutes({
        'api.js': `"use strict";
Object.defineProperty(exports, "__esModule", {
  value: true
});
exports.default = void 0;
var _express = require("express");
var _default = config => {
  const router = (0, _express.Router)();
  router.get('/-/ping', function ping(req, res) { res.end(); });
  return router;
};
exports.default = _default;
`,
        'app.js': `"use strict";
var _express = _interopRequireDefault(require("express"));
var _api = _interopRequireDefault(require("./api"));
${BABEL_INTEROP}const app = (0, _express.default)();
app.use('/', (0, _api.default)({}));
`,
      }, ['GET /-/ping [] ⚠']);
    });

    it('Babel loose mode: exports.__esModule = true marks the module as compiled from ESM', () => {
      expectRoutes({
        'users.js': `"use strict";
exports.__esModule = true;
exports.default = void 0;
var _express = require("express");
const router = (0, _express.Router)();
router.get('/', function listUsers(req, res) { res.json([]); });
var _default = router;
exports.default = _default;
`,
        'app.js': `"use strict";
var _express = _interopRequireDefault(require("express"));
var _users = _interopRequireDefault(require("./users"));
${BABEL_INTEROP}const app = (0, _express.default)();
app.use('/users', _users.default);
`,
      }, ['GET /users [] ⚠']);
    });

    it('an ESM file importing the default export of a compiled file (exports.default with __esModule) gets exports.default', () => {
      expectRoutes({
        'users.js': `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const express_1 = require("express");
const router = (0, express_1.Router)();
router.get('/', function listUsers(req, res) { res.json([]); });
exports.default = router;
`,
        'app.ts': `import express from 'express';
import users from './users';
const app = express();
app.use('/users', users);
`,
      }, ['GET /users [] ⚠']);
    });
  });

  describe('assignments as values (G2)', () => {
    it("var _default = exports.default = ParseServer: both names get the value (parse-server's ParseServer.js, Babel)", () => {
      expectRoutes({
        'build.js': `const express = require('express');
var _default = exports.default = function build() {
  const app = express();
  app.get('/a', function a(req, res) { res.end(); });
  return app;
};
exports.create = _default;
`,
        'main.js': `const { default: build, create } = require('./build');
const app = build();
app.get('/c', function c(req, res) { res.end(); });
const admin = create();
admin.get('/d', function d(req, res) { res.end(); });
`,
      }, ['GET /a [] ⚠', 'GET /c [] ⚠', 'GET /a [] ⚠', 'GET /d [] ⚠']);
    });
  });

  describe('entry files (G3)', () => {
    it("an entry file that never imports express runs require('./app')(), a factory creating the app (verdaccio's server entry)", () => {
      expectRoutes({
        'app.js': `const express = require('express');
module.exports = function createApp() {
  const app = express();
  app.get('/a', function a(req, res) { res.end(); });
  return app;
};
`,
        'server.js': `const createApp = require('./app');
const app = createApp();
app.get('/b', function b(req, res) { res.end(); });
app.listen(3000);
`,
      }, ['GET /a [] ⚠', 'GET /b [] ⚠']);
    });
  });

  describe('computed method names (G7)', () => {
    it("app[r.method.toLowerCase()](r.path, h) over a constant table of routes (parse-server's PromiseRouter)", () => {
      expectRoutes({
        'app.js': `const express = require('express');
const app = express();
const table = [{ method: 'GET', path: '/a' }, { method: 'POST', path: '/b' }];
for (const r of table) app[r.method.toLowerCase()](r.path, function h(req, res) { res.end(); });
`,
      }, ['GET /a [] ⚠', 'POST /b [] ⚠']);
    });

    it("app[m]('/c', h) for m from a loop over a literal array of method names", () => {
      expectRoutes({
        'app.js': `const express = require('express');
const app = express();
for (const m of ['put', 'delete']) app[m]('/c', function h(req, res) { res.end(); });
`,
      }, ['PUT /c [] ⚠', 'DELETE /c [] ⚠']);
    });

    it("expressApp[method].call(expressApp, path, handler) and router.get.apply(router, [path, handler]) (parse-server's PromiseRouter.mountOnto)", () => {
      expectRoutes({
        'app.js': `const express = require('express');
const app = express();
const method = 'GET'.toLowerCase();
app[method].call(app, '/d', function d(req, res) { res.end(); });
const router = express.Router();
router.post.apply(router, ['/e', function e(req, res) { res.end(); }]);
app.use('/r', router);
`,
      }, ['GET /d [] ⚠', 'POST /r/e [] ⚠']);
    });
  });

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

    it('a ...rest parameter keeps the names of the middleware handed on (register(path, ...middleware))', () => {
      expectRoutes({
        'app.js': `const express = require('express');
const app = express();
function requireUser(req, res, next) { if (!req.user) return res.status(401).end(); next(); }
function register(path, ...middleware) {
  app.get(path, ...middleware);
}
register('/me', requireUser, function me(req, res) { res.json(req.user); });
`,
      }, ['GET /me [requireUser] 🔒']);
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

  describe('notes (G10, G11)', () => {
    it("a path chosen at run time (process.env.ROOT ? '/x' : '/y') is shown with a note naming both options, not silently the first", () => {
      expectRoutes({
        'app.js': `const express = require('express');
const app = express();
const root = process.env.ROOT ? '/x' : '/y';
app.get(root, function h(req, res) { res.end(); });
`,
      }, ['GET /x [] ⚠'], ["GET /x: path: one of '/x', '/y' (showing '/x')"]);
    });

    it("a default for an unknown prefix (process.env.BASE || '/api') mounts under the default, with a note", () => {
      expectRoutes({
        'app.js': `const express = require('express');
const app = express();
const router = express.Router();
router.get('/items', function items(req, res) { res.json([]); });
app.use(process.env.BASE || '/api', router);
`,
      }, ['GET /api/items [] ⚠'], ["GET /api/items: path: one of process.env.BASE, '/api' (showing '/api')"]);
    });

    it("an array of paths read from a package names its expressions, not an IR kind (verdaccio's WebUrls)", () => {
      expectRoutes({
        'app.js': `const express = require('express');
const { WebUrls } = require('@verdaccio/middleware');
const app = express();
app.get([WebUrls.a, WebUrls.b], function h(req, res) { res.end(); });
`,
      }, ['GET /{?} [] ⚠'], ['GET /{?}: path: [WebUrls.a, WebUrls.b]']);
    });
  });

  describe('configuration (G12)', () => {
    it('"sevenStops": { "exclude": [] } in package.json scans an app that runs from build/ (compiled apps started as require("./build/app.js")())', () => {
      expectRoutes({
        'package.json': JSON.stringify({ sevenStops: { exclude: [] } }),
        'index.js': `require('./build/app.js')().listen(3000);
`,
        'build/app.js': `const express = require('express');
module.exports = function createApp() {
  const app = express();
  app.get('/a', function a(req, res) { res.end(); });
  return app;
};
`,
      }, ['GET /a [] ⚠']);
    });
  });

  it('parse-server: an app factory called from two start paths is reported once', () => {
    expectRoutes({
      'server.js': `const express = require('express');
function app() {
  const api = express();
  api.get('/health', (req, res) => res.json({ ok: true }));
  return api;
}
function start() { return app().listen(1337); }
function startApp() { return app(); }
module.exports = { app, start, startApp };
`,
      'cli.js': `const { start, startApp } = require('./server');
if (process.env.MODE === 'app') startApp(); else start();
`,
    }, ['GET /health [] ⚠']);
  });
});
