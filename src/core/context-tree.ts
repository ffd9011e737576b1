// Routes grouped by the context they live in (a Fastify encapsulation context, a Koa router), as a tree per app:
// what the CLI's text report and the editor's routes view show for frameworks that report contexts.
// Pure data in, pure data out.
import type { Route, RoutingContext } from './model';

export interface ContextGroup<R> {
  context: RoutingContext;
  /** Its own routes, in the order given. */
  routes: R[];
  /** The contexts below it that hold routes (their own or further down), in the order of the context list. */
  children: ContextGroup<R>[];
}

/**
 * The contexts of `routes` as trees, roots first in the order of `contexts`. Routes naming no known
 * context are left out (the caller shows them as it shows any route); contexts without a route
 * below them are left out too.
 */
export function groupByContext<R extends Pick<Route, 'context'>>(routes: readonly R[], contexts: readonly RoutingContext[]): ContextGroup<R>[] {
  const byId = new Map(contexts.map((c, i) => [c.id, { c, i }]));
  const groups = new Map<string, ContextGroup<R>>();
  const roots: ContextGroup<R>[] = [];
  const groupOf = (id: string): ContextGroup<R> | undefined => {
    const known = byId.get(id);
    if (!known) return undefined;
    let g = groups.get(id);
    if (g) return g;
    g = { context: known.c, routes: [], children: [] };
    groups.set(id, g);
    const parent = known.c.parent !== null ? groupOf(known.c.parent) : undefined;
    (parent ? parent.children : roots).push(g);
    return g;
  };
  for (const r of routes) if (r.context !== undefined) groupOf(r.context)?.routes.push(r);
  const order = (a: ContextGroup<R>, b: ContextGroup<R>) => byId.get(a.context.id)!.i - byId.get(b.context.id)!.i;
  for (const g of groups.values()) g.children.sort(order);
  return roots.sort(order);
}

/** Every route in the trees, at any depth (to tell which routes named no known context). */
export function routesUnder<R>(groups: readonly ContextGroup<R>[]): Set<R> {
  const out = new Set<R>();
  const add = (g: ContextGroup<R>): void => { for (const r of g.routes) out.add(r); g.children.forEach(add); };
  groups.forEach(add);
  return out;
}

/** What a context is, in words: `encapsulated`, `root`, or sharing its parent's (fastify-plugin). */
export function contextScope(c: RoutingContext): string {
  return c.parent === null ? 'root' : c.encapsulated ? 'encapsulated' : 'shares its parent (fastify-plugin)';
}

/** `plugin admin`: what fills a context, to name it. */
export function contextName(c: RoutingContext): string {
  return c.name !== undefined ? `plugin ${c.name}` : 'plugin';
}

/** `/admin · encapsulated`: a context's prefix and scope, to describe it. */
export function contextDescription(c: RoutingContext): string {
  return `${c.prefix || 'no prefix'} · ${contextScope(c)}`;
}

/** `router`: a Koa router's context, to name it when the adapter found no name for it. */
export const ROUTER_NAME = 'router';

/** `router kids`: a Koa router's context by the name the code mounts it under, else ROUTER_NAME. */
export function routerName(c: RoutingContext): string {
  return c.name !== undefined ? `${ROUTER_NAME} ${c.name}` : ROUTER_NAME;
}

/**
 * `/api`, `no prefix`, `/users · mounted at /admin`: a Koa router's own prefix, and the koa-mount
 * path its routes (given by their `mountPrefix`) all sit under, to describe it.
 */
export function routerDescription(c: RoutingContext, mounts: readonly string[] = []): string {
  const at = new Set(mounts);
  const mount = at.size === 1 && !at.has('/') ? ` · mounted at ${mounts[0]}` : '';
  return `${c.prefix || 'no prefix'}${mount}`;
}
