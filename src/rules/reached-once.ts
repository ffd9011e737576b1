// What the stop-7 rules share: each call a route's own functions reach, once per place however many
// routes run the function making it, and whether one range lies inside another.
import type { HandlerReach, ModelRoute, SourceRange } from '../core/model';
import type { RuleContext } from '../core/rule';
import { reachedCalls, routeFunctions, type ReachedVia } from '../core/reach';
import { placeKey } from './define-rule';
import { fit } from '../core/compact';

/** A call the routes reach, as met first (with the route and the function of it that reach it), and every route reaching it. */
export interface ReachedCallSite extends ReachedVia {
  route: ModelRoute;
  /** The route's own function the call is reached from (its handler or a route-level middleware). */
  from: HandlerReach;
  /** How many routes reach it. */
  routes: number;
}

/**
 * Which reached calls a rule looks at: `keep` reads the call alone (its callee, args, flow, package,
 * the calls on the way), so what it keeps of a function's calls is derived once across runs. Rules
 * declare one as a module constant: the same object names the same selection in every run.
 */
export interface CallSelection {
  name: string;
  keep(hit: ReachedVia): boolean;
}

/**
 * The calls reached from the routes (core/reach.ts) that `selection` keeps, once per place however
 * many routes run the function making them, in the order the routes first reach them. Each
 * function's kept calls are derived from its facts alone, once for as long as they live, so a run
 * after an edit looks again only at the functions it changed; the routes are walked once per run for
 * all rules sharing a selection (walking every call of every route per rule and run cost each rule
 * about 100 ms on 8,400 routes).
 */
export function reachedOnce(ctx: RuleContext, selection: CallSelection): readonly ReachedCallSite[] {
  return ctx.shared(selection, () => walk(ctx, selection));
}

function walk(ctx: RuleContext, selection: CallSelection): ReachedCallSite[] {
  const seen = new Map<string, ReachedCallSite>();
  // The last route counted per site: a route reaching a call through two of its functions counts once.
  const lastRoute = new Map<ReachedCallSite, ModelRoute>();
  for (const route of ctx.model.routes) {
    for (const fn of routeFunctions(route)) {
      // Kept as long as the function's facts are (most keep nothing): at its size (core/compact.ts).
      const kept = ctx.derived(fn, selection.name, () => fit(reachedCalls(fn).filter(r => selection.keep(r)).map(r => ({ r, key: siteKey(r) }))));
      for (const { r, key } of kept) {
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
