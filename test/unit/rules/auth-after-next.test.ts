import { authAfterNext } from '../../../src/rules/auth-after-next';
import { runRuleTests } from './rule-tester';
import { EXPRESS, KOA } from './rule-apps';

runRuleTests(authAfterNext, {
  valid: [
    {
      name: 'Koa auth that rejects before await next()',
      files: {
        'package.json': KOA,
        'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
async function checkUser(ctx, next) { if (!ctx.get('authorization')) { ctx.status = 401; return; } await next(); }
const app = new Koa();
const router = new Router();
app.use(checkUser);
router.post('/account/delete', async ctx => { ctx.body = { deleted: true }; });
app.use(router.routes());
`,
      },
    },
    {
      name: 'Koa middleware that only logs after await next() is no auth',
      files: {
        'package.json': KOA,
        'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
async function timing(ctx, next) { const t = Date.now(); await next(); ctx.set('x-time', String(Date.now() - t)); }
const app = new Koa();
const router = new Router();
app.use(timing);
router.get('/orders', async ctx => { ctx.body = []; });
app.use(router.routes());
`,
      },
    },
    {
      name: 'Express auth that returns its 401 (E23 done right)',
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
function requireUser(req, res, next) { if (!req.headers.authorization) return res.status(401).end(); next(); }
const app = express();
app.delete('/orders', requireUser, (req, res) => res.status(204).end());
`,
      },
    },
    {
      name: 'Express auth whose next() is in the other branch',
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
function requireUser(req, res, next) { if (!req.headers.authorization) { res.status(401).end(); } else { next(); } }
const app = express();
app.use(requireUser);
app.delete('/orders', (req, res) => res.status(204).end());
`,
      },
    },
  ],
  invalid: [
    {
      name: 'Koa auth that sets 401 only after await next(), on the app (K9)',
      files: {
        'package.json': KOA,
        'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
async function checkUser(ctx, next) {
  await next();
  if (ctx.get('authorization') !== 'Bearer ok') { ctx.status = 401; ctx.body = 'denied'; }
}
const app = new Koa();
const router = new Router();
app.use(checkUser);
router.post('/account/delete', async ctx => { ctx.body = { deleted: true }; });
app.use(router.routes());
`,
      },
      errors: [{
        messageId: 'afterNext', file: 'app.js', line: 9, column: 9,
        data: {
          auth: 'checkUser', evidence: 'sets ctx.status = 401 only after await next(): the handler has already run (K9)',
          route: 'POST /account/delete (app.js:10)', more: '',
        },
      }],
    },
    {
      name: 'Koa router.use(auth) that throws after await next(), reaching two routes: one report for the registration (K9)',
      files: {
        'package.json': KOA,
        'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
async function checkUser(ctx, next) { await next(); if (!ctx.state.user) ctx.throw(401); }
const app = new Koa();
const router = new Router();
router.use(checkUser);
router.get('/orders', async ctx => { ctx.body = []; });
router.delete('/orders/:id', async ctx => { ctx.status = 204; });
app.use(router.routes());
`,
      },
      errors: [{
        messageId: 'afterNext', file: 'app.js', line: 6, column: 12,
        data: {
          auth: 'checkUser', evidence: 'ctx.throw(401) only after await next(): the handler has already run (K9)',
          route: 'GET /orders (app.js:7)', more: ' (and 1 more route)',
        },
      }],
    },
    {
      name: 'Koa auth that sets 401 and goes on to await next() (the Koa form of E23)',
      files: {
        'package.json': KOA,
        'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
async function checkUser(ctx, next) {
  if (!ctx.get('authorization')) { ctx.status = 401; }
  await next();
}
const app = new Koa();
const router = new Router();
router.post('/account/delete', checkUser, async ctx => { ctx.body = { deleted: true }; });
app.use(router.routes());
`,
      },
      errors: [{
        messageId: 'continues', file: 'app.js', line: 9, column: 32,
        data: {
          auth: 'checkUser', evidence: 'sets ctx.status = 401 and then calls next() on that path too: the handler runs anyway',
          route: 'POST /account/delete (app.js:9)', more: '',
        },
      }],
    },
    {
      name: 'Express auth that sends 401 and still calls next(), route-level (E23)',
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
function requireUser(req, res, next) {
  if (req.headers.authorization !== 'Bearer ok') res.status(401).json({ error: 'unauthorized' });
  next();
}
const app = express();
app.delete('/orders', requireUser, (req, res) => res.status(204).end());
`,
      },
      errors: [{
        messageId: 'continues', file: 'app.js', line: 7, column: 23,
        data: {
          auth: 'requireUser', evidence: 'sends 401 and then calls next() on that path too: the handler runs anyway',
          route: 'DELETE /orders (app.js:7)', more: '',
        },
      }],
    },
    {
      name: 'Express app.use(auth) that sends 403 and still calls next(), before three routes (E23)',
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
function requireAdmin(req, res, next) {
  if (!req.headers.authorization) { res.status(403).end(); }
  next();
}
const app = express();
app.use(requireAdmin);
app.get('/admins', (req, res) => res.send('admins'));
app.delete('/admins/:id', (req, res) => res.status(204).end());
app.post('/admins', (req, res) => res.status(201).end());
`,
      },
      errors: [{
        messageId: 'continues', file: 'app.js', line: 7, column: 9,
        data: {
          auth: 'requireAdmin', evidence: 'sends 403 and then calls next() on that path too: the handler runs anyway',
          route: 'GET /admins (app.js:8)', more: ' (and 2 more routes)',
        },
      }],
    },
  ],
});
