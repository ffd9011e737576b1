// Declares the analyser-oracle tests of one framework: for every fixture under every runtime, the
// static analyser must report exactly the routes the runtime has, and for each route the chain of
// layers that actually ran before its handler (with the auth header) and whether a request without
// it is stopped. A framework without an adapter yet declares them pending, with the reason.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { AnalysisResult } from '../../../src/core/model';
import { analyseFolder } from '../../../src/engine';
import { compareRoutes, type ComparisonProfile } from './compare-routes';
import { FIXTURES_ROOT, expectedBootError, notBootedWhy, type FixtureSpec, type Tag } from './fixture-spec';
import type { Runtime } from './runtime-app';

export interface AnalyserOracleOptions<V extends Tag = Tag> {
  /** Declare every test pending, with this reason (`no Fastify adapter yet`). */
  pending?: string;
  /**
   * Fixtures the adapter is known to get wrong so far, each with a one-line reason: declared pending
   * (under the runtimes tagged `only`, else all), so the suite stays green and says what is missing.
   */
  knownMisses?: KnownMiss<V>[];
}

export interface KnownMiss<V extends Tag> {
  dir: string;
  why: string;
  /** Only under runtimes with one of these tags (the miss is per version, F15). */
  only?: V[];
}

/** Why the analyser is known to get this fixture wrong under a runtime with these tags, or undefined. */
export function knownMissWhy<V extends Tag>(misses: readonly KnownMiss<V>[], dir: string, tags: readonly V[]): string | undefined {
  return misses.find((m) => m.dir === dir && (!m.only || m.only.some((t) => tags.includes(t))))?.why;
}

export function analyserOracleTests<V extends Tag>(
  fixtures: FixtureSpec<V>[], runtimes: Runtime<V>[], profile: ComparisonProfile, options: AnalyserOracleOptions<V> = {},
): void {
  // The analysis does not depend on the version the runtime uses: run it once per fixture.
  const analyses = new Map<string, AnalysisResult>();
  const analysisOf = (root: string): AnalysisResult => {
    let result = analyses.get(root);
    if (!result) {
      result = analyseFolder(root);
      analyses.set(root, result);
    }
    return result;
  };

  for (const spec of fixtures) {
    for (const runtime of runtimes) {
      const name = `${spec.row}: ${spec.title} [${runtime.label}]`;
      const notBooted = notBootedWhy(spec, runtime.tags);
      const bootError = expectedBootError(spec, runtime.tags);
      const root = path.join(FIXTURES_ROOT, spec.dir);
      const miss = knownMissWhy(options.knownMisses ?? [], spec.dir, runtime.tags);
      const compare = async (): Promise<void> => {
        const analysis = analysisOf(root);
        const app = await runtime.boot(root, spec.entry, spec.authorization);
        try {
          const problems = analysis.skipped.map((s) => `analyser skipped ${s.file}: ${s.reason}`);
          problems.push(...(await compareRoutes(analysis.routes, app, profile)));
          if (problems.length > 0) assert.fail(`analyser disagrees with ${runtime.label} on ${spec.dir}:\n  ${problems.join('\n  ')}`);
        } finally {
          await app.close();
        }
      };
      if (notBooted) {
        // The fixture is written for another version: there is no runtime here to compare with.
        it.skip(`${name} — skipped: ${notBooted}`, () => undefined);
      } else if (options.pending) {
        it.skip(`${name} — pending: ${options.pending}`, compare);
      } else if (miss) {
        it.skip(`${name} — known miss: ${miss}`, compare);
      } else if (spec.analyserOnly && !runtime.tags.includes(spec.analyserOnly.tag)) {
        it.skip(`${name} — skipped: ${spec.analyserOnly.why}`, () => undefined);
      } else if (bootError) {
        // Nothing boots to compare with; what the analyser should report for it is its framework's issue.
        it.skip(`${name} — skipped: the framework refuses this app (${bootError})`, () => undefined);
      } else {
        it(name, compare);
      }
    }
  }
}
