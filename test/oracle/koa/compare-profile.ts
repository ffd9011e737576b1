// How the analyser's Koa routes line up with what the real Koa routers list and run.

import type { ComparisonProfile } from '../harness/compare-routes';

export const KOA_PROFILE: ComparisonProfile = {
  framework: 'koa',
  // Fixtures name their middleware; built-ins run under their own names (koa-bodyparser's
  // `bodyParser`, koa-jwt's `jwt`), koa-unless wrappers (`jwt(...).unless(...)`) and
  // router.redirect() handlers as `(anonymous)` (koa/tracing.ts): they get an entry here when the
  // analyser names them otherwise. The analyser names a koa-unless wrapper around koa-jwt `jwt.unless`
  // (its source text); the fixtures' only anonymous function before a handler is one.
  sourceName: (runtimeName) => (runtimeName === '(anonymous)' ? 'jwt.unless' : runtimeName),
  // router.stack keeps each layer's path as written, with the prefix applied.
  routePath: (analysedPath) => analysedPath,
  // A GET layer also answers HEAD (its methods are ['HEAD', 'GET']), with the same chain (K10).
  headRunsGetChain: true,
};
