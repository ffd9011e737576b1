// Koa auth verdicts on routes: koa-jwt and koa-unless exactly (string paths exact, RegExps
// unanchored, ctx.originalUrl unless useOriginalUrl: false), passthrough is not protection,
// koa-passport, and custom middleware followed through imports and factories.
import { expectRoutes } from '../../workspace';

const HEAD = `const Koa = require('koa');
const Router = require('@koa/router');
const jwt = require('koa-jwt');
async function h(ctx) { ctx.body = 'ok'; }
const app = new Koa();
const r = new Router();
`;

describe('koa auth verdicts', () => {
  it('koa-jwt .unless({ path }): a string exempts exactly that path, a RegExp any path containing a match', () => {
    expectRoutes({ 'app.js': `${HEAD}app.use(jwt({ secret: 's' }).unless({ path: ['/login', /\\/assets/] }));
r.post('/login', h);
r.post('/login/again', h);
r.get('/assets/site.css', h);
r.get('/admin/assets-report', h);
r.get('/orders', h);
app.use(r.routes());
` }, [
      'POST /login [jwt.unless] ⚠', 'POST /login/again [jwt.unless] 🔒', 'GET /assets/site.css [jwt.unless] ⚠',
      'GET /admin/assets-report [jwt.unless] ⚠', 'GET /orders [jwt.unless] 🔒',
    ]);
  });

  it('koa-jwt .unless(fn): the custom function is not read, so every route it covers says so (easy-mock)', () => {
    expectRoutes({ 'app.js': `${HEAD}app.use(jwt({ secret: 's' }).unless((ctx) => !/^\\/api/.test(ctx.path)));
r.get('/mock/x', h);
r.get('/api/orders', h);
app.use(r.routes());
` }, ['GET /mock/x [jwt.unless] 🔒', 'GET /api/orders [jwt.unless] 🔒'], [
      'GET /mock/x: jwt.unless at app.js:7 exempts what a custom function returns true for; it is not read, so this route may not be protected',
      'GET /api/orders: jwt.unless at app.js:7 exempts what a custom function returns true for; it is not read, so this route may not be protected',
    ]);
  });

  it('koa-jwt .unless({ method, ext }) exempts by method and by extension', () => {
    expectRoutes({ 'app.js': `${HEAD}app.use(jwt({ secret: 's' }).unless({ method: ['GET'], ext: ['.css'] }));
r.get('/feed', h);
r.post('/styles/site.css', h);
r.post('/orders', h);
app.use(r.routes());
` }, ['GET /feed [jwt.unless] ⚠', 'POST /styles/site.css [jwt.unless] ⚠', 'POST /orders [jwt.unless] 🔒']);
  });

  it('koa-jwt .unless() in a koa-mount sub-app tests the original URL unless useOriginalUrl: false', () => {
    expectRoutes({ 'app.js': `${HEAD}const mount = require('koa-mount');
const auth = new Koa();
auth.use(jwt({ secret: 's' }).unless({ path: ['/login'] }));
const ar = new Router();
ar.post('/login', h);
auth.use(ar.routes());
const accounts = new Koa();
accounts.use(jwt({ secret: 's' }).unless({ path: ['/signup'], useOriginalUrl: false }));
r.post('/signup', h);
accounts.use(r.routes());
app.use(mount('/auth', auth));
app.use(mount('/accounts', accounts));
` }, ['POST /auth/login [jwt.unless] 🔒', 'POST /accounts/signup [jwt.unless] ⚠']);
  });

  it('koa-jwt with passthrough: true protects nothing; a later check of ctx.state.user does', () => {
    expectRoutes({ 'app.js': `${HEAD}async function requireUser(ctx, next) { if (!ctx.state.user) ctx.throw(401); await next(); }
app.use(jwt({ secret: 's', passthrough: true }));
r.get('/feed', h);
r.get('/settings', requireUser, h);
app.use(r.routes());
` }, ['GET /feed [jwt] ⚠', 'GET /settings [jwt > requireUser] 🔒']);
  });

  it("koa-passport's authenticate() protects", () => {
    expectRoutes({ 'app.js': `${HEAD}const passport = require('koa-passport');
r.get('/me', passport.authenticate('jwt', { session: false }), h);
app.use(r.routes());
` }, ['GET /me [passport.authenticate] 🔒']);
  });

  it('custom middleware from another file and from a factory (auth({ role })) is read through the import', () => {
    expectRoutes({
      'auth.js': `exports.auth = function auth({ role }) {
  return async function requireRole(ctx, next) {
    if (!ctx.state.user || ctx.state.user.role !== role) { ctx.status = 403; ctx.body = 'no'; return; }
    await next();
  };
};
exports.requireSession = async (ctx, next) => { ctx.assert(ctx.session.user, 401); await next(); };
`,
      'app.js': `${HEAD}const { auth, requireSession } = require('./auth');
r.get('/admin', auth({ role: 'admin' }), h);
r.get('/me', requireSession, h);
app.use(r.routes());
`,
    }, ['GET /admin [requireRole] 🔒', 'GET /me [requireSession] 🔒']);
  });

  it('a check a configuration flag swaps for one without it (an undecided `if` reassigning the variable) still protects (koa-blog)', () => {
    expectRoutes({
      'app.js': `${HEAD}function checkSession() {
  return async function requireLogin(ctx, next) { if (!ctx.session.user) { ctx.redirect('/login'); return; } await next(); };
}
let check = checkSession();
if (process.env.NO_CACHE) check = async function noCheck(ctx, next) { await next(); };
r.get('/self', check, h);
r.get('/public', async function loose(ctx, next) { await next(); }, h);
app.use(r.routes());
`,
    }, ['GET /self [noCheck] 🔒', 'GET /public [loose] ⚠']);
  });
});
