// What the runtime says about one route: which layers ran before its handler with the auth header,
// and whether a request without the header reaches the handler at all.

import type { Observation, RuntimeApp, RuntimeRoute } from './runtime-truth';

export const SAMPLE_PARAM_VALUE = '1';

/** `/users/:id/posts/:postId` -> `/users/1/posts/1`. */
export function concretePath(routePath: string): string {
  return routePath.replace(/:[A-Za-z_$][\w$]*/g, SAMPLE_PARAM_VALUE);
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
  /** unreachable: the handler does not run even WITH the auth header (catch-all, shadowing). */
  fate: Fate;
  /** The last function that ran when the request without the header was stopped. */
  blockedBy: string | null;
}

export async function observeRoute(app: RuntimeApp, route: RuntimeRoute): Promise<RouteTruth> {
  const urlPath = concretePath(route.path);
  const methods = route.method === 'ALL' ? ALL_PROBE_METHODS : [route.method];
  let method = methods[0];
  let withAuth = await app.request(method, urlPath, true, route.id);
  for (const m of methods.slice(1)) {
    if (withAuth.handlerRan) break;
    method = m;
    withAuth = await app.request(m, urlPath, true, route.id);
  }
  const withoutAuth = await app.request(method, urlPath, false, route.id);
  const fate: Fate = !withAuth.handlerRan ? 'unreachable' : withoutAuth.handlerRan ? 'public' : 'protected';
  const blockedBy = fate === 'protected' ? (withoutAuth.trace[withoutAuth.trace.length - 1] ?? null) : null;
  return { route, method, withAuth, withoutAuth, fate, blockedBy };
}

/** `GET /x` */
export function routeKey(r: { method: string; path: string }): string {
  return `${r.method.toUpperCase()} ${r.path}`;
}

/** First registration per (method, path): a later duplicate can only be reached through next(). */
export function firstPerKey(routes: RuntimeRoute[]): Map<string, RuntimeRoute> {
  const out = new Map<string, RuntimeRoute>();
  for (const r of routes) if (!out.has(routeKey(r))) out.set(routeKey(r), r);
  return out;
}
