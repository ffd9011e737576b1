// Helpers for rules over the handler reach facts (core/reach.ts): the call sites routes reach that
// a rule is looking for, one per site however many routes reach it, with how to name those routes.
import type { RelatedLocation } from '../core/model';
import type { ReachedVia } from '../core/reach';
import { type CallSelection, reachedOnce } from './reached-once';
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
 * The sites the routes reach for which `match` returns something, in the order the routes reach
 * them: a helper or a middleware shared by many routes is one site. (The model a rule sees holds
 * only the routes of the frameworks it declares.)
 */
export function reachedSites<T>(ctx: RuleContext, selection: CallSelection, match: (hit: ReachedVia) => T | null): ReachedSite<T>[] {
  const out: ReachedSite<T>[] = [];
  const taken = new Set<string>();
  for (const site of reachedOnce(ctx, selection)) {
    // One finding per place: the first call there that matches (a chain's calls share its start).
    const key = placeKey(site.call.range);
    if (taken.has(key)) continue;
    const found = match(site);
    if (found === null) continue;
    taken.add(key);
    const first = `${site.route.method} ${site.route.path}`;
    const others = site.routes - 1;
    out.push({
      hit: site,
      found,
      routes: others ? `${first} (and ${others} other route${others > 1 ? 's' : ''})` : first,
      related: [{ ...site.route.range, message: `${first} runs ${site.from.name}` }, ...site.via.map(v => ({ ...v.call.range, message: `calls ${v.reach.name}` }))],
    });
  }
  return out;
}

/** ` (reached through a → b)` for a site reached through workspace functions, else ''. */
export function throughText(hit: ReachedVia): string {
  return hit.via.length ? ` (reached through ${hit.via.map(v => v.call.callee).join(' → ')})` : '';
}
