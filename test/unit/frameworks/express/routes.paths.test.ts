// Route paths and their notes as the walk reports them (src/frameworks/express/routes.ts), through the whole engine.
// Cross-file resolution, one construct per case: route paths computed from values in other files,
// and what the analyser does when it cannot compute something: the route is still recorded with an
// `unresolved` note saying what was unknown, and the rest of the file is still analysed.
import { expectRoutes } from '../../workspace';

const USERS_CJS = `const { Router } = require('express');
const router = Router();
router.get('/', function listUsers(req, res) { res.json([]); });
module.exports = router;
`;

describe('cross-file resolution: paths', () => {
  describe('paths from values in other files', () => {
    it('constants from another file joined with +', () => {
      expectRoutes({
        'paths.js': `exports.API = '/api/v1';
exports.USERS = '/users';
`,
        'users.js': USERS_CJS,
        'app.js': `const express = require('express');
const { API, USERS } = require('./paths');
const app = express();
app.use(API + USERS, require('./users'));
`,
      }, ['GET /api/v1/users [] ⚠']);
    });

    it('a template literal of imported constants', () => {
      expectRoutes({
        'paths.ts': `export const API = '/api';
export const VERSION = 'v2';
`,
        'app.ts': `import express from 'express';
import { API, VERSION } from './paths';
const app = express();
app.get(\`\${API}/\${VERSION}/status\`, function status(req, res) { res.json({}); });
`,
      }, ['GET /api/v2/status [] ⚠']);
    });

    it('+ concatenation across files: a constant built from another constant', () => {
      expectRoutes({
        'paths.ts': `export const API = '/api';
export const ORDERS = API + '/orders';
`,
        'orders.ts': `import { Router } from 'express';
import { ORDERS } from './paths';
const r = Router();
r.get(ORDERS + '/:id', function showOrder(req, res) { res.json({}); });
export default r;
`,
        'app.ts': `import express from 'express';
import orders from './orders';
const app = express();
app.use(orders);
`,
      }, ['GET /api/orders/:id [] ⚠']);
    });

    it("properties of an exported object of paths (PATHS.users, PATHS['orders'])", () => {
      expectRoutes({
        'paths.ts': `export const PATHS = { users: '/users', orders: '/orders' } as const;
`,
        'app.ts': `import express from 'express';
import { PATHS } from './paths';
const app = express();
app.get(PATHS.users, function listUsers(req, res) { res.json([]); });
app.get(PATHS['orders'], function listOrders(req, res) { res.json([]); });
`,
      }, ['GET /users [] ⚠', 'GET /orders [] ⚠']);
    });
  });

  describe('what cannot be resolved', () => {
    it('a computed route path (app.get(getPath(), h)) becomes {?} with a note; later routes stay', () => {
      expectRoutes({
        'config.js': `exports.getPath = () => process.env.API_PREFIX;
`,
        'app.js': `const express = require('express');
const { getPath } = require('./config');
const app = express();
app.get(getPath(), function computed(req, res) { res.json({}); });
app.get('/after', function after(req, res) { res.json({}); });
`,
      }, ['GET /{?} [] ⚠', 'GET /after [] ⚠'], ['GET /{?}: path: process.env.API_PREFIX']);
    });

    it("a computed mount path: the router's routes are recorded under {?} with a note", () => {
      expectRoutes({
        'users.js': USERS_CJS,
        'app.js': `const express = require('express');
const app = express();
app.use(process.env.PREFIX, require('./users'));
app.get('/after', function after(req, res) { res.json({}); });
`,
      }, ['GET /{?} [] ⚠', 'GET /after [] ⚠'], ['GET /{?}: path: process.env.PREFIX']);
    });

    it('a router from an unknown package function is mounted as a layer that runs before later routes', () => {
      expectRoutes({
        'app.js': `const express = require('express');
const kit = require('router-kit');
const app = express();
app.use('/kit', kit.router({ resource: 'users' }));
app.get('/kit/health', function health(req, res) { res.json({ ok: true }); });
`,
      }, ['GET /kit/health [kit.router] ⚠']);
    });

    it('require(variable): a computed handler is recorded with a note, a computed router is a layer', () => {
      expectRoutes({
        'app.js': `const express = require('express');
const app = express();
app.get('/report', require(process.env.REPORT_HANDLER));
app.use('/api', require('./routes/' + process.env.API_VERSION));
app.get('/api/health', function health(req, res) { res.json({ ok: true }); });
`,
      }, ['GET /report [] ⚠', 'GET /api/health [require] ⚠'], ['GET /report: handler require: require(process.env.REPORT_HANDLER)']);
    });

    it('a require of a missing file says it cannot be resolved', () => {
      expectRoutes({
        'app.js': `const express = require('express');
const app = express();
app.get('/gone', require('./gone').handler);
app.get('/after', function after(req, res) { res.json({}); });
`,
      }, ['GET /gone [] ⚠', 'GET /after [] ⚠'], ["GET /gone: handler require('./gone').handler: cannot resolve './gone'.handler"]);
    });
  });
});
