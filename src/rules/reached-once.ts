// What the stop-7 rules share: each call a route's own functions reach, once per place however many
// routes run the function making it, and whether one range lies inside another.
import type { ModelRoute, SourceRange } from '../core/model';
import { reachedCalls, routeFunctions, type ReachedVia } from '../core/reach';
import { placeKey } from './define-rule';

/** Every call reached from the routes (core/reach.ts), the first time its place is met, with the route that reached it. */
export function reachedOnce(routes: readonly ModelRoute[]): (ReachedVia & { route: ModelRoute })[] {
  const seen = new Set<string>();
  const out: (ReachedVia & { route: ModelRoute })[] = [];
  for (const route of routes) {
    for (const fn of routeFunctions(route)) {
      for (const r of reachedCalls(fn)) {
        // Calls of one chain start at one place (`readFileSync(p).toString()`): the end tells them apart.
        const key = `${placeKey(r.call.range)}-${r.call.range.endLine}:${r.call.range.endColumn}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ ...r, route });
      }
    }
  }
  return out;
}

/** Whether `inner` lies within `outer` (same file): a call written in a callback of another call. */
export function within(inner: SourceRange, outer: SourceRange): boolean {
  if (inner.file !== outer.file) return false;
  const starts = inner.line > outer.line || (inner.line === outer.line && inner.column >= outer.column);
  const ends = inner.endLine < outer.endLine || (inner.endLine === outer.endLine && inner.endColumn <= outer.endColumn);
  return starts && ends;
}
