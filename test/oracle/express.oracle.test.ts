// The Express oracle: for every fixture under the real express 4 and 5, the static analyser must
// report exactly the routes the runtime has, and for each route the chain of layers that actually
// ran before its handler (with the auth header) and whether a request without it is stopped.
// The runtime side is checked on its own in express.runtime.test.ts.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { AnalysisResult } from '../../src/core/model';
import { analyseFolder } from '../../src/engine';
import { compareRoutes } from './compare-routes';
import { EXPRESS_FIXTURES, FIXTURES_ROOT } from './express-fixtures';
import type { ExpressMajor } from './load-fixture';
import { RuntimeApp } from './runtime-truth';

const MAJORS: ExpressMajor[] = [4, 5];

// The analysis does not depend on the express major the runtime uses: run it once per fixture.
const analyses = new Map<string, AnalysisResult>();
function analysisOf(root: string): AnalysisResult {
  let result = analyses.get(root);
  if (!result) {
    result = analyseFolder(root);
    analyses.set(root, result);
  }
  return result;
}

describe('express oracle (analyser vs real express)', () => {
  for (const spec of EXPRESS_FIXTURES) {
    for (const major of MAJORS) {
      const name = `${spec.row}: ${spec.title} [express ${major}]`;
      const only = spec.bootsOn ?? spec.analyserOnly;
      if (only && only.major !== major) {
        it.skip(`${name} — skipped: ${only.why}`, () => undefined);
        continue;
      }
      it(name, async () => {
        const root = path.join(FIXTURES_ROOT, spec.dir);
        const analysis = analysisOf(root);
        const app = await RuntimeApp.boot(root, spec.entry, major);
        try {
          const problems = analysis.skipped.map((s) => `analyser skipped ${s.file}: ${s.reason}`);
          problems.push(...(await compareRoutes(analysis.routes, app)));
          if (problems.length > 0) assert.fail(`analyser disagrees with express ${major} on ${spec.dir}:\n  ${problems.join('\n  ')}`);
        } finally {
          await app.close();
        }
      });
    }
  }
});
