// The Koa oracle fixtures and what framework-semantics.md §3 says the real Koa and its routers do
// with them (the spec shape is harness/fixture-spec.ts). Every fixture runs under Koa 2 and 3 with
// each router package; rows marked router-version dependent say per router what happens. In a
// trace, `name:after` is where name's code after `await next()` changed the response (its chain
// entry's `when: 'after'`, K9); code after next() that leaves the response alone is not shown.

import type { KoaRouterTag, KoaTag } from './koa/boot';
import { p, type FixtureSpec } from './harness/fixture-spec';
import type { Fate } from './harness/route-truth';

const CASE_BOUNDED: KoaRouterTag[] = ['@koa/router 12', '@koa/router 13', '@koa/router 15'];
const RAW_REGEXP: KoaRouterTag[] = ['koa-router 14'];
const PREFIX_CASE_CHECKED: KoaRouterTag[] = ['@koa/router 12', '@koa/router 13'];
const PREFIX_CASE_BYPASSED: KoaRouterTag[] = ['koa-router 14', '@koa/router 15'];
const PATH_TO_REGEXP_6: KoaRouterTag[] = ['@koa/router 12', '@koa/router 13'];
const PATH_TO_REGEXP_8: KoaRouterTag[] = ['@koa/router 15', 'koa-router 14'];
// A path-less use() on a router whose prefix or mount path has a parameter: koa-router 14 compiles
// the use-path as a raw RegExp (K11) in which ':tenant' is literal text, so the use never runs.
const PARAM_USE_PATH_PUBLIC: Partial<Record<KoaTag, Fate>> = { '@koa/router 12': 'protected', '@koa/router 13': 'protected', '@koa/router 15': 'protected', 'koa-router 14': 'public' };
// An HS256 JWT of { sub: 'ada' } signed with the koa-jwt fixtures' secret ('fixture-secret'), no expiry.
const FIXTURE_JWT = 'Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhZGEifQ.EocQJ9enMtH_9iEEVvZhLPRnlnwfivMwZILH7kRkXDQ';

export const KOA_FIXTURES: FixtureSpec<KoaTag>[] = [
  {
    dir: 'k-error-handler-first', entry: 'app.js', row: 'error-handler-first',
    title: "an error-catching middleware catches only what runs inside its next(): a router used before it gets Koa's default 500",
    routes: { 'GET /early/boom': 'public', 'GET /late/boom': 'public' },
    probes: [p('GET /early/boom', 'no-auth', 500, 'earlyBoom'), p('GET /late/boom', 'no-auth', 503, 'errorHandler>lateBoom>errorHandler:after')],
  },
  {
    dir: 'k1-use-after-router', entry: 'app.js', row: 'K1',
    title: "app.use(auth) after the router's routes() does not run for a matched route; a handler that awaits next() runs before it",
    routes: { 'GET /x': 'public', 'GET /y': 'public' },
    probes: [
      p('GET /x', 'no-auth', 200, 'getX'), p('GET /y', 'no-auth', 401, 'tryNext>requireUser'), p('GET /y', 'auth', 200, 'tryNext>requireUser'),
      p('GET /nope', 'no-auth', 401, 'requireUser'), p('GET /nope', 'auth', 404, 'requireUser'),
    ],
  },
  {
    dir: 'k2-router-use-order', entry: 'app.js', row: 'K2, K3',
    title: 'router.use(auth) covers only the router routes after it, and runs only when a route of that router matches',
    routes: { 'GET /x': 'public', 'GET /y': 'public', 'GET /z': 'protected' },
    probes: [
      p('GET /x', 'no-auth', 200, 'logRequest>getX'), p('GET /y', 'no-auth', 401, 'logRequest>tryNext>requireUser'),
      p('GET /z', 'auth', 200, 'logRequest>requireUser>getZ'), p('GET /nope', 'auth', 404, ''), p('POST /x', 'auth', 404, ''),
    ],
  },
  {
    dir: 'k3-router-use-unmatched', entry: 'app.js', row: 'K3',
    title: 'a router holding only use(auth) never runs it, so the next router is not covered',
    routes: { 'GET /data': 'public' },
    probes: [p('GET /data', 'no-auth', 200, 'getData'), p('GET /nope', 'no-auth', 404, '')],
  },
  {
    dir: 'k5-nested-router', entry: 'app.js', row: 'K5',
    title: "a nested router's use(auth), cloned into the parent, covers the parent's later route under its mount path",
    routes: { 'GET /p-before': 'public', 'GET /kids/c': 'protected', 'GET /p-after': 'public', 'GET /kids/direct': 'protected' },
    probes: [p('GET /kids/direct', 'auth', 200, 'requireUser>getDirect'), p('GET /kids/c', 'no-auth', 401, 'requireUser'), p('GET /p-after', 'no-auth', 200, 'getAfter')],
  },
  {
    dir: 'k8-late-route', entry: 'app.js', row: 'K8',
    title: "a route added to a router after its mount and after app.use(auth) takes the router's position: no auth",
    routes: { 'GET /late': 'public', 'GET /admin': 'protected' },
    probes: [p('GET /late', 'no-auth', 200, 'getLate'), p('GET /admin', 'no-auth', 401, 'requireUser'), p('GET /admin', 'auth', 200, 'requireUser>getAdmin')],
  },
  {
    dir: 'k14-generator-middleware', entry: 'app.js', row: 'K14',
    title: 'generator middleware: Koa 2 converts and runs it; Koa 3 never runs it and the chain stops (404)',
    routes: { 'GET /me': { 'koa 2': 'protected', 'koa 3': 'unreachable' } },
    probes: [
      p('GET /me', 'no-auth', 401, 'requireUser', ['koa 2']), p('GET /me', 'auth', 200, 'requireUser>getMe', ['koa 2']),
      p('GET /me', 'auth', 404, '', ['koa 3']),
    ],
  },
  {
    dir: 'k11-use-path-prefix', entry: 'app.js', row: 'K11',
    title: "router.use('/admin', auth): a case-insensitive segment prefix, except in koa-router 14 (a raw case-sensitive RegExp)",
    routes: {
      'GET /admin': 'protected', 'GET /admin/x': 'protected',
      'GET /administrator': { '@koa/router 12': 'public', '@koa/router 13': 'public', '@koa/router 15': 'public', 'koa-router 14': 'protected' },
      'GET /Admin/y': { '@koa/router 12': 'protected', '@koa/router 13': 'protected', '@koa/router 15': 'protected', 'koa-router 14': 'public' },
      'GET /x/admin': { '@koa/router 12': 'public', '@koa/router 13': 'public', '@koa/router 15': 'public', 'koa-router 14': 'protected' },
    },
    probes: [
      p('GET /ADMIN/x', 'no-auth', 401, 'requireAdmin', CASE_BOUNDED), p('GET /ADMIN/x', 'no-auth', 200, 'getAdminX', RAW_REGEXP),
      p('GET /admin/', 'no-auth', 401, 'requireAdmin'), p('GET /administrator', 'no-auth', 200, 'getAdministrator', CASE_BOUNDED),
    ],
    analyserOnly: { tag: '@koa/router 15', why: 'K11: koa-router 14 reads the use-path as a raw case-sensitive RegExp, the other routers do not; the fixture declares @koa/router ^15.7.0 in package.json' },
  },
  {
    dir: 'k12-prefix-case-bypass', entry: 'app.js', row: 'K12',
    title: 'a path-less use(auth) on a prefixed or nested router is skipped for /API/... and /KIDS/... from @koa/router 14 on, and in koa-router 14',
    routes: { 'GET /api/secret': 'protected', 'GET /kids/x': 'protected' },
    probes: [
      p('GET /API/secret', 'no-auth', 401, 'requireUser', PREFIX_CASE_CHECKED), p('GET /API/secret', 'no-auth', 200, 'getSecret', PREFIX_CASE_BYPASSED),
      p('GET /KIDS/x', 'no-auth', 401, 'requireUser', PREFIX_CASE_CHECKED), p('GET /KIDS/x', 'no-auth', 200, 'getKidsX', PREFIX_CASE_BYPASSED),
      p('GET /api/secret', 'no-auth', 401, 'requireUser'),
    ],
    analyserOnly: { tag: '@koa/router 15', why: 'K12: @koa/router 14-15 and koa-router 14 skip the use for a case variant of the prefix, 12 and 13 do not; the fixture declares @koa/router ^15.7.0 in package.json' },
  },
  {
    dir: 'k4-same-prefix', entry: 'app.js', row: 'K4',
    title: "two routers with the same prefix: the first router's use(auth) does not reach the second router's routes",
    routes: { 'GET /api/orders': 'protected', 'GET /api/health': 'public' },
    probes: [p('GET /api/health', 'no-auth', 200, 'getHealth'), p('GET /api/orders', 'no-auth', 401, 'requireUser')],
  },
  {
    dir: 'k6-route-level-auth', entry: 'app.js', row: 'K6',
    title: 'route-level auth runs before its handler; a duplicate registration of the same path never runs',
    routes: { 'GET /shop/account': 'protected', 'GET /shop/account#2': 'unreachable', 'GET /shop/products': 'public' },
    probes: [p('GET /shop/account', 'no-auth', 401, 'requireUser'), p('GET /shop/account', 'auth', 200, 'requireUser>getAccount')],
  },
  {
    dir: 'k7-shadowing', entry: 'app.js', row: 'K7',
    title: '/users/:id registered before /users/me answers /users/me: the later route and its auth never run',
    routes: { 'GET /users/:id': 'public', 'GET /users/me': 'unreachable' },
    probes: [p('GET /users/me', 'no-auth', 200, 'getUser'), p('GET /users/me', 'auth', 200, 'getUser')],
  },
  {
    dir: 'k7-shadow-next', entry: 'app.js', row: 'K7',
    title: 'a shadowing route that calls next() hands /users/me on to the later route, whose auth then runs',
    routes: { 'GET /users/:id': 'public', 'GET /users/me': 'protected' },
    probes: [p('GET /users/me', 'no-auth', 401, 'getUser>requireUser'), p('GET /users/me', 'auth', 200, 'getUser>requireUser>getMe')],
  },
  {
    dir: 'k9-auth-after-next', entry: 'app.js', row: 'K9',
    title: 'auth that checks after await next(): the handler has already run when it sets 401, so the route is not protected',
    routes: { 'POST /account/delete': 'public' },
    probes: [p('POST /account/delete', 'no-auth', 401, 'checkUser>deleteAccount>checkUser:after'), p('POST /account/delete', 'auth', 200, 'checkUser>deleteAccount')],
  },
  {
    dir: 'k10-all-guard', entry: 'app.js', row: 'K10',
    title: "router.all('/reports', auth) guards the GET route after it, and runs for POST too",
    routes: { 'ALL /reports': 'public', 'GET /reports': 'protected' },
    probes: [p('GET /reports', 'no-auth', 401, 'requireUser'), p('GET /reports', 'auth', 200, 'requireUser>getReports'), p('POST /reports', 'no-auth', 401, 'requireUser')],
  },
  {
    dir: 'k10-param-order', entry: 'app.js', row: 'K10',
    title: 'a router.param() handler runs before route-level auth, also for a route registered before router.param()',
    routes: { 'GET /orders/:orderId': 'protected', 'POST /orders/:orderId/cancel': 'protected' },
    probes: [
      p('GET /orders/7', 'no-auth', 401, 'loadOrder>requireUser'), p('GET /orders/7', 'auth', 200, 'loadOrder>requireUser>getOrder'),
      p('POST /orders/7/cancel', 'auth', 200, 'loadOrder>requireUser>cancelOrder'),
    ],
  },
  {
    dir: 'k-named-redirect', entry: 'app.js', row: 'K10',
    title: 'named routes and router.redirect(): the redirect is a public route for every method at the old path',
    routes: { 'GET /home': 'public', 'GET /people/:name': 'protected', 'ALL /index.html': 'public' },
    probes: [p('GET /index.html', 'no-auth', 301, '(anonymous)'), p('GET /people/ada', 'no-auth', 401, 'requireUser'), p('GET /people/ada', 'auth', 200, 'requireUser>getProfile')],
  },
  {
    dir: 'k-router-without-new', entry: 'app.js', row: 'K1',
    title: 'Router() without new (only @koa/router 12 accepts it), router.prefix() and router.middleware() after app.use(auth): covered',
    routes: { 'GET /todos': 'protected' },
    probes: [p('GET /todos', 'no-auth', 401, 'requireUser'), p('GET /todos', 'auth', 200, 'requireUser>listTodos')],
    // Only @koa/router 12 exports a function; the others are classes (the fixture declares @koa/router ^12.0.2).
    bootError: { '@koa/router 13': 'CLASS_WITHOUT_NEW', '@koa/router 15': 'CLASS_WITHOUT_NEW', 'koa-router 14': 'CLASS_WITHOUT_NEW' },
  },
  {
    dir: 'k12-prefix-method', entry: 'app.js', row: 'K12',
    title: "router.prefix('/v1') after a path-less use(auth): /V1/invoices skips the auth from @koa/router 14 on and in koa-router 14",
    routes: { 'GET /v1/invoices': 'protected' },
    probes: [
      p('GET /V1/invoices', 'no-auth', 401, 'requireUser', PREFIX_CASE_CHECKED), p('GET /V1/invoices', 'no-auth', 200, 'getInvoices', PREFIX_CASE_BYPASSED),
      p('GET /v1/invoices', 'no-auth', 401, 'requireUser'),
    ],
    analyserOnly: { tag: '@koa/router 15', why: 'K12: @koa/router 14-15 and koa-router 14 skip the use for a case variant of the prefix, 12 and 13 do not; the fixture declares @koa/router ^15.7.0 in package.json' },
  },
  {
    dir: 'k12-param-prefix', entry: 'app.js', row: 'K11, K12',
    title: "a prefix with a parameter (/t/:tenant): @koa/router 12-15 run the use(auth) for /T/acme/billing too (no case bypass); koa-router 14 reads ':tenant' literally in its raw RegExp and never runs it",
    routes: { 'GET /t/:tenant/billing': PARAM_USE_PATH_PUBLIC },
    probes: [
      p('GET /T/acme/billing', 'no-auth', 401, 'requireUser', CASE_BOUNDED), p('GET /t/acme/billing', 'auth', 200, 'requireUser>getBilling', CASE_BOUNDED),
      p('GET /t/acme/billing', 'no-auth', 200, 'getBilling', RAW_REGEXP),
    ],
    analyserOnly: { tag: '@koa/router 15', why: 'K11: koa-router 14 compiles a use-path with a parameter as a raw RegExp that never matches, the other routers match it; the fixture declares @koa/router ^15.7.0 in package.json' },
  },
  {
    dir: 'k5-nested-allowed-methods', entry: 'app.js', row: 'K5',
    title: "posts.use('/:pid/comments', comments.routes(), comments.allowedMethods()) under a prefixed parent: both prefixes, the child's use(auth) only on the child's routes",
    routes: { 'GET /posts': 'public', 'GET /posts/:pid/comments': PARAM_USE_PATH_PUBLIC, 'POST /posts/:pid/comments': PARAM_USE_PATH_PUBLIC },
    probes: [
      p('GET /posts/1/comments', 'no-auth', 401, 'requireUser', CASE_BOUNDED), p('POST /posts/1/comments', 'auth', 201, 'requireUser>addComment', CASE_BOUNDED),
      p('POST /posts/1/comments', 'no-auth', 201, 'addComment', RAW_REGEXP),
    ],
    analyserOnly: { tag: '@koa/router 15', why: "K11: koa-router 14 never runs the nested router's use() under a mount path with a parameter; the fixture declares @koa/router ^15.7.0 in package.json" },
  },
  {
    dir: 'k-auth-forms', entry: 'app.js', row: 'K6',
    title: 'ctx.throw(401), ctx.assert(user, 401) and ctx.status = 403 without next() all stop the chain before the handler',
    routes: { 'GET /cart': 'protected', 'GET /profile': 'protected', 'GET /audit': 'protected' },
    probes: [
      p('GET /cart', 'no-auth', 401, 'throwUnlessUser'), p('GET /profile', 'no-auth', 401, 'assertUser'), p('GET /audit', 'no-auth', 403, 'forbidUnlessAdmin'),
      p('GET /profile', 'auth', 200, 'assertUser>getProfile'),
    ],
  },
  {
    dir: 'k-jwt-unless', entry: 'app.js', row: 'K1',
    title: 'koa-jwt .unless({ path }): a string exempts exactly that pathname (query ignored), a RegExp is unanchored and exempts /admin/assets-report',
    authorization: FIXTURE_JWT,
    routes: { 'POST /login': 'public', 'GET /assets/site.css': 'public', 'GET /admin/assets-report': 'public', 'GET /orders': 'protected' },
    probes: [
      p('POST /login?next=/orders', 'no-auth', 200, '(anonymous)>login'), p('POST /login/', 'no-auth', 401, '(anonymous)'), p('POST /LOGIN', 'no-auth', 401, '(anonymous)'),
      p('GET /orders', 'no-auth', 401, '(anonymous)'), p('GET /orders', 'auth', 200, '(anonymous)>getOrders'),
    ],
  },
  {
    dir: 'k-jwt-passthrough', entry: 'app.js', row: 'K1',
    title: 'koa-jwt with passthrough: true protects nothing by itself; a later check of ctx.state.user does',
    authorization: FIXTURE_JWT,
    routes: { 'GET /feed': 'public', 'GET /settings': 'protected' },
    probes: [p('GET /feed', 'no-auth', 200, 'jwt>getFeed'), p('GET /settings', 'no-auth', 401, 'jwt>requireUser'), p('GET /settings', 'auth', 200, 'jwt>requireUser>getSettings')],
  },
  {
    dir: 'k13-body-after-router', entry: 'app.js', row: 'K13',
    title: 'a router mounted before app.use(bodyParser()) sees no ctx.request.body (reading a field throws), one after it does',
    routes: { 'POST /notes': 'public', 'POST /tags': 'public' },
    probes: [p('POST /notes', 'no-auth', 500, 'handleErrors>createNote>handleErrors:after'), p('POST /tags', 'no-auth', 201, 'handleErrors>bodyParser>createTag')],
  },
  {
    dir: 'k-compose-array', entry: 'app.js', row: 'K1',
    title: 'app.use(compose([log, auth])) runs the array in its position: the router before it is not covered, the one after it is; a composed array as route-level middleware',
    routes: { 'GET /status': 'public', 'GET /metrics': 'protected', 'GET /logs': 'protected', 'GET /billing': 'protected' },
    probes: [
      p('GET /status', 'no-auth', 200, 'getStatus'), p('GET /billing', 'no-auth', 401, 'logRequest>requireUser'), p('GET /billing', 'auth', 200, 'logRequest>requireUser>getBilling'),
      p('GET /logs', 'no-auth', 403, 'logRequest>requireAdmin'), p('GET /metrics', 'auth', 200, 'logRequest>requireAdmin>getMetrics'),
    ],
  },
  {
    dir: 'k-mount-sub-app', entry: 'app.js', row: 'K1',
    title: "koa-mount: the sub-app's routes get the mount path, run the sub-app's own order, and the parent's later auth does not cover them",
    routes: { 'GET /admin/health': 'public', 'GET /admin/users': 'protected', 'GET /me': 'protected' },
    probes: [
      p('GET /admin/users', 'no-auth', 403, 'requireAdmin'), p('GET /admin/nope', 'auth', 404, 'requireAdmin>requireUser'),
      p('GET /ADMIN/users', 'auth', 404, 'requireUser'), p('GET /me', 'no-auth', 401, 'requireUser'),
    ],
  },
  {
    dir: 'kx-routes-cjs', entry: 'app.js', row: 'X',
    title: 'CommonJS: a router exported from its file and mounted with .routes(), and one exported as router.routes()',
    routes: { 'GET /home': 'public', 'GET /orders': 'protected', 'GET /orders/:id': 'protected' },
    probes: [p('GET /orders/3', 'no-auth', 401, 'requireUser'), p('GET /home', 'no-auth', 200, 'getHome')],
  },
  {
    dir: 'kx-routes-esm', entry: 'app.mjs', row: 'X, K5',
    title: "ES modules: a default-exported router, and a named one nested with api.use('/admin', auth, admin.routes())",
    routes: { 'GET /health': 'public', 'GET /api/admin/audits': 'protected' },
    probes: [p('GET /api/admin/audits', 'no-auth', 403, 'requireAdmin'), p('GET /api/admin/audits', 'auth', 200, 'requireAdmin>listAudits')],
  },
  {
    dir: 'kx-routes-ts', entry: 'app.ts', row: 'X, K2',
    title: 'TypeScript: a default-exported prefixed router whose use(auth) covers only the routes after it',
    routes: { 'GET /projects': 'public', 'POST /projects': 'protected', 'DELETE /projects/:id': 'protected' },
    probes: [p('POST /projects', 'no-auth', 401, 'requireUser'), p('GET /projects', 'no-auth', 200, 'listProjects')],
  },
  {
    dir: 'kx-router-factory-ts', entry: 'app.ts', row: 'X, K5',
    title: 'TypeScript: a router factory given the auth; the guard covers only the nested members router',
    routes: { 'GET /teams/:teamId': 'public', 'GET /teams/:teamId/members': PARAM_USE_PATH_PUBLIC },
    probes: [
      p('GET /teams/7/members', 'no-auth', 401, 'requireMember', CASE_BOUNDED), p('GET /teams/7/members', 'no-auth', 200, 'listMembers', RAW_REGEXP),
      p('GET /teams/7', 'no-auth', 200, 'getTeam'),
    ],
    analyserOnly: { tag: '@koa/router 15', why: "K11: koa-router 14 never runs the nested router's use() under a mount path with a parameter; the fixture declares @koa/router ^15.7.0 in package.json" },
  },
  {
    dir: 'k15-v6-optional-param', entry: 'app.js', row: 'K15',
    title: "'/docs/:page?' (path-to-regexp 6) serves /docs and /docs/2 on @koa/router 12 and 13; @koa/router 15 and koa-router 14 refuse it",
    routes: { 'GET /docs/:page?': { '@koa/router 12': 'protected', '@koa/router 13': 'protected' } },
    probes: [p('GET /docs', 'no-auth', 401, 'requireUser', PATH_TO_REGEXP_6), p('GET /docs/intro', 'auth', 200, 'requireUser>getDocs', PATH_TO_REGEXP_6)],
    bootError: { '@koa/router 15': 'PATH_SYNTAX', 'koa-router 14': 'PATH_SYNTAX' },
  },
  {
    dir: 'k15-v8-wildcard', entry: 'app.js', row: 'K15',
    title: "'/files/*path' (path-to-regexp 8) serves /files/a/b on @koa/router 15 and koa-router 14; @koa/router 12 and 13 refuse it",
    routes: { 'GET /health': { '@koa/router 15': 'public', 'koa-router 14': 'public' }, 'GET /files/*path': { '@koa/router 15': 'protected', 'koa-router 14': 'protected' } },
    probes: [p('GET /files/a/b', 'no-auth', 401, 'requireUser', PATH_TO_REGEXP_8), p('GET /files/a/b', 'auth', 200, 'requireUser>getFile', PATH_TO_REGEXP_8)],
    bootError: { '@koa/router 12': 'PATH_SYNTAX', '@koa/router 13': 'PATH_SYNTAX' },
  },
  {
    dir: 'k15-path-matching', entry: 'app.js', row: 'K15',
    title: 'routes match case-insensitively and with one trailing slash; a doubled slash or %72eports is a 404 where nothing runs',
    routes: { 'GET /reports/daily': 'protected' },
    probes: [
      p('GET /REPORTS/Daily', 'no-auth', 401, 'requireUser'), p('GET /reports/daily/', 'no-auth', 401, 'requireUser'),
      p('GET /reports/daily//', 'no-auth', 404, ''), p('GET /reports//daily', 'no-auth', 404, ''), p('GET /%72eports/daily', 'no-auth', 404, ''),
    ],
  },
  {
    dir: 'k-jwt-unless-mounted', entry: 'app.js', row: 'K1',
    title: 'koa-jwt .unless() in a koa-mount sub-app tests ctx.originalUrl (mount path included) unless useOriginalUrl: false',
    authorization: FIXTURE_JWT,
    routes: { 'POST /auth/login': 'protected', 'POST /accounts/signup': 'public', 'GET /accounts/me': 'protected' },
    probes: [p('POST /auth/login', 'no-auth', 401, '(anonymous)'), p('POST /accounts/signup', 'no-auth', 201, '(anonymous)>signup'), p('GET /accounts/me', 'no-auth', 401, '(anonymous)')],
  },
  {
    dir: 'k14-generator-router-use', entry: 'app.js', row: 'K14',
    title: 'router.use(function*) is not converted on Koa 2 or 3: it never runs and the routes after it are unreachable (404)',
    routes: { 'GET /health': 'public', 'GET /me': 'unreachable' },
    probes: [p('GET /me', 'auth', 404, ''), p('GET /health', 'no-auth', 200, 'getHealth')],
  },
];
