// Stop 4: a route registered before the auth layer runs without it (E1-E4, Koa K1). Reported when the
// route reads the authenticated identity, or when routes sharing its router or mount prefix that are
// registered after it are protected. A lone public route (health check, login) is not a finding.
// Koa routers scope their own use() (K2-K4): a route registered before its router's path-less
// use(auth) is reported when a later route of that router is protected by it; another router's use
// never counts (two routers with one prefix share nothing, K4).
import type { Fix, ModelContext, ModelRoute, OrderedLayer, SourceRange } from '../core/model';
import type { PathMatcher } from '../core/path-matcher';
import type { RuleReport } from '../core/rule';
import { isAuthFlowPath } from './auth-flow-paths';
import { at, defineRule, firstAfter, groupBy, moveStatement, placeKey, prefixKey } from './define-rule';

export const noRouteBeforeAuth = defineRule({
  id: 'no-route-before-auth',
  stop: 4,
  frameworks: ['express', 'koa'],
  description: 'A route must not be registered before the auth layer that protects the routes around it.',
  defaultSeverity: 'error',
  messages: {
    readsIdentity: '{{route}} runs without authentication but reads {{identity}}: it is registered at {{routeAt}}, before {{auth}} ({{authAt}}).',
    siblingsProtected: '{{route}} runs without authentication: it is registered at {{routeAt}}, before {{auth}} ({{authAt}}), '
      + 'which protects the routes registered after it.',
    readsIdentityNoAuth: '{{route}} reads {{identity}} but no authentication layer runs before it.',
    beforeRouterUse: "{{route}} runs without authentication: it is registered at {{routeAt}}, before its router's use({{auth}}) ({{authAt}}), "
      + 'which protects the routes the router registers after it, such as {{sibling}} (a router runs its use() layers in order, K2).',
  },
  check(ctx) {
    const out: RuleReport[] = [];
    const { routes, stacks } = ctx.model;
    const effective = new Map([...effectiveAuthLayers(routes, stacks)].map(([app, layers]) => [app, groupByPrefix(layers)]));
    const byApp = routesByApp(routes);
    const routerUses = routerAuthUses(routes, ctx.model.contexts ?? []);
    const ownMounts = ownMountPaths(stacks);
    for (const route of routes) {
      if (route.protected || route.shadowedBy.length) continue;
      const paths = ctx.paths(route.app);
      const later = laterAuth(route, effective.get(route.app) ?? new Map(), paths);
      const sibling = later ? protectedSibling(route, byApp.get(route.app) ?? [], later.layer, paths, ownMounts) : null;
      // Reading who is asking is no sign of missing auth where a layer of the chain sets it without
      // requiring it (optional auth, a session loader: the handler decides what an anonymous caller gets).
      const identity = route.identitySetBy ? null : route.facts.readsIdentity;
      // The pages of the sign-in flow are public by design, wherever the auth layer sits; a route
      // reading the identity is reported whatever its name.
      const authFlow = !identity && isAuthFlowPath(route.path);
      const inRouter = !sibling && !authFlow ? laterRouterUse(route, routerUses, paths) : null;
      if (inRouter) {
        const inputs = [route.method, route.path, inRouter.use.name, inRouter.use.range, inRouter.sibling.range, inRouter.sibling.method, inRouter.sibling.path];
        out.push(ctx.reuse(route.range, inputs, () => routerUseReport(route, inRouter)));
        continue;
      }
      if (!identity && (!sibling || authFlow)) continue;
      // The same inputs (ranges and facts of unchanged files are kept across runs) give the same report.
      const inputs = [
        route.method, route.path, identity, later?.layer.range, later?.layer.argRange, later?.name, sibling?.range, sibling?.method, sibling?.path,
      ];
      out.push(ctx.reuse(route.range, inputs, () => reportFor(route, identity, later, sibling)));
    }
    return out;
  },
});

function reportFor(
  route: ModelRoute, identity: ModelRoute['facts']['readsIdentity'], later: { layer: OrderedLayer; name: string } | null, sibling: ModelRoute | null,
): RuleReport {
  const data: Record<string, string> = { route: `${route.method} ${route.path}`, routeAt: at(route.range) };
  if (identity) data.identity = identity.expr;
  if (!later) {
    return { ...route.range, messageId: 'readsIdentityNoAuth', data, related: [{ ...identity!.range, message: `${identity!.expr} is read here` }], fixes: [] };
  }
  const authRange = later.layer.argRange ?? later.layer.range;
  data.auth = later.name;
  data.authAt = at(authRange);
  const related = [{ ...authRange, message: `${later.name} is registered here, after the route` }];
  if (identity) related.push({ ...identity.range, message: `${identity.expr} is read here` });
  if (sibling) related.push({ ...sibling.range, message: `${sibling.method} ${sibling.path} is protected by ${later.name}` });
  return { ...route.range, messageId: identity ? 'readsIdentity' : 'siblingsProtected', data, related, fixes: fixes(route, later.layer) };
}

/** A router's path-less use(auth) (Koa, ModelContext.pathlessUses) and the first route it protects. */
interface RouterUse {
  /** `prefix`: what it sits under ('' for the router's own prefix; a nesting router's use-path covers only its paths, K5). */
  use: { name: string; range: SourceRange; prefix: string };
  sibling: ModelRoute;
}

/**
 * Per context, its path-less auth uses that protect a route, each with the first route whose chain
 * holds it (one pass over the chains). A path-less use covers every route of its router (K2, K3):
 * a route of the same router whose chain lacks it was registered before it.
 */
function routerAuthUses(routes: ModelRoute[], contexts: ModelContext[]): Map<string, RouterUse[]> {
  const uses = new Map<string, { context: string; use: RouterUse['use'] }>();
  for (const c of contexts) {
    for (const u of c.pathlessUses ?? []) if (u.kind === 'auth' && u.protects && u.range) uses.set(`${c.id} ${placeKey(u.range)}`, { context: c.id, use: { name: u.name, range: u.range, prefix: u.prefix } });
  }
  const out = new Map<string, RouterUse[]>();
  if (!uses.size) return out;
  const seen = new Set<string>();
  for (const r of routes) {
    if (!r.protected || !r.context) continue;
    r.chainRanges.forEach((range, i) => {
      const key = range && r.chain[i].level === 'router' ? `${r.context} ${placeKey(range)}` : null;
      const found = key ? uses.get(key) : undefined;
      if (!found || seen.has(key!)) return;
      seen.add(key!);
      out.set(found.context, [...(out.get(found.context) ?? []), { use: found.use, sibling: r }]);
    });
  }
  return out;
}

/** A path-less auth use of the route's router that protects a later route of it but is not in the route's chain. */
function laterRouterUse(route: ModelRoute, byContext: Map<string, RouterUse[]>, paths: PathMatcher): RouterUse | null {
  const candidates = route.context ? byContext.get(route.context) : undefined;
  if (!candidates) return null;
  const own = new Set(route.chainRanges.map(r => (r ? placeKey(r) : '')));
  return candidates.find(c => c.sibling.order > route.order && c.sibling.app === route.app && !own.has(placeKey(c.use.range))
    && (c.use.prefix === '' || paths.covers(c.use.prefix, route.path, false))) ?? null;
}

function routerUseReport(route: ModelRoute, r: RouterUse): RuleReport {
  const move = moveStatement(route.range, r.use.range, `Move ${route.method} ${route.path} below use(${r.use.name})`);
  return {
    ...route.range,
    messageId: 'beforeRouterUse',
    data: { route: `${route.method} ${route.path}`, routeAt: at(route.range), auth: r.use.name, authAt: at(r.use.range), sibling: `${r.sibling.method} ${r.sibling.path}` },
    related: [
      { ...r.use.range, message: `${r.use.name} is added to the router here, after the route` },
      { ...r.sibling.range, message: `${r.sibling.method} ${r.sibling.path} is protected by ${r.use.name}` },
    ],
    fixes: move ? [move] : [],
  };
}


/** Per app, the auth middleware layers that really protect at least one later route (computed once). */
function effectiveAuthLayers(routes: ModelRoute[], stacks: OrderedLayer[][]): Map<number, OrderedLayer[]> {
  const out = new Map<number, OrderedLayer[]>();
  // The last position at which a protected route names each auth layer: a layer is effective when
  // it sits before that position (one pass over the routes instead of one per auth layer).
  const lastUse = new Map<number, Map<string, number>>();
  for (const r of routes) {
    if (!r.protected) continue;
    let byName = lastUse.get(r.app);
    if (!byName) lastUse.set(r.app, (byName = new Map()));
    for (const name of r.authBy) if ((byName.get(name) ?? -1) < r.order) byName.set(name, r.order);
  }
  stacks.forEach((stack, app) => {
    const byName = lastUse.get(app);
    out.set(app, byName ? stack.filter(l => l.kind === 'middleware' && l.layerKind === 'auth' && (byName.get(l.name) ?? -1) > l.order) : []);
  });
  return out;
}

/**
 * The first effective auth layer registered after the route whose prefix would have covered it.
 * Layers are grouped by prefixKey, so a route looks only at the keys of its path's leading segments
 * ('' for '/', '/api', '/api/v1', ..., the path itself) instead of at every auth layer; the stack's
 * path matcher then decides, with the case sensitivity of the layer's routers (E9).
 */
function laterAuth(route: ModelRoute, byPrefix: Map<string, OrderedLayer[]>, paths: PathMatcher): { layer: OrderedLayer; name: string } | null {
  const q = route.path.toLowerCase();
  const keys = ['', q];
  for (let i = 1; i < q.length; i++) if (q[i] === '/') keys.push(q.slice(0, i));
  let best: OrderedLayer | null = null;
  for (const key of keys) {
    const layers = byPrefix.get(key);
    if (!layers) continue;
    for (let i = firstAfter(layers, route.order); i < layers.length && (!best || layers[i].order < best.order); i++) {
      const l = layers[i];
      if (paths.covers(l.prefix, route.path, l.caseSensitive ?? false)) { best = l; break; }
    }
  }
  return best ? { layer: best, name: best.name } : null;
}

/** Auth layers by prefixKey, each list in stack order. */
function groupByPrefix(layers: OrderedLayer[]): Map<string, OrderedLayer[]> {
  const out = new Map<string, OrderedLayer[]>();
  for (const l of layers) {
    const key = prefixKey(l.prefix);
    const list = out.get(key) ?? [];
    list.push(l);
    out.set(key, list);
  }
  return out;
}

/** Each app's routes in dispatch order. */
function routesByApp(routes: ModelRoute[]): Map<number, ModelRoute[]> {
  const out = groupBy(routes, r => r.app);
  for (const list of out.values()) list.sort((a, b) => a.order - b.order);
  return out;
}

/**
 * The first protected route after the auth layer that shares the route's router or mount prefix.
 * `appRoutes` are the app's routes in dispatch order: the search starts at the auth layer's position
 * (it used to scan every route of the workspace once per finding).
 * The prefix shared is the one the route's own router was mounted at (`app.use('/users', users)`);
 * a router mounted at its parent's root (`api.use('/', pages)`, a whole group of public routes
 * mounted before the auth layer on purpose) shares only its path's parent below that mount.
 */
function protectedSibling(
  route: ModelRoute, appRoutes: ModelRoute[], auth: OrderedLayer, paths: PathMatcher, ownMounts: Map<number, string>,
): ModelRoute | null {
  const own = ownMounts.get(route.router);
  const parent = parentPath(route.path);
  const scope = own ? route.mountPrefix : parent.length > route.mountPrefix.length ? parent : '/';
  for (let i = firstAfter(appRoutes, auth.order); i < appRoutes.length; i++) {
    const r = appRoutes[i];
    if (!r.protected || !r.authBy.includes(auth.name)) continue;
    const sameRouter = r.router === route.router && route.mountPrefix !== '/';
    if (sameRouter || (scope !== '/' && paths.covers(scope, r.path, false))) return r;
  }
  return null;
}

/**
 * Per mounted router, the path its own mount adds to its parent's prefix ('' for a mount at the
 * parent's root). The app itself is in no mount: absent.
 */
function ownMountPaths(stacks: OrderedLayer[][]): Map<number, string> {
  const prefixOf = new Map<number, string>();
  const parentOf = new Map<number, number | undefined>();
  for (const stack of stacks) {
    for (const l of stack) {
      if (l.kind !== 'mount' || l.mounts === undefined) continue;
      prefixOf.set(l.mounts, l.prefix);
      parentOf.set(l.mounts, l.owner);
    }
  }
  const out = new Map<number, string>();
  for (const [router, prefix] of prefixOf) {
    const parent = parentOf.get(router);
    const base = (parent !== undefined ? prefixOf.get(parent) : undefined) ?? '/';
    out.set(router, trimSlash(prefix).slice(trimSlash(base).length));
  }
  return out;
}

function trimSlash(p: string): string {
  return p.replace(/\/+$/, '');
}

function parentPath(p: string): string {
  const i = p.replace(/\/+$/, '').lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

function fixes(route: ModelRoute, auth: OrderedLayer): Fix[] {
  const move = moveStatement(route.range, auth.range, `Move ${route.method} ${route.path} below ${auth.name}`);
  return move ? [move] : [];
}
