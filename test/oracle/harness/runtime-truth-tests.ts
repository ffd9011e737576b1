// Declares the runtime-truth tests of one framework: for every fixture under every runtime, the
// real framework must list exactly the expected routes, give each the expected fate, and produce
// the traces the semantics doc records. If one fails, the oracle itself is wrong (or the framework
// changed); the analyser is not involved.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { FIXTURES_ROOT, expectedBootError, expectedFate, expectedRouteKeys, notBootedWhy, probeApplies, type FixtureSpec, type Tag } from './fixture-spec';
import { keyedRoutes, observeRoute } from './route-truth';
import type { Runtime } from './runtime-app';

export function runtimeTruthTests<V extends Tag>(fixtures: FixtureSpec<V>[], runtimes: Runtime<V>[]): void {
  for (const spec of fixtures) {
    for (const runtime of runtimes) {
      const name = `${spec.row}: ${spec.title} — runtime [${runtime.label}]`;
      const notBooted = notBootedWhy(spec, runtime.tags);
      if (notBooted) it.skip(`${name} — skipped: ${notBooted}`, () => undefined);
      else it(name, () => checkRuntimeTruth(spec, runtime));
    }
  }
}

async function checkRuntimeTruth<V extends Tag>(spec: FixtureSpec<V>, runtime: Runtime<V>): Promise<void> {
  const root = path.join(FIXTURES_ROOT, spec.dir);
  const bootError = expectedBootError(spec, runtime.tags);
  if (bootError) {
    await assert.rejects(runtime.boot(root, spec.entry, spec.authorization), (e: { code?: unknown }) => e.code === bootError, `booting fails with ${bootError}`);
    return;
  }
  const app = await runtime.boot(root, spec.entry, spec.authorization);
  try {
    const routes = keyedRoutes(app.routes);
    assert.deepEqual([...routes.keys()].sort(), expectedRouteKeys(spec, runtime.tags).sort(), 'runtime route list');
    for (const [key, route] of routes) {
      assert.ok(route.file && route.line, `${key}: registration site inside the fixture`);
      const truth = await observeRoute(app, route);
      assert.equal(truth.fate, expectedFate(spec, key, runtime.tags), `${key}: fate (auth trace [${truth.withAuth.trace.join('>')}], no-auth trace [${truth.withoutAuth.trace.join('>')}])`);
    }
    for (const probe of spec.probes) {
      if (!probeApplies(probe, runtime.tags)) continue;
      const [method, url] = probe.request.split(' ');
      const seen = await app.request(method, url, probe.auth);
      const label = `${probe.request} ${probe.auth ? 'with' : 'without'} auth`;
      assert.deepEqual({ status: seen.status, trace: seen.trace.join('>') }, { status: probe.status, trace: probe.trace }, label);
    }
  } finally {
    await app.close();
  }
}
