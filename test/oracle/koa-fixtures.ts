// The Koa oracle fixtures and what framework-semantics.md §3 says the real Koa and its routers do
// with them (the spec shape is harness/fixture-spec.ts). Every fixture runs under Koa 2 and 3 with
// each router package; rows marked router-version dependent say per router what happens.

import type { KoaRouterTag, KoaTag } from './koa/boot';
import { p, type FixtureSpec } from './harness/fixture-spec';

const CASE_BOUNDED: KoaRouterTag[] = ['@koa/router 12', '@koa/router 13', '@koa/router 15'];
const RAW_REGEXP: KoaRouterTag[] = ['koa-router 14'];
const PREFIX_CASE_CHECKED: KoaRouterTag[] = ['@koa/router 12', '@koa/router 13'];
const PREFIX_CASE_BYPASSED: KoaRouterTag[] = ['koa-router 14', '@koa/router 15'];

export const KOA_FIXTURES: FixtureSpec<KoaTag>[] = [
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
];
