// Stop 4, the Fastify form of the headline finding: a hook reaches the routes of the context it is
// added in and of that context's children, never siblings or the parent (F3), and a prefix is not a
// scope (F6). Reported:
// - a route outside the plugin whose auth hook protects the routes sharing its prefix;
// - a plain (not fastify-plugin) plugin whose auth hook has no route to protect, while routes beside it run without auth;
// - a route whose handler reads request.user with no auth hook reaching it;
// - a hook written as a decorator the route's context cannot see (F3): Fastify refuses an `undefined`
//   in a hook array at startup (FST_ERR_HOOK_INVALID_HANDLER), and silently drops a lone one.
// A lone public route with no protected sibling under its prefix is not reported.
import type { ContextHook, Fix, ModelContext, ModelRoute, UndefinedHook } from '../core/model';
import type { RuleReport } from '../core/rule';
import { isAuthFlowPath } from './auth-flow-paths';
import { at, defineRule, samePlace } from './define-rule';

export const noRouteOutsideAuthScope = defineRule({
  id: 'no-route-outside-auth-scope',
  stop: 4,
  frameworks: ['fastify'],
  description: "A route must live in the context its auth hook reaches: Fastify's encapsulation keeps a plugin's hooks inside it.",
  defaultSeverity: 'error',
  messages: {
    sibling: '{{route}} runs without authentication: it is registered {{where}} ({{routeAt}}), outside plugin {{plugin}} ({{pluginAt}}), '
      + 'whose {{phase}} hook {{auth}} ({{authAt}}) protects {{sibling}} under the same prefix {{prefix}}. A prefix is not a scope: '
      + "a plugin's hooks reach only its own routes and its children's.",
    pluginWithoutFp: 'Plugin {{plugin}} ({{pluginAt}}) adds the {{phase}} hook {{auth}} ({{authAt}}) to its own encapsulated context, which holds no routes: '
      + 'it protects nothing, and {{routes}} beside it run without authentication. Wrap the plugin in fastify-plugin (fp) so the hook reaches them.',
    readsIdentity: '{{route}} reads {{identity}} but no auth hook reaches it{{auth}}.',
    decoratorRefused: '{{hook}} is undefined here: decorator {{decorator}} is declared {{declared}}, which this context cannot see, '
      + 'so Fastify refuses to start (FST_ERR_HOOK_INVALID_HANDLER).',
    decoratorDropped: '{{hook}} is undefined here: decorator {{decorator}} is declared {{declared}}, which this context cannot see, '
      + 'so Fastify registers {{route}} with no {{phase}} hook at all.',
  },
  check(ctx) {
    const contexts = new Map((ctx.model.contexts ?? []).map(c => [c.id, c]));
    const out: RuleReport[] = [];
    const reported = new Set<ModelRoute>();
    for (const route of ctx.model.routes) {
      for (const h of route.undefinedHooks ?? []) {
        out.push(ctx.reuse(h.range, [h.text, h.declaredAt, route.method, route.path], () => undefinedReport(h, route, route.context ?? null, contexts)));
        reported.add(route);
      }
    }
    for (const c of contexts.values()) {
      for (const h of c.undefinedHooks ?? []) out.push(ctx.reuse(h.range, [h.text, h.declaredAt], () => undefinedReport(h, null, c.id, contexts)));
    }
    const scopes = authScopes(ctx.model.routes, contexts);
    // Scopes by app and first path segment: a scope's prefix has one at least, and covers only paths
    // whose first segment is the same (in any case); the first scope in `scopes` order still wins.
    const scopeGroups = new Map<string, AuthScope[]>();
    for (const s of scopes) {
      const key = `${s.app} ${firstSegment(s.prefix)}`;
      scopeGroups.set(key, [...(scopeGroups.get(key) ?? []), s]);
    }
    const firstOfApp = new Map<number, AuthScope>();
    for (const s of scopes) if (!firstOfApp.has(s.app)) firstOfApp.set(s.app, s);
    for (const route of ctx.model.routes) {
      if (route.protected || route.shadowedBy.length || reported.has(route) || !route.context) continue;
      const own = contexts.get(route.context)?.prefix ?? '';
      const candidates = scopeGroups.get(`${route.app} ${firstSegment(route.path)}`) ?? [];
      if (!candidates.length && !route.facts.readsIdentity) continue;
      const scope = candidates.find(s => !within(route.context!, s.context.id, contexts) && ctx.paths(route.app).covers(s.prefix, route.path, true)
        // A plugin mounted at a longer prefix of its own (`/api/auth` beside a protected `/api`) is a public area by design.
        && own.length <= s.prefix.length);
      // A page of the sign-in flow that reads no identity is public by design (as on Express and Koa).
      if (scope && !(route.facts.readsIdentity === null && isAuthFlowPath(route.path))) {
        const inputs = [route.method, route.path, route.context, scope.hook.range, scope.hook.fnRange, scope.sibling.range, scope.prefix, scope.context.name];
        out.push(ctx.reuse(route.range, inputs, () => siblingReport(route, scope, contexts)));
        continue;
      }
      const identity = route.facts.readsIdentity;
      if (!identity) continue;
      const elsewhere = firstOfApp.get(route.app) ?? null;
      const inputs = [route.method, route.path, identity, elsewhere?.hook.range, elsewhere?.hook.fnRange, elsewhere?.context.name, elsewhere?.context.line];
      out.push(ctx.reuse(route.range, inputs, () => identityReport(route, identity, elsewhere, contexts)));
    }
    out.push(...routelessAuthPlugins(ctx.model.routes, contexts));
    return out;
  },
});

/** A context's auth hook, the prefix of the routes it protects, and one of them. */
interface AuthScope {
  app: number;
  context: ModelContext;
  hook: ContextHook;
  prefix: string;
  sibling: ModelRoute;
  /** A protected route registered in the context itself: where a moved route would go. */
  anchor: ModelRoute | null;
}

/**
 * For each encapsulated context with an auth hook of its own, the prefix its protected routes share:
 * the context's prefix, else the parent path of a protected route (`/admin` for `/admin/users`).
 * A root's hooks reach every route of its app: they are no scope to be outside of.
 */
function authScopes(routes: ModelRoute[], contexts: Map<string, ModelContext>): AuthScope[] {
  // The first protected route (in route order) per context and auth name: in the context's tree
  // (`below`), and in the context itself (`own`). One pass up each route's ancestors, not one pass
  // over the routes per context (thousands of plugins each with a hook made that quadratic).
  const below = new Map<string, ModelRoute>();
  const own = new Map<string, ModelRoute>();
  for (const r of routes) {
    if (!r.protected || !r.context) continue;
    for (const name of r.authBy) {
      const ownKey = `${r.context}\0${name}`;
      if (!own.has(ownKey)) own.set(ownKey, r);
      for (let c = contexts.get(r.context); c; c = c.parent ? contexts.get(c.parent) : undefined) {
        const key = `${c.id}\0${name}`;
        if (below.has(key)) break; // an earlier route already filled this ancestor and the ones above it
        below.set(key, r);
      }
    }
  }
  const out: AuthScope[] = [];
  for (const c of contexts.values()) {
    if (!c.parent) continue;
    for (const hook of c.ownHooks ?? []) {
      if (hook.kind !== 'auth') continue;
      const sibling = below.get(`${c.id}\0${hook.name}`);
      if (!sibling) continue;
      const prefix = c.prefix && c.prefix !== '/' ? c.prefix : parentPath(sibling.path);
      const anchor = own.get(`${c.id}\0${hook.name}`) ?? null;
      if (prefix !== '/') out.push({ app: sibling.app, context: c, hook, prefix, sibling, anchor });
    }
  }
  return out;
}

/** The first segment of a path, lower-cased (`/API/orders` → `api`). */
function firstSegment(path: string): string {
  return (path.split('/').find(Boolean) ?? '').toLowerCase();
}

/** Whether context `id` is `ancestor` or below it. */
function within(id: string, ancestor: string, contexts: Map<string, ModelContext>): boolean {
  for (let c = contexts.get(id); c; c = c.parent ? contexts.get(c.parent) : undefined) if (c.id === ancestor) return true;
  return false;
}

function parentPath(p: string): string {
  const i = p.replace(/\/+$/, '').lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

/** `plugin orders (app.js:12)` or `the root context (app.js:3)`, for messages. */
function where(c: ModelContext | undefined): string {
  if (!c) return 'in an unknown context';
  return c.parent ? `in plugin ${c.name ?? 'anonymous'}` : 'in the root context';
}

function siblingReport(route: ModelRoute, scope: AuthScope, contexts: Map<string, ModelContext>): RuleReport {
  const authRange = scope.hook.fnRange ?? scope.hook.range;
  return {
    ...route.range,
    messageId: 'sibling',
    data: {
      route: `${route.method} ${route.path}`, where: where(contexts.get(route.context!)), routeAt: at(route.range),
      plugin: scope.context.name ?? 'anonymous', pluginAt: `${scope.context.file}:${scope.context.line}`, phase: scope.hook.phase,
      auth: scope.hook.name, authAt: at(authRange), sibling: `${scope.sibling.method} ${scope.sibling.path}`, prefix: scope.prefix,
    },
    related: [
      { ...scope.hook.range, message: `${scope.hook.name} is added here, inside plugin ${scope.context.name ?? 'anonymous'}` },
      { ...scope.sibling.range, message: `${scope.sibling.method} ${scope.sibling.path} is protected by ${scope.hook.name}` },
    ],
    fixes: [...addHookOption(route, scope.hook, contexts), ...moveInto(route, scope, contexts)],
  };
}

/**
 * The route's registration moved beside a route of the protected plugin, on that plugin's instance,
 * its path shortened by the plugin's prefix. Only when the path is written as the route's full path
 * minus its own context's prefix (a '/' or '' route at its prefix is left alone: either could be meant).
 */
function moveInto(route: ModelRoute, scope: AuthScope, contexts: Map<string, ModelContext>): Fix[] {
  const anchor = scope.anchor;
  if (!anchor || anchor.file !== route.file) return [];
  const own = contexts.get(route.context!)?.prefix ?? '';
  const target = scope.context.prefix;
  const written = route.path.slice(own.length);
  const wanted = route.path.slice(target.length);
  if (!route.path.startsWith(own) || !route.path.startsWith(target) || !written.startsWith('/') || !wanted.startsWith('/')) return [];
  return [{
    kind: 'move-call', title: `Move ${route.method} ${route.path} into plugin ${scope.context.name ?? 'anonymous'}`, from: route.range, anchor: anchor.range,
    ...(written !== wanted ? { path: { from: written, to: wanted } } : {}),
  }];
}

/** `elsewhere`: the app's first auth scope, named as where the auth lives. */
function identityReport(
  route: ModelRoute, identity: NonNullable<ModelRoute['facts']['readsIdentity']>, elsewhere: AuthScope | null, contexts: Map<string, ModelContext>,
): RuleReport {
  const data: Record<string, string> = { route: `${route.method} ${route.path}`, identity: identity.expr, auth: '' };
  const related = [{ ...identity.range, message: `${identity.expr} is read here` }];
  if (elsewhere) {
    data.auth = `: ${elsewhere.hook.name} (${at(elsewhere.hook.fnRange ?? elsewhere.hook.range)}) is added inside plugin ${elsewhere.context.name ?? 'anonymous'} `
      + `(${elsewhere.context.file}:${elsewhere.context.line}), which does not contain this route (registered ${where(contexts.get(route.context!))})`;
    related.push({ ...elsewhere.hook.range, message: `${elsewhere.hook.name} is added here` });
  }
  return { ...route.range, messageId: 'readsIdentity', data, related, fixes: elsewhere ? addHookOption(route, elsewhere.hook, contexts) : [] };
}

/**
 * `onRequest: [requireUser]` on the route, written with a name the route's code can use: the
 * decorator on the route's own instance when its context sees it, else the hook's identifier when
 * the hook is a function added in the same file (a module-level name there).
 */
function addHookOption(route: ModelRoute, hook: ContextHook, contexts: Map<string, ModelContext>): Fix[] {
  const title = `Add ${hook.phase}: ${hook.decorator ?? hook.text} to ${route.method} ${route.path}`;
  if (hook.decorator && contexts.get(route.context!)?.decorators?.includes(hook.decorator)) {
    return [{ kind: 'add-option', title, call: route.range, name: hook.phase, value: hook.decorator, member: true }];
  }
  const fn = hook.fnRange;
  const isFunction = fn && !samePlace(fn, hook.range) && fn.file === route.file && hook.range.file === route.file;
  if (/^[A-Za-z_$][\w$]*$/.test(hook.text) && isFunction) return [{ kind: 'add-option', title, call: route.range, name: hook.phase, value: `[${hook.text}]` }];
  return [];
}

/**
 * Encapsulated contexts made by a `register()` call whose auth hooks reach no route (nothing below
 * them registers one), while unprotected routes live in the parent's tree: the plugin was meant to
 * be wrapped in fastify-plugin.
 */
function routelessAuthPlugins(routes: ModelRoute[], contexts: Map<string, ModelContext>): RuleReport[] {
  const out: RuleReport[] = [];
  // Contexts with a route in their tree: marked up from each route's context, once per context.
  const holdsRoutes = new Set<string>();
  for (const r of routes) {
    for (let c = r.context ? contexts.get(r.context) : undefined; c && !holdsRoutes.has(c.id); c = c.parent ? contexts.get(c.parent) : undefined) holdsRoutes.add(c.id);
  }
  for (const c of contexts.values()) {
    const hook = (c.ownHooks ?? []).find(h => h.kind === 'auth');
    if (!hook || !c.parent || !c.register || holdsRoutes.has(c.id)) continue;
    const open = routes.filter(r => !r.protected && !r.shadowedBy.length && r.context && within(r.context, c.parent!, contexts));
    if (!open.length) continue;
    const names = open.length === 1 ? `${open[0].method} ${open[0].path}` : `${open.length} routes (${open[0].method} ${open[0].path}, …)`;
    const authRange = hook.fnRange ?? hook.range;
    out.push({
      ...c.register.call,
      messageId: 'pluginWithoutFp',
      data: { plugin: c.name ?? 'anonymous', pluginAt: at(c.register.call), phase: hook.phase, auth: hook.name, authAt: at(authRange), routes: names },
      related: [{ ...hook.range, message: `${hook.name} is added here, inside the plugin` }, ...open.slice(0, 3).map(r => ({ ...r.range, message: `${r.method} ${r.path} runs without it` }))],
      fixes: c.register.plugin ? [{ kind: 'wrap-call', title: `Wrap ${c.name ?? 'the plugin'} in fastify-plugin`, target: c.register.plugin, callee: 'fp', module: 'fastify-plugin' }] : [],
    });
  }
  return out;
}

/** `reading`: the context the hook is read in. */
function undefinedReport(h: UndefinedHook, route: ModelRoute | null, reading: string | null, contexts: Map<string, ModelContext>): RuleReport {
  const declaring = h.declaredIn ? contexts.get(h.declaredIn) : undefined;
  const declared = h.declaredAt ? `${where(declaring)} (${at(h.declaredAt)})` : 'in no context of this app';
  const data: Record<string, string> = { hook: h.text, decorator: h.decorator, declared, phase: h.phase };
  if (route) data.route = `${route.method} ${route.path}`;
  const related = h.declaredAt ? [{ ...h.declaredAt, message: `${h.decorator} is declared here` }] : [];
  // fastify-plugin makes the declaring plugin's decorators its parent's, visible to the parent's other children.
  const fix: Fix[] = declaring?.register?.plugin && declaring.parent && reading && within(reading, declaring.parent, contexts)
    ? [{ kind: 'wrap-call', title: `Wrap ${declaring.name ?? 'the plugin'} in fastify-plugin`, target: declaring.register.plugin, callee: 'fp', module: 'fastify-plugin' }]
    : [];
  return { ...h.range, messageId: h.refused || !route ? 'decoratorRefused' : 'decoratorDropped', data, related, fixes: fix };
}
