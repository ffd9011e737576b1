// Checks the runtime side of the Express oracle on its own: for every fixture under express 4 and
// 5, the real express must list exactly the expected routes, give each the expected fate, and
// produce the traces that framework-semantics.md §1 records. If this file fails, the oracle itself
// is wrong (or express changed); the analyser is not involved.

import { EXPRESS_RUNTIMES } from './express/boot';
import { EXPRESS_FIXTURES } from './express-fixtures';
import { runtimeTruthTests } from './harness/runtime-truth-tests';

describe('express runtime truth (fixtures vs framework-semantics.md)', () => {
  runtimeTruthTests(EXPRESS_FIXTURES, EXPRESS_RUNTIMES);
});
