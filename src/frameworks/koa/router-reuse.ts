// Re-analysis after an edit walks again only the routers whose routes the edit can change. A router
// replayed from the previous run (core/module-reuse.ts) is the same object with the same stack, the
// routers nested in it cloned in. Dispatched under the same koa-mount prefix, after the same app
// middleware and the same earlier routers that may run before its routes (K3), its walk gives what
// it gave last time: its route layers and routes are added again, moved to their new positions.
import type { AdapterContext } from '../../core/adapter';
import type { ModelRoute, OrderedLayer, SourceRange } from '../../core/model';
import { literalKey, routeSegments, unknownSegment } from '../shared/paths';
import type { KoaClassification } from './middleware-kind';
import { middlewareName } from './middleware-kind';
import type { KoaLayer, KoaRouter } from './objects';
import { type UseMatching, layerSegments } from './paths';
import type { Arg } from '../../core/values';

/** What ran before a point of an app's middleware: a middleware, or a router's dispatch, each under a koa-mount prefix. */
export type Ran =
  | { kind: 'mw'; arg: Arg; mount: string }
  | { kind: 'router'; router: KoaRouter; mount: string };

/** The parts of an app's walk a router's routes are read from and added to. */
export interface RouterWalkState {
  app: number;
  /** The app's Koa major (null: unknown), which decides whether a generator middleware runs (K14). */
  major: number | null;
  layers: OrderedLayer[];
  routes: ModelRoute[];
  classify(arg: Arg): KoaClassification;
  useMatching(router: KoaRouter): UseMatching;
  contextOf(router: KoaRouter): string;
  argRange(arg: Arg): SourceRange | null;
}

/** What walking one router's routes added, and where. */
interface RouterWalk {
  layerBase: number;
  routeBase: number;
  layers: OrderedLayer[];
  routes: ModelRoute[];
  /** The router whose `context` each route names (its layer's owner), in route order. */
  owners: KoaRouter[];
  /** The routers the walk numbered as contexts, in the order it first met them. */
  contexts: KoaRouter[];
  /**
   * The last copies made to add the walk again at other positions, kept so that re-analysing the same
   * edit again (every keystroke after the first in one place) adds the same objects.
   */
  moved?: RouterWalk;
}

/** Dispatch contexts remembered per router (a router dispatched in several places has one walk per place). */
const MAX_CONTEXTS = 8;

/**
 * Adds the routes of `router`, dispatched under `mount` after `ran`, with `walk` (given the contextOf
 * to number routers with), or adds again what the same walk added last run.
 */
export function walkOrReuse(
  router: KoaRouter, mount: string, ran: readonly Ran[], st: RouterWalkState, ctx: AdapterContext, walk: (contextOf: (r: KoaRouter) => string) => void,
): void {
  const key = contextKey(router, mount, ran, st, ctx);
  const walks = ctx.memo('koa.routerWalks', router, () => new Map<string, RouterWalk>());
  const last = walks.get(key);
  if (last) { addAgain(last, st); return; }
  const layerBase = st.layers.length;
  const routeBase = st.routes.length;
  // The routers the walk numbers as contexts, in the order it first meets them (ids are numbered across the app's walk).
  const byId = new Map<string, KoaRouter>();
  const contexts: KoaRouter[] = [];
  walk(r => {
    const id = st.contextOf(r);
    if (!byId.has(id)) { byId.set(id, r); contexts.push(r); }
    return id;
  });
  const routes = st.routes.slice(routeBase);
  if (walks.size >= MAX_CONTEXTS) walks.clear();
  walks.set(key, { layerBase, routeBase, layers: st.layers.slice(layerBase), routes, owners: routes.map(r => byId.get(r.context!)!), contexts });
}

function addAgain(w: RouterWalk, st: RouterWalkState): void {
  for (const r of w.contexts) st.contextOf(r);
  const dOrder = st.layers.length - w.layerBase;
  const dRoute = st.routes.length - w.routeBase;
  const m = w.moved;
  const ids = w.owners.map(o => st.contextOf(o));
  const same = (x: RouterWalk) => x.layerBase === st.layers.length && x.routeBase === st.routes.length && x.routes.every((r, i) => r.app === st.app && r.context === ids[i]);
  const moved = m && same(m) ? m : same(w) ? w : (w.moved = move(w, dOrder, dRoute, st.app, ids));
  for (const l of moved.layers) st.layers.push(l);
  for (const r of moved.routes) st.routes.push(r);
}

/** The walk's layers and routes at their new positions, in app `app`, with the context ids `ids`. */
function move(w: RouterWalk, dOrder: number, dRoute: number, app: number, ids: string[]): RouterWalk {
  const layers = w.layers.map(l => {
    const moved: OrderedLayer = { ...l, order: l.order + dOrder };
    if (l.route !== undefined) moved.route = l.route + dRoute;
    return moved;
  });
  const routes = w.routes.map((r, i) => ({ ...r, order: r.order + dOrder, app, context: ids[i] }));
  return { ...w, layerBase: w.layerBase + dOrder, routeBase: w.routeBase + dRoute, layers, routes, moved: undefined };
}

/**
 * Everything from outside the router its routes depend on: the mount, the app's Koa major, how each
 * router that made one of its layers matches use-paths (its version, K11), each earlier middleware as
 * a route's chain reads it, and each earlier router that may have a route matching one of its routes
 * (K3: the others never run for them), by id (a router made afresh has a new one).
 */
function contextKey(router: KoaRouter, mount: string, ran: readonly Ran[], st: RouterWalkState, ctx: AdapterContext): string {
  let key = `${mount}\n${st.major}\n${owners(router.stack, ctx).map(o => st.useMatching(o)).join(',')}`;
  const head = headOf(router.stack, mount, ctx);
  for (const r of ran) {
    if (r.kind === 'mw') { key += `\nmw ${r.mount}|${mwKey(r.arg, st)}`; continue; }
    const other = headOf(r.router.stack, r.mount, ctx);
    if (other === null || head === null || diverge(head, other)) continue;
    key += `\nrouter ${r.router.id} ${r.mount} ${owners(r.router.stack, ctx).map(o => st.useMatching(o)).join(',')}`;
  }
  return key;
}

/** Everything a route's chain reads of an earlier middleware: its name, classification and place. */
function mwKey(arg: Arg, st: RouterWalkState): string {
  return `${middlewareName(arg)}|${JSON.stringify(st.classify(arg))}|${rangeSignature(st.argRange(arg))}`;
}

function rangeSignature(r: SourceRange | null): string {
  return r ? `${r.file}:${r.line}:${r.column}:${r.endLine}:${r.endColumn}` : '';
}

/** The routers that registered the layers of a stack (its own, and those of routers nested in it), in order. */
function owners(stack: readonly KoaLayer[], ctx: AdapterContext): KoaRouter[] {
  return ctx.memo('koa.stackOwners', stack, () => [...new Set(stack.map(l => l.owner))]);
}

/**
 * The literal segments (case-folded) every route of a stack starts with, under `mount`; null when it
 * has no route. Two routers whose heads differ at some segment have no route matching the other's.
 */
function headOf(stack: readonly KoaLayer[], mount: string, ctx: AdapterContext): string[] | null {
  const local = ctx.memo('koa.stackHead', stack, () => commonHead(stack.filter(l => l.kind === 'route').map(l => layerSegments(l))));
  if (local === null) return null;
  if (!mount) return local;
  const segs = routeSegments([], mount, 'unknown', () => unknownSegment('mount'));
  const keys = literalPrefix(segs);
  return keys.length === segs.length ? [...keys, ...local] : keys;
}

function literalPrefix(segs: readonly string[]): string[] {
  const out: string[] = [];
  for (const s of segs) {
    const k = literalKey(s);
    if (k === null) break;
    out.push(k);
  }
  return out;
}

function commonHead(all: string[][]): string[] | null {
  if (!all.length) return null;
  let head = literalPrefix(all[0]);
  for (const segs of all) {
    let i = 0;
    while (i < head.length && i < segs.length && literalKey(segs[i]) === head[i]) i++;
    if (i < head.length) head = head.slice(0, i);
  }
  return head;
}

function diverge(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) return true;
  return false;
}
