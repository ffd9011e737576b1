import { noShadowedRoute } from '../../../src/rules/no-shadowed-route';
import { runRuleTests } from './rule-tester';
import { KOA } from './rule-apps';

const KOA_SHADOWED = `const Koa = require('koa');
const Router = require('@koa/router');
const app = new Koa();
const router = new Router();
router.get('/users/:id', async ctx => { ctx.body = 'user'; });
router.get('/users/me', async ctx => { ctx.body = 'me'; });
app.use(router.routes());
`;

runRuleTests(noShadowedRoute, {
  valid: [
    {
      name: 'Koa: the same route in the two arms of an if the analyser cannot decide never answers twice',
      files: {
        'package.json': KOA,
        'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
const app = new Koa();
const router = new Router();
if (process.env.UPLOADS === 'disk') {
  router.post('/nodes', async ctx => { ctx.body = 'disk'; });
} else {
  router.post('/nodes', async ctx => { ctx.body = 'memory'; });
}
app.use(router.routes());
`,
      },
    },
    {
      name: 'the static route registered first',
      files: { 'app.js': "const app = require('express')();\napp.get('/users/me', (req, res) => res.end());\napp.get('/users/:id', (req, res) => res.end());\n" },
    },
    {
      name: 'an earlier route that calls next() lets the later one run (E22)',
      files: { 'app.js': "const app = require('express')();\napp.get('/users/:id', (req, res, next) => next());\napp.get('/users/me', (req, res) => res.end());\n" },
    },
    {
      name: 'a handler we cannot read is not assumed to end the request',
      files: { 'app.js': "const app = require('express')();\nconst { show } = require('some-package');\napp.get('/users/:id', show);\napp.get('/users/me', (req, res) => res.end());\n" },
    },
    {
      name: 'the two arms of an if the analyser cannot decide: only one of the routes exists in a run',
      files: { 'app.js': "const app = require('express')();\nif (process.env.UPLOADS) {\n  app.post('/nodes', (req, res) => res.end('upload'));\n} else {\n  app.post('/nodes', (req, res) => res.end('plain'));\n}\n" },
    },
    {
      name: 'a function registering in one arm, called from the other arm of an outer if: still one of them per run',
      files: { 'app.js': "const app = require('express')();\nfunction plain() { app.post('/nodes', (req, res) => res.end('plain')); }\nif (process.env.UPLOADS) app.post('/nodes', (req, res) => res.end('upload'));\nelse plain();\n" },
    },
    {
      name: 'routes whose paths could not be read do not shadow each other (they may differ)',
      files: { 'app.js': "const app = require('express')();\napp.get(process.env.A, (req, res) => res.end());\napp.get(process.env.B, (req, res) => res.end());\napp.get(process.env.C, (req, res) => res.end());\n" },
    },
    {
      name: 'a param route does not shadow a path that could not be read (it may be several segments, or none)',
      files: { 'app.js': "const app = require('express')();\napp.get('/:page', (req, res) => res.end());\napp.get(process.env.A, (req, res) => res.end());\n" },
    },
    {
      name: 'a path that could not be read shadows no known route',
      files: { 'app.js': "const app = require('express')();\napp.get(process.env.A, (req, res) => res.end());\napp.get('/users', (req, res) => res.end());\n" },
    },
    {
      name: 'a known route does not shadow one under a mount path that could not be read',
      files: { 'app.js': "const express = require('express');\nconst app = express();\nconst r = express.Router();\nr.get('/x', (req, res) => res.end());\napp.get('/:section/x', (req, res) => res.end());\napp.get('/api/users/x', (req, res) => res.end());\napp.use(process.env.PREFIX, r);\napp.use('/api', express.Router().get(process.env.SUB, (req, res) => res.end()));\n" },
    },
    {
      name: 'routers under two mount paths that could not be read do not shadow each other',
      files: { 'app.js': "const express = require('express');\nconst app = express();\nconst a = express.Router().get('/x', (req, res) => res.end());\nconst b = express.Router().get('/x', (req, res) => res.end());\napp.use(process.env.A, a);\napp.use(process.env.B, b);\n" },
    },
    {
      name: 'Express 5 `/*splat` does not match `/` (framework-semantics.md, Express 5 path syntax)',
      files: { 'package.json': '{ "dependencies": { "express": "^5.1.0" } }', 'app.js': "const app = require('express')();\napp.get('/*splat', (req, res) => res.end());\napp.get('/', (req, res) => res.end());\n" },
    },
    {
      name: 'Express 4 reads `/*splat` as `/(.*)splat`, not a catch-all',
      files: { 'package.json': '{ "dependencies": { "express": "^4.21.2" } }', 'app.js': "const app = require('express')();\napp.get('/*splat', (req, res) => res.end());\napp.get('/docs', (req, res) => res.end());\n" },
    },
    {
      name: 'with no express version found, `/{*splat}` is not taken for a catch-all (Express 4 reads it literally)',
      files: { 'app.js': "const app = require('express')();\napp.get('/{*splat}', (req, res) => res.end());\napp.get('/docs', (req, res) => res.end());\n" },
    },
    {
      name: "Express 4 `*` under a mount covers that mount only",
      files: { 'package.json': '{ "dependencies": { "express": "^4.21.2" } }', 'app.js': "const express = require('express');\nconst app = express();\nconst api = express.Router();\napi.options('*', (req, res) => res.status(204).end());\napp.use('/api', api);\napp.options('/apix', (req, res) => res.end());\n" },
    },
    {
      name: 'Koa: a shadowing route that calls next() hands /users/me on (K7)',
      files: {
        'package.json': KOA,
        'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
const app = new Koa();
const router = new Router();
router.get('/users/:id', async (ctx, next) => { if (ctx.params.id === 'me') return next(); ctx.body = 'user'; });
router.get('/users/me', async ctx => { ctx.body = 'me'; });
app.use(router.routes());
`,
      },
    },
    {
      name: 'Koa: routes behind a router.use(function*) are koa3-generator-middleware findings, not shadowing (K14)',
      files: {
        'package.json': KOA,
        'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
function* requireUser(next) { yield next; }
const app = new Koa();
const router = new Router();
router.use(requireUser);
router.get('/me', async ctx => { ctx.body = 'me'; });
app.use(router.routes());
`,
      },
    },
  ],
  invalid: [
    {
      name: 'arms of two different ifs do not exclude each other',
      files: { 'app.js': "const app = require('express')();\nif (process.env.A) app.get('/users/:id', (req, res) => res.end());\nif (process.env.B) { app.get('/x', (req, res) => res.end()); } else { app.get('/users/me', (req, res) => res.end()); }\n" },
      errors: [{ messageId: 'shadowed', file: 'app.js', line: 3, column: 71 }],
    },
    {
      name: 'a param route before a static one (E22)',
      files: { 'app.js': "const app = require('express')();\napp.get('/users/:id', (req, res) => res.end());\napp.get('/users/me', (req, res) => res.end());\n" },
      errors: [{
        messageId: 'shadowed', file: 'app.js', line: 3, column: 1,
        data: { route: 'GET /users/me', by: 'GET /users/:id', byAt: 'app.js:2', why: 'route-first' },
        suggestionOutput: "const app = require('express')();\napp.get('/users/me', (req, res) => res.end());\napp.get('/users/:id', (req, res) => res.end());\n",
      }],
    },
    {
      name: 'a catch-all that never calls next() (E21)',
      files: { 'app.js': "const app = require('express')();\napp.use(function notFound(req, res) { res.status(404).end(); });\napp.get('/after', (req, res) => res.end());\n" },
      errors: [{ messageId: 'shadowed', file: 'app.js', line: 3, column: 1, data: { route: 'GET /after', by: 'notFound', byAt: 'app.js:2', why: 'ends-all', prefix: '/' } }],
    },
    {
      name: 'a catch-all before a route whose path could not be read (every request meets it first)',
      files: { 'app.js': "const app = require('express')();\napp.use(function notFound(req, res) { res.status(404).end(); });\napp.get(process.env.A, (req, res) => res.end());\n" },
      errors: [{ messageId: 'shadowed', file: 'app.js', line: 3, column: 1, data: { route: 'GET /{?}', by: 'notFound', byAt: 'app.js:2', why: 'ends-all', prefix: '/' } }],
    },
    {
      name: 'two routes of one router under a mount path that could not be read (the same path for both)',
      files: { 'app.js': "const express = require('express');\nconst app = express();\nconst r = express.Router();\nr.get('/users/:id', (req, res) => res.end());\nr.get('/users/me', (req, res) => res.end());\napp.use(process.env.PREFIX, r);\n" },
      errors: [{ messageId: 'shadowed', file: 'app.js', line: 5, column: 1, data: { route: 'GET /{?}/users/me', by: 'GET /{?}/users/:id', byAt: 'app.js:4', why: 'route-first' } }],
    },
    {
      name: 'two GET handlers on one app.route() whose path could not be read',
      files: { 'app.js': "const app = require('express')();\napp.route(process.env.A)\n  .get((req, res) => res.end())\n  .get((req, res) => res.end());\n" },
      errors: [{ messageId: 'shadowed', file: 'app.js', line: 2, column: 1, data: { route: 'GET /{?}', by: 'GET /{?}', byAt: 'app.js:2', why: 'route-first' } }],
    },
    {
      name: "Express 4 `app.options('*', cors)` answers every OPTIONS request, shown as `*` as the router holds it",
      files: { 'package.json': '{ "dependencies": { "express": "^4.21.2" } }', 'app.js': "const app = require('express')();\napp.options('*', function allowCors(req, res) { res.status(204).end(); });\napp.options('/upload', (req, res) => res.end());\napp.get('/upload', (req, res) => res.end());\n" },
      errors: [{ messageId: 'shadowed', file: 'app.js', line: 3, column: 1, data: { route: 'OPTIONS /upload', by: 'OPTIONS *', byAt: 'app.js:2', why: 'route-first' } }],
    },
    {
      name: 'Express 4 `*` in a router mounted at /api, shown as /api* (req.baseUrl + req.route.path)',
      files: { 'package.json': '{ "dependencies": { "express": "^4.21.2" } }', 'app.js': "const express = require('express');\nconst app = express();\nconst api = express.Router();\napi.options('*', (req, res) => res.status(204).end());\napi.options('/ping', (req, res) => res.end());\napp.use('/api', api);\n" },
      errors: [{ messageId: 'shadowed', file: 'app.js', line: 5, column: 1, data: { route: 'OPTIONS /api/ping', by: 'OPTIONS /api*', byAt: 'app.js:4', why: 'route-first' } }],
    },
    {
      name: 'Express 5 `/{*splat}` matches `/` too',
      files: { 'package.json': '{ "dependencies": { "express": "^5.1.0" } }', 'app.js': "const app = require('express')();\napp.get('/{*splat}', (req, res) => res.end());\napp.get('/', (req, res) => res.end());\n" },
      errors: [{ messageId: 'shadowed', file: 'app.js', line: 3, column: 1, data: { route: 'GET /', by: 'GET /{*splat}', byAt: 'app.js:2', why: 'route-first' } }],
    },
    {
      name: 'Express 5 `/*splat` matches every path below `/`',
      files: { 'package.json': '{ "dependencies": { "express": "^5.1.0" } }', 'app.js': "const app = require('express')();\napp.get('/*splat', (req, res) => res.end());\napp.get('/docs/:page', (req, res) => res.end());\n" },
      errors: [{ messageId: 'shadowed', file: 'app.js', line: 3, column: 1, data: { route: 'GET /docs/:page', by: 'GET /*splat', byAt: 'app.js:2', why: 'route-first' } }],
    },
    {
      name: 'Koa: /users/:id registered before /users/me answers it first (K7)',
      files: {
        'package.json': KOA,
        'app.js': KOA_SHADOWED,
      },
      errors: [{
        messageId: 'shadowed', file: 'app.js', line: 6, column: 1,
        data: { route: 'GET /users/me', by: 'GET /users/:id', byAt: 'app.js:5', why: 'route-first-koa' },
        suggestionOutput: KOA_SHADOWED.replace(
          "router.get('/users/:id', async ctx => { ctx.body = 'user'; });\nrouter.get('/users/me', async ctx => { ctx.body = 'me'; });",
          "router.get('/users/me', async ctx => { ctx.body = 'me'; });\nrouter.get('/users/:id', async ctx => { ctx.body = 'user'; });",
        ),
      }],
    },
  ],
});
