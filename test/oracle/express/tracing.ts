// Instruments a real express module (4 or 5) so the oracle can see what actually runs.
// Every function registered through use / VERB / all / route().VERB / param is replaced by the
// loading boot's wrapper (TracingSession.traced: same name, `length` and kind), which records the
// name into that boot's trace when it runs. Mount paths are kept
// as the raw values passed to use(): Express itself only keeps them inside regexps. Route paths
// need no recording: every Route object keeps its path (route.path).

import type { Fn, TracingSession } from '../harness/tracing-session';

export type MountPath = string | RegExp | MountPath[];

export interface ExpressLayer {
  route?: { path: MountPath; stack: ExpressLayer[] };
  handle: any;
  name?: string;
  method?: string;
}

// The patches live on express's shared prototypes, so they need to know which boot is loading a
// fixture: its session names the registrations and owns the wrappers. Null between loads, when
// nothing registers (routes are only added while a fixture's modules run).
let loading: TracingSession | null = null;
const mountPaths = new WeakMap<ExpressLayer, MountPath>();
const subApps = new WeakMap<ExpressLayer, any>();
const instrumented = new WeakSet<object>();
let internalDepth = 0;

/** Run `load` with `session` receiving the registrations and wrappers it makes. */
export async function withExpressSession<T>(session: TracingSession, load: () => Promise<T>): Promise<T> {
  loading = session;
  try {
    return await load();
  } finally {
    loading = null;
  }
}

export function mountPathOf(layer: ExpressLayer): MountPath | undefined {
  return mountPaths.get(layer);
}

export function subAppOf(layer: ExpressLayer): any {
  return subApps.get(layer);
}

/** A router (has its own stack) or an app (has handle+set): never wrapped, the walker descends into it. */
export function isRouterOrApp(fn: any): boolean {
  return typeof fn === 'function' && (Array.isArray(fn.stack) || (typeof fn.handle === 'function' && typeof fn.set === 'function'));
}

function traced(fn: Fn, handlerOf: number | null): Fn {
  return loading ? loading.traced(fn, handlerOf) : fn;
}

function flattenDeep(args: unknown[]): unknown[] {
  return args.flat(Infinity);
}

/** Wraps the functions of one route registration; the last one is the route's handler. */
function wrapRouteFns(fns: unknown[], method: string): unknown[] {
  if (!loading) return fns;
  const last = fns[fns.length - 1];
  if (loading.handlerIdOf(last) !== undefined) return fns; // already wrapped by app.all
  const id = loading.register(method);
  return fns.map((fn, i) => (typeof fn === 'function' ? traced(fn as Fn, i === fns.length - 1 ? id : null) : fn));
}

/** Same rule as Router#use: a leading non-function (or array whose first leaf is not a function) is the path. */
function splitUseArgs(args: unknown[]): { mount: MountPath | undefined; fns: unknown[] } {
  let first: unknown = args[0];
  while (Array.isArray(first) && first.length !== 0) first = first[0];
  if (args.length > 0 && typeof first !== 'function') return { mount: args[0] as MountPath, fns: flattenDeep(args.slice(1)) };
  return { mount: undefined, fns: flattenDeep(args) };
}

/** The object in fn's prototype chain that defines `key`: in express 4 a router's prototype is the
 *  Router function itself; in express 5 (router 2) it is a Router instance, whose own prototype
 *  (Router.prototype) holds the methods. */
function ownerOf(obj: object, key: string): any {
  for (let o: any = obj; o; o = Object.getPrototypeOf(o)) if (Object.prototype.hasOwnProperty.call(o, key)) return o;
  throw new Error(`express internals changed: no ${key} in the router prototype chain`);
}

const VERBS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

/** Patch one express module in place (idempotent). Must run before the fixture creates its app. */
export function instrumentExpress(express: any): void {
  if (instrumented.has(express)) return;
  instrumented.add(express);
  const routerProto = ownerOf(express.Router(), 'use');
  const routeProto = express.Route.prototype;
  const appProto = express.application;

  const origUse: Fn = routerProto.use;
  routerProto.use = function (this: { stack: ExpressLayer[] }, ...args: unknown[]) {
    const { mount, fns } = splitUseArgs(args);
    // express 4 adds its own `query`/`expressInit` layers lazily; they are not fixture code.
    // `mounted_app` is express's closure around a sub-app; the walker follows the app instead.
    const wrapped = internalDepth > 0 ? fns : fns.map((fn) => (typeof fn === 'function' && !isRouterOrApp(fn) && fn.name !== 'mounted_app' ? traced(fn as Fn, null) : fn));
    const before = this.stack.length;
    const result = origUse.call(this, mount ?? '/', ...wrapped);
    for (const layer of this.stack.slice(before)) mountPaths.set(layer, mount ?? '/');
    return result;
  };

  const origParam: Fn = routerProto.param;
  routerProto.param = function (this: unknown, name: unknown, fn: unknown) {
    return origParam.call(this, name, typeof fn === 'function' ? traced(fn as Fn, null) : fn);
  };

  for (const verb of [...VERBS, 'all']) {
    const orig: Fn = routeProto[verb];
    routeProto[verb] = function (this: unknown, ...args: unknown[]) {
      return orig.apply(this, wrapRouteFns(flattenDeep(args), verb === 'all' ? 'ALL' : verb.toUpperCase()));
    };
  }

  // app.all registers the same functions once per HTTP method; pre-wrap them so they form ONE
  // registration (method ALL) instead of ~30 per-method ones.
  const origAll: Fn = appProto.all;
  appProto.all = function (this: unknown, routePath: unknown, ...fns: unknown[]) {
    return origAll.call(this, routePath, ...wrapRouteFns(flattenDeep(fns), 'ALL'));
  };

  // Remember which layer mounts which sub-app so the route walker can descend into it (E25).
  const origAppUse: Fn = appProto.use;
  appProto.use = function (this: any, ...args: unknown[]) {
    const apps = splitUseArgs(args).fns.filter((fn: any) => typeof fn === 'function' && typeof fn.handle === 'function' && typeof fn.set === 'function');
    if (typeof this.lazyrouter === 'function') this.lazyrouter(); // express 4: create the router first
    const router = appRouter(this);
    const before = router.stack.length;
    const result = origAppUse.apply(this, args);
    for (const layer of router.stack.slice(before) as ExpressLayer[]) {
      if (layer.handle?.name === 'mounted_app') subApps.set(layer, apps.shift());
    }
    return result;
  };

  if (typeof appProto.lazyrouter === 'function') {
    const origLazy: Fn = appProto.lazyrouter;
    appProto.lazyrouter = function (this: unknown, ...args: unknown[]) {
      internalDepth++;
      try {
        return origLazy.apply(this, args);
      } finally {
        internalDepth--;
      }
    };
  }
}

/** The app's root router: `_router` in express 4 (reading `app.router` throws there), `router` in 5. */
export function appRouter(app: any): { stack: ExpressLayer[] } {
  if (typeof app.lazyrouter === 'function') {
    app.lazyrouter();
    return app._router;
  }
  return app.router;
}
