// Stop 3: Fastify's router is global to an app, so the same method and full path registered twice
// makes it refuse to start (F11, FST_ERR_DUPLICATED_ROUTE), whichever plugins the two registrations
// sit in. Fastify registers some routes itself: `get('/')` under a prefix answers at the prefix and
// at prefix + '/' (F6), and a GET gets a HEAD route of its own, which an explicit `head()` registered
// after it repeats on Fastify 5 (F12; Fastify 4 lets the explicit one replace it).
import type { ModelRoute } from '../core/model';
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
    // Per app, by `METHOD path`: the first registration seen (explicit, or a GET's own HEAD route).
    const seen = new Map<string, { route: ModelRoute; implied: boolean }>();
    for (const route of [...routes].sort((a, b) => a.app - b.app || a.order - b.order)) {
      if (route.unresolved.some(n => n.startsWith('path:'))) continue;
      const fastify4 = origins[route.app]?.frameworkVersion?.startsWith('4') ?? false;
      let reported = false;
      for (const path of [route.path, ...(route.aliases ?? [])]) {
        const key = `${route.app} ${route.method} ${path}`;
        const first = seen.get(key);
        if (!first) { seen.set(key, { route, implied: false }); continue; }
        // One call registering several methods, or '/' at its alias: not a second registration.
        if (samePlace(first.route.range, route.range) || reported) continue;
        // Fastify 4 lets an explicit head() replace the one a GET made (route.js, kRouteByFastify).
        if (first.implied && fastify4) { seen.set(key, { route, implied: false }); continue; }
        out.push(ctx.reuse(route.range, [route.method, path, first.route.range, first.implied, route.context, first.route.context], () => reportFor(route, path, first)));
        reported = true;
      }
      if (route.impliedHead) {
        for (const path of [route.path, ...(route.aliases ?? [])]) {
          const key = `${route.app} HEAD ${path}`;
          // A head() registered before the GET keeps HEAD: the GET then makes none (F12).
          if (!seen.has(key)) seen.set(key, { route, implied: true });
        }
      }
    }
    return out;
  },
});

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
