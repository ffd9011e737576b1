import { errorHandlerFirst } from '../../../src/rules/error-handler-first';
import { runRuleTests } from './rule-tester';
import { EXPRESS, KOA } from './rule-apps';

const CATCHER = `async function errorHandler(ctx, next) {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status || 500;
    ctx.body = { error: err.message };
  }
}
`;

runRuleTests(errorHandlerFirst, {
  valid: [
    {
      name: 'Koa: the catcher is used before the router',
      files: {
        'package.json': KOA,
        'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
${CATCHER}const app = new Koa();
const router = new Router();
router.get('/orders', async ctx => { ctx.body = []; });
app.use(errorHandler);
app.use(router.routes());
`,
      },
    },
    {
      name: 'Koa: a middleware after the routes that only logs after next() is no catcher',
      files: {
        'package.json': KOA,
        'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
const app = new Koa();
const router = new Router();
router.get('/orders', async ctx => { ctx.body = []; });
app.use(router.routes());
app.use(async (ctx, next) => { await next(); console.log(ctx.status); });
`,
      },
    },
    {
      name: 'Express: a try/catch around next() in middleware is not what this rule is about (error-handler-last is)',
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const app = express();
app.get('/x', (req, res) => res.end());
app.use(async (req, res, next) => { try { await next(); } catch (e) { res.status(500).end(); } });
`,
      },
    },
  ],
  invalid: [
    {
      name: 'Koa: the catcher is used after the router (the suggestion moves it above)',
      files: {
        'package.json': KOA,
        'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
${CATCHER}const app = new Koa();
const router = new Router();
router.get('/orders', async ctx => { ctx.body = []; });
router.post('/orders', async ctx => { ctx.status = 201; });
app.use(router.routes());
app.use(errorHandler);
`,
      },
      errors: [{
        messageId: 'notFirst', data: { handler: 'errorHandler', count: '2', first: 'GET /orders', firstAt: 'app.js:13' }, file: 'app.js', line: 16, column: 9,
        suggestionOutput: `const Koa = require('koa');
const Router = require('@koa/router');
${CATCHER}const app = new Koa();
const router = new Router();
router.get('/orders', async ctx => { ctx.body = []; });
router.post('/orders', async ctx => { ctx.status = 201; });
app.use(errorHandler);
app.use(router.routes());
`,
      }],
    },
    {
      name: 'Koa: koa-json-error after one router, before another',
      files: {
        'package.json': KOA,
        'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
const jsonError = require('koa-json-error');
const app = new Koa();
const pub = new Router();
const api = new Router({ prefix: '/api' });
pub.get('/health', async ctx => { ctx.body = 'ok'; });
api.get('/orders', async ctx => { ctx.body = []; });
app.use(pub.routes());
app.use(jsonError());
app.use(api.routes());
`,
      },
      errors: [{ messageId: 'notFirst', data: { handler: 'jsonError', count: '1', first: 'GET /health', firstAt: 'app.js:7' }, file: 'app.js', line: 10, column: 9 }],
    },
  ],
});
