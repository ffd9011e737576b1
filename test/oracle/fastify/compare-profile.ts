// How the analyser's Fastify routes will line up with what the real Fastify lists and runs (used
// once the Fastify adapter exists; until then fastify.oracle.test.ts is pending).

import type { ComparisonProfile } from '../harness/compare-routes';

export const FASTIFY_PROFILE: ComparisonProfile = {
  framework: 'fastify',
  // Fixtures name their hooks; plugins' built-ins (`bound _auth` for @fastify/auth, F8) get an entry
  // here when a fixture uses one.
  sourceName: (runtimeName) => (runtimeName === 'bound _auth' ? 'auth' : runtimeName),
  // Fastify keeps `/t` and `/t/` apart (F14): paths are compared as written.
  routePath: (analysedPath) => analysedPath,
  // exposeHeadRoutes (on by default) answers HEAD with the GET route and its hooks (F12).
  headRunsGetChain: true,
  // preSerialization, onSend and onResponse hooks are calls Fastify makes after the handler.
  comparesAfterHandler: true,
};
