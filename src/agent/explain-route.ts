// explain_route: one route's chain in run order, and its auth verdict with the evidence behind it,
// so an agent can say why a route is (or is not) protected instead of guessing from names.
import type { ChainEntry, ChainLevel, Finding, LayerKind, LifecyclePhase, ModelRoute, Severity, Stop } from '../core/model';
import { STOP_NAMES } from '../core/model';
import type { TraceSite } from '../core/trace';
import { TRACE_TEXT } from '../core/trace-text';
import { trace } from '../tracing';
import { type AgentAnalysis, AgentInputError, type Answer, count, rootRelative } from './answer';
import { type RouteSummary, routeSummary } from './list-routes';

export interface RouteQuery {
  method: string;
  /** The route's path as list_routes shows it (`/api/orders/:id`), or a concrete request path (`/api/orders/42`). */
  path: string;
  /** Where the route is registered, when the same method and path are registered more than once. */
  file?: string;
}

export interface Layer {
  /** 1-based run order. */
  order: number;
  name: string;
  kind: LayerKind;
  stop: Stop;
  stopName: string;
  /** Fastify: the lifecycle hook it runs in. */
  phase?: LifecyclePhase;
  /** Koa: code after `await next()` runs after the handler. */
  when?: 'before' | 'after';
  level?: ChainLevel;
  file: string;
  line: number;
}

export interface Verdict {
  status: 'protected' | 'unprotected' | 'unreachable';
  protected: boolean;
  authBy: string[];
  /** One sentence per fact the verdict rests on, each naming file:line. */
  evidence: string[];
}

export interface RouteFinding {
  ruleId: string;
  severity: Severity;
  stop: Stop;
  message: string;
  file: string;
  line: number;
}

export interface RouteExplanation {
  route: RouteSummary;
  chain: Layer[];
  afterHandler: Layer[];
  verdict: Verdict;
  findings: RouteFinding[];
  unresolved: string[];
  /** How the route was found: its own path, or the route a concrete request path is dispatched to. */
  matchedBy: 'path' | 'request';
  /** Other registrations of the same method and path (pass `file` to pick one). */
  alsoRegisteredAt: { file: string; line: number }[];
}

const layer = (c: ChainEntry, i: number): Layer => ({
  order: i + 1, name: c.name, kind: c.kind, stop: c.stop, stopName: STOP_NAMES[c.stop],
  ...(c.phase !== undefined ? { phase: c.phase } : {}),
  ...(c.when !== undefined ? { when: c.when } : {}),
  ...(c.level !== undefined ? { level: c.level } : {}),
  file: c.file, line: c.line,
});

/**
 * The sentences the verdict rests on: which layers protect it, which do not, and why. `late`: auth
 * layers that would cover its path but are registered after it (as the trace finds them).
 */
export function evidence(r: ModelRoute, late: readonly TraceSite[] = []): string[] {
  const out: string[] = [];
  for (const s of r.shadowedBy) out.push(`Unreachable: ${s.name} (${s.range.file}:${s.range.line}) answers first: ${TRACE_TEXT.en.shadowedBecause(s.reason)}.`);
  const auth = r.chain.filter(c => c.kind === 'auth' && c.when !== 'after');
  for (const c of auth) {
    const counts = r.authBy.includes(c.name);
    const where = c.phase ? ` in ${c.phase}` : '';
    out.push(`${c.name} (${c.file}:${c.line}) is an auth layer that runs before the handler${where}${counts ? '' : ', but does not protect this route'}.`);
  }
  for (const c of r.chain.filter(e => e.kind === 'auth' && e.when === 'after')) {
    out.push(`${c.name} (${c.file}:${c.line}) checks only after \`await next()\`: the handler has already run.`);
  }
  for (const e of r.exemptions ?? []) {
    const caveat = e.caveat ? ` (${e.caveat})` : '';
    out.push(e.exempts
      ? `${e.by} lets this route through without its check: \`${e.test}\` (${e.file}:${e.line})${caveat}.`
      : `${e.by} exempts other paths (\`${e.test}\`, ${e.file}:${e.line}), not this one${caveat}.`);
  }
  for (const l of r.lateAuth ?? []) out.push(`${l.name}${l.range ? ` (${l.range.file}:${l.range.line})` : ''} lets the handler run for a request it rejects: ${l.evidence}.`);
  if (r.identitySetBy) out.push(`${r.identitySetBy} sets who is asking without requiring it: the handler decides what an anonymous caller may do.`);
  if (!auth.length && !r.shadowedBy.length) out.push('No auth layer runs before the handler.');
  for (const l of late) out.push(`${l.name} (${l.file}:${l.line}) is an auth layer for this path, but registered after the route: it runs only for routes registered after it.`);
  for (const u of r.unresolved) out.push(`Not resolved statically: ${u}.`);
  return out;
}

/** The route a query names: by its own path first, else by dispatching the path as a request. */
function find(a: AgentAnalysis, q: RouteQuery): { route: ModelRoute; matchedBy: 'path' | 'request'; others: ModelRoute[] } {
  const method = q.method.toUpperCase();
  const file = q.file !== undefined ? rootRelative(a.root, q.file) : undefined;
  const inFile = (r: ModelRoute) => file === undefined || r.file === file;
  const same = a.model.routes.filter(r => r.path === q.path && (r.method === method || r.method === 'ALL'));
  const picked = same.filter(inFile);
  if (picked.length) return { route: picked[0], matchedBy: 'path', others: same.filter(r => r !== picked[0]) };
  const t = trace(a, method, q.path);
  const hit = t.route && a.model.routes.find(r => r.file === t.route!.file && r.line === t.route!.line && r.path === t.route!.path);
  if (hit && inFile(hit)) return { route: hit, matchedBy: 'request', others: [] };
  const where = file !== undefined ? ` in ${file}` : '';
  throw new AgentInputError(`No route answers ${method} ${q.path}${where}. Call list_routes to see the routes (${count(a.model.routes.length, 'route')} in this analysis).`);
}

const routeFindings = (findings: readonly Finding[], r: ModelRoute): RouteFinding[] => findings
  .filter(f => f.file === r.range.file && f.line >= r.range.line && f.line <= r.range.endLine)
  .map(f => ({ ruleId: f.ruleId, severity: f.severity, stop: f.stop, message: f.message, file: f.file, line: f.line }));

export function explainRoute(a: AgentAnalysis, q: RouteQuery): Answer<RouteExplanation> {
  const { route: r, matchedBy, others } = find(a, q);
  const status = r.shadowedBy.length ? 'unreachable' : r.protected ? 'protected' : 'unprotected';
  const findings = routeFindings(a.findings, r);
  // The route's own path, dispatched as a request, finds the auth registered too late for it.
  const t = trace(a, r.method === 'ALL' ? 'GET' : r.method, r.path);
  const late = t.route?.file === r.file && t.route.line === r.line ? t.verdict.lateAuth : [];
  const verdictText = status === 'protected' ? `protected by ${r.authBy.join(', ')}` : status === 'unprotected' ? 'not protected by any auth layer' : 'unreachable';
  return {
    summary: `${r.method} ${r.path} (${r.file}:${r.line}): ${count(r.chain.length, 'layer')} before the handler; ${verdictText}`
      + `${findings.length ? `; ${count(findings.length, 'finding')}` : ''}.`,
    data: {
      route: routeSummary(r),
      chain: r.chain.map(layer),
      afterHandler: (r.afterHandler ?? []).map(layer),
      verdict: { status, protected: r.protected, authBy: r.authBy, evidence: evidence(r, late) },
      findings,
      unresolved: r.unresolved,
      matchedBy,
      alsoRegisteredAt: others.map(o => ({ file: o.file, line: o.line })),
    },
  };
}
