// Reading exports the way Node and the compilers do, where it decides a verdict: import cycles
// (ESM bindings and namespaces are live; a CommonJS cycle sees the unfinished exports object) and
// type-only imports (erased, so they load nothing and close no cycle). Each case asserts the exact
// route lines; the oracle fixtures x-type-only-import, x-cycle-namespace and x-cycle-require boot
// the same shapes with the real Express.
import { BABEL_INTEROP } from '../compiled-helpers';
import { expectRoutes } from '../workspace';

const GUARD = `export function makeBadgeCheck() {
  return function checkBadge(req, res, next) {
    if (req.headers.authorization !== 'Bearer ok') return res.status(401).end();
    next();
  };
}
`;

describe('module exports', () => {
  describe('type-only imports', () => {
    const files = (importLine: string) => ({
      'lib/security.ts': `import { expressjwt } from 'express-jwt';
${importLine}
export const isAuthorized = () => expressjwt({ secret: 'k', algorithms: ['HS256'] });
export function displayName(user: UserModel) { return user.name; }
`,
      'models/user.ts': `import * as security from '../lib/security';
export interface UserModel { name: string }
export const label = (u: UserModel) => security.displayName(u);
`,
      'server.ts': `import express from 'express';
import * as security from './lib/security';
const app = express();
app.get('/x', security.isAuthorized(), (req, res) => { res.json({}); });
`,
    });

    it('`import { type UserModel }` loads nothing: no cycle, isAuthorized() is express-jwt', () => {
      expectRoutes(files("import { type UserModel } from '../models/user';"), ['GET /x [security.isAuthorized] 🔒']);
    });

    it('`import type { UserModel }` loads nothing either', () => {
      expectRoutes(files("import type { UserModel } from '../models/user';"), ['GET /x [security.isAuthorized] 🔒']);
    });
  });

  describe('import cycles', () => {
    it('ESM: a named import read later, after the cycle resolved, is the live binding', () => {
      expectRoutes({
        'guards.ts': `import { checkBadge } from './routes';
${GUARD}
export function mountAdmin(app) {
  app.get('/admin', checkBadge, (req, res) => { res.json({}); });
}
`,
        'routes.ts': `import { makeBadgeCheck, mountAdmin } from './guards';
export const checkBadge = makeBadgeCheck();
export function mount(app) { mountAdmin(app); }
`,
        'app.ts': `import express from 'express';
import { mount } from './routes';
const app = express();
mount(app);
`,
      }, ['GET /admin [checkBadge] 🔒']);
    });

    it('ESM: `import * as ns` in a cycle is live: a member made after the cycle is there when read later', () => {
      expectRoutes({
        'guards.ts': `import * as routes from './routes';
${GUARD}
export function mountAdmin(app) {
  app.get('/admin', routes.checkBadge, (req, res) => { res.json({}); });
}
`,
        'routes.ts': `import * as guards from './guards';
export const checkBadge = guards.makeBadgeCheck();
export function mount(app) { guards.mountAdmin(app); }
`,
        'app.ts': `import express from 'express';
import { mount } from './routes';
const app = express();
mount(app);
`,
      }, ['GET /admin [routes.checkBadge] 🔒']);
    });

    it('CommonJS: require() in a cycle gives the unfinished exports object, filled in before it is read', () => {
      expectRoutes({
        'guards.js': `const routes = require('./routes');
exports.makeBadgeCheck = function makeBadgeCheck() {
  return function checkBadge(req, res, next) {
    if (req.headers.authorization !== 'Bearer ok') return res.status(401).end();
    next();
  };
};
exports.mountAdmin = function mountAdmin(app) {
  app.get('/admin', routes.checkBadge, (req, res) => { res.json({}); });
};
`,
        'routes.js': `const guards = require('./guards');
exports.checkBadge = guards.makeBadgeCheck();
exports.mount = (app) => guards.mountAdmin(app);
`,
        'app.js': `const express = require('express');
const routes = require('./routes');
const app = express();
routes.mount(app);
`,
      }, ['GET /admin [routes.checkBadge] 🔒']);
    });

    it('CommonJS: a module that replaces module.exports after the cycle leaves the importer the old, empty object', () => {
      expectRoutes({
        'guards.js': `const routes = require('./routes');
exports.mountAdmin = function mountAdmin(app) {
  app.get('/admin', routes.checkBadge, (req, res) => { res.json({}); });
};
`,
        'routes.js': `const guards = require('./guards');
function checkBadge(req, res, next) {
  if (req.headers.authorization !== 'Bearer ok') return res.status(401).end();
  next();
}
module.exports = { checkBadge, mount: (app) => guards.mountAdmin(app) };
`,
        'app.js': `const express = require('express');
const routes = require('./routes');
const app = express();
routes.mount(app);
`,
      }, ['GET /admin [routes.checkBadge] ⚠']);
    });
  });
});

describe('real-world shapes (Node-RED, verdaccio, parse-server)', () => {
  describe('CommonJS interop helpers (G1)', () => {
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
});
