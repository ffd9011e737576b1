// Truth from the real frameworks for the two error rules of issue 16. The fixtures are booted with
// real Express 4 and 5 and real Koa 2 and 3, and each rule must report exactly what the runtime shows:
// - async-handler-without-catch (E20): a route whose rejected handler leaves the request hanging
//   (no answer within the harness's limit) is reported, on Express 4 only; one answered 500 is not;
// - error-handler-first: a route whose thrown error does not get the catcher's answer (503) is one
//   of the routes the finding counts.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Finding } from '../../src/core/model';
import { analyseFolder } from '../../src/engine';
import { EXPRESS_RUNTIMES } from './express/boot';
import { KOA_RUNTIMES } from './koa/boot';
import { FIXTURES_ROOT } from './harness/fixture-spec';

/** The rule's findings on a fixture copied beside a package.json declaring `dependencies`. */
function findings(dir: string, dependencies: Record<string, string>, ruleId: string): Finding[] {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'seven-stops-errors-'));
  try {
    fs.cpSync(path.join(FIXTURES_ROOT, dir), root, { recursive: true });
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ dependencies }));
    return analyseFolder(root).findings.filter(f => f.ruleId === ruleId);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

describe('error rules (real frameworks vs async-handler-without-catch and error-handler-first)', () => {
  for (const runtime of EXPRESS_RUNTIMES) {
    it(`E20: e20-async-handler [${runtime.label}]: async-handler-without-catch reports exactly the routes that hang`, async () => {
      const app = await runtime.boot(path.join(FIXTURES_ROOT, 'e20-async-handler'), 'app.js');
      const hanging: string[] = [];
      try {
        for (const [route, url] of [['GET /users/:id', '/users/2'], ['GET /safe/:id', '/safe/2']]) {
          if ((await app.request('GET', url, false)).status === 'timeout') hanging.push(route);
        }
      } finally {
        await app.close();
      }
      const major = runtime.tags[0];
      const reported = findings('e20-async-handler', { express: major === 4 ? '^4.21.0' : '^5.1.0' }, 'async-handler-without-catch').map(f => f.data.route);
      assert.deepEqual(reported.sort(), hanging.sort(), `express ${major}: hanging ${JSON.stringify(hanging)}`);
    });
  }

  for (const runtime of KOA_RUNTIMES) {
    it(`k-error-handler-first [${runtime.label}]: error-handler-first counts exactly the routes whose error the catcher never sees`, async () => {
      const app = await runtime.boot(path.join(FIXTURES_ROOT, 'k-error-handler-first'), 'app.js');
      const missed: string[] = [];
      try {
        for (const url of ['/early/boom', '/late/boom']) if ((await app.request('GET', url, false)).status !== 503) missed.push(`GET ${url}`);
      } finally {
        await app.close();
      }
      const found = findings('k-error-handler-first', { koa: runtime.tags[0] === 'koa 2' ? '^2.16.0' : '^3.3.0', '@koa/router': '^15.7.0' }, 'error-handler-first');
      assert.equal(found.length, 1);
      assert.deepEqual({ count: found[0].data.count, first: found[0].data.first }, { count: String(missed.length), first: missed[0] });
    });
  }
});
