import { koa3GeneratorMiddleware } from '../../../src/rules/koa3-generator-middleware';
import { runRuleTests } from './rule-tester';

const koa = (version: string) => JSON.stringify({ dependencies: { koa: version, '@koa/router': '^13.1.1' } });

/** An app.use(function*) before a router with two routes. */
const APP_GENERATOR = `const Koa = require('koa');
const Router = require('@koa/router');
function* requireUser(next) { if (!this.get('authorization')) { this.status = 401; return; } yield next; }
const app = new Koa();
const router = new Router();
router.get('/me', async ctx => { ctx.body = 'me'; });
router.get('/orders', async ctx => { ctx.body = []; });
app.use(requireUser);
app.use(router.routes());
`;

runRuleTests(koa3GeneratorMiddleware, {
  valid: [
    {
      name: 'async middleware on Koa 3',
      files: {
        'package.json': koa('^3.3.0'),
        'app.js': APP_GENERATOR.replace(
          "function* requireUser(next) { if (!this.get('authorization')) { this.status = 401; return; } yield next; }",
          "async function requireUser(ctx, next) { if (!ctx.get('authorization')) { ctx.status = 401; return; } await next(); }",
        ),
      },
    },
    {
      name: 'a generator function that is not middleware (a helper the handler iterates)',
      files: {
        'package.json': koa('^3.3.0'),
        'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
function* ids() { yield 1; yield 2; }
const app = new Koa();
const router = new Router();
router.get('/ids', async ctx => { ctx.body = [...ids()]; });
app.use(router.routes());
`,
      },
    },
  ],
  invalid: [
    {
      name: 'app.use(function*) on Koa 3: never runs, every route after it 404s (K14)',
      files: { 'package.json': koa('^3.3.0'), 'app.js': APP_GENERATOR },
      errors: [{
        messageId: 'koa3', file: 'app.js', line: 8, column: 9,
        data: { name: 'requireUser', version: '3.3.0', routes: ': 2 routes (GET /me first)' },
      }],
    },
    {
      name: 'app.use(function*) on Koa 2: converted and run, deprecated (K14, info)',
      files: { 'package.json': koa('^2.16.0'), 'app.js': APP_GENERATOR },
      errors: [{ messageId: 'koa2', file: 'app.js', line: 8, column: 9, data: { name: 'requireUser', version: '2.16.0' } }],
    },
    {
      name: 'app.use(function*) with no Koa version found',
      files: { 'package.json': JSON.stringify({ dependencies: { '@koa/router': '^13.1.1' } }), 'app.js': APP_GENERATOR },
      errors: [{ messageId: 'versionUnknown', file: 'app.js', line: 8, column: 9, data: { name: 'requireUser' } }],
    },
    {
      name: 'router.use(function*) on Koa 2: the router never converts it, the route after it 404s (K14)',
      files: {
        'package.json': koa('^2.16.0'),
        'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
function* requireUser(next) { if (!this.get('authorization')) { this.status = 401; return; } yield next; }
const app = new Koa();
const router = new Router();
router.get('/health', async ctx => { ctx.body = 'ok'; });
router.use(requireUser);
router.get('/me', async ctx => { ctx.body = 'me'; });
app.use(router.routes());
`,
      },
      errors: [{
        messageId: 'router', file: 'app.js', line: 7, column: 12,
        data: { name: 'requireUser', where: "a router's use()", routes: 'GET /me answers' },
      }],
    },
  ],
});
