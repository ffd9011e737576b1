// Module resolution (src/core/resolve-module.ts), through the whole engine.
// Cross-file resolution, one construct per case: which file a module specifier names (index files
// and re-exports through them, `.js` written for `.ts`, tsconfig/jsconfig `paths` and `baseUrl`).
// Each case asserts the exact route lines and that nothing is left unresolved.
import { expectRoutes } from '../workspace';

const USERS_TS = `import { Router } from 'express';
const router = Router();
router.get('/', function listUsers(req, res) { res.json([]); });
export default router;
`;

describe('cross-file resolution: files and specifiers', () => {
  describe('re-exports through index files', () => {
    it("export { default as users } from './users'", () => {
      expectRoutes({
        'routes/users.ts': `import { Router } from 'express';
const router = Router();
router.get('/', function listUsers(req, res) { res.json([]); });
export default router;
`,
        'routes/index.ts': `export { default as users } from './users';
`,
        'app.ts': `import express from 'express';
import { users } from './routes';
const app = express();
app.use('/users', users);
`,
      }, ['GET /users [] ⚠']);
    });

    it("export * from './users' and './orders'", () => {
      expectRoutes({
        'routes/users.ts': `import { Router } from 'express';
export const users = Router();
users.get('/', function listUsers(req, res) { res.json([]); });
`,
        'routes/orders.ts': `import { Router } from 'express';
export const orders = Router();
orders.get('/', function listOrders(req, res) { res.json([]); });
`,
        'routes/index.ts': `export * from './users';
export * from './orders';
`,
        'app.ts': `import express from 'express';
import { orders, users } from './routes/index';
const app = express();
app.use('/users', users);
app.use('/orders', orders);
`,
      }, ['GET /users [] ⚠', 'GET /orders [] ⚠']);
    });

    it("export * as users from './users'", () => {
      expectRoutes({
        'routes/users.ts': `import { Router } from 'express';
export const list = Router();
list.get('/', function listUsers(req, res) { res.json([]); });
`,
        'routes/index.ts': `export * as users from './users';
`,
        'app.ts': `import express from 'express';
import { users } from './routes';
const app = express();
app.use('/users', users.list);
`,
      }, ['GET /users [] ⚠']);
    });

    it("CommonJS index: module.exports = { ...require('./users'), ...require('./orders') }", () => {
      expectRoutes({
        'routes/users.js': `const { Router } = require('express');
const users = Router();
users.get('/', function listUsers(req, res) { res.json([]); });
module.exports = { users };
`,
        'routes/orders.js': `const { Router } = require('express');
const orders = Router();
orders.get('/', function listOrders(req, res) { res.json([]); });
module.exports = { orders };
`,
        'routes/index.js': `module.exports = { ...require('./users'), ...require('./orders') };
`,
        'app.js': `const express = require('express');
const { users, orders } = require('./routes');
const app = express();
app.use('/users', users);
app.use('/orders', orders);
`,
      }, ['GET /users [] ⚠', 'GET /orders [] ⚠']);
    });
  });

  describe('specifiers', () => {
    it("'./routes/users.js' written for users.ts (TypeScript ESM style)", () => {
      expectRoutes({
        'src/routes/users.ts': USERS_TS,
        'src/app.ts': `import express from 'express';
import users from './routes/users.js';
const app = express();
app.use('/users', users);
`,
      }, ['GET /users [] ⚠']);
    });

    it('a directory with index.ts', () => {
      expectRoutes({
        'src/routes/users/index.ts': USERS_TS,
        'src/app.ts': `import express from 'express';
import users from './routes/users';
const app = express();
app.use('/users', users);
`,
      }, ['GET /users [] ⚠']);
    });

    it("require('..') of a parent directory's index.js", () => {
      expectRoutes({
        'routes/index.js': `const { Router } = require('express');
const router = Router();
router.get('/', function listUsers(req, res) { res.json([]); });
module.exports = router;
`,
        'routes/users/mount.js': `module.exports = function mount(app) {
  app.use('/users', require('..'));
};
`,
        'app.js': `const express = require('express');
const app = express();
require('./routes/users/mount')(app);
`,
      }, ['GET /users [] ⚠']);
    });

    it("tsconfig paths alias '@routes/*' (comments and trailing commas allowed)", () => {
      expectRoutes({
        'tsconfig.json': `{
  // path aliases
  "compilerOptions": { "baseUrl": ".", "paths": { "@routes/*": ["src/routes/*"], }, },
}
`,
        'src/routes/users.ts': USERS_TS,
        'src/app.ts': `import express from 'express';
import users from '@routes/users';
const app = express();
app.use('/users', users);
`,
      }, ['GET /users [] ⚠']);
    });

    it("tsconfig paths relative to baseUrl, with an exact alias ('@auth') beside a wildcard", () => {
      expectRoutes({
        'tsconfig.json': `{ "compilerOptions": { "baseUrl": "src", "paths": { "@routes/*": ["routes/*"], "@auth": ["lib/auth.ts"] } } }
`,
        'src/lib/auth.ts': `export function requireUser(req, res, next) {
  if (!req.headers.authorization) return res.status(401).end();
  next();
}
`,
        'src/routes/users.ts': USERS_TS,
        'src/app.ts': `import express from 'express';
import users from '@routes/users';
import { requireUser } from '@auth';
const app = express();
app.use('/users', requireUser, users);
`,
      }, ['GET /users [requireUser] 🔒']);
    });

    it("baseUrl without paths: 'routes/users' is <baseUrl>/routes/users, 'express' stays a package", () => {
      expectRoutes({
        'tsconfig.json': `{ "compilerOptions": { "baseUrl": "src" } }
`,
        'src/routes/users.ts': USERS_TS,
        'src/app.ts': `import express from 'express';
import users from 'routes/users';
const app = express();
app.use('/users', users);
`,
      }, ['GET /users [] ⚠']);
    });

    it("jsconfig paths alias '~/*' in a CommonJS app", () => {
      expectRoutes({
        'jsconfig.json': `{ "compilerOptions": { "baseUrl": ".", "paths": { "~/*": ["lib/*"] } } }
`,
        'lib/routes/users.js': `const { Router } = require('express');
const router = Router();
router.get('/', function listUsers(req, res) { res.json([]); });
module.exports = router;
`,
        'server.js': `const express = require('express');
const app = express();
app.use('/users', require('~/routes/users'));
`,
      }, ['GET /users [] ⚠']);
    });
  });

  describe('module roots a package.json adds (NODE_PATH in its scripts, module-alias)', () => {
    const LIB_AUTH = `module.exports = function requireUser(req, res, next) { if (!req.user) return res.status(401).end(); next(); };
`;
    const APP = `const express = require('express');
const requireUser = require('lib/auth');
const users = require('routes/users');
const app = express();
app.use('/users', requireUser, users);
module.exports = app;
`;
    const USERS_JS = `const { Router } = require('express');
const router = Router();
router.get('/', function listUsers(req, res) { res.json([]); });
module.exports = router;
`;

    it("require('routes/users') with NODE_PATH=src in the start script", () => {
      expectRoutes({
        'package.json': JSON.stringify({ scripts: { start: 'NODE_PATH=src node src/app.js' }, dependencies: { express: '^4.21.2' } }),
        'src/lib/auth.js': LIB_AUTH, 'src/routes/users.js': USERS_JS, 'src/app.js': APP,
      }, ['GET /users [requireUser] 🔒']);
    });

    it('cross-env NODE_PATH=./lib:./src: each folder in turn', () => {
      expectRoutes({
        'package.json': JSON.stringify({ scripts: { dev: 'cross-env NODE_PATH=./lib:./src nodemon src/app.js' }, dependencies: { express: '^4.21.2' } }),
        'lib/lib/auth.js': LIB_AUTH, 'src/routes/users.js': USERS_JS, 'src/app.js': APP,
      }, ['GET /users [requireUser] 🔒']);
    });

    it('a declared dependency wins over a NODE_PATH folder of the same name (node_modules come first)', () => {
      expectRoutes({
        'package.json': JSON.stringify({ scripts: { start: 'NODE_PATH=src node src/app.js' }, dependencies: { express: '^4.21.2', routes: '^1.0.0' } }),
        'src/lib/auth.js': LIB_AUTH, 'src/routes/users.js': USERS_JS, 'src/app.js': APP,
      }, ['GET / [] ⚠'], ['GET /: router created at src/routes/users.js:2 is not mounted on any app the analyser found']);
    });

    it("module-alias: _moduleAliases { '@lib': 'src/lib', '@routes': 'src/routes' }", () => {
      expectRoutes({
        'package.json': JSON.stringify({ _moduleAliases: { '@lib': 'src/lib', '@routes': 'src/routes' }, dependencies: { express: '^4.21.2', 'module-alias': '^2.2.3' } }),
        'src/lib/auth.js': LIB_AUTH, 'src/routes/users.js': USERS_JS,
        'src/app.js': APP.replace("require('lib/auth')", "require('@lib/auth')").replace("require('routes/users')", "require('@routes/users')"),
      }, ['GET /users [requireUser] 🔒']);
    });
  });
});
