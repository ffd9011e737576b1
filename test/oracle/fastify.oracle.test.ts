// The Fastify oracle: for every fixture under the real Fastify 4 and 5, the static analyser must
// report exactly the routes the runtime has, with the hooks that actually ran before each handler
// and whether a request without the auth header is stopped. Pending until the Fastify adapter
// (src/frameworks/fastify) exists: that issue drops `pending` below. The runtime side is checked
// on its own in fastify.runtime.test.ts.

import { FASTIFY_RUNTIMES } from './fastify/boot';
import { FASTIFY_PROFILE } from './fastify/compare-profile';
import { FASTIFY_FIXTURES } from './fastify-fixtures';
import { analyserOracleTests } from './harness/analyser-oracle-tests';

describe('fastify oracle (analyser vs real fastify)', () => {
  analyserOracleTests(FASTIFY_FIXTURES, FASTIFY_RUNTIMES, FASTIFY_PROFILE, { pending: 'no Fastify adapter yet' });
});
