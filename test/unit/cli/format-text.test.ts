import * as assert from 'assert';
import { formatText } from '../../../src/cli/format-text';
import { analyse } from '../workspace';

describe('formatText', () => {
  it('in colour, the only escape sequences on a terminal are its own colours', () => {
    const r = analyse({
      'app.js': String.raw`const app = require('express')();
app.get('/\u001b[31mred\u001b[0m\u0007\r\n\u202eevil', (req, res) => res.end());
app.use('/\u009b2J', require('express').Router().get('/x', (req, res) => res.end()));
`,
    });
    const text = formatText(r, true, ['express']);
    const withoutOwnColours = text.replace(/\u001b\[\d+m/g, '');
    assert.deepStrictEqual(withoutOwnColours.split('\n').filter(l => /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(l)), []);
    assert.ok(withoutOwnColours.includes('GET    /\\u001b[31mred\\u001b[0m\\u0007\\u000d\\u000a\\u202eevil  ⚠ no auth'), text);
    assert.ok(withoutOwnColours.includes('  /\\u009b2J\n'), text);
  });

  it('names the frameworks it looked for when it finds no app', () => {
    const r = analyse({ 'index.js': 'module.exports = 1;\n' });
    assert.strictEqual(formatText(r, false, ['express']).split('\n')[0], 'No Express app found.');
    assert.strictEqual(formatText(r, false, ['express', 'koa']).split('\n')[0], 'No Express or Koa app found.');
    assert.strictEqual(formatText(r, false, ['express', 'fastify', 'koa']).split('\n')[0], 'No Express, Fastify or Koa app found.');
  });

  it('lists Fastify routes by context (plugin, prefix, scope) and names the phase of each hook', () => {
    const r = analyse({ 'app.js': `const fastify = require('fastify');
function authenticate(request, reply, done) { if (!request.headers.authorization) return reply.code(401).send(); done(); }
function audit(request, reply, done) { done(); }
async function ok() { return 'ok'; }
const app = fastify();
app.get('/health', ok);
app.register(async function admin(instance) {
  instance.addHook('onRequest', authenticate);
  instance.get('/', { preHandler: audit }, ok);
  instance.register(async function reports(child) { child.get('/reports', ok); }, { prefix: '/r' });
}, { prefix: '/admin' });
` });
    assert.strictEqual(formatText(r, false, ['fastify']).split('\n').slice(0, 9).join('\n'), [
      'fastify app  app.js:5',
      '  ③ GET    /health  ⚠ no auth  app.js:6',
      '  plugin admin  /admin · encapsulated  app.js:7',
      '    ③ GET    /admin  🔒 authenticate  app.js:9',
      '        onRequest: authenticate → preHandler: audit → handler',
      '    plugin reports  /admin/r · encapsulated  app.js:10',
      '      ③ GET    /admin/r/reports  🔒 authenticate  app.js:10',
      '          onRequest: authenticate → handler',
      '',
    ].join('\n'));
  });

  it("marks a Koa chain entry whose code runs after await next() (K9)", () => {
    const r = analyse({ 'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
async function checkUser(ctx, next) { await next(); if (!ctx.state.user) ctx.status = 401; }
const app = new Koa();
const router = new Router();
app.use(checkUser);
router.post('/delete', async (ctx) => { ctx.body = 'gone'; });
app.use(router.routes());
` });
    assert.ok(formatText(r, false, ['koa']).includes('    checkUser (after next()) → handler\n'), formatText(r, false, ['koa']));
  });

  it('lists Koa routes by router (the name it is mounted by, prefix, where it is created), a koa-mount path beside it', () => {
    const r = analyse({ 'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
const mount = require('koa-mount');
async function jwt(ctx, next) { if (!ctx.get('authorization')) { ctx.status = 401; return; } await next(); }
const app = new Koa();
const open = new Router();
open.get('/health', async (ctx) => { ctx.body = 'ok'; });
const orders = new Router({ prefix: '/orders' });
orders.use(jwt);
orders.get('/', async (ctx) => { ctx.body = []; });
const admin = new Koa();
const users = new Router();
users.get('/users', async (ctx) => { ctx.body = []; });
admin.use(users.routes());
app.use(open.routes());
app.use(orders.routes());
app.use(mount('/admin', admin));
` });
    assert.strictEqual(formatText(r, false, ['koa']).split('\n').slice(0, 9).join('\n'), [
      'koa app  app.js:5',
      '  router open  no prefix  app.js:6',
      '    ③ GET    /health  ⚠ no auth  app.js:7',
      '  router orders  /orders  app.js:8',
      '    ③ GET    /orders  🔒 jwt  app.js:10',
      '        jwt → handler',
      '  router users  no prefix · mounted at /admin  app.js:12',
      '    ③ GET    /admin/users  ⚠ no auth  app.js:13',
      'koa app  app.js:11',
    ].join('\n'));
  });

  it('K5: a nested Koa router sits under the router that cloned it in, with the prefix its routes get there', () => {
    const r = analyse({ 'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
async function requireUser(ctx, next) { if (!ctx.get('authorization')) { ctx.status = 401; return; } await next(); }
const app = new Koa();
const api = new Router({ prefix: '/api' });
const kids = new Router();
kids.use(requireUser);
kids.get('/x', async (ctx) => { ctx.body = 'x'; });
api.get('/health', async (ctx) => { ctx.body = 'ok'; });
api.use('/kids', kids.routes());
app.use(api.routes());
` });
    assert.strictEqual(formatText(r, false, ['koa']).split('\n').slice(0, 6).join('\n'), [
      'koa app  app.js:4',
      '  router api  /api  app.js:5',
      '    ③ GET    /api/health  ⚠ no auth  app.js:9',
      '    router kids  /api/kids  app.js:6',
      '      ③ GET    /api/kids/x  🔒 requireUser  app.js:8',
      '          requireUser → handler',
    ].join('\n'));
  });
});
