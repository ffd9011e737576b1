// Re-analysis after an edit walks again only the routers the edit touched. A router replayed from
// the previous run (core/module-reuse.ts) is the same object with the same stack, routers under it
// included. Mounted at the same path behind the same middleware, its walk gives what it gave last
// time: its layers, routes and dispatch entries are added again, moved to their new positions.
import type { AdapterContext } from '../../core/adapter';
import type { ModelRoute, OrderedLayer, SourceRange } from '../../core/model';
import { AddedUnder, Befores, MwBefore, Prefix } from './befores';
import { plainSegments } from '../shared/paths';
import type { PathSyntax } from '../shared/paths';
import type { ExpressHost } from './objects';

/** What walking one mounted router added, and where. */
interface SubtreeWalk {
  layerBase: number;
  routeBase: number;
  layers: OrderedLayer[];
  routes: ModelRoute[];
  /** What the walk added to the dispatch entries, as logged; sorted for adding again on first reuse. */
  log: Befores['log'];
  segs: string[];
  added?: AddedUnder;
  /**
   * The last copies made to add the walk again at other positions. Kept so that re-analysing the
   * same edit again (every keystroke after the first in one place) adds the same objects, which the
   * transfer to the editor then sends as references (extension/result-transfer.ts).
   */
  moved?: MovedWalk;
}

/** A walk's layers and routes shifted by `dOrder` layers and `dRoute` routes, in app `app`. */
interface MovedWalk {
  dOrder: number;
  dRoute: number;
  app: number;
  layers: OrderedLayer[];
  routes: ModelRoute[];
}

/** The parts of a walk's state a subtree adds to. */
export interface WalkOutput {
  app: number;
  syntax: PathSyntax;
  before: Befores;
  layers: OrderedLayer[];
  routes: ModelRoute[];
}

/** Mount contexts remembered per router (a router mounted in several places has one walk per place). */
const MAX_CONTEXTS = 8;

/**
 * Walks `sub` mounted `at` a path with `walk`, or adds again what the same walk added last run. The
 * context key holds everything from outside the router its routes depend on: the full path, its case
 * flags, the path syntax, the notes so far, and the earlier middleware that can run before any route under it.
 */
export function walkOrReuse(
  sub: ExpressHost, at: { path: string; segs: string[]; mask: boolean[] }, notes: string[], st: WalkOutput, ctx: AdapterContext, walk: () => void,
): void {
  // A one-run scan walks each router once per mount: what a walk added is kept only for adding it
  // again after an edit (its dispatch entries were 30 MB of the link phase's peak on 100,000 routes).
  if (ctx.oneRun) { walk(); return; }
  const { segs, mask } = at;
  const key = contextKey(at.path, segs, mask, st.syntax, notes, st.before);
  const walks = ctx.memo('express.subtreeWalks', sub, () => new Map<string, SubtreeWalk>());
  const last = key === null ? undefined : walks.get(key);
  if (last) { addAgain(last, st); return; }
  const layerBase = st.layers.length;
  const routeBase = st.routes.length;
  const beforeBase = st.before.log.length;
  walk();
  if (key === null) return;
  if (walks.size >= MAX_CONTEXTS) walks.clear();
  walks.set(key, { layerBase, routeBase, layers: st.layers.slice(layerBase), routes: st.routes.slice(routeBase), log: st.before.log.slice(beforeBase), segs });
}

function addAgain(w: SubtreeWalk, st: WalkOutput): void {
  const dOrder = st.layers.length - w.layerBase;
  const dRoute = st.routes.length - w.routeBase;
  const m = w.moved;
  const moved = m && m.dOrder === dOrder && m.dRoute === dRoute && m.app === st.app ? m : (w.moved = move(w, dOrder, dRoute, st.app));
  for (const l of moved.layers) st.layers.push(l);
  for (const r of moved.routes) st.routes.push(r);
  st.before.readdUnder((w.added ??= Befores.under(w.segs, w.log)));
}

/** The walk's layers and routes at their new positions: the same objects where nothing moved. */
function move(w: SubtreeWalk, dOrder: number, dRoute: number, app: number): MovedWalk {
  const layers = !dOrder && !dRoute ? w.layers : w.layers.map(l => {
    const moved: OrderedLayer = { ...l, order: l.order + dOrder };
    if (l.route !== undefined) moved.route = l.route + dRoute;
    return moved;
  });
  const routes = w.routes.map(r => (dOrder || r.app !== app ? { ...r, order: r.order + dOrder, app } : r));
  return { dOrder, dRoute, app, layers, routes };
}

/** Null when the walk must not be reused: a path that is not a string, an earlier route that may match under it, next('router'). */
function contextKey(full: string, segs: string[], mask: boolean[], syntax: PathSyntax, notes: string[], before: Befores): string | null {
  if (/[*+?(){}]/.test(full) || !plainSegments(segs)) return null;
  const outside = before.context(segs);
  if (!outside) return null;
  let key = `${full}\n${mask.map(Number).join('')}\n${syntax}\n${notes.join('\u0001')}`;
  for (const b of outside) {
    // next('router') leaves routers by id, and the routers above this one may be new objects.
    if (b.cls.skips !== null) return null;
    key += `\n${mwKey(b)}`;
  }
  return key;
}

/** Everything addRoute reads of an earlier middleware. */
function mwKey(b: MwBefore): string {
  const c = b.cls;
  return [
    b.arg.name, c.kind, c.stop, +c.terminal, +c.errorHandler, +!!c.leaks,
    prefixSignature(b.prefix), rangeSignature(b.layer.range), rangeSignature(b.layer.argRange), b.layer.prefix,
  ].join('|');
}

function prefixSignature(p: Prefix): string {
  if (p.kind === 'str') return `s:${p.v}:${typeof p.caseSensitive === 'boolean' ? +p.caseSensitive : p.caseSensitive.map(Number).join('')}`;
  if (p.kind === 'regex') return `r:${p.source}/${p.flags}`;
  return 'u';
}

function rangeSignature(r: SourceRange | null): string {
  return r ? `${r.file}:${r.line}:${r.column}:${r.endLine}:${r.endColumn}` : '';
}
