// Koa objects as the interpreter builds them: apps with their middleware list in `app.use` order,
// routers with their stack of layers as @koa/router and koa-router hold it (prefixes applied to the
// layer path, nested routers cloned in, K5), and the values that stand for what the program hands
// to `app.use`: a router's dispatch (`router.routes()`), `koa-compose` arrays, `koa-mount`, koa-jwt.
import type { ArmPath } from '../../core/adapter';
import type { FnIR } from '../../core/ir';
import type { Arg, HostObject, Site, Value } from '../../core/values';
import { alternatives } from '../../core/values';

/** One layer of a router's stack: a `use()` (no methods) or a route. */
export interface KoaLayer {
  kind: 'use' | 'route';
  /**
   * The path as the router matches it, prefixes applied (`router.prefix()`, the `prefix` option, a
   * nesting router's use-path): `/api/orders`. A path-less `use()` holds its prefixes alone ('' when none).
   */
  path: string;
  /** A `use()` written without a path: it covers every path under the router's prefix (K12). */
  pathless: boolean;
  /** A `use('/', ...)`: @koa/router 15 runs it for its prefix alone (it registers it with `end: true`, K11). */
  root?: true;
  /** Upper-case methods; ['ALL'] for `router.all()` and `redirect()`; [] for a use. */
  methods: string[];
  /** The middleware, then (for a route) the handler, in order; composed arrays flattened. */
  fns: Arg[];
  site: Site;
  /** Named routes: `router.get('name', '/path', ...)`. */
  name: string | null;
  /** Why the path is not known, when it is not. */
  pathWhy?: string;
  /** A route's path argument as written (no prefix), when a string. */
  written?: string;
  /** The router the layer was registered on (a clone keeps it: its `router.param()` handlers are that router's). */
  owner: KoaRouter;
  /** A route's undecided `if` arms (AdapterRuntime.arms): a route in the other arm of one never answers beside it. */
  arms?: ArmPath;
}

export interface KoaRouter extends HostObject {
  framework: 'koa';
  kind: 'router';
  /** The package it comes from: '@koa/router' or 'koa-router' (their versions read paths differently, K11, K12, K15). */
  pkg: string;
  /** The `prefix` option or the last `router.prefix()`; '' when none. */
  prefix: string;
  stack: KoaLayer[];
  /** `router.param(name, fn)`, in call order: it runs before the middleware of every layer with `:name` (K10). */
  params: { name: string; fn: Arg }[];
}

/** What `app.use()` received, in order. */
export interface KoaApp extends HostObject {
  framework: 'koa';
  kind: 'app';
  middleware: Arg[];
  /** Where `app.proxy = true` or `new Koa({ proxy: true })` turned proxy trust on (null: turned off). */
  proxy?: Site | null;
  /** The servers made for it (`app.listen()`, `http.createServer(app.callback())`), in the order made. */
  servers?: KoaServer[];
}

/** `app.callback()`: the request listener a server is made with. */
export interface KoaCallback extends HostObject {
  framework: 'koa';
  kind: 'callback';
  app: KoaApp;
}

/** An http.Server serving an app, with the timeout properties the code sets on it (stop 1). */
export interface KoaServer extends HostObject {
  framework: 'koa';
  kind: 'server';
  timeouts: Map<string, { value: Value; site: Site }>;
}

/** `router.routes()` / `router.middleware()`: the router's dispatch function. */
export interface KoaDispatch extends HostObject {
  framework: 'koa';
  kind: 'dispatch';
  router: KoaRouter;
}

/** `router.allowedMethods()`: answers OPTIONS, 405 and 501 after `await next()`. */
export interface KoaAllowedMethods extends HostObject {
  framework: 'koa';
  kind: 'allowedMethods';
  router: KoaRouter;
}

/** `compose([a, b])` (koa-compose): runs the array in its position. */
export interface KoaComposed extends HostObject {
  framework: 'koa';
  kind: 'compose';
  fns: Arg[];
}

/** `mount(prefix, appOrMiddleware)` (koa-mount): runs it for paths under `prefix`, with the prefix stripped. */
export interface KoaMount extends HostObject {
  framework: 'koa';
  kind: 'mount';
  prefix: string;
  target: Arg;
}

/** koa-jwt's middleware, and koa-unless's wrapper around it (`jwt(opts).unless(rules)`). */
export interface KoaJwt extends HostObject {
  framework: 'koa';
  kind: 'jwt';
  /** `passthrough: true`: a request without a valid token goes on, without `ctx.state.user`. */
  passthrough: boolean;
  /** koa-unless's rules, when wrapped. */
  unless: UnlessRules | null;
}

/** What koa-unless reads to skip the middleware it wraps. */
export interface UnlessRules {
  /** Strings match the pathname exactly; RegExps are tried unanchored. */
  paths: ({ kind: 'str'; v: string } | { kind: 'regex'; source: string; flags: string })[];
  methods: string[];
  exts: string[];
  /** A `custom` function: what it exempts is not read. */
  custom: boolean;
  /** Tests `ctx.originalUrl` (the mount path included) unless `useOriginalUrl: false`. */
  useOriginalUrl: boolean;
}

export type KoaHost = KoaApp | KoaRouter | KoaDispatch | KoaAllowedMethods | KoaComposed | KoaMount | KoaJwt | KoaCallback | KoaServer;

export function isKoaHost(h: HostObject): h is KoaHost {
  return h.framework === 'koa';
}

/** The Koa value an argument holds (a router's dispatch, a compose array, a mount...), or null. */
export function koaHost(arg: Arg): KoaHost | null {
  const v = alternatives(arg.value).find(x => x.t === 'host' && isKoaHost(x.host));
  return v?.t === 'host' ? (v.host as KoaHost) : null;
}

/** The function an argument holds, when the analyser can read it. */
export function fnOf(arg: Arg): { fn: FnIR; file: string } | null {
  const v = alternatives(arg.value).find(o => o.t === 'fn');
  return v?.t === 'fn' ? { fn: v.fn, file: v.file } : null;
}

/** Router methods that register a route, with the methods they register. */
export const ROUTE_METHODS: Record<string, string[]> = {
  get: ['GET'], post: ['POST'], put: ['PUT'], patch: ['PATCH'], delete: ['DELETE'], del: ['DELETE'], head: ['HEAD'], options: ['OPTIONS'],
  all: ['ALL'],
};
