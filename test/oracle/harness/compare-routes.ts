// Compares the analyser's routes for one fixture with what the real framework did, and returns every
// disagreement as a readable line (an empty list means they agree). What differs by framework
// (runtime names of built-ins, path spelling, HEAD) comes in a ComparisonProfile.

import type { Framework, Route } from '../../../src/core/model';
import { concretePath, keyedRoutes, observeRoute, routeKey, type RouteTruth } from './route-truth';
import type { RuntimeApp } from './runtime-app';

export interface ComparisonProfile {
  /** Only the analyser's routes of this framework are compared. */
  framework: Framework;
  /** The analyser names a layer by its source text; built-ins run under internal names (`jsonParser`). */
  sourceName: (runtimeName: string) => string;
  /** An analysed path spelled the way the runtime lists it (express drops a trailing slash, E24). */
  routePath: (analysedPath: string) => string;
  /** HEAD runs the GET route's chain unless the app registers its own HEAD route (E14). */
  headRunsGetChain: boolean;
  /**
   * Whether what ran after the handler is compared with the route's `afterHandler` (Fastify's
   * preSerialization, onSend and onResponse hooks). Off where code after the handler is not a
   * separate call the framework makes (Express, Koa).
   */
  comparesAfterHandler?: true;
}

const show = (names: string[]): string => `[${names.join(' > ')}]`;

/** The optional internal `shadowedBy` list (ModelRoute), when the analyser exposes it. */
function shadowedBy(r: Route): unknown[] | undefined {
  const value = (r as Route & { shadowedBy?: unknown }).shadowedBy;
  return Array.isArray(value) ? value : undefined;
}

export async function compareRoutes(analysed: Route[], app: RuntimeApp, profile: ComparisonProfile): Promise<string[]> {
  const { sourceName } = profile;
  const problems: string[] = [];
  const runtime = keyedRoutes(app.routes);
  const ofFramework = analysed.filter((r) => r.framework === profile.framework);
  // Paths spelled like the runtime's. Same method and path twice (E17, E24): the n-th analysed one
  // is the n-th registered one.
  const analysedByKey = keyedRoutes(ofFramework.map((r) => ({ method: r.method, path: profile.routePath(r.path), route: r })));
  const analysedKeys = [...analysedByKey.keys()].sort();
  const runtimeKeys = [...runtime.keys()].sort();
  const missing = runtimeKeys.filter((k) => !analysedKeys.includes(k));
  const extra = analysedKeys.filter((k) => !runtimeKeys.includes(k));
  if (missing.length) problems.push(`routes the runtime has but the analyser missed: ${missing.join(', ')}`);
  if (extra.length) problems.push(`routes the analyser reported but the runtime does not have: ${extra.join(', ')}`);

  for (const [key, route] of runtime) {
    const a = analysedByKey.get(key)?.route;
    if (!a) continue;
    if (`${a.file}:${a.line}` !== `${route.file}:${route.line}`) {
      problems.push(`${key}: analyser places it at ${a.file}:${a.line}, the runtime registered it at ${route.file}:${route.line}`);
    }
    const truth = await observeRoute(app, route);
    const shadow = shadowedBy(a);
    if (!truth.reached) {
      // Neither "protected" nor a chain means anything for a handler that never runs.
      if (shadow && shadow.length === 0) problems.push(`${key}: unreachable at runtime (ran ${show(truth.withAuth.trace)} instead) but shadowedBy is empty`);
      continue;
    }
    if (shadow && shadow.length > 0) problems.push(`${key}: reachable at runtime but the analyser says it is shadowed`);
    if (a.guards) {
      problems.push(...compareGuard(key, a, truth, sourceName));
      continue;
    }
    // The chain of the request that got there: with the header, or only without it (E17).
    const withHeader = truth.reachedWithAuth;
    const ranBefore = truth.reached.before.map(sourceName);
    const chain = a.chain.map((c) => c.name);
    const chainAgrees = show(chain) === show(ranBefore);
    if (!chainAgrees) {
      problems.push(`${key}: analyser chain ${show(chain)}, runtime ran ${show(ranBefore)} before the handler (${truth.method} ${withHeader ? 'with' : 'without'} auth)`);
    }
    problems.push(...compareWhen(key, a, truth, sourceName));
    if (profile.comparesAfterHandler) {
      const after = (a.afterHandler ?? []).map((c) => c.name);
      const ranAfter = truth.reached.after.map(sourceName);
      if (show(after) !== show(ranAfter)) problems.push(`${key}: analyser after the handler ${show(after)}, runtime ran ${show(ranAfter)} after it`);
    }
    const isProtected = truth.fate === 'protected';
    if (a.protected !== isProtected) {
      problems.push(`${key}: analyser protected=${a.protected}, runtime: a request without auth ${isProtected ? 'is stopped' : 'reaches the handler'} (ran ${show(truth.withoutAuth.trace)})`);
    }
    if (truth.blockedBy && !a.authBy.includes(sourceName(truth.blockedBy))) {
      problems.push(`${key}: runtime was stopped by ${sourceName(truth.blockedBy)}, analyser authBy ${show(a.authBy)}`);
    }
    // E14: HEAD is served by the GET chain unless an explicit HEAD route exists for the path.
    // (Checked only when the GET chain agrees, so one mistake is reported once.)
    if (profile.headRunsGetChain && chainAgrees && route.method === 'GET' && !runtime.has(routeKey({ method: 'HEAD', path: route.path }))) {
      const head = await app.request('HEAD', concretePath(route.path), withHeader, route.id);
      const headBefore = head.before.map(sourceName);
      if (!head.handlerRan || show(headBefore) !== show(chain)) {
        problems.push(`${key}: HEAD ${head.handlerRan ? `ran ${show(headBefore)} before the GET handler` : 'did not reach the GET handler'}, analyser chain ${show(chain)}`);
      }
    }
  }
  return problems;
}

/** How a runtime trace shows code of `name` that ran after `await next()` and changed the response (koa/tracing.ts). */
const AFTER_MARK = ':after';

/**
 * The onion (K9): a chain entry whose code after `await next()` changed the response in one of the
 * probes must say `when: 'after'`. One way only: code after next() that leaves the response alone
 * (a logger), or changes it only for other requests, leaves no mark.
 */
function compareWhen(key: string, a: Route, truth: RouteTruth, sourceName: (runtimeName: string) => string): string[] {
  const marked = new Set([...truth.withAuth.trace, ...truth.withoutAuth.trace]
    .filter((n) => n.endsWith(AFTER_MARK)).map((n) => sourceName(n.slice(0, -AFTER_MARK.length))));
  return a.chain
    .filter((c) => marked.has(c.name) && c.when !== 'after')
    .map((c) => `${key}: ${c.name} changed the response after await next(), analyser when=${c.when ?? '(absent)'}`);
}

/**
 * A guard (every function middleware, E22): at run time its last function is what the route
 * "reaches". The analyser's chain is all of the route, and it protects when a request without the
 * header goes no further than that function.
 */
function compareGuard(key: string, a: Route, truth: RouteTruth, sourceName: (runtimeName: string) => string): string[] {
  const problems: string[] = [];
  const withHeader = truth.withAuth;
  const ran = [...withHeader.before, withHeader.trace[withHeader.before.length]].map(sourceName);
  const chain = a.chain.map((c) => c.name);
  if (show(chain) !== show(ran)) problems.push(`${key}: guard chain ${show(chain)}, runtime ran ${show(ran)} up to the guard`);
  const without = truth.withoutAuth;
  const passed = without.handlerRan && without.trace.length > without.before.length + 1;
  if (a.protected === passed) {
    problems.push(`${key}: analyser protected=${a.protected}, runtime: a request without auth ${passed ? 'passes' : 'is stopped by'} the guard (ran ${show(without.trace)})`);
  }
  return problems;
}
