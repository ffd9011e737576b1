// How Koa dispatches one request over an analysed app, for the trace (core/trace.ts): the app's
// middleware in order, koa-mount prefixes matched case-sensitively, and the routers' routes in stack
// order, matched case-insensitively with the syntax of their router's version (K15). An earlier
// matching route that calls next() is part of a later one's chain (K7): the later one answers.
import type { AnalysisModel, ModelRoute, OrderedLayer } from '../../core/model';
import type { PathMatcher } from '../../core/path-matcher';
import { matchMounted, matchPath } from '../../core/path-matcher';
import type { Dispatch, RequestDispatcher, TraceRequest } from '../../core/trace';
import { readable } from '../../core/trace';
import { dispatchInOrder } from '../shared/ordered-dispatch';
import { methodMatches } from './paths';
import { koaPathsOf } from './path-matcher';

export const koaDispatcher: RequestDispatcher = {
  dispatch,
  layerRuns: (model, app, layer, path) => mountMatches(koaPathsOf(model.origins[app]), layer, path),
  notFound: {
    en: {
      summary: 'Koa answers 404 Not Found once every middleware below has called next() (a router with no matching route passes the request on).',
      handler: 'No handler: no middleware set a body, so Koa sends 404.',
    },
    ru: {
      summary: 'Koa отвечает 404 Not Found, когда все middleware ниже вызвали next() (роутер без подходящего маршрута передаёт запрос дальше).',
      handler: 'Обработчика нет: ни один middleware не задал тело, поэтому Koa отправляет 404.',
    },
  },
};

function dispatch(model: AnalysisModel, app: number, req: TraceRequest): Dispatch {
  const paths = koaPathsOf(model.origins[app]);
  return dispatchInOrder(model, app, { routeParams: r => routeParams(paths, r, req), layerRuns: l => mountMatches(paths, l, req.path) });
}

function routeParams(paths: PathMatcher, r: ModelRoute, req: TraceRequest): Record<string, string> | null {
  if (!methodMatches([r.method.toUpperCase()], req.method) || !readable(r)) return null;
  if (r.mountPrefix === '/') return matchPath(paths, r.path, req.path, { end: true, caseSensitive: false });
  // koa-mount's prefix is matched case-sensitively, the route inside it as its router does.
  const mountSegments = r.mountPrefix.split('/').filter(Boolean).length;
  const flags = [...new Array<boolean>(mountSegments).fill(true), false];
  return matchMounted(paths, r.mountPrefix, r.path.slice(r.mountPrefix.length) || '/', req.path, flags);
}

/** koa-mount runs its app for its prefix and what is below it, case-sensitively. */
function mountMatches(paths: PathMatcher, l: OrderedLayer, path: string): boolean {
  return matchPath(paths, l.prefix, path, { end: false, caseSensitive: true }) !== null;
}
