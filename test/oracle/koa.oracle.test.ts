// The Koa oracle: for every fixture under the real Koa 2 and 3 with each router package, the static
// analyser must report exactly the routes the runtime has, with the middleware that actually ran
// before each handler and whether a request without the auth header is stopped. Pending until the
// Koa adapter (src/frameworks/koa) exists: that issue drops `pending` below. The runtime side is
// checked on its own in koa.runtime.test.ts.

import { KOA_RUNTIMES } from './koa/boot';
import { KOA_PROFILE } from './koa/compare-profile';
import { KOA_FIXTURES } from './koa-fixtures';
import { analyserOracleTests } from './harness/analyser-oracle-tests';

describe('koa oracle (analyser vs real koa)', () => {
  analyserOracleTests(KOA_FIXTURES, KOA_RUNTIMES, KOA_PROFILE, { pending: 'no Koa adapter yet' });
});
