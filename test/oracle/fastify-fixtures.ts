// The Fastify oracle fixtures and what framework-semantics.md §2 says the real Fastify does with
// them (the spec shape is harness/fixture-spec.ts). Fastify 4 and 5 agree on every row here but F2,
// F12 and F15. Fixtures that use @fastify plugins get each plugin's major for that Fastify major
// (fastify/boot.ts); @fastify/autoload 5.10 and 6.5 gave the same routes and hooks on both Fastify
// majors for everything the autoload fixtures use (checked crosswise with printRoutes).

import type { FastifyMajor } from './fastify/boot';
import { p, type FixtureSpec } from './harness/fixture-spec';

// An HS256 JWT of { sub: 'ada' } signed with f8-jwt-verify's secret ('fixture-secret'), no expiry.
const FIXTURE_JWT = 'Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhZGEifQ.EocQJ9enMtH_9iEEVvZhLPRnlnwfivMwZILH7kRkXDQ';

export const FASTIFY_FIXTURES: FixtureSpec<FastifyMajor>[] = [
  {
    dir: 'f1-hooks-after-routes', entry: 'app.js', row: 'F1',
    title: 'addHook after a route, in a plugin after its route, in after(cb) and at the root after register(plugin): all cover the routes',
    routes: { 'GET /x': 'protected', 'GET /reports': 'protected' },
    probes: [
      p('GET /x', 'no-auth', 401, 'requireUser'), p('GET /x', 'auth', 200, 'requireUser>logAccess>getX'),
      p('GET /reports', 'auth', 200, 'requireUser>logAccess>requireAdmin>listReports'),
      p('GET /nope', 'no-auth', 401, 'requireUser'), p('GET /nope', 'auth', 404, 'requireUser>logAccess'),
    ],
  },
  {
    dir: 'f3-plugin-scope', entry: 'app.js', row: 'F3',
    title: "a hook in a plain register(plugin) covers that plugin and its children, not siblings, the root or the root's 404s",
    routes: {
      'GET /root-before': 'public', 'GET /sibling-before': 'public', 'GET /admin': 'protected', 'GET /admin/reports': 'protected',
      'GET /sibling-after': 'public', 'GET /root-after': 'public',
    },
    probes: [p('GET /admin/reports', 'auth', 200, 'requireAdmin>listAdminReports'), p('GET /sibling-after', 'no-auth', 200, 'getSiblingAfter'), p('GET /nope', 'no-auth', 404, '')],
  },
  {
    dir: 'f4-fp-hook-root', entry: 'app.mjs', row: 'F4',
    title: 'a hook in register(fp(plugin)) covers every root route: earlier ones, awaited siblings, later siblings and the 404s (ESM)',
    routes: {
      'GET /root-before': 'protected', 'GET /sibling-before': 'protected', 'GET /awaited': 'protected', 'GET /in-plugin': 'protected',
      'GET /sibling-after': 'protected', 'GET /root-after': 'protected',
    },
    probes: [p('GET /awaited', 'auth', 200, 'requireUser>getAwaited'), p('GET /nope', 'no-auth', 401, 'requireUser'), p('GET /nope', 'auth', 404, 'requireUser')],
  },
  {
    dir: 'f6-prefix-not-scope', entry: 'app.js', row: 'F6',
    title: "a prefix is not a scope: a hook under { prefix: '/v1' } misses another /v1 plugin and /v1 root routes; fp ignores the prefix; prefixes nest",
    routes: {
      'GET /v1/a': 'protected', 'GET /v1/b': 'public', 'GET /v1/c': 'public', 'GET /unprefixed': 'public',
      'GET /out/in/leaf': 'public', 'GET /out': 'public',
    },
    probes: [
      p('GET /v1/a', 'no-auth', 401, 'requireUser'), p('GET /v1/b', 'no-auth', 200, 'getB'), p('GET /ignored/unprefixed', 'no-auth', 404, ''),
      p('GET /out/', 'no-auth', 200, 'getOuterRoot'), p('GET /out/in/leaf', 'no-auth', 200, 'getLeaf'),
    ],
  },
  {
    dir: 'f7-after-handler-hooks', entry: 'app.js', row: 'F7',
    title: 'preSerialization, onSend and onResponse run after the handler, root → plugin → route per type; an auth check in onSend protects nothing',
    routes: { 'GET /api/items': 'public', 'GET /api/me': 'protected', 'GET /health': 'public' },
    probes: [
      p('GET /api/items', 'no-auth', 401, 'listItems>wrapData>addEtag>checkTokenTooLate>logTiming>countResponse'),
      p('GET /api/me', 'no-auth', 401, 'requireUser>addEtag>logTiming>countResponse'),
      p('GET /health', 'no-auth', 200, 'getHealth>addEtag>logTiming'),
    ],
  },
  {
    dir: 'f7-hook-order', entry: 'app.js', row: 'F7',
    title: "hooks run root, plugin, route-level per type; a root hook added after register(plugin) runs after the plugin's own",
    routes: { 'GET /reports': 'protected', 'GET /health': 'public' },
    probes: [
      p('GET /reports', 'auth', 200, 'tagRequest>requireUser>logRequest>checkRateLimit>checkQuota>normaliseQuery>loadSession>requireAdmin>getReport'),
      p('GET /reports', 'no-auth', 401, 'tagRequest>requireUser'),
      p('GET /health', 'no-auth', 200, 'tagRequest>logRequest>loadSession>getHealth'),
    ],
  },
  {
    dir: 'f11-duplicate-route', entry: 'app.js', row: 'F11',
    title: 'the same method and path twice in one context throws at the second registration',
    routes: {}, probes: [], bootError: 'FST_ERR_DUPLICATED_ROUTE',
  },
  {
    dir: 'f11-duplicate-across-plugins', entry: 'app.js', row: 'F11',
    title: 'the same method and path in two sibling plugins is a duplicate too: the router is global',
    routes: {}, probes: [], bootError: 'FST_ERR_DUPLICATED_ROUTE',
  },
  {
    dir: 'f12-head-after-get', entry: 'app.js', row: 'F12',
    title: 'an explicit head() after get(): Fastify 4 serves HEAD with it, without the GET route hook; Fastify 5 refuses the app',
    routes: { 'GET /report': 'protected', 'HEAD /report': 'public' },
    probes: [p('HEAD /report', 'no-auth', 200, 'headReport'), p('GET /report', 'no-auth', 401, 'requireUser')],
    bootError: { 5: 'FST_ERR_DUPLICATED_ROUTE' },
  },
  {
    dir: 'f13-static-beats-param', entry: 'app.js', row: 'F13',
    title: 'a static segment beats a parameter whatever the order: /users/me after /users/:id is reachable (plugin export)',
    routes: { 'GET /users/:id': 'public', 'GET /users/me': 'protected' },
    probes: [p('GET /users/me', 'auth', 200, 'requireUser>getMe'), p('GET /users/me', 'no-auth', 401, 'requireUser'), p('GET /users/7', 'no-auth', 200, 'getUser')],
  },
  {
    dir: 'f7-route-forms', entry: 'app.js', row: 'F7',
    title: 'route({ method: [..], url, onRequest: [..] }), route({ path, preHandler: fn }), (path, opts, handler) and (path, handler); HEAD runs the GET route hooks',
    routes: { 'GET /orders': 'protected', 'POST /orders': 'protected', 'DELETE /orders/:id': 'protected', 'POST /invoices': 'protected', 'GET /status': 'public' },
    probes: [
      p('POST /invoices', 'auth', 200, 'audit>requireUser>audit>createInvoice'), p('DELETE /orders/7', 'no-auth', 403, 'requireAdmin'),
      p('HEAD /orders', 'no-auth', 401, 'requireUser'), p('HEAD /orders', 'auth', 200, 'requireUser>listOrders'), p('HEAD /status', 'no-auth', 200, 'getStatus'),
    ],
  },
  {
    dir: 'f15-all-methods', entry: 'app.js', row: 'F15',
    title: 'all() registers 18 methods on Fastify 4 (PROPFIND, MKCOL...) and 9 on Fastify 5 (QUERY); OPTIONS without a route is a 404',
    routes: {
      'DELETE /webhooks': 'protected', 'GET /webhooks': 'protected', 'HEAD /webhooks': 'protected', 'OPTIONS /webhooks': 'protected',
      'PATCH /webhooks': 'protected', 'POST /webhooks': 'protected', 'PUT /webhooks': 'protected', 'TRACE /webhooks': 'protected',
      'PROPFIND /webhooks': { 4: 'protected' }, 'PROPPATCH /webhooks': { 4: 'protected' }, 'MKCOL /webhooks': { 4: 'protected' },
      'COPY /webhooks': { 4: 'protected' }, 'MOVE /webhooks': { 4: 'protected' }, 'LOCK /webhooks': { 4: 'protected' },
      'UNLOCK /webhooks': { 4: 'protected' }, 'SEARCH /webhooks': { 4: 'protected' }, 'REPORT /webhooks': { 4: 'protected' },
      // QUERY carries a body: Fastify 5 answers one sent without a content-type 400 after onRequest.
      'MKCALENDAR /webhooks': { 4: 'protected' }, 'QUERY /webhooks': { 5: 'unreachable' },
      'GET /orders': 'public',
    },
    probes: [
      p('PROPFIND /webhooks', 'no-auth', 401, 'verifySignature', [4]), p('PROPFIND /webhooks', 'no-auth', 404, '', [5]),
      p('QUERY /webhooks', 'no-auth', 401, 'verifySignature', [5]), p('QUERY /webhooks', 'auth', 400, 'verifySignature', [5]),
      p('OPTIONS /orders', 'no-auth', 404, ''),
    ],
  },
  {
    dir: 'f12-head-routes', entry: 'app.js', row: 'F12',
    title: 'head() before get() and head() after get({ exposeHeadRoute: false }) boot on both majors and serve HEAD without the GET hook; an automatic HEAD runs it',
    routes: { 'HEAD /files/:name': 'public', 'GET /files/:name': 'protected', 'GET /exports': 'protected', 'HEAD /exports': 'public', 'GET /reports': 'protected' },
    probes: [p('HEAD /files/a.txt', 'no-auth', 200, 'headFile'), p('HEAD /reports', 'no-auth', 401, 'requireUser'), p('HEAD /reports', 'auth', 200, 'requireUser>getReport')],
  },
  {
    dir: 'f12-route-option-typo', entry: 'app.js', row: 'F12',
    title: "the route option is exposeHeadRoute: a route-level exposeHeadRoutes: false is ignored, so Fastify 5 refuses a head() after the get(); Fastify 4 serves it",
    routes: { 'GET /exports': 'protected', 'HEAD /exports': 'public' },
    probes: [p('HEAD /exports', 'no-auth', 200, 'headExport')],
    bootError: { 5: 'FST_ERR_DUPLICATED_ROUTE' },
  },
  {
    dir: 'f6-empty-url-under-prefix', entry: 'app.js', row: 'F6',
    title: "under a prefix get('') answers at the prefix only ('/orders/' goes to '/:id' with an empty id) and get('/') at the prefix and prefix + '/'; nested '' routes",
    routes: { 'GET /orders': 'public', 'GET /orders/:id': 'public', 'GET /users': 'protected', 'GET /users/settings': 'protected' },
    probes: [
      p('GET /orders/', 'no-auth', 200, 'getOrder'), p('GET /users/', 'no-auth', 401, 'requireUser'), p('GET /users/', 'auth', 200, 'requireUser>listUsers'),
      p('GET /users/settings/', 'no-auth', 404, ''),
    ],
  },
  {
    dir: 'f6-slash-and-empty-duplicate', entry: 'app.js', row: 'F6, F11',
    title: "get('/') and get('') under the same prefix are one route twice: Fastify refuses to start",
    routes: {}, probes: [], bootError: 'FST_ERR_DUPLICATED_ROUTE',
  },
  {
    dir: 'f5-fp-inside-plugin', entry: 'app.js', row: 'F5',
    title: "an fp() plugin registered inside an encapsulated plugin covers that plugin and its children, not the root or a sibling with the same prefix",
    routes: { 'GET /health': 'public', 'GET /api/orders': 'protected', 'GET /api/billing/invoices': 'protected', 'GET /api/docs': 'public' },
    probes: [p('GET /api/billing/invoices', 'auth', 200, 'requireUser>listInvoices'), p('GET /api/docs', 'no-auth', 200, 'getDocs'), p('GET /api/nope', 'no-auth', 404, '')],
  },
  {
    dir: 'f14-trailing-slash-case', entry: 'app.js', row: 'F14',
    title: "by default '/orders/' and '/Orders' are 404s before any route hook, while '/%6Frders' is decoded to '/orders'",
    routes: { 'GET /orders': 'protected' },
    probes: [
      p('GET /orders/', 'no-auth', 404, ''), p('GET /Orders', 'no-auth', 404, ''),
      p('GET /%6Frders', 'no-auth', 401, 'requireUser'), p('GET /%6Frders', 'auth', 200, 'requireUser>listOrders'),
    ],
  },
  {
    dir: 'f4-decorator-visibility', entry: 'app.js', row: 'F3, F4',
    title: "a decorator from an fp() plugin is visible to sibling plugins, one from a plain plugin is not: onRequest: instance.requireAdmin there is undefined and the route boots public",
    routes: { 'GET /admin': 'protected', 'GET /orders': 'protected', 'GET /reports': 'public' },
    probes: [p('GET /orders', 'no-auth', 401, 'authenticate'), p('GET /admin', 'auth', 200, 'requireAdmin>getAdmin'), p('GET /reports', 'no-auth', 200, 'listReports')],
  },
  {
    dir: 'f3-decorator-not-visible', entry: 'app.js', row: 'F3',
    title: "onRequest: [instance.authenticate] where a plain plugin's decorator is not visible: Fastify 4 and 5 refuse the route at startup",
    routes: {}, probes: [], bootError: 'FST_ERR_HOOK_INVALID_HANDLER',
  },
  {
    dir: 'f8-fastify-auth', entry: 'app.js', row: 'F8',
    title: "@fastify/auth: auth([a, b]) is OR (public when one alternative lets guests in), { relation: 'and' } needs all; registering it protects nothing",
    routes: { 'GET /orders': 'protected', 'GET /catalog': 'public', 'GET /admin': 'protected', 'GET /health': 'public' },
    probes: [
      p('GET /orders', 'no-auth', 401, 'bound _auth'), p('GET /orders', 'auth', 200, 'bound _auth>listOrders'),
      p('GET /catalog', 'no-auth', 200, 'bound _auth>listCatalog'), p('GET /admin', 'no-auth', 401, 'bound _auth'),
    ],
  },
  {
    dir: 'f8-jwt-verify', entry: 'app.js', row: 'F8, F9',
    title: '@fastify/jwt: registering it protects nothing; request.jwtVerify() in a decorator used as a route hook, and in a plugin onRequest hook, does',
    authorization: FIXTURE_JWT,
    routes: { 'POST /login': 'public', 'GET /feed': 'public', 'GET /profile': 'protected', 'GET /account/invoices': 'protected' },
    probes: [
      p('GET /profile', 'no-auth', 401, 'authenticate'), p('GET /profile', 'auth', 200, 'authenticate>getProfile'),
      p('GET /account/invoices', 'no-auth', 401, 'verifyJwt'), p('GET /account/nope', 'auth', 404, ''),
    ],
  },
  {
    dir: 'f4-get-decorator-symbol', entry: 'app.js', row: 'F4, F9',
    title: "getDecorator(kChecker) reads what an fp plugin decorated under a Symbol() constant; its role check hands request and reply to a helper that sends 403 (fastify/demo's shape)",
    routes: { 'DELETE /tasks/:id': 'protected', 'GET /tasks': 'public' },
    probes: [p('DELETE /tasks/1', 'no-auth', 403, 'ensureIsAdmin'), p('DELETE /tasks/1', 'auth', 200, 'ensureIsAdmin>deleteTask'), p('GET /tasks', 'no-auth', 200, 'listTasks')],
    bootsOn: { tag: 5, why: 'getDecorator() came with Fastify 5.3; Fastify 4 has no such method' },
  },
  {
    dir: 'f9-hook-replies', entry: 'app.js', row: 'F9',
    title: 'a hook that sent the reply stops the request: send and return reply, send and return nothing, send then done(), throw { statusCode }, done(err)',
    routes: { 'GET /a': 'protected', 'GET /b': 'protected', 'GET /c': 'protected', 'GET /d': 'protected', 'GET /e': 'protected' },
    probes: [
      p('GET /a', 'no-auth', 401, 'sendAndReturnReply'), p('GET /b', 'no-auth', 401, 'sendAndReturnNothing'), p('GET /c', 'no-auth', 401, 'sendThenDone'),
      p('GET /d', 'no-auth', 401, 'throwWithStatus'), p('GET /e', 'no-auth', 401, 'doneWithError'), p('GET /e', 'auth', 200, 'doneWithError>getE'),
    ],
  },
  {
    dir: 'f10-scheduled-reply', entry: 'app.js', row: 'F10',
    title: 'a hook that schedules the 401 (timer, setImmediate) or sets 401 and returns a non-reply value lets the handler run; an awaited check does not',
    routes: { 'GET /a': 'public', 'GET /b': 'public', 'GET /c': 'public', 'GET /d': 'protected' },
    probes: [
      p('GET /a', 'no-auth', 200, 'replyLater>getA'), p('GET /b', 'no-auth', 200, 'replyOnNextTick>getB'),
      p('GET /c', 'no-auth', 401, 'returnFalse>getC'), p('GET /d', 'no-auth', 401, 'awaitCheck'),
    ],
  },
  {
    dir: 'f1-exempt-by-url', entry: 'app.js', row: 'F1',
    title: "a root hook added after the routes exempts by request.url: startsWith('/auth/login') also lets '/auth/login-history' through, '/health?full=1' is not '/health'",
    routes: { 'POST /auth/login': 'public', 'GET /auth/login-history': 'public', 'GET /health': 'public', 'GET /orders': 'protected' },
    probes: [
      p('GET /health?full=1', 'no-auth', 401, 'requireUser'), p('GET /orders?next=/auth/login', 'no-auth', 401, 'requireUser'),
      p('GET /auth/login-history', 'no-auth', 200, 'requireUser>listLogins'), p('GET /nope', 'no-auth', 401, 'requireUser'),
    ],
  },
  {
    dir: 'f4-exempt-by-route-config', entry: 'app.js', row: 'F4',
    title: 'an fp() auth hook exempts the routes whose options say config: { public: true } (request.routeOptions.config), and covers the rest',
    routes: { 'POST /login': 'public', 'GET /docs/:page': 'public', 'GET /orders': 'protected' },
    probes: [p('GET /docs/intro', 'no-auth', 200, 'requireUser>getPage'), p('GET /orders', 'no-auth', 401, 'requireUser'), p('GET /nope', 'no-auth', 401, 'requireUser')],
  },
  {
    dir: 'f16-auth-reads-body', entry: 'app.js', row: 'F16',
    title: 'an API-key check reading request.body in onRequest sees undefined and lets nothing through; in preHandler the body is there',
    routes: { 'POST /orders': 'unreachable', 'POST /invoices': 'protected' },
    probes: [p('POST /orders', 'auth', 401, 'checkApiKeyTooEarly'), p('POST /invoices', 'no-auth', 401, 'checkApiKey'), p('POST /invoices', 'auth', 200, 'checkApiKey>createInvoice')],
  },
  {
    dir: 'f18-middie-use', entry: 'app.mjs', row: 'F18',
    title: "@fastify/middie use() runs before every onRequest hook after an awaited register(middie), use('/admin') is case-insensitive, use() in a plugin is scoped (ESM)",
    routes: { 'GET /admin/users': 'protected', 'GET /orders': 'public', 'GET /partners/feed': 'protected' },
    probes: [
      p('GET /admin/users', 'auth', 200, 'requireAdmin>tagRequest>listUsers'), p('GET /ADMIN/users', 'no-auth', 401, 'requireAdmin'),
      p('GET /ADMIN/users', 'auth', 404, 'requireAdmin>tagRequest'), p('GET /orders', 'no-auth', 200, 'tagRequest>listOrders'),
    ],
  },
  {
    dir: 'f3-not-found-handlers', entry: 'app.js', row: 'F3',
    title: "a 404 under a plugin's prefix runs that plugin's hooks and setNotFoundHandler; other 404s run the root's",
    routes: { 'GET /api/orders': 'protected', 'GET /health': 'public' },
    probes: [
      p('GET /api/nope', 'no-auth', 401, 'requireUser'), p('GET /api/nope', 'auth', 404, 'requireUser>apiNotFound'),
      p('GET /nope', 'no-auth', 404, 'rootNotFound'), p('GET /apinope', 'no-auth', 404, 'rootNotFound'),
    ],
  },
  {
    dir: 'f4-skip-override', entry: 'app.js', row: 'F4',
    title: "a callback plugin marked fn[Symbol.for('skip-override')] = true in its own file shares the root context: its hook covers routes of plugins registered before and after it",
    routes: { 'GET /public/terms': 'protected', 'GET /api/orders': 'protected', 'POST /api/orders': 'protected' },
    probes: [p('GET /public/terms', 'no-auth', 401, 'requireUser'), p('POST /api/orders', 'auth', 200, 'requireUser>createOrder'), p('GET /nope', 'no-auth', 401, 'requireUser')],
  },
  {
    dir: 'f1-plugin-forms-esm', entry: 'app.mjs', row: 'F1, F4',
    title: "ES modules: await register(fp plugin) decorating authenticate, register(import('./routes/orders.mjs'), { prefix }) whose hook comes after its routes, a callback plugin with done(), a route in after()",
    routes: { 'GET /orders': 'protected', 'GET /orders/:id': 'protected', 'GET /legacy': 'public', 'GET /me': 'protected' },
    probes: [p('GET /orders/', 'no-auth', 401, 'authenticate'), p('GET /orders/7', 'auth', 200, 'authenticate>getOrder'), p('GET /me', 'no-auth', 401, 'authenticate')],
  },
  {
    dir: 'f3-ts-plugin-without-fp', entry: 'app.ts', row: 'F3',
    title: 'TypeScript: an auth plugin that adds its hook without fastify-plugin protects nothing outside itself; routes that add the hook in their own plugin are protected',
    routes: { 'GET /admin/users': 'public', 'DELETE /admin/users/:id': 'public', 'GET /account': 'protected' },
    probes: [p('DELETE /admin/users/7', 'no-auth', 200, 'deleteUser'), p('GET /account/', 'no-auth', 401, 'requireUser')],
  },
  {
    dir: 'f4-ts-decorators', entry: 'app.ts', row: 'F4',
    title: 'TypeScript: a decorator typed with declare module and added through fastify-plugin is used as onRequest: [fastify.authenticate] and preHandler: fastify.authenticate',
    routes: { 'GET /orders': 'protected', 'GET /orders/:id': 'protected', 'GET /orders/:id/status': 'public' },
    probes: [p('GET /orders/7', 'no-auth', 401, 'authenticate'), p('GET /orders/7/status', 'no-auth', 200, 'getOrderStatus')],
  },
  {
    dir: 'f6-autoload-routes', entry: 'app.js', row: 'F3, F6',
    title: "@fastify/autoload: folder prefixes under options.prefix, index.js serves the folder (its siblings are not loaded), its hook misses the '_id' subfolder (routeParams), autoPrefix replaces the folder prefix",
    routes: {
      'GET /api': 'public', 'GET /api/orders': 'protected', 'GET /api/orders/:id': 'public',
      'GET /api/products': 'public', 'POST /api/products': 'protected', 'GET /api/v1/reports': 'public',
    },
    probes: [
      p('GET /api/orders/export', 'no-auth', 200, 'getOrder'), p('GET /api/orders/', 'no-auth', 401, 'requireUser'),
      p('POST /api/products', 'auth', 200, 'requireUser>createProduct'), p('GET /api/legacy/reports', 'no-auth', 404, ''),
    ],
  },
  {
    dir: 'f3-autoload-autohooks', entry: 'app.js', row: 'F3',
    title: '@fastify/autoload autoHooks: a folder autohooks.js covers the files of its folder, not its subfolders (cascadeHooks off)',
    routes: { 'GET /admin/users': 'protected', 'GET /admin/reports': 'public', 'GET /status': 'public' },
    probes: [p('GET /admin/users', 'no-auth', 403, 'requireAdmin'), p('GET /admin/reports', 'no-auth', 200, 'listReports'), p('GET /admin/nope', 'no-auth', 404, '')],
  },
  {
    dir: 'f3-autoload-cascade-hooks', entry: 'app.js', row: 'F3, F7',
    title: "@fastify/autoload cascadeHooks: a folder's autohooks.js reaches its subfolders, and a subfolder's own autohooks.js runs after it",
    routes: { 'GET /admin/users': 'protected', 'GET /admin/reports': 'protected', 'GET /admin/audit': 'protected', 'GET /status': 'public' },
    probes: [
      p('GET /admin/reports', 'no-auth', 403, 'requireAdmin'), p('GET /admin/audit', 'auth', 200, 'requireAdmin>recordAudit>listAuditEntries'),
      p('GET /status', 'no-auth', 200, 'getStatus'),
    ],
  },
  {
    dir: 'f4-autoload-cli-app', entry: 'app.mjs', row: 'F4',
    title: "the fastify-cli shape (ESM): an exported plugin autoloads plugins/ (fp decorator) then routes/ under /api; routes opt in with onRequest: [fastify.authenticate]",
    routes: { 'GET /api/health': 'public', 'GET /api/orders': 'protected', 'POST /api/orders': 'protected' },
    probes: [p('GET /api/orders', 'no-auth', 401, 'authenticate'), p('POST /api/orders', 'auth', 200, 'authenticate>createOrder')],
  },
  {
    dir: 'f2-hook-after-ready', entry: 'app.mjs', row: 'F2',
    title: 'addHook after await app.ready() throws: FST_ERR_INSTANCE_ALREADY_LISTENING on Fastify 4, AVV_ERR_ROOT_PLG_BOOTED on Fastify 5 (ESM)',
    routes: {}, probes: [], bootError: { 4: 'FST_ERR_INSTANCE_ALREADY_LISTENING', 5: 'AVV_ERR_ROOT_PLG_BOOTED' },
  },
  {
    dir: 'f9-sensible-errors', entry: 'app.js', row: 'F9',
    title: "@fastify/sensible: return reply.unauthorized(), throw httpErrors.forbidden(), and reply.unauthorized() then done() all stop the request; registering it protects nothing",
    routes: { 'GET /orders': 'protected', 'GET /admin': 'protected', 'GET /invoices': 'protected', 'GET /health': 'public' },
    probes: [
      p('GET /orders', 'no-auth', 401, 'requireUser'), p('GET /admin', 'no-auth', 403, 'requireAdmin'),
      p('GET /invoices', 'no-auth', 401, 'requireUserThenDone'), p('GET /invoices', 'auth', 200, 'requireUserThenDone>listInvoices'),
    ],
  },
  {
    dir: 'f6-autoload-ts', entry: 'app.ts', row: 'F4, F6',
    title: "@fastify/autoload in TypeScript: an fp() hook in plugins/ covers every routes/ file, exempting '/health' by request.url; folders prefix their files",
    routes: { 'GET /health': 'public', 'GET /orders': 'protected' },
    probes: [p('GET /orders/', 'no-auth', 401, 'requireUser'), p('GET /health?x=1', 'no-auth', 401, 'requireUser')],
  },
  {
    dir: 'x-fastify-named-factory', entry: 'app.js', row: 'X',
    title: "an app made with require('fastify').fastify(opts): a root preHandler hook covers its routes and the root 404s",
    routes: { 'GET /orders': 'protected' },
    probes: [p('GET /orders', 'no-auth', 401, 'requireUser'), p('GET /nope', 'no-auth', 401, 'requireUser'), p('GET /nope', 'auth', 404, 'requireUser')],
  },
  {
    dir: 'x-type-provider-ts', entry: 'app.ts', row: 'X',
    title: 'TypeScript: an app made with Fastify(opts).withTypeProvider<T>(), a schema route in a prefixed plugin with its own hook',
    routes: { 'GET /version': 'public', 'GET /orders/:id': 'protected' },
    probes: [p('GET /orders/7', 'no-auth', 401, 'requireUser'), p('GET /orders/7', 'auth', 200, 'requireUser>getOrder')],
  },
];
