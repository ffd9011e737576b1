// The Express oracle fixtures and what framework-semantics.md §1 says the real express does with
// them (the spec shape is harness/fixture-spec.ts).

import type { ExpressMajor } from './express/boot';
import { p, type FixtureSpec } from './harness/fixture-spec';

export const EXPRESS_FIXTURES: FixtureSpec<ExpressMajor>[] = [
  {
    dir: 'e1-use-after-route', entry: 'app.js', row: 'E1',
    title: 'app.use(auth) covers only routes registered after it; a next()-calling handler runs before it',
    routes: { 'GET /x': 'public', 'GET /y': 'public', 'GET /z': 'protected' },
    probes: [p('GET /x', 'no-auth', 200, 'getX'), p('GET /y', 'auth', 404, 'tryNext>requireUser'), p('GET /nope', 'auth', 404, 'requireUser'), p('GET /nope', 'no-auth', 401, 'requireUser')],
  },
  {
    dir: 'e2-router-order', entry: 'app.js', row: 'E2',
    title: 'router.use(auth) covers only the router routes after it (module.exports = router)',
    routes: { 'GET /items': 'public', 'GET /items/:id': 'protected' },
    probes: [p('GET /items', 'no-auth', 200, 'listItems'), p('GET /items/7', 'no-auth', 401, 'requireUser')],
  },
  {
    dir: 'e3-mount-order', entry: 'app.js', row: 'E3',
    title: 'a router mounted before app.use(auth) is not covered, one mounted after is (exports.x = router)',
    routes: { 'GET /api/x': 'public', 'GET /api2/x': 'protected' },
    probes: [p('GET /api/x', 'no-auth', 200, 'listPublic'), p('GET /api2/x', 'auth', 200, 'requireUser>listPrivate')],
  },
  {
    dir: 'e4-late-route', entry: 'app.js', row: 'E4',
    title: "a route added to a router after its mount takes the router's position",
    routes: { 'GET /api/early': 'public', 'GET /api/late': 'public', 'GET /after': 'protected' },
    probes: [p('GET /api/late', 'no-auth', 200, 'getLate')],
  },
  {
    dir: 'e5-router-use-leaks', entry: 'app.js', row: 'E5',
    title: "a path-less router's use(auth) leaks to the app routes registered after the mount",
    routes: { 'GET /before': 'public', 'GET /me': 'protected', 'GET /health': 'protected' },
    probes: [p('GET /health', 'no-auth', 401, 'requireUser'), p('GET /health', 'auth', 200, 'requireUser>getHealth'), p('GET /nope', 'auth', 404, 'requireUser')],
  },
  {
    dir: 'e6-same-mount', entry: 'app.mjs', row: 'E6',
    title: "a router's use(auth) covers a later router on the same mount path, not an earlier one (ESM)",
    routes: { 'GET /api/products': 'public', 'GET /api/stats': 'protected', 'GET /api/daily': 'protected', 'GET /outside': 'public' },
    probes: [p('GET /api/daily', 'auth', 200, 'requireUser>getDaily'), p('GET /api/nope', 'no-auth', 401, 'requireUser'), p('GET /nope', 'auth', 404, '')],
  },
  {
    dir: 'e7-nested-router', entry: 'app.js', row: 'E7',
    title: "a nested child router's use(auth) covers the parent's later routes under the child's mount",
    routes: { 'GET /par/p-before': 'public', 'GET /par/kids/c': 'protected', 'GET /par/p-after': 'public', 'GET /par/kids/direct': 'protected' },
    probes: [p('GET /par/kids/direct', 'auth', 200, 'requireUser>getDirect'), p('GET /par/p-after', 'no-auth', 200, 'getAfter')],
  },
  {
    dir: 'e8-prefix-case', entry: 'app.js', row: 'E8',
    title: "use('/admin', auth) is a segment-bounded, case-insensitive prefix",
    routes: {
      'GET /admin': 'protected', 'GET /admin/x': 'protected', 'GET /Admin/y': 'protected', 'GET /administrator': 'public',
      'GET /admin-x': 'public', 'GET /admin.json': 'public', 'GET /x/admin': 'public',
    },
    probes: [
      p('GET /Admin/x', 'no-auth', 401, 'requireAdmin'), p('GET /ADMIN', 'no-auth', 401, 'requireAdmin'), p('GET /admin/', 'no-auth', 401, 'requireAdmin'),
      p('GET /admin?q=1', 'no-auth', 401, 'requireAdmin'), p('GET /Admin/x', 'auth', 200, 'requireAdmin>getAdminX'),
      p('GET /administrator', 'no-auth', 200, 'getAdministrator'), p('GET /admin.json', 'no-auth', 200, 'getAdminJson'),
      p('GET /%61dmin/x', 'no-auth', 404, ''), p('GET /admin%2Fx', 'no-auth', 404, ''),
    ],
  },
  {
    dir: 'e8-use-auth-and-router', entry: 'app.ts', row: 'E8',
    title: "use('/admin', auth, router) in one call covers the router; /administrators is outside the prefix (TS)",
    routes: { 'GET /admin/users': 'protected', 'GET /admin/settings': 'protected', 'GET /administrators': 'public' },
    probes: [p('GET /ADMIN/users', 'auth', 200, 'requireAdmin>listUsers'), p('GET /administrators', 'no-auth', 200, 'listAdministrators')],
  },
  {
    dir: 'e9-case-sensitive-app', entry: 'app.ts', row: 'E9',
    title: "'case sensitive routing' on the app: use('/admin') misses /Admin/export; a Router() inside stays case-insensitive but its mount does not (TS)",
    routes: {
      'GET /admin/stats': 'protected', 'GET /Admin/export': 'public',
      'GET /reports/Internal/summary': 'protected', 'GET /REPORTS/internal/legacy': 'public',
    },
    probes: [
      p('GET /Admin/export', 'no-auth', 200, 'exportUsers'), p('GET /admin/stats', 'no-auth', 401, 'requireAdmin'), p('GET /ADMIN/stats', 'auth', 404, ''),
      p('GET /reports/INTERNAL/summary', 'no-auth', 401, 'requireAdmin'), p('GET /REPORTS/internal/legacy', 'no-auth', 200, 'getLegacySummary'),
    ],
  },
  {
    dir: 'e9-case-sensitive-router', entry: 'app.js', row: 'E9',
    title: "Router({ caseSensitive: true }) under a case-insensitive app: the app's use('/admin') still covers /Admin/x, the router's use('/audit') misses /Audit/log and /AUDIT/export",
    routes: {
      'GET /Admin/x': 'protected', 'GET /Audit/log': 'public', 'GET /audit/log': 'protected',
      'GET /AUDIT/export': 'public', 'GET /audit/archive': 'protected',
    },
    probes: [
      p('GET /Admin/x', 'no-auth', 401, 'requireAdmin'), p('GET /Audit/log', 'no-auth', 200, 'readAuditLogCopy'),
      p('GET /AUDIT/export', 'no-auth', 200, 'exportAudit'), p('GET /audit/archive', 'auth', 200, 'requireAuditor>getArchive'),
    ],
  },
  {
    dir: 'e10-late-case-setting', entry: 'app.ts', row: 'E10',
    title: "app.set('case sensitive routing', true) after the first route (added by a helper in another file) has no effect (TS)",
    routes: { 'GET /health': 'public', 'GET /Admin/stats': 'protected' },
    probes: [p('GET /HEALTH', 'no-auth', 200, 'getHealth'), p('GET /Admin/stats', 'no-auth', 401, 'requireAdmin'), p('GET /admin/STATS', 'auth', 200, 'requireAdmin>getStats')],
  },
  {
    dir: 'e10-param-then-setting', entry: 'app.js', row: 'E10',
    title: "app.param() creates the router, so app.enable('case sensitive routing') after it has no effect",
    routes: { 'GET /Admin/users/:id': 'protected' },
    probes: [p('GET /Admin/users/7', 'no-auth', 401, 'requireAdmin'), p('GET /admin/USERS/7', 'auth', 200, 'requireAdmin>loadUser>getUser')],
  },
  {
    dir: 'e11-array-paths', entry: 'app.ts', row: 'E11',
    title: 'arrays of use-paths and of route paths (TS)',
    routes: { 'GET /list': 'public', 'GET /everything': 'public', 'GET /a/:id': 'protected', 'GET /b/:id': 'protected', 'GET /c/:id': 'public' },
    probes: [p('GET /b/2', 'auth', 200, 'requireUser>getB'), p('GET /c/3', 'no-auth', 200, 'getC')],
  },
  {
    dir: 'e11-regexp-use', entry: 'app.js', row: 'E11',
    title: 'a RegExp use-path needs a segment boundary after the match',
    routes: { 'GET /re': 'protected', 'GET /re/x': 'protected', 'GET /rex': 'public' },
    probes: [p('GET /rex', 'no-auth', 200, 'getRex'), p('GET /re/x', 'no-auth', 401, 'requireUser')],
  },
  {
    dir: 'e11-regexp-dot', entry: 'app.js', row: 'E11',
    title: "after a RegExp use-path '.' is a boundary in express 4 only",
    routes: { 'GET /re.x': { 4: 'protected', 5: 'public' } },
    probes: [p('GET /re.x', 'no-auth', 401, 'requireUser', [4]), p('GET /re.x', 'no-auth', 200, 'getReDot', [5])],
    analyserOnly: { tag: 5, why: "E11: express 4 treats '.' as a boundary after a RegExp use-path and 5 does not; the fixture declares express ^5 in package.json" },
  },
  {
    dir: 'e12-all-before-verbs', entry: 'app.js', row: 'E12',
    title: 'app.all(path, auth) before get/post runs for every method; after app.get it does not run for GET',
    routes: { 'ALL /x': 'public', 'GET /x': 'protected', 'POST /x': 'protected', 'GET /y': 'public', 'ALL /y': 'public' },
    probes: [
      p('DELETE /x', 'auth', 404, 'requireUser'), p('HEAD /x', 'no-auth', 401, 'requireUser'), p('OPTIONS /x', 'no-auth', 401, 'requireUser'),
      p('GET /y', 'no-auth', 200, 'getY'),
    ],
  },
  {
    dir: 'e13-route-object', entry: 'app.js', row: 'E13',
    title: 'inside app.route(path) all(auth) covers only the verbs chained after it',
    routes: { 'ALL /r': 'public', 'GET /r': 'protected', 'POST /r': 'protected', 'GET /s': 'public', 'ALL /s': 'public', 'POST /s': 'protected' },
    probes: [p('POST /r', 'auth', 200, 'requireUser>requireAdmin>postR'), p('GET /s', 'no-auth', 200, 'getS'), p('PUT /s', 'no-auth', 401, 'requireUser')],
  },
  {
    dir: 'e14-head', entry: 'app.js', row: 'E14',
    title: 'HEAD runs the GET chain unless an explicit head() is registered before the GET',
    routes: { 'GET /g': 'protected', 'HEAD /g2': 'public', 'GET /g2': 'protected', 'GET /g3': 'public', 'HEAD /g3': 'unreachable' },
    probes: [
      p('HEAD /g', 'no-auth', 401, 'requireUser'), p('HEAD /g', 'auth', 200, 'requireUser>getG'), p('HEAD /g2', 'no-auth', 200, 'headG2'),
      p('HEAD /g3', 'auth', 200, 'getG3'), p('OPTIONS /g', 'no-auth', 200, ''),
    ],
  },
  {
    dir: 'e15-param-scope', entry: 'app.js', row: 'E15',
    title: "app.param fires for the app's routes and mount paths, not inside a sub-router; params run before route middleware",
    routes: { 'GET /a/:id': 'protected', 'GET /m/:id/b/:id': 'public', 'GET /b/:id': 'public' },
    probes: [
      p('GET /a/1', 'no-auth', 401, 'loadAppId>requireUser'), p('GET /b/2', 'auth', 200, 'loadRouterId>getBook'),
      p('GET /m/3/b/4', 'auth', 200, 'loadAppId>loadRouterId>getBook'),
    ],
  },
  {
    dir: 'e16-nested-arrays', entry: 'app.mjs', row: 'E16',
    title: 'nested and spread arrays of middleware flatten in order (ESM)',
    routes: { 'GET /arr': 'protected', 'GET /spread': 'protected' },
    probes: [p('GET /arr', 'auth', 200, 'countRequest>stampRequest>logRequest>requireUser>auditLog>getArr'), p('GET /spread', 'no-auth', 401, 'countRequest>stampRequest>requireUser')],
  },
  {
    dir: 'e17-next-route', entry: 'app.js', row: 'E17',
    title: "next('route') in route-level auth falls through to the next route with the same path, which runs without that auth",
    routes: { 'GET /report': 'protected', 'GET /report#2': 'public', 'GET /audit': 'protected' },
    probes: [
      p('GET /report', 'no-auth', 200, 'requireAdmin>getPublicReport'), p('GET /report', 'auth', 200, 'requireAdmin>getFullReport'),
      p('GET /audit', 'no-auth', 404, 'requireAdmin'),
    ],
  },
  {
    dir: 'e17-next-router', entry: 'app.ts', row: 'E17',
    title: "next('router') in a router.use() leaves the router; the app's later route with the same path serves the request (TS)",
    routes: { 'GET /dashboard': 'protected', 'GET /dashboard#2': 'public', 'GET /home': 'public' },
    probes: [
      p('GET /dashboard', 'no-auth', 200, 'requireStaff>getPublicDashboard'), p('GET /dashboard', 'auth', 200, 'requireStaff>getStaffDashboard'),
      p('GET /home', 'no-auth', 200, 'requireStaff>getHome'),
    ],
  },
  {
    dir: 'e18-error-handler-before', entry: 'app.js', row: 'E18',
    title: 'a 4-argument error handler before the routes is not part of their chain and never sees their errors',
    routes: { 'GET /x': 'public', 'GET /boom': 'public' },
    probes: [p('GET /x', 'auth', 200, 'getX'), p('GET /boom', 'auth', 500, 'boom>handleLateError'), p('GET /nope', 'auth', 404, 'logMiss')],
  },
  {
    dir: 'e19-default-param-error-handler', entry: 'app.js', row: 'E19',
    title: 'an error handler with a default param has length 3 and runs as ordinary middleware',
    routes: { 'GET /x': 'public', 'GET /boom': 'public' },
    probes: [p('GET /x', 'auth', 200, 'looksLikeErrorHandler>getX'), p('GET /boom', 'auth', 500, 'looksLikeErrorHandler>boom>realErrorHandler')],
  },
  {
    dir: 'e20-async-auth', entry: 'app.ts', row: 'E20',
    title: 'async auth that throws or rejects: express 4 hangs, express 5 reaches the error handler; the route stays protected in both (TS)',
    routes: { 'GET /me': 'protected', 'GET /orders': 'protected' },
    probes: [
      p('GET /me', 'no-auth', 'timeout', 'requireUser', [4]), p('GET /me', 'no-auth', 500, 'requireUser>handleError', [5]),
      p('GET /orders', 'no-auth', 500, 'requireToken>handleError', [5]), p('GET /me', 'auth', 200, 'requireUser>getMe'),
    ],
  },
  {
    dir: 'e20-async-handler', entry: 'app.js', row: 'E20',
    title: 'an async handler that rejects: express 4 hangs, express 5 reaches the error handler; with try/catch and next(err) both answer 500',
    routes: { 'GET /users/:id': 'public', 'GET /safe/:id': 'public' },
    probes: [
      p('GET /users/2', 'no-auth', 'timeout', 'getUser', [4]), p('GET /users/2', 'no-auth', 500, 'getUser>handleError', [5]),
      p('GET /safe/2', 'no-auth', 500, 'getUserCaught>handleError'), p('GET /users/1', 'no-auth', 200, 'getUser'),
    ],
  },
  {
    dir: 'e21-catch-all', entry: 'app.js', row: 'E21',
    title: 'a catch-all that does not call next() makes later routes unreachable',
    routes: { 'GET /before': 'public', 'GET /after': 'unreachable' },
    probes: [p('GET /after', 'auth', 404, 'notFound'), p('GET /before', 'no-auth', 200, 'getBefore')],
  },
  {
    dir: 'e22-guard-routes', entry: 'app.js', row: 'E22',
    title: 'a guard-only route (checkBadge alone) runs in front of the later route with the same path; one with no later route guards nothing',
    // A guard's own last function runs for every request, so the runtime calls the guards 'public';
    // that they stop a request without the header is what the probes and the guards' chains check.
    routes: { 'GET /api/users': 'public', 'POST /api/users': 'public', 'GET /api/products': 'public', 'GET /api/users#2': 'protected', 'POST /api/users#2': 'protected', 'GET /api/orders': 'public' },
    probes: [p('GET /api/users', 'auth', 200, 'checkBadge>listUsers'), p('GET /api/users', 'no-auth', 401, 'checkBadge'), p('GET /api/orders', 'auth', 404, 'checkBadge')],
  },
  {
    dir: 'e22-shadowing', entry: 'app.mjs', row: 'E22',
    title: 'first match wins: /users/me after /users/:id is shadowed, /files/me before /files/:id is not (ESM)',
    routes: { 'GET /users/:id': 'public', 'GET /users/me': 'unreachable', 'GET /files/me': 'public', 'GET /files/:id': 'protected' },
    probes: [p('GET /users/me', 'auth', 200, 'getUser'), p('GET /files/me', 'no-auth', 200, 'getMyFiles')],
  },
  {
    dir: 'e22-shadow-next', entry: 'app.js', row: 'E22',
    title: "an earlier matching route's handler that calls next() runs before the later route and its auth",
    routes: { 'GET /items/:id': 'public', 'GET /items/secret': 'protected' },
    probes: [p('GET /items/secret', 'auth', 200, 'logItemAccess>requireUser>getSecret'), p('GET /items/secret', 'no-auth', 401, 'logItemAccess>requireUser')],
  },
  {
    dir: 'e23-reject-and-next', entry: 'app.js', row: 'E23',
    title: 'auth that sends 401 and still calls next() does not protect: the handler runs anyway',
    routes: { 'DELETE /orders': 'public', 'GET /admins': 'protected', 'GET /staff': 'protected' },
    probes: [
      p('DELETE /orders', 'no-auth', 401, 'requireUser>deleteAllOrders'), p('DELETE /orders', 'auth', 204, 'requireUser>deleteAllOrders'),
      p('GET /admins', 'no-auth', 403, 'requireAdmin'), p('GET /staff', 'no-auth', 401, 'requireStaff'),
    ],
  },
  {
    dir: 'e24-trailing-slash-case', entry: 'app.mjs', row: 'E24',
    title: 'routes ignore case and a trailing slash, so a later route differing only in those is shadowed (ESM)',
    routes: {
      'GET /status': 'public', 'GET /Health': 'public', 'GET /health': 'unreachable', 'GET /export': 'public', 'GET /export#2': 'unreachable',
      'GET /reports/daily': 'public', 'GET /Reports/Daily': 'unreachable',
    },
    probes: [
      p('GET /status', 'no-auth', 200, 'getStatus'), p('GET /status/', 'no-auth', 200, 'getStatus'), p('GET /STATUS', 'no-auth', 200, 'getStatus'),
      p('GET /status?x', 'no-auth', 200, 'getStatus'), p('GET /status//', 'no-auth', 404, ''), p('GET /health', 'auth', 200, 'getHealth'),
      p('GET /export', 'auth', 200, 'exportSummary'), p('GET /Reports/Daily/', 'auth', 200, 'getDaily'),
    ],
  },
  {
    dir: 'e25-sub-app', entry: 'app.js', row: 'E25',
    title: "a mounted sub-app is not covered by the parent's later use(auth); its 404s fall through to the parent",
    routes: { 'GET /sub/status': 'public', 'GET /sub/audit': 'protected', 'GET /own': 'protected' },
    probes: [p('GET /sub/status', 'no-auth', 200, 'getStatus'), p('GET /sub/nope', 'auth', 404, 'requireAdmin>requireUser'), p('GET /sub/audit', 'auth', 200, 'requireAdmin>getAudit')],
  },
  {
    dir: 'syntax-star-express4', entry: 'app.js', row: 'E22, syntax',
    title: "express 4 `*` matches every path and is held as written: app.options('*', cors) hides later OPTIONS routes; under /api it is /api* and covers /api, not /apix",
    routes: {
      'OPTIONS /api*': 'public', 'OPTIONS /api/ping': 'unreachable', 'GET /api/ping': 'public',
      'OPTIONS *': 'public', 'OPTIONS /upload': 'unreachable', 'GET /upload': 'public',
    },
    probes: [
      p('OPTIONS /api', 'no-auth', 204, 'apiPreflight'), p('OPTIONS /api/ping', 'no-auth', 204, 'apiPreflight'), p('OPTIONS /apix', 'no-auth', 204, 'allowCors'),
      p('OPTIONS /', 'no-auth', 204, 'allowCors'), p('OPTIONS /upload', 'no-auth', 204, 'allowCors'), p('GET /upload', 'no-auth', 200, 'getUpload'),
    ],
    bootsOn: { tag: 4, why: 'syntax: express 5 throws `Missing parameter name` on `*`; the fixture declares express ^4' },
  },
  {
    dir: 'syntax-splat-express5', entry: 'app.js', row: 'E22, syntax',
    title: 'express 5 `/*splat` matches every path but `/`, `/{*splat}` matches `/` too (also /api under a mount); both held as written',
    routes: {
      'GET /api/{*splat}': 'public', 'GET /api/status': 'unreachable', 'GET /*splat': 'public',
      'GET /': 'public', 'GET /docs': 'unreachable', 'POST /docs': 'public',
    },
    probes: [
      p('GET /api', 'no-auth', 404, 'apiFallback'), p('GET /api/status', 'no-auth', 404, 'apiFallback'), p('GET /', 'no-auth', 200, 'getHome'),
      p('GET /docs', 'no-auth', 200, 'renderApp'), p('GET /apix/y', 'no-auth', 200, 'renderApp'), p('POST /docs', 'no-auth', 201, 'postDocs'),
    ],
    bootsOn: { tag: 5, why: 'syntax: express 4 reads `/*splat` as `/(.*)splat` and `{*splat}` literally; the fixture declares express ^5' },
  },
  {
    dir: 'x-export-default-router', entry: 'app.mjs', row: 'X',
    title: '`export default Router().use(auth).get(...)` covers only its own mount path (E6)',
    routes: { 'GET /public': 'public', 'GET /admin/panel': 'protected', 'GET /after': 'public' },
    probes: [p('GET /admin/panel', 'auth', 200, 'requireUser>getPanel'), p('GET /after', 'no-auth', 200, 'getAfter')],
  },
  {
    dir: 'x-router-factory', entry: 'app.js', row: 'X',
    title: 'a function that builds and returns a router, called for two mount paths',
    routes: { 'GET /v1/users': 'public', 'GET /v1/users/:id': 'protected', 'GET /v2/users': 'public', 'GET /v2/users/:id': 'protected' },
    probes: [p('GET /v2/users/9', 'auth', 200, 'requireUser>getUser')],
  },
  {
    dir: 'x-require-role', entry: 'app.ts', row: 'X',
    title: "auth factory requireRole('admin') from another file (TS)",
    routes: { 'GET /health': 'public', 'GET /stats': 'protected', 'DELETE /users/:id': 'protected', 'GET /me': 'protected' },
    probes: [p('GET /stats', 'auth', 200, 'requireUser>requireRole>getStats'), p('DELETE /users/5', 'no-auth', 401, 'requireRole')],
  },
  {
    dir: 'x-mount-loop', entry: 'app.js', row: 'X',
    title: 'routers mounted in a for-of loop over [{ path, route }] from routes/index.js',
    routes: { 'GET /health': 'public', 'GET /users': 'public', 'GET /orders': 'protected', 'GET /orders/:id': 'protected' },
    probes: [p('GET /orders/4', 'auth', 200, 'requireUser>getOrder'), p('GET /users', 'no-auth', 200, 'listUsers')],
  },
  {
    dir: 'x-mount-loop-ts', entry: 'app.ts', row: 'X',
    title: 'routers mounted with forEach over a typed table; auth after the loop covers none (TS)',
    routes: { 'GET /products': 'public', 'GET /invoices/:id': 'protected' },
    probes: [p('GET /products', 'no-auth', 200, 'listProducts'), p('GET /nope', 'no-auth', 401, 'requireUser')],
  },
  {
    dir: 'x-readdir-loop', entry: 'app.js', row: 'X',
    title: 'routes loaded by listing folders: readdirSync(__dirname) calling each file with the app, and routers mounted at their file names',
    routes: { 'GET /health': 'public', 'GET /account/profile': 'protected', 'GET /orders': 'protected', 'GET /users': 'public' },
    probes: [p('GET /account/profile', 'auth', 200, 'requireUser>getProfile'), p('GET /orders', 'no-auth', 401, 'requireUser'), p('GET /users', 'no-auth', 200, 'listUsers')],
  },
  {
    dir: 'x-path-constants', entry: 'app.js', row: 'X',
    title: 'paths from constants, template literals and + across files',
    routes: { 'GET /api/v1/users': 'public', 'GET /api/v1/users/:id': 'protected', 'GET /api/v1/admin/stats': 'protected', 'GET /api/status': 'public' },
    probes: [p('GET /api/v1/admin/stats', 'auth', 200, 'requireAdmin>getStats')],
  },
  {
    dir: 'x-index-reexport', entry: 'app.ts', row: 'X',
    title: 'routers re-exported through routes/index.ts (TS)',
    routes: { 'GET /users': 'public', 'GET /orders': 'protected' },
    probes: [p('GET /orders', 'auth', 200, 'requireUser>listOrders')],
  },
  {
    dir: 'x-new-router', entry: 'app.js', row: 'X',
    title: '`new express.Router()`',
    routes: { 'GET /': 'public', 'GET /account/profile': 'protected' },
    probes: [p('GET /account/profile', 'auth', 200, 'requireUser>getProfile')],
  },
  {
    dir: 'x-router-import-esm', entry: 'app.mjs', row: 'X',
    title: "`import express, { Router } from 'express'` (ESM)",
    routes: { 'GET /api/ping': 'public', 'POST /api/items': 'protected' },
    probes: [p('POST /api/items', 'auth', 201, 'requireUser>createItem')],
  },
  {
    dir: 'x-router-import-ts', entry: 'app.ts', row: 'X',
    title: '`Router` imported by name in TypeScript, auth on one verb',
    routes: { 'GET /posts': 'public', 'PUT /posts/:id': 'protected' },
    probes: [p('PUT /posts/1', 'auth', 200, 'requireUser>updatePost')],
  },
  {
    dir: 'x-type-only-import', entry: 'app.ts', row: 'X',
    title: '`import { type UserModel }` is erased by the compiler: it loads nothing and closes no import cycle (TS)',
    routes: { 'GET /health': 'public', 'GET /profile': 'protected' },
    probes: [p('GET /profile', 'auth', 200, 'isAuthorized>getProfile'), p('GET /profile', 'no-auth', 401, 'isAuthorized')],
  },
  {
    dir: 'x-cycle-namespace', entry: 'app.ts', row: 'X',
    title: '`import * as routes` in an ESM import cycle is live: a member made after the cycle is there when read later (TS)',
    routes: { 'GET /admin': 'protected', 'GET /me': 'protected' },
    probes: [p('GET /admin', 'no-auth', 401, 'checkBadge'), p('GET /admin', 'auth', 200, 'checkBadge>getAdmin')],
  },
  {
    dir: 'x-cycle-require', entry: 'app.js', row: 'X',
    title: "`require('./routes')` in a CommonJS cycle is the unfinished exports object, filled in before it is read",
    routes: { 'GET /admin': 'protected', 'GET /me': 'protected' },
    probes: [p('GET /admin', 'no-auth', 401, 'checkBadge'), p('GET /admin', 'auth', 200, 'checkBadge>getAdmin')],
  },
  {
    dir: 'x-express-json', entry: 'app.js', row: 'X',
    title: 'express.json() / express.urlencoded() run as jsonParser / urlencodedParser',
    routes: { 'GET /items': 'public', 'POST /items': 'protected' },
    probes: [p('POST /items', 'auth', 201, 'jsonParser>urlencodedParser>requireUser>createItem'), p('GET /items', 'no-auth', 200, 'listItems')],
  },
];
