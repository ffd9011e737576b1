// The Express oracle: for every fixture under the real express 4 and 5, the static analyser must
// report exactly the routes the runtime has, and for each route the chain of layers that actually
// ran before its handler (with the auth header) and whether a request without it is stopped.
// The runtime side is checked on its own in express.runtime.test.ts.

import { EXPRESS_RUNTIMES } from './express/boot';
import { EXPRESS_PROFILE } from './express/compare-profile';
import { EXPRESS_FIXTURES } from './express-fixtures';
import { analyserOracleTests } from './harness/analyser-oracle-tests';

describe('express oracle (analyser vs real express)', () => {
  analyserOracleTests(EXPRESS_FIXTURES, EXPRESS_RUNTIMES, EXPRESS_PROFILE);
});
