// What the stop-7 rules share: each call a route's own functions reach, once per place however many
// routes run the function making it, and whether one range lies inside another.
import type { HandlerReach, ModelRoute, SourceRange } from '../core/model';
import type { RuleContext } from '../core/rule';
import { reachedCalls, routeFunctions, type ReachedVia } from '../core/reach';
import { placeKey } from './define-rule';

/** A call the routes reach, as met first (with the route and the function of it that reach it), and every route reaching it. */
export interface ReachedCallSite extends ReachedVia {
  route: ModelRoute;
  /** The route's own function the call is reached from (its handler or a route-level middleware). */
  from: HandlerReach;
  /** How many routes reach it. */
  routes: number;
}

/** The key RuleContext.shared keeps the walk under. */
const REACHED_CALLS = { walk: 'reached calls' };

/**
 * Every call reached from the routes (core/reach.ts), once per place however many routes run the
 * function making it, in the order the routes first reach them. Worked out once per run and shared
 * by the stop 5-7 rules (walking every route's reach facts once per rule cost each about 100 ms on
 * 8,400 routes).
 */
export function reachedOnce(ctx: RuleContext): readonly ReachedCallSite[] {
  return ctx.shared(REACHED_CALLS, () => walk(ctx));
}

function walk(ctx: RuleContext): ReachedCallSite[] {
  const seen = new Map<string, ReachedCallSite>();
  // The last route counted per site: a route reaching a call through two of its functions counts once.
  const lastRoute = new Map<ReachedCallSite, ModelRoute>();
  for (const route of ctx.model.routes) {
    for (const fn of routeFunctions(route)) {
      // A function's calls and their keys are derived from its facts alone (kept across runs).
      for (const { r, key } of ctx.derived(fn, 'reached calls', () => reachedCalls(fn).map(r => ({ r, key: siteKey(r) })))) {
        const known = seen.get(key);
        if (!known) {
          const site = { ...r, route, from: fn, routes: 1 };
          seen.set(key, site);
          lastRoute.set(site, route);
        } else if (lastRoute.get(known) !== route) {
          known.routes++;
          lastRoute.set(known, route);
        }
      }
    }
  }
  return [...seen.values()];
}

/** Calls of one chain start at one place (`readFileSync(p).toString()`): the end tells them apart. */
function siteKey(r: ReachedVia): string {
  return `${placeKey(r.call.range)}-${r.call.range.endLine}:${r.call.range.endColumn}`;
}

/** Whether `inner` lies within `outer` (same file): a call written in a callback of another call. */
export function within(inner: SourceRange, outer: SourceRange): boolean {
  if (inner.file !== outer.file) return false;
  const starts = inner.line > outer.line || (inner.line === outer.line && inner.column >= outer.column);
  const ends = inner.endLine < outer.endLine || (inner.endLine === outer.endLine && inner.endColumn <= outer.endColumn);
  return starts && ends;
}
