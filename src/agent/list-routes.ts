// list_routes: every route of the analysed app with its verdict, filtered the way an agent asks
// ("the unprotected POST routes under /api").
import type { Framework, ModelRoute } from '../core/model';
import { type AgentAnalysis, AgentInputError, type Answer, count, DEFAULT_LIMIT, shownOf } from './answer';

export interface RouteFilter {
  /** HTTP method, any case; `ALL` routes match every method. */
  method?: string;
  /** Full paths starting with this text (`/api/` keeps `/api/orders`, not `/apiary`). */
  pathPrefix?: string;
  /** A regular expression the full path must match (`^/api/v\\d+/`). */
  pathPattern?: string;
  framework?: Framework;
  /** true: only routes an auth layer protects; false: only those none does. */
  protected?: boolean;
  /** At most this many in the answer (DEFAULT_LIMIT); `matched` counts them all. */
  limit?: number;
}

/** One route as the list shows it: enough to pick one for explain_route. */
export interface RouteSummary {
  method: string;
  path: string;
  framework: Framework;
  file: string;
  line: number;
  protected: boolean;
  authBy: string[];
  /** A layer answers every request it matches first (a catch-all, an earlier route): no request reaches it. */
  unreachable: boolean;
  /** How many layers run before its handler. */
  layers: number;
  handler: { file: string; line: number } | null;
}

export function routeSummary(r: ModelRoute): RouteSummary {
  return {
    method: r.method, path: r.path, framework: r.framework, file: r.file, line: r.line,
    protected: r.protected, authBy: r.authBy, unreachable: r.shadowedBy.length > 0, layers: r.chain.length,
    handler: r.handler ? { file: r.handler.file, line: r.handler.line } : null,
  };
}

/** A regular expression from an agent, or a clear error saying why it is not one. */
export function pathRegExp(source: string): RegExp {
  try {
    return new RegExp(source);
  } catch (e) {
    throw new AgentInputError(`pathPattern is not a valid regular expression: ${(e as Error).message}`);
  }
}

/** The routes that pass every filter given, in the analysis's order (app, then registration). */
export function filterRoutes(routes: readonly ModelRoute[], f: RouteFilter): ModelRoute[] {
  const method = f.method?.toUpperCase();
  const re = f.pathPattern !== undefined ? pathRegExp(f.pathPattern) : null;
  return routes.filter(r =>
    (method === undefined || r.method === method || r.method === 'ALL')
    && (f.pathPrefix === undefined || r.path.startsWith(f.pathPrefix))
    && (re === null || re.test(r.path))
    && (f.framework === undefined || r.framework === f.framework)
    && (f.protected === undefined || r.protected === f.protected));
}

export function listRoutes(a: AgentAnalysis, filter: RouteFilter): Answer<{ routes: RouteSummary[]; matched: number; total: number }> {
  const matched = filterRoutes(a.model.routes, filter);
  const open = matched.filter(r => !r.protected && !r.shadowedBy.length).length;
  const of = matched.length === a.model.routes.length ? '' : ` (of ${a.model.routes.length})`;
  const routes = matched.slice(0, filter.limit ?? DEFAULT_LIMIT).map(routeSummary);
  return {
    summary: `${count(matched.length, 'route')}${of}; ${open} reachable without auth.${shownOf(routes.length, matched.length)}`,
    data: { routes, matched: matched.length, total: a.model.routes.length },
  };
}
