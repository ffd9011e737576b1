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
];
