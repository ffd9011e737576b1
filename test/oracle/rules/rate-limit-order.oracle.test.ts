// Truth for security-middleware-after-routes on Fastify (F19): @fastify/rate-limit limits only the
// routes added after it loads. The fixture adds routes before the register call, right after a
// register that is not awaited, in a plugin and an after() callback registered after it, after an
// awaited after(), and in a plugin with a limiter of its own. Booted with Fastify 4 (+ rate-limit 9)
// and Fastify 5 (+ rate-limit 11), each route is asked once: a limited route answers with
// x-ratelimit-limit. The routes the analyser says no limiter reaches must be exactly the others.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyseFolder } from '../../../src/engine';
import { FIXTURES_ROOT } from '../harness/fixture-spec';
import { loadFixture } from '../harness/load-fixture';

interface InjectResponse { statusCode: number; headers: Record<string, unknown> }
interface FastifyApp {
  ready(): Promise<unknown>;
  close(): Promise<unknown>;
  inject(o: { method: string; url: string }): Promise<InjectResponse>;
  printRoutes(o: { commonPrefix: boolean }): string;
}

const ROOT = path.join(FIXTURES_ROOT, 'f19-rate-limit-order');

const RUNTIMES = [
  { label: 'fastify 4 + @fastify/rate-limit 9', fastify: 'fastify4', rateLimit: 'fastifyratelimit9' },
  { label: 'fastify 5 + @fastify/rate-limit 11', fastify: 'fastify5', rateLimit: 'fastifyratelimit11' },
];

describe('F19: @fastify/rate-limit limits only the routes added after it loads (real Fastify vs the analyser)', () => {
  const analysis = analyseFolder(ROOT);
  const routes = analysis.model.routes.filter(r => r.method !== 'HEAD');
  const predicted = routes.filter(r => r.rateLimitsMissed).map(r => `${r.method} ${r.path}`).sort();
  const reported = analysis.findings.filter(f => f.ruleId === 'security-middleware-after-routes');

  for (const runtime of RUNTIMES) {
    it(`${runtime.label}: the routes without a limit are the ones the analyser finds, and the rule names them`, async () => {
      const app = (await loadFixture(ROOT, 'app.js', { fastify: require.resolve(runtime.fastify), '@fastify/rate-limit': require.resolve(runtime.rateLimit) })) as FastifyApp;
      try {
        await app.ready();
        const unlimited: string[] = [];
        for (const r of routes) {
          const res = await app.inject({ method: r.method, url: r.path });
          assert.equal(res.statusCode, 200, `${r.method} ${r.path} is a route of the running app`);
          if (res.headers['x-ratelimit-limit'] === undefined) unlimited.push(`${r.method} ${r.path}`);
        }
        assert.deepEqual(predicted, unlimited.sort());
        assert.ok(unlimited.length >= 3 && unlimited.length < routes.length, 'the fixture has limited and unlimited routes');
        const named = reported.flatMap(f => f.related.map(x => x.message.split(' is added here')[0])).sort();
        assert.deepEqual([...new Set(named)], unlimited.sort());
      } finally {
        await app.close();
      }
    });
  }
});
