// Checks the runtime side of the Koa oracle: for every fixture under Koa 2 and 3 with each router
// package (@koa/router 12, 13, 15 and koa-router 14), the real Koa must list exactly the expected
// routes, give each the expected fate, and produce the traces that framework-semantics.md §3
// records. If this file fails, the oracle itself is wrong (or a router changed).

import { KOA_RUNTIMES } from './koa/boot';
import { KOA_FIXTURES } from './koa-fixtures';
import { runtimeTruthTests } from './harness/runtime-truth-tests';

describe('koa runtime truth (fixtures vs framework-semantics.md)', () => {
  runtimeTruthTests(KOA_FIXTURES, KOA_RUNTIMES);
});
