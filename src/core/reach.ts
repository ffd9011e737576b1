// Reading the handler reach facts (ModelRoute.reach, filled by the adapters through
// frameworks/shared/handler-reach.ts): every call a route's own functions make, directly or through
// the workspace functions they call, with the path of calls that leads to it.
import { FLOW, type Span } from './ir';
import { REACH, type HandlerReach, type ModelRoute, type ReachedCall, type ReachedPackage } from './model';

export { FLOW } from './ir';

/** One call reached from a route, and the calls through which it is reached (outermost first, [] when made directly). */
export interface ReachedVia {
  call: ReachedCall;
  /** The calls into workspace functions on the way, with the function each one runs. */
  via: { call: ReachedCall; reach: HandlerReach }[];
  /** The function making the call. */
  in: HandlerReach;
  /** The package export the callee is (HandlerReach.packages), or null. */
  pkg: ReachedPackage | null;
}

/** Whether a call's flow has a FLOW bit: `has(call, FLOW.loop)`. */
export function has(call: { flow: number }, bit: number): boolean {
  return (call.flow & bit) !== 0;
}

/**
 * Every call `reach` makes, and the calls of the functions it follows, depth first in source order.
 * With `direct`, calls in callbacks written inside a function (FLOW.nested) are left out, and so are
 * functions they call.
 */
export function reachedCalls(reach: HandlerReach, direct = false): ReachedVia[] {
  const out: ReachedVia[] = [];
  const walk = (r: HandlerReach, via: ReachedVia['via']): void => {
    const followed = new Map(r.followed.map(f => [f.call, f.reach]));
    r.calls.forEach((call, i) => {
      if (direct && has(call, FLOW.nested)) return;
      out.push({ call, via, in: r, pkg: r.packages[i] ?? null });
      const next = followed.get(call);
      if (next) walk(next, [...via, { call, reach: next }]);
    });
  };
  walk(reach, []);
  return out;
}

/** The module a package is required as, without a `node:` prefix. */
export function moduleName(pkg: ReachedPackage): string {
  return pkg.module.startsWith('node:') ? pkg.module.slice(5) : pkg.module;
}

/** The functions a route runs of its own, middleware first, then the handler. */
export function routeFunctions(route: ModelRoute): HandlerReach[] {
  const reach = route[REACH];
  if (!reach) return [];
  return reach.handler ? [...reach.middleware, reach.handler] : reach.middleware;
}

/** The call of `calls` written at `span` (the outermost one starting there: a chain's last link). */
export function callWrittenAt(calls: readonly ReachedCall[], span: Span): ReachedCall | undefined {
  let best: ReachedCall | undefined;
  for (const c of calls) {
    if (c.range.line !== span.line || c.range.column !== span.column) continue;
    if (c.range.endLine === span.endLine && c.range.endColumn === span.endColumn) return c;
    if (!best || c.callee.length > best.callee.length) best = c;
  }
  return best;
}
