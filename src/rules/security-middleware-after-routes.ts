// Stop 4: a rate limiter, CORS, helmet or CSRF layer registered after routes it would otherwise cover.
// Express and Koa run middleware in registration order (E1, K1): a route registered before the layer
// answers first, so the layer never runs for it. A layer after every route it covers runs only for
// requests no route answers. Koa routers order their own use() the same way (K2), and a router's
// use() reaches only that router's routes (K3, K4).
// Fastify hooks reach routes registered before them (F1, F4), so @fastify/cors and @fastify/helmet
// cover earlier routes; the one order-dependent plugin is @fastify/rate-limit, which installs itself
// on each route added after it loads (F19): routes added before its register call, or by the same
// code right after a register it does not await (Fastify loads plugins later), are never limited.
import type { Fix, LayerKind, ModelContext, ModelRoute, OrderedLayer, SourceRange } from '../core/model';
import type { PathMatcher } from '../core/path-matcher';
import type { RuleContext, RuleReport } from '../core/rule';
import { at, defineRule, groupBy, moveStatement, placeKey } from './define-rule';

/** The layer kinds a route is worse off without (model.ts LayerKind). */
const GUARD_KINDS: ReadonlySet<LayerKind> = new Set<LayerKind>(['cors', 'security', 'rate-limit']);

/**
 * Routes that stay outside such layers on purpose: a load balancer's health and readiness probes,
 * metrics scrapes. Their last segment names them; they are neither counted nor reported.
 */
const PROBE_SEGMENT = /^(health|healthz|healthcheck|ready|readyz|readiness|live|livez|liveness|ping|status|metrics|favicon\.ico|robots\.txt)$/i;

/** How many missed routes a finding lists as related locations. */
const RELATED_ROUTES = 5;

export const securityMiddlewareAfterRoutes = defineRule({
  id: 'security-middleware-after-routes',
  stop: 4,
  frameworks: ['express', 'fastify', 'koa'],
  description: 'A rate limiter, CORS, helmet or CSRF layer must be registered before the routes it should cover.',
  defaultSeverity: 'warning',
  messages: {
    afterSome: '{{layer}} is registered at {{layerAt}}, after {{count}} it would cover, such as {{route}}: '
      + 'they answer before it runs, so they run without it.',
    afterAll: '{{layer}} is registered at {{layerAt}}, after every route it would cover ({{count}}, such as {{route}}): '
      + 'it runs only for requests no route answers.',
    rateLimitBefore: '{{layer}} is registered at {{layerAt}}, after {{count}} it would limit, such as {{route}}: @fastify/rate-limit '
      + 'limits only the routes added after it loads (it installs itself from an onRoute hook), so these are never limited.',
    rateLimitNotAwaited: '{{layer}} is registered at {{layerAt}} without await, and {{count}} added right after it by the same code, '
      + 'such as {{route}}, come before it loads (Fastify loads plugins once that code has run): they are never limited. '
      + 'Await the register call, or add those routes in a plugin registered after it.',
  },
  check(ctx) {
    const out: RuleReport[] = [];
    const { routes, stacks } = ctx.model;
    const byApp = groupBy(routes, r => r.app);
    stacks.forEach((stack, app) => {
      const appRoutes = byApp.get(app) ?? [];
      for (const layer of stack) {
        if (layer.kind !== 'middleware' || !GUARD_KINDS.has(layer.layerKind)) continue;
        const missed = missedByAppLayer(layer, appRoutes, ctx.paths(app));
        if (!missed.length) continue;
        const reached = appRoutes.some(r => r.order > layer.order && ctx.paths(app).covers(layer.prefix, r.path, false));
        const anchor = anchorBefore(stack, layer, missed[0]);
        const place = layer.argRange ?? layer.range;
        out.push(report(ctx, place, layer.name, missed, reached, anchor ? moveStatement(layer.range, anchor, moveTitle(layer.name, missed[0]), true) : null));
      }
    });
    const byContext = groupBy(routes, r => r.context || undefined);
    for (const c of ctx.model.contexts ?? []) out.push(...routerUseReports(ctx, c, byContext.get(c.id) ?? []));
    out.push(...rateLimitReports(ctx, routes));
    return out;
  },
});

function report(
  ctx: RuleContext, place: SourceRange, name: string, missed: ModelRoute[], reached: boolean, fix: Fix | null,
): RuleReport {
  // Ranges and routes of unchanged files are the same objects run after run (RuleContext.reuse).
  const inputs = [name, reached, fix?.kind, ...missed.map(r => r.range), ...missed.map(r => r.path)];
  return ctx.reuse(place, inputs, () => ({
    ...place,
    messageId: reached ? 'afterSome' : 'afterAll',
    data: {
      layer: name, layerAt: at(place), count: missed.length === 1 ? '1 route' : `${missed.length} routes`,
      route: `${missed[0].method} ${missed[0].path}`,
    },
    related: missed.slice(0, RELATED_ROUTES).map(r => ({ ...r.range, message: `${r.method} ${r.path} is registered here, before ${name}, and runs without it` })),
    fixes: fix ? [fix] : [],
  }));
}

/** The app's routes registered before an app-level layer, under its prefix, that have no layer of its kind. */
function missedByAppLayer(layer: OrderedLayer, routes: ModelRoute[], paths: PathMatcher): ModelRoute[] {
  return routes.filter(r => r.order < layer.order && !r.shadowedBy.length && !isProbe(r.path)
    && !hasSameGuard(r, layer.name, layer.layerKind) && paths.covers(layer.prefix, r.path, false));
}

/**
 * Koa: a router's path-less use() of such a layer (ModelContext.pathlessUses) misses the routes of that
 * router registered before it (K2): those of the router whose chain does not hold it.
 */
function routerUseReports(ctx: RuleContext, context: ModelContext, own: ModelRoute[]): RuleReport[] {
  const out: RuleReport[] = [];
  for (const use of context.pathlessUses ?? []) {
    if (!GUARD_KINDS.has(use.kind) || !use.range) continue;
    const key = placeKey(use.range);
    const holds = (r: ModelRoute) => r.chainRanges.some((range, i) => range !== null && r.chain[i].level === 'router' && placeKey(range) === key);
    const missed = own.filter(r => !holds(r) && !r.shadowedBy.length && !isProbe(r.path) && !hasSameGuard(r, use.name, use.kind)
      && (use.prefix === '' || ctx.paths(r.app).covers(use.prefix, r.path, false)));
    if (!missed.length) continue;
    const fix = moveStatement(use.range, missed[0].range, moveTitle(use.name, missed[0]), true);
    out.push(report(ctx, use.range, use.name, missed, own.some(holds), fix));
  }
  return out;
}

/** Fastify: per @fastify/rate-limit registration and reason, the routes it never limits (ModelRoute.rateLimitsMissed, F19). */
function rateLimitReports(ctx: RuleContext, routes: ModelRoute[]): RuleReport[] {
  const groups = new Map<string, { name: string; range: SourceRange; why: 'before' | 'not-awaited'; missed: ModelRoute[] }>();
  for (const r of routes) {
    if (!r.rateLimitsMissed || r.shadowedBy.length || isProbe(r.path)) continue;
    for (const m of r.rateLimitsMissed) {
      const key = `${placeKey(m.range)} ${m.why}`;
      const g = groups.get(key) ?? { ...m, missed: [] };
      g.missed.push(r);
      groups.set(key, g);
    }
  }
  return [...groups.values()].map(g => ctx.reuse(g.range, [g.name, g.why, ...g.missed.map(r => r.range), ...g.missed.map(r => r.path)], () => ({
    ...g.range,
    messageId: g.why === 'before' ? 'rateLimitBefore' : 'rateLimitNotAwaited',
    data: {
      layer: g.name, layerAt: at(g.range), count: g.missed.length === 1 ? '1 route' : `${g.missed.length} routes`,
      route: `${g.missed[0].method} ${g.missed[0].path}`,
    },
    related: g.missed.slice(0, RELATED_ROUTES).map(r => ({ ...r.range, message: `${r.method} ${r.path} is added here, before ${g.name} loads, and is never limited` })),
    fixes: [],
  })));
}

/**
 * Where to move an app-level layer so the first route it misses gets it: the last top-level
 * registration of its file at or before that route (the route itself, or the mount of the router
 * that holds it).
 */
function anchorBefore(stack: OrderedLayer[], layer: OrderedLayer, first: ModelRoute): SourceRange | null {
  let anchor: SourceRange | null = null;
  for (const l of stack) {
    if (l.order > first.order) break;
    if ((l.kind === 'route' || l.kind === 'mount') && l.range.file === layer.range.file) anchor = l.range;
  }
  return anchor;
}

function moveTitle(name: string, first: ModelRoute): string {
  return `Move ${name} above ${first.method} ${first.path}`;
}

/** Whether the route already runs a layer doing that job (its own, or one registered elsewhere). */
function hasSameGuard(route: ModelRoute, name: string, kind: LayerKind): boolean {
  // An OPTIONS route exists to answer preflights, almost always with cors() as its handler
  // (`app.options('/x', cors())`), which the chain does not list.
  if (kind === 'cors' && route.method === 'OPTIONS') return true;
  // 'security' holds unlike jobs (helmet's headers, csurf's tokens): only the same layer counts there.
  return route.chain.some(c => c.name === name || (kind !== 'security' && c.kind === kind));
}

function isProbe(path: string): boolean {
  const last = path.replace(/\/+$/, '').split('/').pop() ?? '';
  return PROBE_SEGMENT.test(last);
}
