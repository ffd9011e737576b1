// Helpers for rules over the handler reach facts (core/reach.ts): the call sites routes reach that
// a rule is looking for, one per site however many routes reach it, with how to name those routes.
import type { Framework, RelatedLocation } from '../core/model';
import { reachedCalls, routeFunctions, type ReachedVia } from '../core/reach';
import type { RuleContext } from '../core/rule';
import { placeKey } from './define-rule';

/** A call site some routes reach, with what the rule made of it at the first route that does. */
export interface ReachedSite<T> {
  hit: ReachedVia;
  found: T;
  /** `GET /report`, or `GET /report (and 2 other routes)`. */
  routes: string;
  /** The first route's registration, and each call on the way to the site: the finding's related locations. */
  related: RelatedLocation[];
}

/**
 * The sites reached by routes of `frameworks` for which `match` returns something, in the order the
 * routes reach them: a helper or a middleware shared by many routes is one site.
 */
export function reachedSites<T>(ctx: RuleContext, frameworks: readonly Framework[], match: (hit: ReachedVia) => T | null): ReachedSite<T>[] {
  const seen = new Map<string, { hit: ReachedVia; found: T; first: string; names: Set<string>; route: RelatedLocation }>();
  for (const route of ctx.model.routes) {
    if (!frameworks.includes(route.framework)) continue;
    const name = `${route.method} ${route.path}`;
    for (const fn of routeFunctions(route)) {
      for (const hit of reachedCalls(fn)) {
        const key = placeKey(hit.call.range);
        const known = seen.get(key);
        if (known) { known.names.add(name); continue; }
        const found = match(hit);
        if (found === null) continue;
        seen.set(key, { hit, found, first: name, names: new Set([name]), route: { ...route.range, message: `${name} runs ${fn.name}` } });
      }
    }
  }
  return [...seen.values()].map(s => {
    const others = s.names.size - 1;
    return {
      hit: s.hit,
      found: s.found,
      routes: others ? `${s.first} (and ${others} other route${others > 1 ? 's' : ''})` : s.first,
      related: [s.route, ...s.hit.via.map(v => ({ ...v.call.range, message: `calls ${v.reach.name}` }))],
    };
  });
}

/** ` (reached through a → b)` for a site reached through workspace functions, else ''. */
export function throughText(hit: ReachedVia): string {
  return hit.via.length ? ` (reached through ${hit.via.map(v => v.call.callee).join(' → ')})` : '';
}
