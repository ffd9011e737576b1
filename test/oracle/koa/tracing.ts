// Instruments a Koa app and its routers (@koa/router 12, 13, 15, koa-router 14) in two steps:
// - while the fixture loads, Router.prototype.register is patched to give every route layer a
//   registration (id and site) the moment the fixture's router.get(...) creates it;
// - once it has loaded, the app's middleware and every router layer's stack are replaced by
//   wrappers that record what ran. Both read at request time (`app.callback()` composes
//   app.middleware; a router's dispatch composes the matched layers' stacks), so wrapping after
//   the fixture ran sees routes added after a router was mounted too (K8).
// Routes are read from router.stack (framework-semantics.md §4): nested routers are cloned into
// their parent's stack with the prefix applied (K5), so walking the mounted routers finds them all.

import type { RuntimeRoute } from '../harness/runtime-app';
import type { Fn, TracingSession } from '../harness/tracing-session';

// A layer's registration id, as a symbol property: routers clone layers with Object.assign (which
// copies it) when a router is mounted inside another, and a clone is the same registration.
const REGISTRATION = Symbol('oracle registration');

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
function routerClass(routerModule: any): { prototype: { register: Fn } } {
  return routerModule.Router ?? routerModule;
}

/** Run `load` with every route layer a router creates meanwhile registered in `session`. */
export async function withRouteRegistrations<T>(routerModule: unknown, session: TracingSession, load: () => Promise<T>): Promise<T> {
  const proto = routerClass(routerModule).prototype;
  const register = proto.register;
  proto.register = function (this: KoaRouter, ...args: unknown[]) {
    const before = this.stack.length;
    const result = register.apply(this, args);
    for (const layer of this.stack.slice(before)) {
      if (layer.methods.length > 0 && layer[REGISTRATION] === undefined) layer[REGISTRATION] = session.register(layer.methods.join(','));
    }
    return result;
  };
  try {
    return await load();
  } finally {
    proto.register = register;
  }
}

/** A route layer's methods as the oracle names them: HEAD comes with GET; every method is ALL. */
function routeMethods(methods: string[]): string[] {
  const own = methods.includes('GET') ? methods.filter((m) => m !== 'HEAD') : methods;
  return ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].every((m) => own.includes(m)) ? ['ALL'] : own;
}

/** Koa 2 runs generator middleware through koa-convert, whose wrapper keeps the generator's name as `_name` (K14). */
const sourceNameOf = (fn: Fn): string => (fn as Fn & { _name?: string })._name ?? fn.name;

const routerOf = (fn: unknown): KoaRouter | undefined => (typeof fn === 'function' ? (fn as { router?: KoaRouter }).router : undefined);

/** Wrap everything the app will run and list its routes (in dispatch order). */
export function traceKoaApp(app: KoaApp, session: TracingSession): RuntimeRoute[] {
  const routes: RuntimeRoute[] = [];
  const wrappedStacks = new WeakSet<Fn[]>(); // @koa/router 12-14 clones share a layer's stack array
  app.middleware.forEach((fn, i) => {
    const router = routerOf(fn);
    if (!router) {
      app.middleware[i] = session.traced(fn, null, sourceNameOf(fn));
      return;
    }
    for (const layer of router.stack) {
      const id = layer[REGISTRATION] ?? null;
      if (!wrappedStacks.has(layer.stack)) {
        wrappedStacks.add(layer.stack);
        const last = layer.stack.length - 1;
        layer.stack.forEach((f, j) => { layer.stack[j] = session.traced(f, j === last && layer.methods.length > 0 ? id : null); });
      }
      if (id === null || layer.methods.length === 0) continue;
      const { file, line } = session.registration(id)!;
      for (const method of routeMethods(layer.methods)) routes.push({ id, method, path: layer.path, file, line });
    }
  });
  return routes;
}
