// How Express dispatches one request over an analysed app, for the trace (core/trace.ts): the
// flattened stack in order, middleware by prefix, routes by method and pattern, each path matched
// with the app's Express version and each router's case sensitivity (E9).
import type { AnalysisModel, ModelRoute, OrderedLayer } from '../../core/model';
import { matchMounted, matchPath } from '../../core/path-matcher';
import type { Dispatch, RequestDispatcher, TraceRequest } from '../../core/trace';
import { readable } from '../../core/trace';
import type { PathMatcher } from '../../core/path-matcher';
import { expressPathsOf } from './path-matcher';

export const expressDispatcher: RequestDispatcher = {
  dispatch,
  layerRuns: (model, app, layer, path) => prefixMatches(matcherOf(model, app), layer, path),
  notFound: { summary: 'Express answers 404 Not Found after the middleware below.', handler: 'No handler: Express sends its default 404.' },
};

/** The matcher of the Express version the stack's app was found with. */
function matcherOf(model: AnalysisModel, app: number): PathMatcher {
  return expressPathsOf(model.origins[app]);
}

/** Express's dispatch over one app's flattened stack: middleware by prefix, routes by method + pattern. */
function dispatch(model: AnalysisModel, app: number, req: TraceRequest): Dispatch {
  const stack = model.stacks[app];
  const paths = matcherOf(model, app);
  const matches = stack.filter(l => l.kind === 'route' && l.route !== undefined)
    .map(l => ({ route: model.routes[l.route!], params: routeParams(paths, model.routes[l.route!], req) }))
    .filter((m): m is { route: ModelRoute; params: Record<string, string> } => m.params !== null);
  const ranBefore: OrderedLayer[] = [];
  let endedBy: OrderedLayer | null = null;
  let answer: { route: ModelRoute; params: Record<string, string> } | null = null;
  for (const l of stack) {
    if (l.kind === 'middleware' && l.layerKind !== 'error-handler' && prefixMatches(paths, l, req.path)) {
      ranBefore.push(l);
      if (l.terminal) { endedBy = l; break; }
    } else if (l.kind === 'route') {
      const m = matches.find(x => x.route === model.routes[l.route!]);
      // An earlier matching route that calls next() shows up in a later match's chain (E12, E22).
      if (m && !matches.some(x => x.route.order > m.route.order && runsInChainOf(m.route, x.route))) { answer = m; break; }
    }
  }
  // A catch-all before the matching route: the route is reported, ended early.
  if (endedBy && !answer) {
    const behind = matches.find(m => m.route.order > endedBy!.order) ?? null;
    if (behind) answer = behind;
  }
  const later = answer ? matches.filter(m => m.route.order > answer!.route.order).map(m => m.route) : [];
  return { answer: answer?.route ?? null, params: answer?.params ?? {}, ranBefore, endedBy, later };
}

function runsInChainOf(earlier: ModelRoute, later: ModelRoute): boolean {
  return later.chainRanges.some(r => !!r && r.file === earlier.range.file && r.line >= earlier.range.line && r.endLine <= earlier.range.endLine);
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
