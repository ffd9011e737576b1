import { errorHandlerLast } from '../../../src/rules/error-handler-last';
import { runRuleTests } from './rule-tester';

runRuleTests(errorHandlerLast, {
  valid: [
    {
      name: 'Koa: the try { await next() } catch middleware comes first there, not last; the rule does not apply',
      files: {
        'package.json': JSON.stringify({ dependencies: { koa: '^3.3.0', '@koa/router': '^15.7.0' } }),
        'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
const app = new Koa();
app.use(async function handleErrors(ctx, next) { try { await next(); } catch (err) { ctx.status = err.status || 500; } });
const router = new Router();
router.get('/x', async ctx => { ctx.body = 'x'; });
app.use(router.routes());
app.use(async function onError(ctx, next) { try { await next(); } catch (err) { ctx.status = 500; } });
`,
      },
    },
    {
      name: 'the error handler is the last layer',
      files: { 'app.js': "const app = require('express')();\napp.get('/x', (req, res) => res.end());\napp.use(function onError(err, req, res, next) { res.status(500).end(); });\n" },
    },
    {
      name: 'a default parameter makes it ordinary middleware, not an error handler (E19)',
      files: { 'app.js': "const app = require('express')();\napp.use(function notReally(err, req, res, next = () => {}) { next(); });\napp.get('/x', (req, res) => res.end());\n" },
    },
    {
      name: "in a case-sensitive app an error handler at /admin does not cover /Admin routes after it (E9)",
      files: { 'app.js': "const app = require('express')();\napp.set('case sensitive routing', true);\napp.use('/admin', function onError(err, req, res, next) { res.status(500).end(); });\napp.get('/Admin/x', (req, res) => res.end());\n" },
    },
    {
      name: "a router's own error handler closes the router; the app's layers registered after the mount are not its to see",
      files: {
        'routes/api.js': `const express = require('express');
const api = express.Router();
api.get('/orders', (req, res) => res.json([]));
api.use(function apiErrors(err, req, res, next) { res.status(500).json({ error: err.message }); });
module.exports = api;
`,
        'app.js': `const express = require('express');
const app = express();
app.use('/api', require('./routes/api'));
app.get('/api/health', (req, res) => res.send('ok'));
app.use(function appErrors(err, req, res, next) { res.status(500).end(); });
`,
      },
    },
  ],
  invalid: [
    {
      name: 'a router whose error handler comes before a router it mounts later: that router is still its own',
      files: {
        'app.js': `const express = require('express');
const app = express();
const api = express.Router();
const admin = express.Router();
admin.get('/stats', (req, res) => res.json({}));
api.use(function apiErrors(err, req, res, next) { res.status(500).end(); });
api.use('/admin', admin);
app.use('/api', api);
app.get('/health', (req, res) => res.send('ok'));
`,
      },
      errors: [{
        messageId: 'notLast', file: 'app.js', line: 6, column: 1,
        data: { handler: 'apiErrors', count: '2', first: 'admin', firstAt: 'app.js:7' },
      }],
    },
    {
      name: 'an error handler registered before routes (E18)',
      files: { 'app.js': "const app = require('express')();\napp.use(function onError(err, req, res, next) { res.status(500).end(); });\napp.get('/x', (req, res) => res.end());\napp.get('/y', (req, res) => res.end());\n" },
      errors: [{
        messageId: 'notLast', file: 'app.js', line: 2, column: 1,
        data: { handler: 'onError', count: '2', first: 'GET /x', firstAt: 'app.js:3' },
        suggestionOutput: "const app = require('express')();\napp.get('/x', (req, res) => res.end());\napp.get('/y', (req, res) => res.end());\napp.use(function onError(err, req, res, next) { res.status(500).end(); });\n",
      }],
    },
  ],
});
