// Stop 3: Fastify's router is global to an app, so the same method and full path registered twice
// makes it refuse to start (F11, FST_ERR_DUPLICATED_ROUTE), whichever plugins the two registrations
// sit in. Fastify registers some routes itself: `get('/')` under a prefix answers at the prefix and
// at prefix + '/' (F6), and a GET gets a HEAD route of its own, which an explicit `head()` registered
// after it repeats on Fastify 5 (F12; Fastify 4 lets the explicit one replace it).
import { exclusiveArms } from '../core/adapter';
import { ARMS, type ModelRoute, type StackOrigin } from '../core/model';
import type { RuleReport } from '../core/rule';
import { at, defineRule, samePlace } from './define-rule';

export const noDuplicateRoute = defineRule({
  id: 'no-duplicate-route',
  stop: 3,
  frameworks: ['fastify'],
  description: 'A method and full path must be registered once per app: Fastify refuses to start on a duplicate.',
  defaultSeverity: 'error',
  messages: {
    duplicate: '{{route}} is registered twice ({{firstAt}} and {{routeAt}}){{where}}: Fastify refuses to start (FST_ERR_DUPLICATED_ROUTE).',
    headAfterGet: '{{route}} repeats the HEAD route Fastify 5 makes for GET {{path}} ({{firstAt}}): Fastify 5 refuses to start (FST_ERR_DUPLICATED_ROUTE).',
  },
  check(ctx) {
    const out: RuleReport[] = [];
    const { routes, origins } = ctx.model;
    // Per app, by method, by path as the router files it: the first registration seen (explicit,
    // or a GET's own HEAD route). Tables, not a `app METHOD path` string per path looked up.
    const apps = new Map<number, AppRoutes>();
    for (const route of inDispatchOrder(routes)) {
      if (route.unresolved.some(n => n.startsWith('path:'))) continue;
      let app = apps.get(route.app);
      if (!app) apps.set(route.app, (app = appRoutes(origins[route.app])));
      const { fastify4, asRouted } = app;
      const paths = route.aliases?.length ? [route.path, ...route.aliases] : [route.path];
      const seen = methodTable(app, route.method);
      let reported = false;
      for (const path of paths) {
        const key = asRouted(path);
        const first = seen.get(key);
        if (!first) { seen.set(key, { route, implied: false }); continue; }
        // One call registering several methods, or '/' at its alias: not a second registration.
        if (samePlace(first.route.range, route.range) || reported) continue;
        // Registered in the other arm of an undecided `if`: the two never exist in one start.
        if (exclusiveArms(first.route[ARMS], route[ARMS])) continue;
        // Fastify 4 lets an explicit head() replace the one a GET made (route.js, kRouteByFastify).
        if (first.implied && fastify4) { seen.set(key, { route, implied: false }); continue; }
        out.push(ctx.reuse(route.range, [route.method, path, first.route.range, first.implied, route.context, first.route.context], () => reportFor(route, path, first)));
        reported = true;
      }
      if (route.impliedHead) {
        const heads = methodTable(app, 'HEAD');
        for (const path of paths) {
          const key = asRouted(path);
          // A head() registered before the GET keeps HEAD: the GET then makes none (F12).
          if (!heads.has(key)) heads.set(key, { route, implied: true });
        }
      }
    }
    return out;
  },
});

interface First { route: ModelRoute; implied: boolean }

/** What the rule keeps of one app: its major, how its router files paths, and the first route per method and path. */
interface AppRoutes {
  fastify4: boolean;
  asRouted: (path: string) => string;
  byMethod: Map<string, Map<string, First>>;
}

function appRoutes(origin: StackOrigin | undefined): AppRoutes {
  return { fastify4: origin?.frameworkVersion?.startsWith('4') ?? false, asRouted: routerKey(origin?.router), byMethod: new Map() };
}

function methodTable(app: AppRoutes, method: string): Map<string, First> {
  let t = app.byMethod.get(method);
  if (!t) app.byMethod.set(method, (t = new Map()));
  return t;
}

/** Routes by app, then registration order: the model's own list when it already is (adapters list them so), else a sorted copy. */
function inDispatchOrder(routes: readonly ModelRoute[]): readonly ModelRoute[] {
  for (let i = 1; i < routes.length; i++) {
    const a = routes[i - 1];
    const b = routes[i];
    if (a.app > b.app || (a.app === b.app && a.order > b.order)) return [...routes].sort((x, y) => x.app - y.app || x.order - y.order);
  }
  return routes;
}

/**
 * A path as the app's router files it (F14): with `caseSensitive: false` '/Orders' is '/orders', with
 * `ignoreTrailingSlash` '/orders/' is '/orders' (Fastify refuses both pairs as duplicates).
 */
function routerKey(router: StackOrigin['router']): (path: string) => string {
  return path => {
    const trimmed = router?.ignoreTrailingSlash && path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
    return router && !router.caseSensitive ? trimmed.toLowerCase() : trimmed;
  };
}

/** `path` is the one of the route's paths that is taken (a '/' route under a prefix has two, F6). */
function reportFor(route: ModelRoute, path: string, first: { route: ModelRoute; implied: boolean }): RuleReport {
  const data: Record<string, string> = { route: `${route.method} ${path}`, routeAt: at(route.range), firstAt: at(first.route.range) };
  if (first.implied) {
    data.path = first.route.path;
    return {
      ...route.range, messageId: 'headAfterGet', data,
      related: [{ ...first.route.range, message: `GET ${first.route.path} makes its own HEAD route` }],
      // The explicit head() keeps serving HEAD once the GET stops making one.
      fixes: [{ kind: 'add-option', title: `Give GET ${first.route.path} exposeHeadRoute: false`, call: first.route.range, name: 'exposeHeadRoute', value: 'false' }],
    };
  }
  data.where = first.route.context !== route.context ? ', in two plugins (the router is global to the app)' : '';
  return {
    ...route.range, messageId: 'duplicate', data,
    related: [{ ...first.route.range, message: `${route.method} ${path} is first registered here` }],
    fixes: [],
  };
}
