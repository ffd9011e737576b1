import { koaRouterCaseBypass } from '../../../src/rules/koa-router-case-bypass';
import { runRuleTests } from './rule-tester';

/** A package.json declaring Koa 3 and `router` at `range`. */
const manifest = (router: string, range: string) => JSON.stringify({ dependencies: { koa: '^3.3.0', [router]: range } });
const installed = (version: string) => JSON.stringify({ name: '@koa/router', version });
const lock = (router: string, version: string) => JSON.stringify({ lockfileVersion: 3, packages: { [`node_modules/${router}`]: { version } } });

const PREFIXED = `const Koa = require('koa');
const Router = require('@koa/router');
async function requireUser(ctx, next) { if (!ctx.get('authorization')) { ctx.status = 401; return; } await next(); }
async function getSecret(ctx) { ctx.body = 'secret'; }
const app = new Koa();
const api = new Router({ prefix: '/api' });
api.use(requireUser);
api.get('/secret', getSecret);
app.use(api.routes());
`;

const USE_PATH = `const Koa = require('koa');
const Router = require('@koa/router');
async function requireAdmin(ctx, next) { if (!ctx.get('authorization')) { ctx.status = 401; return; } await next(); }
async function getAdminX(ctx) { ctx.body = 'x'; }
const app = new Koa();
const router = new Router();
router.use('/admin', requireAdmin);
router.get('/admin/x', getAdminX);
app.use(router.routes());
`;

const NESTED_WITH_AUTH = `const Koa = require('koa');
const Router = require('@koa/router');
async function requireUser(ctx, next) { if (!ctx.get('authorization')) { ctx.status = 401; return; } await next(); }
async function getKidsX(ctx) { ctx.body = 'kids-x'; }
const app = new Koa();
const parent = new Router();
const kids = new Router();
kids.get('/x', getKidsX);
parent.use('/kids', requireUser, kids.routes());
app.use(parent.routes());
`;

// The report names its phrases by key (the rule's phrases give their words in each language).
const FIXED_PATH = 'upgrade';
const FIXED = 'none';

runRuleTests(koaRouterCaseBypass, {
  valid: [
    {
      name: '@koa/router 13.1.1 installed runs the use for /API/secret too (K12: unaffected line)',
      files: { 'package.json': manifest('@koa/router', '^13.1.1'), 'node_modules/@koa/router/package.json': installed('13.1.1'), 'app.js': PREFIXED },
    },
    {
      name: '@koa/router 12.0.2 from the lock file (K12: unaffected line)',
      files: { 'package.json': manifest('@koa/router', '^12.0.0'), 'package-lock.json': lock('@koa/router', '12.0.2'), 'app.js': PREFIXED },
    },
    {
      name: 'a router without a prefix: there is no prefix to vary',
      files: {
        'package.json': manifest('@koa/router', '^15.7.0'),
        'app.js': PREFIXED.replace("new Router({ prefix: '/api' })", 'new Router()'),
      },
    },
    {
      name: 'a prefix with a parameter (/t/:tenant) is compiled case-insensitively (K12: not affected)',
      files: {
        'package.json': manifest('@koa/router', '^15.7.0'),
        'app.js': PREFIXED.replace("prefix: '/api'", "prefix: '/t/:tenant'"),
      },
    },
    {
      name: 'a path-less use that is not auth',
      files: {
        'package.json': manifest('@koa/router', '^15.7.0'),
        'app.js': PREFIXED.replace('api.use(requireUser);', 'api.use(async function logRequest(ctx, next) { console.log(ctx.path); await next(); });'),
      },
    },
    {
      name: 'auth that checks after await next() protects nothing to bypass (K9 is auth-after-next)',
      files: {
        'package.json': manifest('@koa/router', '^15.7.0'),
        'app.js': PREFIXED.replace(
          "async function requireUser(ctx, next) { if (!ctx.get('authorization')) { ctx.status = 401; return; } await next(); }",
          "async function requireUser(ctx, next) { await next(); if (!ctx.get('authorization')) ctx.status = 401; }",
        ),
      },
    },
    {
      name: "router.use('/admin', auth) on @koa/router 15.7.0 matches the use-path in any case (K11: explicit path, unaffected)",
      files: { 'package.json': manifest('@koa/router', '^15.7.0'), 'app.js': USE_PATH },
    },
    {
      name: "parent.use('/kids', auth, kids.routes()) on @koa/router 13.1.1 (K11: unaffected)",
      files: { 'package.json': manifest('@koa/router', '^13.1.1'), 'app.js': NESTED_WITH_AUTH },
    },
    {
      name: "router.use('/', auth) on koa-router 14.0.0: a use-path without a letter has no case variant (K11)",
      files: {
        'package.json': manifest('koa-router', '^14.0.0'),
        'app.js': USE_PATH.replace("require('@koa/router')", "require('koa-router')").replace("router.use('/admin', requireAdmin);", "router.use('/', requireAdmin);"),
      },
    },
  ],
  invalid: [
    {
      name: "router.use('/admin', auth) on koa-router 14.0.0: the use-path is a case-sensitive RegExp, /ADMIN/x skips it (K11)",
      files: { 'package.json': manifest('koa-router', '^14.0.0'), 'app.js': USE_PATH.replace("require('@koa/router')", "require('koa-router')") },
      errors: [{
        messageId: 'bypassPath', file: 'app.js', line: 7, column: 22,
        data: {
          auth: 'requireAdmin', path: '/admin', pkg: 'koa-router', version: '14.0.0', from: 'declared',
          variant: 'GET /ADMIN/x', route: 'GET /admin/x (app.js:8)', fixed: FIXED_PATH,
        },
      }],
    },
    {
      name: "parent.use('/kids', auth, kids.routes()) on @koa/router 14.0.0 installed: /KIDS/x skips the auth (K11)",
      files: { 'package.json': manifest('@koa/router', '^14.0.0'), 'node_modules/@koa/router/package.json': installed('14.0.0'), 'app.js': NESTED_WITH_AUTH },
      errors: [{
        messageId: 'bypassPath', file: 'app.js', line: 9, column: 21,
        data: {
          auth: 'requireUser', path: '/kids', pkg: '@koa/router', version: '14.0.0', from: 'installed',
          variant: 'GET /KIDS/x', route: 'GET /kids/x (app.js:8)', fixed: FIXED_PATH,
        },
      }],
    },
    {
      name: "new Router({ prefix: '/api' }) on @koa/router 15.7.0 read from package.json's range (K12)",
      files: { 'package.json': manifest('@koa/router', '^15.7.0'), 'app.js': PREFIXED },
      errors: [{
        messageId: 'bypass', file: 'app.js', line: 7, column: 9,
        data: {
          auth: 'requireUser', prefix: '/api', pkg: '@koa/router', version: '15.7.0', from: 'declared',
          variant: 'GET /API/secret', route: 'GET /api/secret (app.js:8)', fixed: FIXED, checked: '15.7.0',
        },
      }],
    },
    {
      name: '@koa/router 14.2.0 installed in node_modules (K12)',
      files: { 'package.json': manifest('@koa/router', '^14.0.0'), 'node_modules/@koa/router/package.json': installed('14.2.0'), 'app.js': PREFIXED },
      errors: [{
        messageId: 'bypass', file: 'app.js', line: 7, column: 9,
        data: {
          auth: 'requireUser', prefix: '/api', pkg: '@koa/router', version: '14.2.0', from: 'installed',
          variant: 'GET /API/secret', route: 'GET /api/secret (app.js:8)', fixed: FIXED, checked: '15.7.0',
        },
      }],
    },
    {
      name: "koa-router 14.0.0 from the lock file, prefix set by router.prefix('/v1') after the use (K12)",
      files: {
        'package.json': manifest('koa-router', '^14.0.0'),
        'package-lock.json': lock('koa-router', '14.0.0'),
        'app.js': `const Koa = require('koa');
const Router = require('koa-router');
async function requireUser(ctx, next) { if (!ctx.get('authorization')) { ctx.status = 401; return; } await next(); }
async function getInvoices(ctx) { ctx.body = []; }
const app = new Koa();
const router = new Router();
router.use(requireUser);
router.get('/invoices', getInvoices);
router.prefix('/v1');
app.use(router.routes());
`,
      },
      errors: [{
        messageId: 'bypass', file: 'app.js', line: 7, column: 12,
        data: {
          auth: 'requireUser', prefix: '/v1', pkg: 'koa-router', version: '14.0.0', from: 'lock',
          variant: 'GET /V1/invoices', route: 'GET /v1/invoices (app.js:8)',
          fixed: 'noneKoaRouter', checked: '15.7.0',
        },
      }],
    },
    {
      name: "a router nested with parent.use('/kids', kids.routes()) on @koa/router 15.0.0 (K12)",
      files: {
        'package.json': manifest('@koa/router', '^15.0.0'),
        'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
async function requireUser(ctx, next) { if (!ctx.get('authorization')) { ctx.status = 401; return; } await next(); }
async function getKidsX(ctx) { ctx.body = 'kids-x'; }
const app = new Koa();
const parent = new Router();
const kids = new Router();
kids.use(requireUser);
kids.get('/x', getKidsX);
parent.use('/kids', kids.routes());
app.use(parent.routes());
`,
      },
      errors: [{
        messageId: 'bypass', file: 'app.js', line: 8, column: 10,
        data: {
          auth: 'requireUser', prefix: '/kids', pkg: '@koa/router', version: '15.0.0', from: 'declared',
          variant: 'GET /KIDS/x', route: 'GET /kids/x (app.js:9)', fixed: FIXED, checked: '15.7.0',
        },
      }],
    },
  ],
});
