// Dispatch over an order-based stack (Express, Koa), for the trace (core/trace.ts): middleware runs
// in order where the framework says it matches, up to one that ends every response; the first route
// that matches answers, unless it calls next() and so runs inside a later matching route's chain
// (Express E12/E22, Koa K7). How paths and prefixes match is the framework's.
import type { AnalysisModel, ModelRoute, OrderedLayer } from '../../core/model';
import type { Dispatch } from '../../core/trace';

export interface OrderedMatching {
  /** The params of `route` for the request, or null when it does not match. */
  routeParams(route: ModelRoute): Record<string, string> | null;
  /** Whether a middleware layer runs for the request. */
  layerRuns(layer: OrderedLayer): boolean;
}

export function dispatchInOrder(model: AnalysisModel, app: number, m: OrderedMatching): Dispatch {
  const stack = model.stacks[app];
  const matches = stack.filter(l => l.kind === 'route' && l.route !== undefined)
    .map(l => ({ route: model.routes[l.route!], params: m.routeParams(model.routes[l.route!]) }))
    .filter((x): x is { route: ModelRoute; params: Record<string, string> } => x.params !== null);
  const ranBefore: OrderedLayer[] = [];
  let endedBy: OrderedLayer | null = null;
  let answer: { route: ModelRoute; params: Record<string, string> } | null = null;
  for (const l of stack) {
    if (l.kind === 'middleware' && m.layerRuns(l)) {
      ranBefore.push(l);
      if (l.terminal) { endedBy = l; break; }
    } else if (l.kind === 'route') {
      const hit = matches.find(x => x.route === model.routes[l.route!]);
      // An earlier matching route that calls next() shows up in a later match's chain.
      if (hit && !matches.some(x => x.route.order > hit.route.order && runsInChainOf(hit.route, x.route))) { answer = hit; break; }
    }
  }
  // A catch-all before the matching route: the route is reported, ended early.
  if (endedBy && !answer) {
    const behind = matches.find(x => x.route.order > endedBy!.order) ?? null;
    if (behind) answer = behind;
  }
  const later = answer ? matches.filter(x => x.route.order > answer!.route.order).map(x => x.route) : [];
  return { answer: answer?.route ?? null, params: answer?.params ?? {}, ranBefore, endedBy, later };
}

function runsInChainOf(earlier: ModelRoute, later: ModelRoute): boolean {
  return later.chainRanges.some(r => !!r && r.file === earlier.range.file && r.line >= earlier.range.line && r.endLine <= earlier.range.endLine);
}
