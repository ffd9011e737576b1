// Instruments a Koa app and its routers (@koa/router 12, 13, 15, koa-router 14) in two steps:
// - while the fixture loads, Router.prototype.register is patched to give every route layer a
//   registration (id and site) the moment the fixture's router.get(...) creates it;
// - once it has loaded, the app's middleware and every router layer's stack are replaced by
//   wrappers that record what ran. Both read at request time (`app.callback()` composes
//   app.middleware; a router's dispatch composes the matched layers' stacks), so wrapping after
//   the fixture ran sees routes added after a router was mounted too (K8).
// Routes are read from router.stack (framework-semantics.md §4): nested routers are cloned into
// their parent's stack with the prefix applied (K5), so walking the mounted routers finds them all.
// koa-compose and koa-mount return closures that keep the array they run (read at request time)
// but expose nothing, so while the fixture loads they are patched to record it on what they return:
// the walk then wraps a composed array's functions in place and lists a mounted app's routes under
// its mount path.

import type { RuntimeRoute } from '../harness/runtime-app';
import type { Fn, TracingSession } from '../harness/tracing-session';

// A layer's registration id, as a symbol property: routers clone layers with Object.assign (which
// copies it) when a router is mounted inside another, and a clone is the same registration.
const REGISTRATION = Symbol('oracle registration');
// What a koa-compose / koa-mount result runs, recorded while the fixture loads.
const COMPOSED = Symbol('oracle composed middleware');
const MOUNTED = Symbol('oracle mounted middleware');

interface Mounted {
  prefix: string;
  middleware: Fn[];
}

interface RouterLayer {
  path: string;
  /** `[]` for router.use(), `['HEAD', 'GET']` for router.get(). */
  methods: string[];
  stack: Fn[];
  [REGISTRATION]?: number;
}

interface KoaRouter {
  stack: RouterLayer[];
}

export interface KoaApp {
  middleware: Fn[];
  callback(): (req: unknown, res: unknown) => void;
}

/** The Router class of a router module (`module.exports = Router` in every supported version). */
function routerClass(routerModule: any): { prototype: { register: Fn; param: Fn } } {
  return routerModule.Router ?? routerModule;
}

/**
 * Run `load` with every route layer a router creates meanwhile registered in `session`, every
 * router.param() handler traced under its own name (routers run it through a wrapper of their own,
 * K10), and what koa-compose / koa-mount results run recorded on them.
 */
export async function withRouteRegistrations<T>(routerModule: unknown, session: TracingSession, load: () => Promise<T>): Promise<T> {
  const proto = routerClass(routerModule).prototype;
  const { register, param } = proto;
  proto.param = function (this: KoaRouter, name: unknown, handler: Fn) {
    return param.call(this, name, session.traced(handler, null, nameOf(handler)));
  };
  proto.register = function (this: KoaRouter, ...args: unknown[]) {
    const before = this.stack.length;
    const result = register.apply(this, args);
    for (const layer of this.stack.slice(before)) {
      if (layer.methods.length > 0 && layer[REGISTRATION] === undefined) layer[REGISTRATION] = session.register(layer.methods.join(','));
    }
    return result;
  };
  const restoreCompose = patchExports('koa-compose', (compose) => function (middleware: Fn[]) {
    return Object.assign(compose(middleware), { [COMPOSED]: middleware });
  });
  const restoreMount = patchExports('koa-mount', (mount) => function (prefix: unknown, app?: unknown) {
    const [at, mounted] = typeof prefix === 'string' ? [prefix, app] : ['/', prefix];
    const middleware = Array.isArray(mounted) ? mounted : ((mounted as { middleware?: Fn[] }).middleware ?? [mounted as Fn]);
    const result: Fn = mount(prefix, app);
    // mount('/', fn) returns fn itself: nothing to record, it is traced as it is.
    return result === mounted ? result : Object.assign(result, { [MOUNTED]: { prefix: at, middleware } satisfies Mounted });
  });
  try {
    return await load();
  } finally {
    proto.register = register;
    proto.param = param;
    restoreMount();
    restoreCompose();
  }
}

/**
 * Replace what `require(specifier)` returns (its require.cache entry, which ESM imports of it read
 * too) until the returned function is called. Fixtures resolve these from the repository's
 * node_modules, the same file as here.
 */
function patchExports(specifier: string, replace: (original: Fn) => Fn): () => void {
  const file = require.resolve(specifier);
  require(file);
  const cached = require.cache[file]!;
  const original = cached.exports as Fn;
  cached.exports = replace(original);
  return () => { cached.exports = original; };
}

/** A route layer's methods as the oracle names them: HEAD comes with GET; every method is ALL. */
function routeMethods(methods: string[]): string[] {
  const own = methods.includes('GET') ? methods.filter((m) => m !== 'HEAD') : methods;
  return ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].every((m) => own.includes(m)) ? ['ALL'] : own;
}

/**
 * The name a trace shows: Koa 2 runs generator middleware through koa-convert, whose wrapper keeps
 * the generator's name as `_name` (K14); koa-unless wrappers and router.redirect() handlers have none.
 */
const nameOf = (fn: Fn): string => (fn as Fn & { _name?: string })._name ?? (fn.name || '(anonymous)');

/** A router's own wrapper around a router.param() handler (traced itself, see withRouteRegistrations). */
const isParamWrapper = (fn: Fn): boolean => typeof (fn as Fn & { param?: unknown }).param === 'string';

/**
 * `fn` (already traced), and `markAfter` called when the code it runs after `await next()` changed
 * the response (status or body): what the oracle calls a chain entry's `when: 'after'` (K9: auth
 * that sets 401 once the handler has run; an error handler's catch). Code after next() that leaves
 * the response alone (a logger) is not marked. Generators are left alone: Koa 3 must see one (K14).
 */
function withAfterMark(fn: Fn, markAfter: () => void): Fn {
  if (fn.constructor?.name === 'GeneratorFunction') return fn;
  return function (this: unknown, ctx: { status: unknown; body: unknown }, next?: Fn) {
    let downstreamLeft: [unknown, unknown] | null = null;
    const leave = (): void => { downstreamLeft = [ctx.status, ctx.body]; };
    const trackedNext = typeof next === 'function'
      ? (...args: unknown[]) => Promise.resolve(next(...args)).then((value) => { leave(); return value; }, (error: unknown) => { leave(); throw error; })
      : next;
    const changed = (): boolean => downstreamLeft !== null && (downstreamLeft[0] !== ctx.status || downstreamLeft[1] !== ctx.body);
    return Promise.resolve(fn.call(this, ctx, trackedNext)).then(
      (value) => { if (changed()) markAfter(); return value; },
      (error: unknown) => { if (changed()) markAfter(); throw error; },
    );
  };
}

const joinPaths = (prefix: string, routePath: string): string => (prefix === '/' ? routePath : prefix + routePath);

const routerOf = (fn: unknown): KoaRouter | undefined => (typeof fn === 'function' ? (fn as { router?: KoaRouter }).router : undefined);

/** Wrap everything the app will run and list its routes (in dispatch order). */
export function traceKoaApp(app: KoaApp, session: TracingSession): RuntimeRoute[] {
  const routes: RuntimeRoute[] = [];
  // Each array is wrapped once: @koa/router 12-14 clones share a layer's stack array, and one
  // compose([...]) result or sub-app can be used in several places.
  const wrapped = new WeakSet<Fn[]>();
  // A trace shows `name` when fn is called and `name:after` when its code after next() changed the response.
  const traced = (fn: Fn, handlerOf: number | null): Fn =>
    withAfterMark(session.traced(fn, handlerOf, nameOf(fn)), session.traced(() => undefined, null, `${nameOf(fn)}:after`));

  const traceRouter = (router: KoaRouter, prefix: string): void => {
    for (const layer of router.stack) {
      const id = layer[REGISTRATION] ?? null;
      if (!wrapped.has(layer.stack)) {
        wrapped.add(layer.stack);
        const last = layer.stack.length - 1;
        layer.stack.forEach((f, j) => {
          const composed = (f as Fn & { [COMPOSED]?: Fn[] })[COMPOSED];
          if (composed) traceMiddleware(composed, prefix); // route-level compose([...]): its functions, in place
          else if (!isParamWrapper(f)) layer.stack[j] = traced(f, j === last && layer.methods.length > 0 ? id : null);
        });
      }
      if (id === null || layer.methods.length === 0) continue;
      const { file, line } = session.registration(id)!;
      for (const method of routeMethods(layer.methods)) routes.push({ id, method, path: joinPaths(prefix, layer.path), file, line });
    }
  };

  // koa-compose and koa-mount read their arrays at request time, so wrapping in place is seen.
  const traceMiddleware = (middleware: Fn[], prefix: string): void => {
    const firstVisit = !wrapped.has(middleware);
    wrapped.add(middleware);
    middleware.forEach((fn, i) => {
      const router = routerOf(fn);
      const composed = (fn as Fn & { [COMPOSED]?: Fn[] })[COMPOSED];
      const mounted = (fn as Fn & { [MOUNTED]?: Mounted })[MOUNTED];
      if (router) traceRouter(router, prefix);
      else if (mounted) traceMiddleware(mounted.middleware, joinPaths(prefix, mounted.prefix));
      else if (composed) traceMiddleware(composed, prefix);
      else if (firstVisit) middleware[i] = traced(fn, null);
    });
  };

  traceMiddleware(app.middleware, '/');
  return routes;
}
