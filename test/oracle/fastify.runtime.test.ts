// Checks the runtime side of the Fastify oracle: for every fixture under Fastify 4 and 5, the real
// Fastify must list exactly the expected routes, give each the expected fate, and produce the
// traces that framework-semantics.md §2 records (or refuse to start, F11). If this file fails, the
// oracle itself is wrong (or Fastify changed); the analyser is not involved.

import { FASTIFY_RUNTIMES } from './fastify/boot';
import { FASTIFY_FIXTURES } from './fastify-fixtures';
import { runtimeTruthTests } from './harness/runtime-truth-tests';

describe('fastify runtime truth (fixtures vs framework-semantics.md)', () => {
  runtimeTruthTests(FASTIFY_FIXTURES, FASTIFY_RUNTIMES);
});
