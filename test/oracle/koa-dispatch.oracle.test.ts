// Which route a request reaches (K7, K15): for every probe of the path-syntax and shadowing fixtures,
// the analyser's trace (core/trace.ts with the Koa dispatcher) must name the route whose handler the
// real router runs for that request, or no route when the real router runs none. The requests carry
// the auth header, so a guard does not hide which handler would answer.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyseFolder } from '../../src/engine';
import { trace } from '../../src/tracing';
import { KOA_RUNTIMES, type KoaTag } from './koa/boot';
import { KOA_FIXTURES } from './koa-fixtures';
import { FIXTURES_ROOT, expectedBootError, notBootedWhy, probeApplies } from './harness/fixture-spec';
import { routeKey } from './harness/route-truth';

/** The fixtures whose rows decide which route answers: path syntax per router version, first match. */
const DIRS = ['k15-v6-path-forms', 'k15-v8-path-forms', 'k15-v6-optional-param', 'k15-v8-wildcard', 'k15-path-matching', 'k7-shadowing', 'k7-shadow-next'];

describe('koa dispatch (real routers vs the analyser trace)', () => {
  for (const spec of KOA_FIXTURES.filter(s => DIRS.includes(s.dir))) {
    const root = path.join(FIXTURES_ROOT, spec.dir);
    for (const runtime of KOA_RUNTIMES) {
      const name = `${spec.row}: ${spec.dir} [${runtime.label}]`;
      const tags = runtime.tags as KoaTag[];
      const skip = notBootedWhy(spec, tags) ?? (expectedBootError(spec, tags) ? 'refused at startup' : undefined)
        ?? (spec.analyserOnly && !tags.includes(spec.analyserOnly.tag) ? spec.analyserOnly.why : undefined);
      if (skip) {
        it.skip(`${name} — skipped: ${skip}`, () => undefined);
        continue;
      }
      it(`${name}: every probe reaches the route the trace names`, async () => {
        const analysis = analyseFolder(root);
        const app = await runtime.boot(root, spec.entry, spec.authorization);
        const wrong: string[] = [];
        try {
          for (const probe of spec.probes.filter(pr => probeApplies(pr, tags))) {
            const [method, url] = probe.request.split(' ');
            const answer = trace(analysis, method, url).route;
            const ran: string[] = [];
            for (const r of app.routes) if ((await app.request(method, url, true, r.id)).handlerRan) ran.push(routeKey(r));
            const said = answer ? routeKey(answer) : 'no route';
            const real = ran[ran.length - 1] ?? 'no route';
            if (said !== real) wrong.push(`${probe.request}: the real router runs ${real}, the trace says ${said}`);
          }
        } finally {
          await app.close();
        }
        assert.deepEqual(wrong, []);
      });
    }
  }
});
