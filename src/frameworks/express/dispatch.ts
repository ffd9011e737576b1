// How Express dispatches one request over an analysed app, for the trace (core/trace.ts): the
// flattened stack in order, middleware by prefix, routes by method and pattern, each path matched
// with the app's Express version and each router's case sensitivity (E9).
import type { AnalysisModel, ModelRoute, OrderedLayer } from '../../core/model';
import { matchMounted, matchPath } from '../../core/path-matcher';
import type { Dispatch, RequestDispatcher, TraceRequest } from '../../core/trace';
import { readable } from '../../core/trace';
import type { PathMatcher } from '../../core/path-matcher';
import { dispatchInOrder } from '../shared/ordered-dispatch';
import { expressPathsOf } from './path-matcher';

export const expressDispatcher: RequestDispatcher = {
  dispatch,
  layerRuns: (model, app, layer, path) => prefixMatches(matcherOf(model, app), layer, path),
  notFound: {
    en: { summary: 'Express answers 404 Not Found after the middleware below.', handler: 'No handler: Express sends its default 404.' },
    ru: { summary: 'Express отвечает 404 Not Found после middleware, перечисленных ниже.', handler: 'Обработчика нет: Express отправляет свой стандартный 404.' },
  },
};

/** The matcher of the Express version the stack's app was found with. */
function matcherOf(model: AnalysisModel, app: number): PathMatcher {
  return expressPathsOf(model.origins[app]);
}

/** Express's dispatch over one app's flattened stack: middleware by prefix (error handlers never on the way in), routes by method + pattern. */
function dispatch(model: AnalysisModel, app: number, req: TraceRequest): Dispatch {
  const paths = matcherOf(model, app);
  return dispatchInOrder(model, app, {
    routeParams: r => routeParams(paths, r, req),
    layerRuns: l => l.layerKind !== 'error-handler' && prefixMatches(paths, l, req.path),
  });
}

function routeParams(paths: PathMatcher, r: ModelRoute, req: TraceRequest): Record<string, string> | null {
  const m = r.method.toUpperCase();
  if (!(m === req.method || m === 'ALL' || (m === 'GET' && req.method === 'HEAD'))) return null;
  return readable(r) ? matchMounted(paths, r.mountPrefix, ownPath(r), req.path, r.caseSensitive ?? false) : null;
}

/**
 * The path the route was registered with on its router: its full path is the mount prefix joined
 * with it (frameworks/shared/paths.ts joinPath adds no slash), '/' when the full path is the prefix.
 */
function ownPath(r: ModelRoute): string {
  const base = r.mountPrefix === '/' ? '' : r.mountPrefix.replace(/\/+$/, '');
  return r.path.length > base.length && r.path.startsWith(base) ? r.path.slice(base.length) : '/';
}

function prefixMatches(paths: PathMatcher, l: OrderedLayer, path: string): boolean {
  return matchPath(paths, l.prefix, path, { end: false, caseSensitive: l.caseSensitive ?? false }) !== null;
}
