// Checks the runtime side of the oracle on its own: for every fixture under express 4 and 5, the
// real express must list exactly the expected routes, give each the expected fate, and produce the
// traces that framework-semantics.md §1 records. If this file fails, the oracle itself is wrong
// (or express changed); the analyser is not involved.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { EXPRESS_FIXTURES, FIXTURES_ROOT, expectedFate } from './express-fixtures';
import type { ExpressMajor } from './load-fixture';
import { keyedRoutes, observeRoute } from './route-truth';
import { RuntimeApp } from './runtime-truth';

const MAJORS: ExpressMajor[] = [4, 5];

describe('express runtime truth (fixtures vs framework-semantics.md)', () => {
  for (const spec of EXPRESS_FIXTURES) {
    for (const major of MAJORS) {
      const name = `${spec.row}: ${spec.title} — runtime [express ${major}]`;
      if (spec.bootsOn && spec.bootsOn.major !== major) {
        it.skip(`${name} — skipped: ${spec.bootsOn.why}`, () => undefined);
        continue;
      }
      it(name, async () => {
        const app = await RuntimeApp.boot(path.join(FIXTURES_ROOT, spec.dir), spec.entry, major);
        try {
          const routes = keyedRoutes(app.routes);
          assert.deepEqual([...routes.keys()].sort(), Object.keys(spec.routes).sort(), 'runtime route list');
          for (const [key, route] of routes) {
            assert.ok(route.file && route.line, `${key}: registration site inside the fixture`);
            const truth = await observeRoute(app, route);
            assert.equal(truth.fate, expectedFate(spec, key, major), `${key}: fate (auth trace [${truth.withAuth.trace.join('>')}], no-auth trace [${truth.withoutAuth.trace.join('>')}])`);
          }
          for (const probe of spec.probes) {
            if (probe.majors && !probe.majors.includes(major)) continue;
            const [method, url] = probe.request.split(' ');
            const seen = await app.request(method, url, probe.auth);
            const label = `${probe.request} ${probe.auth ? 'with' : 'without'} auth`;
            assert.deepEqual({ status: seen.status, trace: seen.trace.join('>') }, { status: probe.status, trace: probe.trace }, label);
          }
        } finally {
          await app.close();
        }
      });
    }
  }
});
