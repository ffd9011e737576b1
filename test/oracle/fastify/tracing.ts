// Instruments a Fastify instance as it is created (boot.ts hears of it on the public
// `fastify.initialization` diagnostics channel, before any fixture code touches it):
// - an `onRoute` hook, added before the fixture's, lists every route with its registration site
//   and wraps the route's handler and route-level hooks (`routeOptions` may be changed there);
// - the instance's `addHook` wraps every request-lifecycle hook the fixture adds (not a plugin's
//   own, such as @fastify/middie's `runMiddie`). Plugin instances inherit it: a plugin's instance
//   is created with Object.create(parent), and `fp` plugins use the parent itself;
// - `setNotFoundHandler` wraps the 404 handler and its hooks, and the `use` that @fastify/middie
//   decorates the instance with wraps each middleware (F18).
// Hooks run in the order Fastify merged them (F7); the wrappers only record their names.

import { callSite } from '../harness/call-site';
import type { RuntimeRoute } from '../harness/runtime-app';
import type { Fn, TracingSession } from '../harness/tracing-session';

const LIFECYCLE_HOOKS = new Set([
  'onRequest', 'preParsing', 'preValidation', 'preHandler', 'preSerialization',
  'onSend', 'onResponse', 'onError', 'onTimeout', 'onRequestAbort',
]);

// Fastify's instance and route options are untyped here (the fixtures bring their own Fastify).
type RouteOptions = Record<string, any> & { method: string | string[]; url: string; handler: Fn };

// Fastify's own onSend hook on the HEAD route it adds for a GET: not the fixture's, never traced.
const isFastifyHeadHook = (fn: unknown): boolean => typeof fn === 'function' && fn.name === 'headRouteOnSendHandler';

function traceHooks(value: unknown, session: TracingSession): unknown {
  const trace = (fn: unknown): unknown => (typeof fn === 'function' && !isFastifyHeadHook(fn) ? session.traced(fn as Fn, null) : fn);
  return Array.isArray(value) ? value.map(trace) : trace(value);
}

/**
 * Fastify adds a HEAD route for every GET (exposeHeadRoutes, F12) from a copy of the GET's options,
 * with its own `headRouteOnSendHandler` appended to onSend. It is not a registration of the
 * fixture: it is not listed, and its handler records the GET's registration id.
 */
function isAutoHead(opts: RouteOptions): boolean {
  return opts.method === 'HEAD' && [opts.onSend].flat().some(isFastifyHeadHook);
}

/** Instrument one Fastify instance; the routes it registers are appended to `routes`. */
export function instrumentFastify(instance: any, session: TracingSession, routes: RuntimeRoute[]): void {
  // The GET whose automatic HEAD route Fastify registers next (synchronously, with the same handler).
  let lastGet: { handler: Fn; id: number } | null = null;

  instance.addHook('onRoute', function traceRoute(opts: RouteOptions) {
    let id: number | null;
    if (isAutoHead(opts)) {
      id = lastGet?.handler === opts.handler ? lastGet.id : null;
    } else {
      const methods = [opts.method].flat().map((m) => m.toUpperCase());
      id = session.register(methods.join(','));
      const { file, line } = session.registration(id)!;
      // A route under a prefix registered as '/' also answers at the prefix plus '/' (F6); Fastify
      // adds that second path without calling onRoute, with these same (already wrapped) options.
      for (const method of methods) routes.push({ id, method, path: opts.url, file, line });
      if (methods.includes('GET')) lastGet = { handler: opts.handler, id };
    }
    for (const hook of LIFECYCLE_HOOKS) if (opts[hook] !== undefined) opts[hook] = traceHooks(opts[hook], session);
    opts.handler = session.traced(opts.handler, id);
  });

  const addHook: Fn = instance.addHook;
  instance.addHook = function (this: unknown, name: string, fn: unknown, ...rest: unknown[]) {
    const byFixture = callSite(session.root).file !== null;
    return addHook.call(this, name, LIFECYCLE_HOOKS.has(name) && byFixture ? traceHooks(fn, session) : fn, ...rest);
  };

  const setNotFoundHandler: Fn = instance.setNotFoundHandler;
  instance.setNotFoundHandler = function (this: unknown, ...args: unknown[]) {
    const traced = args.map((arg) => (typeof arg === 'function' ? session.traced(arg as Fn, null) : typeof arg === 'object' && arg !== null ? traceHookOptions(arg as Record<string, unknown>, session) : arg));
    return setNotFoundHandler.apply(this, traced);
  };

  const decorate: Fn = instance.decorate;
  instance.decorate = function (this: unknown, name: string, value: unknown, ...rest: unknown[]) {
    return decorate.call(this, name, name === 'use' && typeof value === 'function' ? tracingUse(value as Fn, session) : value, ...rest);
  };
}

/** A copy of `{ preHandler, preValidation... }` options with their hooks traced. */
function traceHookOptions(options: Record<string, unknown>, session: TracingSession): Record<string, unknown> {
  const out = { ...options };
  for (const hook of LIFECYCLE_HOOKS) if (out[hook] !== undefined) out[hook] = traceHooks(out[hook], session);
  return out;
}

/** @fastify/middie's `use(path?, fn)`, with the middleware traced. */
function tracingUse(use: Fn, session: TracingSession): Fn {
  return function (this: unknown, ...args: unknown[]) {
    return use.apply(this, args.map((arg) => (typeof arg === 'function' ? session.traced(arg as Fn, null) : arg)));
  };
}
