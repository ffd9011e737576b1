// Fastify objects as the interpreter builds them: one host per encapsulation context (the root
// instance, or the child instance a plain `register(plugin)` hands its plugin), holding the hooks
// it received in the order Fastify's plugin tree gave them (F7), its decorators and its routes.
import type { FnIR } from '../../core/ir';
import type { LifecyclePhase, Stop } from '../../core/model';
import { type Arg, type HostObject, type ObjValue, type Site, type Value, asString } from '../../core/values';

/**
 * How the app's router matches paths (F14): `caseSensitive` (default true) and `ignoreTrailingSlash`
 * (default false), as factory options (Fastify 4 and 5) or in `routerOptions` (Fastify 5).
 */
export interface RouterOptions {
  caseSensitive: boolean;
  ignoreTrailingSlash: boolean;
}

export const DEFAULT_ROUTER_OPTIONS: RouterOptions = { caseSensitive: true, ignoreTrailingSlash: false };

/** Router options as a factory call writes them: top-level, and inside `routerOptions`. */
export interface WrittenRouterOptions {
  top: Partial<RouterOptions>;
  nested: Partial<RouterOptions>;
}

/** The options the router of `major` uses: `routerOptions` overrides the top level on Fastify 5; Fastify 4 ignores it. */
export function routerOptionsFor(major: 4 | 5, written: WrittenRouterOptions): RouterOptions {
  return { ...DEFAULT_ROUTER_OPTIONS, ...written.top, ...(major === 5 ? written.nested : {}) };
}

/** The request-lifecycle hooks a route's chain is made of, in the order Fastify runs them. */
export const CHAIN_PHASES = ['onRequest', 'preParsing', 'preValidation', 'preHandler'] as const satisfies readonly LifecyclePhase[];

/** The hooks Fastify runs after the handler, in run order (preSerialization only for a payload it serializes). */
export const AFTER_HANDLER_PHASES = ['preSerialization', 'onSend', 'onResponse'] as const satisfies readonly LifecyclePhase[];

/** The stop each phase's hooks live at: parsing (2), before the handler (4), serializing (6), writing (7). */
export const PHASE_STOPS: Record<LifecyclePhase, Stop> = {
  onRequest: 4, preParsing: 2, preValidation: 4, preHandler: 4, preSerialization: 6, onSend: 7, onResponse: 7, onError: 4,
};

/** Every hook name `addHook` or a route option takes that runs per request (before or after the handler). */
export const LIFECYCLE_PHASES = new Set<string>(['onRequest', 'preParsing', 'preValidation', 'preHandler', 'preSerialization', 'onSend', 'onResponse', 'onError']);

/** A hook as a context holds it: the argument given to `addHook`, and the context that added it. */
export interface HookRecord {
  phase: LifecyclePhase;
  fn: Arg;
  /** The context whose `addHook` call added it (a hook reaches descendants too, F1, F3). */
  from: FastifyContext;
  site: Site;
  /**
   * @fastify/middie's (or @fastify/express's) own onRequest hook, added where it is registered: every
   * `use()` middleware the route's context holds runs at its position (F18).
   */
  middie?: true;
}

/** A `use(path?, fn)` middleware (@fastify/middie): `path` is a case-insensitive prefix, null for every request. */
export interface MiddlewareRecord {
  path: string | null;
  fn: Arg;
  from: FastifyContext;
}

/** One `get()` / `route()` registration: its methods, its url as written, and its own options. */
export interface RouteRecord {
  methods: string[];
  /** The url argument; null when it is not a known string. */
  url: string | null;
  /** Why the url is unknown, when it is. */
  urlWhy?: string;
  /** The context's prefix when the route was registered (the context's prefix never changes). */
  prefix: string;
  handler: Arg | null;
  /** Route-level hooks by phase, in array order. */
  hooks: Partial<Record<LifecyclePhase, Arg[]>>;
  site: Site;
  /** The route's `config` option (read by hooks through `request.routeOptions.config`). */
  config: ObjValue | null;
  /** Route options `onRequest: [x]` whose entries are not functions Fastify accepts (an invisible decorator). */
  notes: string[];
  /** Route hook options that are undefined here (`instance.authenticate` not visible, F3); `inArray`: Fastify refuses the route. */
  undefinedHooks: { phase: LifecyclePhase; arg: Arg; inArray: boolean }[];
  /** The route option `exposeHeadRoute` when it is a known boolean (the server option `exposeHeadRoutes` applies otherwise, F12). */
  exposeHeadRoute: boolean | null;
  /** Whether its options give `schema.response` (the compiled serializer, stop 6); null when the options cannot be read. */
  responseSchema: boolean | null;
  /** The route option `bodyLimit` (it replaces the server's for this route, F17); absent when not written. */
  bodyLimit?: Arg;
  /**
   * @fastify/rate-limit registrations above it that had not loaded when it was added: the same code
   * added it right after a `register(rateLimit)` that was not awaited (F19). Absent when none.
   */
  beforeRateLimitLoads?: RateLimitRecord[];
}

/**
 * `register(@fastify/rate-limit)` in a context (F19): from an onRoute hook, it limits each route
 * added under that context once it has loaded, and never the routes added before.
 */
export interface RateLimitRecord {
  site: Site;
  /** The plugin as the code names it (`rateLimit`). */
  name: string;
  /** The routes under its context when it was registered. */
  before: RouteRecord[];
  /**
   * Not loaded yet: Fastify loads plugins after the code that registers them has run, so routes that
   * code adds next come first, until it awaits a `register`, `after` or `ready` of the context.
   */
  pending: boolean;
}

export interface FastifyContext extends HostObject {
  framework: 'fastify';
  kind: 'context';
  /** The enclosing context, null for a root instance. */
  parent: FastifyContext | null;
  /** Contexts created inside it by plain `register()`, in creation order. */
  children: FastifyContext[];
  /** The full route prefix of this context (F6: nested prefixes concatenate). */
  prefix: string;
  /** Hooks per phase, in run order: the parent's at creation, then its own and later parents' as they come (F7). */
  hooks: Partial<Record<LifecyclePhase, HookRecord[]>>;
  /** `decorate(name, value)` on this context (children see them, the parent does not). */
  decorators: Map<string, Value>;
  routes: RouteRecord[];
  /**
   * `use()` middleware, in call order: a child context copies its parent's when it is created; a
   * parent's later `use()` does not reach it (middie's onRegister copies the list, F18).
   */
  middleware: MiddlewareRecord[];
  /** The plugin functions run in this context (its own, and fastify-plugin ones sharing it). */
  plugins: FnIR[];
  /** The name of the plugin function that fills it (`fastify()` for a root), for the views that name contexts. */
  pluginName: string;
  /** Where each of its decorators is declared (`decorate(name, ...)`). */
  decoratorSites: Map<string, Site>;
  /** The `register()` plugin argument that created it, when a call in the code did. */
  pluginSite: Site | null;
  /** `addHook(phase, x)` calls in it where `x` is a decorator this context cannot see (Fastify refuses them). */
  undefinedHooks: { phase: LifecyclePhase; arg: Arg; site: Site }[];
  /** The server option `exposeHeadRoutes` of its root (default true): GET routes get a HEAD route of their own (F12). */
  exposeHeadRoutes: boolean;
  /** Its root's router options as written (which apply depends on the major: routerOptionsFor). */
  routerOptions: WrittenRouterOptions;
  /** A root's factory options (`fastify({ trustProxy, keepAliveTimeout, bodyLimit })`), when an object literal or known object. */
  options?: ObjValue;
  /** `register(@fastify/multipart, opts)` in this context (fastify-plugin: it reaches this context and those below). */
  multipart?: { options: ObjValue | null; site: Site };
  /** `register(@fastify/rate-limit)` calls in this context, in order (F19). */
  rateLimits?: RateLimitRecord[];
}

export function isFastifyContext(h: HostObject): h is FastifyContext {
  return h.framework === 'fastify' && h.kind === 'context';
}

/** A context and every context below it, parents first, children in creation order. */
export function descendants(ctx: FastifyContext): FastifyContext[] {
  const out: FastifyContext[] = [];
  // One array for the whole tree: a spread per level copied each context once per ancestor.
  const visit = (c: FastifyContext): void => {
    out.push(c);
    for (const child of c.children) visit(child);
  };
  visit(ctx);
  return out;
}

/** The instance methods that register routes, by name, with the methods they register (`all` is per major, F15). */
export const SHORTHAND_METHODS: Record<string, string> = {
  get: 'GET', head: 'HEAD', post: 'POST', put: 'PUT', delete: 'DELETE', options: 'OPTIONS', patch: 'PATCH',
};

/** `fastify.all()`: Fastify 5 registers these (F15). */
export const ALL_METHODS_5 = ['GET', 'HEAD', 'TRACE', 'DELETE', 'OPTIONS', 'PATCH', 'PUT', 'POST', 'QUERY'];

/** `fastify.all()`: Fastify 4 registers every method it supports (F15). */
export const ALL_METHODS_4 = [
  'DELETE', 'GET', 'HEAD', 'PATCH', 'POST', 'PUT', 'OPTIONS', 'PROPFIND', 'PROPPATCH', 'MKCOL', 'COPY', 'MOVE', 'LOCK', 'UNLOCK', 'TRACE', 'SEARCH', 'REPORT', 'MKCALENDAR',
];

/**
 * The key a decorator is stored under: its name, or for a symbol (`decorate(kAuth, ...)`, as
 * fastify/demo keys its decorators) the place `Symbol('...')` was called, since each call makes a
 * new symbol: every import of that exported constant is the same key. `Symbol.for(...)` comes as a string.
 */
export function decoratorKey(v: Value): string | null {
  if (v.t === 'pkgcall' && v.name === 'Symbol' && v.path.length === 0) return `@@Symbol@${v.site.file}:${v.site.span.start}`;
  return asString(v);
}
