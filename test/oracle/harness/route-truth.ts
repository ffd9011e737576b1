// What the runtime says about one route: which layers ran before its handler with the auth header,
// and whether a request without the header reaches the handler at all.

import type { Observation, RuntimeApp, RuntimeRoute } from './runtime-app';

export const SAMPLE_PARAM_VALUE = '1';
export const SAMPLE_WILDCARD_SEGMENT = 'any';

/**
 * `/users/:id/posts/:postId` -> `/users/1/posts/1`. A wildcard (`*`, `*name`, `{*name}`, v6's
 * `(.*)`) becomes one segment: `*` -> `/any`, `/api*` -> `/api/any`, `/{*splat}` -> `/any`. The Koa
 * routers' path-to-regexp 6 forms (K15) are filled in too: `:id(\d+)`, `:page?` and `:tag+` -> `1`,
 * a group `{/:v}?` (or v8's `{/:v}`) with what it holds.
 */
export function concretePath(routePath: string): string {
  return routePath
    .replace(/\{([^{}*]*)\}\??/g, '$1')
    .replace(/:([A-Za-z_$][\w$]*)\([^)]*\)/g, ':$1')
    .replace(/\(\.\*\)/g, (_m, at: number, whole: string) => (whole[at - 1] === '/' ? '' : '/') + SAMPLE_WILDCARD_SEGMENT)
    .replace(/:[A-Za-z_$][\w$]*[?+]?/g, SAMPLE_PARAM_VALUE)
    .replace(/\{\*[A-Za-z_$][\w$]*\}|\*(?:[A-Za-z_$][\w$]*)?/g, (_m, at: number, whole: string) => (whole[at - 1] === '/' ? '' : '/') + SAMPLE_WILDCARD_SEGMENT);
}

// An ALL route is asked with these methods in turn; the first that reaches its handler is used
// (an earlier GET route on the same path can answer GET first, E12).
const ALL_PROBE_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];

export type Fate = 'public' | 'protected' | 'unreachable';

export interface RouteTruth {
  route: RuntimeRoute;
  /** The method the requests used (differs from route.method only for ALL). */
  method: string;
  withAuth: Observation;
  withoutAuth: Observation;
  /** The request that reached the handler: the one with the header when both did. Null when unreachable. */
  reached: Observation | null;
  /** Whether `reached` is the request with the auth header (false: only a request without it got there, E17). */
  reachedWithAuth: boolean;
  /**
   * public: a request without the header reaches the handler (also when it got a 401 first, E23,
   * or arrived through next('route') / next('router'), E17); protected: only the request with the
   * header does; unreachable: neither does (catch-all, shadowing).
   */
  fate: Fate;
  /** For a protected route, the layer where the request without the header left the chain. */
  blockedBy: string | null;
}

export async function observeRoute(app: RuntimeApp, route: RuntimeRoute): Promise<RouteTruth> {
  const urlPath = concretePath(route.path);
  const methods = route.method === 'ALL' ? ALL_PROBE_METHODS : [route.method];
  let method = methods[0];
  let withAuth!: Observation;
  let withoutAuth!: Observation;
  for (const m of methods) {
    method = m;
    withAuth = await app.request(m, urlPath, true, route.id);
    withoutAuth = await app.request(m, urlPath, false, route.id);
    if (withAuth.handlerRan || withoutAuth.handlerRan) break;
  }
  const reached = withAuth.handlerRan ? withAuth : withoutAuth.handlerRan ? withoutAuth : null;
  const fate: Fate = !reached ? 'unreachable' : withoutAuth.handlerRan ? 'public' : 'protected';
  const blockedBy = fate === 'protected' ? divergence(withoutAuth.trace, withAuth.before) : null;
  return { route, method, withAuth, withoutAuth, reached, reachedWithAuth: reached === withAuth, fate, blockedBy };
}

/**
 * The last layer the request without the header shared with the chain of the request with it: the
 * layer that stopped it (a 401) or sent it elsewhere (next('route'), E17). Falls back to the last
 * function that ran.
 */
function divergence(without: string[], chain: string[]): string | null {
  let i = 0;
  while (i < without.length && i < chain.length && without[i] === chain[i]) i++;
  return i > 0 ? without[i - 1] : (without[without.length - 1] ?? null);
}

/** `GET /x` */
export function routeKey(r: { method: string; path: string }): string {
  return `${r.method.toUpperCase()} ${r.path}`;
}

/**
 * Every route by key, in registration (dispatch) order. A second registration of the same method
 * and path (E17 next('route'), E24 `/t/` then `/t`) is keyed `GET /x#2`, a third `#3`...
 */
export function keyedRoutes<R extends { method: string; path: string }>(routes: R[]): Map<string, R> {
  const out = new Map<string, R>();
  const seen = new Map<string, number>();
  for (const r of routes) {
    const base = routeKey(r);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.set(n === 1 ? base : `${base}#${n}`, r);
  }
  return out;
}
