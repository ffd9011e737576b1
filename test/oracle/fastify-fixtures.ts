// The Fastify oracle fixtures and what framework-semantics.md §2 says the real Fastify does with
// them (the spec shape is harness/fixture-spec.ts). Fastify 4 and 5 agree on every row here but F12.

import type { FastifyMajor } from './fastify/boot';
import { p, type FixtureSpec } from './harness/fixture-spec';

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
];
