// Traces one concrete request (`GET /api/v1/orders/42`) through an analysed workspace: which route
// the framework would dispatch it to, and the code it meets at each of the seven stops. A pure
// function over the model: the editor shows the result, the tests assert it. How a request is
// dispatched is the framework's: each adapter hands in a RequestDispatcher.
import type { Locale } from './locale';
import { type HooksWhen, TRACE_TEXT, type TraceText } from './trace-text';
import type { Annotation, AnalysisModel, AnalysisResult, ChainEntry, Finding, Framework, LayerKind, LifecyclePhase, ModelRoute, OrderedLayer, RoutingContext, SourceLocation, Stop } from './model';
import { STOP_NAMES } from './model';

/** One place in the user's code the request meets. */
export interface TraceSite {
  name: string;
  file: string;
  line: number;
  /** What the site is: a layer kind, or 'mount' / 'route' / 'handler' / 'accept' / 'serialize' / 'drain'. */
  kind: LayerKind | 'mount' | 'route' | 'handler' | 'accept' | 'serialize' | 'drain';
  /** Fastify hooks: the lifecycle hook it runs in (the name starts with it too). */
  phase?: LifecyclePhase;
}

export interface TraceStop {
  stop: Stop;
  name: string;
  sites: TraceSite[];
  /** One sentence about this stop for this request. */
  note: string;
}

export type TraceOutcome = 'handled' | 'ended-early' | 'not-found';

export interface Trace {
  method: string;
  path: string;
  outcome: TraceOutcome;
  /** One sentence: who answers the request. */
  summary: string;
  route: { method: string; path: string; file: string; line: number; mountPrefix: string; params: Record<string, string> } | null;
  /** Always the seven stops, in order. */
  stops: TraceStop[];
  verdict: {
    protected: boolean;
    authBy: string[];
    /** Auth layers that would cover this path but are registered after the route. */
    lateAuth: TraceSite[];
    shadowedBy: (TraceSite & { why: string })[];
    /** The layer that ends the request before any route answers (a catch-all), if one does. */
    endedBy: (TraceSite & { why: string }) | null;
    findings: { ruleId: string; stop: Stop; message: string; file: string; line: number }[];
  };
  /** Later routes that match the same request but never answer it. */
  alsoMatches: (TraceSite & { why: string })[];
  notes: string[];
}

export interface TraceInput {
  model: AnalysisModel;
  annotations: Annotation[];
  findings: Finding[];
  /** Fastify: the contexts a route's `context` names (stop 3 lists the registrations on the way). */
  contexts?: RoutingContext[];
}

/**
 * Parses what a user types: `GET /a?x=1`, `post http://host:3000/a`, or just `/a` (GET). The path
 * may contain spaces, so that a route picked from the list traces even when its pattern has them.
 * A picked Express 4 `*` route reads as a request it answers: `OPTIONS *` as `/*`, `/api*` (`*` in a
 * router mounted at /api) as `/api/*`.
 */
export function parseRequestLine(text: string): { method: string; path: string } | { error: string } {
  const m = /^\s*(?:([A-Za-z]+)\s+)?(\S(?:.*\S)?)\s*$/.exec(text);
  if (!m) return { error: 'Type a method and a path, for example GET /api/v1/orders/42.' };
  let target = m[2];
  const url = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(.*)$/i.exec(target);
  if (url) target = url[1] || '/';
  target = target.replace(/[?#].*$/, '');
  if (target.startsWith('*')) target = '/' + target;
  target = target.replace(/([^/{])\*$/, '$1/*');
  if (!target.startsWith('/')) return { error: `A path starts with "/": got "${m[2]}".` };
  return { method: (m[1] ?? 'GET').toUpperCase(), path: target };
}

/** A request as the trace reads it: upper-case method, path without query or fragment. */
export interface TraceRequest {
  method: string;
  path: string;
}

/** Who answers a request in one stack, as the framework dispatches it. */
export interface Dispatch {
  answer: ModelRoute | null;
  params: Record<string, string>;
  /** Middleware that runs (for a 404: all of it, up to a catch-all). */
  ranBefore: OrderedLayer[];
  endedBy: OrderedLayer | null;
  /** Routes after the answer that match the request too. */
  later: ModelRoute[];
}

/** How one framework dispatches a request over an analysed stack (each adapter provides one). */
export interface RequestDispatcher {
  dispatch(model: AnalysisModel, app: number, req: TraceRequest): Dispatch;
  /** Whether a middleware layer of stack `app` runs for a request to `path` (for auth registered too late). */
  layerRuns(model: AnalysisModel, app: number, layer: OrderedLayer, path: string): boolean;
  /** What the framework does when no route answers: the end of the summary, and stop 5's note, per language. */
  notFound: Record<Locale, { summary: string; handler: string }>;
  /**
   * Frameworks that parse bodies and serialize replies themselves (Fastify): stop 2's and stop 6's
   * notes when no code of the app's does it, per language; absent, the notes speak of body parsers and res.json.
   */
  builtIn?: Record<Locale, { body: string; serialize: string }>;
}

/** The dispatcher of a framework, or undefined when none was wired for it (its stacks are left out). */
export type Dispatchers = (framework: Framework) => RequestDispatcher | undefined;

/** Where `method path` goes in this analysis, stop by stop, its sentences in `locale`. */
export function traceRequest(
  analysis: TraceInput | (AnalysisResult & { model: AnalysisModel }), method: string, path: string, dispatchers: Dispatchers, locale: Locale = 'en',
): Trace {
  const tx = TRACE_TEXT[locale];
  const { model, annotations, findings } = analysis;
  const req = { method: method.toUpperCase(), path: path.replace(/[?#].*$/, '') || '/' };
  const notes: string[] = [];
  const unreadable = model.routes.filter(r => !readable(r)).length;
  if (unreadable) notes.push(tx.unreadable(unreadable));
  let first: { d: Dispatch; by: RequestDispatcher } | null = null;
  // Apps first; then routers no app mounts (the route's own notes say so), whose paths lack a prefix.
  const orphan = (i: number) => model.origins[i]?.kind === 'router';
  const order = model.stacks.map((_, i) => i).sort((a, b) => Number(orphan(a)) - Number(orphan(b)) || a - b);
  for (const app of order) {
    const by = model.origins[app] && dispatchers(model.origins[app].framework);
    if (!by) continue;
    const d = by.dispatch(model, app, req);
    if (d.answer) { first = { d, by }; break; }
    first ??= { d, by };
  }
  const accept = annotations.filter(a => a.stop === 1).map(a => site(a.label, a, 'accept'));
  if (!first || !first.d.answer) return notFound(req, first?.d ?? null, first?.by.notFound[locale] ?? tx.noDispatcher, accept, notes, tx);
  const { answer, params, endedBy } = first.d;
  const by = first.by;
  const r = answer;
  const sites = r.chain.map((c, i) => chainSite(c, r.chainRanges[i] ?? c));
  // A chain by lifecycle phase (Fastify) splits by stop: preParsing hooks at 2, the rest at 4.
  const phased = r.chain.some(c => c.phase);
  // Koa's onion: code written only after `await next()` runs on the way back out, innermost first (stop 7).
  const inward = sites.filter((_, i) => r.chain[i].when !== 'after');
  const back = wayBack(r.chain, sites);
  const chain = phased ? sites.filter((_, i) => r.chain[i].stop !== 2) : inward;
  const parsers = phased ? sites.filter((_, i) => r.chain[i].stop === 2) : sites.filter(c => c.kind === 'parse');
  const handler = r.handler ? handlerSite(r, annotations) : null;
  const body = handler ? handlerBody(handler, annotations) : [];
  const serialize = body.filter(a => a.stop === 6).map(a => site(a.label, a, 'serialize'));
  const drain = body.filter(a => a.stop === 7).map(a => site(a.label, a, 'drain'));
  // Hooks after the handler (Fastify's preSerialization at 6, onSend and onResponse at 7) follow its own sites.
  const after = (stop: Stop) => (r.afterHandler ?? []).filter(c => c.stop === stop);
  const afterSites = (stop: Stop) => after(stop).map(c => chainSite(c, c));
  const afterNote = (stop: Stop) => (after(stop).length ? ` ${hooksNote(after(stop), 'after', tx)}` : '');
  const builtIn = by.builtIn?.[locale];
  const request = `${req.method} ${req.path}`;
  const route = `${r.method} ${r.path}`;
  const mounts = r.framework === 'koa' ? [...mountsOf(model, r), ...routerSite(analysis.contexts ?? [], r.context)]
    : r.context !== undefined && analysis.contexts ? contextsOf(analysis.contexts, r.context) : mountsOf(model, r);
  const paramText = Object.entries(params).map(([k, v]) => `${k} = ${v}`).join(', ');
  const stops: TraceStop[] = [
    acceptStop(accept, tx),
    stopOf(2, parsers, builtIn ? (parsers.length ? tx.parsersFirst(names(parsers), parsers.length) : '') + builtIn.body
      : parsers.length ? tx.parsersRead(names(parsers), parsers.length)
      : r.facts.readsBody ? tx.noParserButReads
      : tx.noParserNoRead),
    stopOf(3, [...mounts, site(route, r.range, 'route')], tx.matches(route, paramText)),
    stopOf(4, chain, phased ? hooksNote(r.chain.filter(c => c.stop !== 2), 'before', tx)
      : chain.length ? tx.layersBefore(chain.length)
      : tx.noMiddleware),
    stopOf(5, handler ? [handler] : [], handler ? tx.handlerRuns : r.guards ? tx.guardOnly : tx.handlerUnreadable),
    stopOf(6, [...serialize, ...afterSites(6)], (serialize.length ? tx.becomesBytes(serialize.length) : builtIn?.serialize ?? tx.noSerialize) + afterNote(6)),
    stopOf(7, [...drain, ...afterSites(7), ...back], (drain.length ? tx.writesItself(names(drain)) : tx.nodeWrites) + afterNote(7) + wayBackNote(r.chain, tx)),
  ];
  const lateAuth = model.stacks[r.app]
    .filter(l => l.kind === 'middleware' && l.layerKind === 'auth' && l.order > r.order && by.layerRuns(model, r.app, l, req.path))
    .map(l => site(l.name, l.argRange ?? l.range, 'auth'));
  const shadowedBy = r.shadowedBy.map(s => ({ ...site(s.name, s.range, s.reason.k === 'route-first' ? 'route' : 'other'), why: tx.shadowedBecause(s.reason) }));
  const routeFindings = findings.filter(f => f.file === r.range.file && f.line >= r.range.line && f.line <= r.range.endLine)
    .map(f => ({ ruleId: f.ruleId, stop: f.stop, message: f.message, file: f.file, line: f.line }));
  const ended = endedBy ? endedSite(endedBy, tx) : null;
  return {
    method: req.method,
    path: req.path,
    outcome: ended ? 'ended-early' : 'handled',
    summary: ended ? tx.endedFirst(request, route, ended.name, at(ended)) : tx.answeredBy(request, route, at(site('', r.range, 'route'))),
    route: { method: r.method, path: r.path, file: r.range.file, line: r.range.line, mountPrefix: r.mountPrefix, params },
    stops,
    verdict: { protected: r.protected, authBy: r.authBy, lateAuth, shadowedBy, endedBy: ended, findings: routeFindings },
    alsoMatches: first.d.later.map(l => ({
      ...site(`${l.method} ${l.path}`, l.range, 'route'), why: tx.registeredAfter(route),
    })),
    notes: [...notes, ...r.unresolved],
  };
}

/** The trace when no route answers; with no dispatcher for any stack (`says`: TraceText.noDispatcher) it still says so. */
function notFound(req: TraceRequest, d: Dispatch | null, says: { summary: string; handler: string }, accept: TraceSite[], notes: string[], tx: TraceText): Trace {
  const ran = (d?.ranBefore ?? []).map(l => site(l.name, l.argRange ?? l.range, l.layerKind));
  const endedBy = d?.endedBy ? endedSite(d.endedBy, tx) : null;
  const request = `${req.method} ${req.path}`;
  const parsers = ran.filter(s => s.kind === 'parse');
  const none = (stop: Stop, note: string) => stopOf(stop, [], note);
  return {
    method: req.method,
    path: req.path,
    outcome: 'not-found',
    summary: endedBy ? tx.noRouteEnded(request, endedBy.name, at(endedBy)) : tx.noRoute(request, says.summary),
    route: null,
    stops: [
      acceptStop(accept, tx),
      stopOf(2, parsers, parsers.length ? tx.parsersStillRead(names(parsers), parsers.length) : tx.noParserForPath),
      none(3, tx.noRouteAtStop3(request)),
      stopOf(4, ran, ran.length ? tx.appLayersStillRun(ran.length) : tx.noMiddlewareCovers),
      none(5, endedBy ? tx.answersInstead(endedBy.name) : says.handler),
      none(6, tx.only404Serialized),
      none(7, tx.short404),
    ],
    verdict: { protected: false, authBy: [], lateAuth: [], shadowedBy: [], endedBy, findings: [] },
    alsoMatches: [],
    notes,
  };
}

function acceptStop(accept: TraceSite[], tx: TraceText): TraceStop {
  return stopOf(1, accept, accept.length ? tx.accepts(accept.length > 1) : tx.noListen);
}

function stopOf(stop: Stop, sites: TraceSite[], note: string): TraceStop {
  return { stop, name: STOP_NAMES[stop], sites, note };
}

function site(name: string, at: SourceLocation, kind: TraceSite['kind']): TraceSite {
  return { name, file: at.file, line: at.line, kind };
}

const at = (s: SourceLocation) => `${s.file}:${s.line}`;

/** A chain entry as the trace shows it; a Fastify hook is named with its phase (`onRequest · authenticate`). */
function chainSite(c: ChainEntry, where: SourceLocation): TraceSite {
  return c.phase ? { ...site(`${c.phase} · ${c.name}`, where, c.kind), phase: c.phase } : site(c.name, where, c.kind);
}

/** A note on hooks by phase (`2 hooks run before the handler, in lifecycle order: onRequest, then preHandler.`). */
function hooksNote(hooks: ChainEntry[], when: HooksWhen, tx: TraceText): string {
  return tx.hooks(hooks.length, when, [...new Set(hooks.map(h => h.phase ?? ''))]);
}

/** The registrations a request passes to reach a route's context (Fastify), outermost first; the root is the app. */
function contextsOf(contexts: RoutingContext[], id: string): TraceSite[] {
  const byId = new Map(contexts.map(c => [c.id, c]));
  const out: TraceSite[] = [];
  for (let c = byId.get(id); c && c.parent !== null; c = byId.get(c.parent)) {
    const what = `register ${c.name ?? 'plugin'}${c.prefix ? ` at ${c.prefix}` : ''}${c.encapsulated ? '' : ' (fastify-plugin)'}`;
    out.unshift(site(what, c, 'mount'));
  }
  return out;
}

/** The router a Koa route lives in (`router /api`, where it is created); none when its context is unknown. */
function routerSite(contexts: readonly RoutingContext[], id: string | undefined): TraceSite[] {
  const c = contexts.find(x => x.id === id);
  return c ? [site(`router${c.prefix ? ` ${c.prefix}` : ''}`, c, 'mount')] : [];
}

/** Koa: the chain's entries that run only after `await next()`, as the request goes back out (last added first). */
function wayBack(chain: readonly ChainEntry[], sites: readonly TraceSite[]): TraceSite[] {
  return sites.filter((_, i) => chain[i].when === 'after').map(s => ({ ...s, name: `${s.name} (after next())` })).reverse();
}

/** What stop 7 says of the code after `await next()`; an auth check there has not protected the handler (K9). */
function wayBackNote(chain: readonly ChainEntry[], tx: TraceText): string {
  const after = chain.filter(c => c.when === 'after');
  if (!after.length) return '';
  const auth = after.filter(c => c.kind === 'auth');
  const late = auth.length ? ` ${tx.checksTooLate(names(auth.map(c => site(c.name, c, c.kind))), auth.length)}` : '';
  return ` ${tx.wayBack(after.length)}${late}`;
}

/** The layer that ended every response before a route or a 404 could, with why. */
function endedSite(l: OrderedLayer, tx: TraceText): TraceSite & { why: string } {
  return { ...site(l.name, l.argRange ?? l.range, l.layerKind), why: tx.endsEveryResponse(l.prefix) };
}
const names = (sites: TraceSite[]) => sites.map(s => s.name).join(', ');

/** The handler's head, named after its stop-5 annotation (`handler exportOrders`) when there is one. */
function handlerSite(r: ModelRoute, annotations: Annotation[]): TraceSite {
  const h = r.handler!;
  const a = annotations.find(x => x.stop === 5 && x.file === h.file && x.line === h.line);
  return site(a?.label ?? 'handler', h, 'handler');
}

/**
 * The serialize (6) and drain (7) sites inside the handler. The model keeps only the handler's first
 * line, but those sites are only ever annotated inside handler bodies, so the body runs to the next
 * handler head in the same file.
 */
function handlerBody(handler: TraceSite, annotations: Annotation[]): Annotation[] {
  const inFile = annotations.filter(a => a.file === handler.file);
  const next = inFile.filter(a => a.stop === 5 && a.line > handler.line).reduce((min, a) => Math.min(min, a.line), Infinity);
  // A Fastify hook labelled at 6 or 7 (onSend...) is not the handler's, even when written below it.
  return inFile.filter(a => (a.stop === 6 || a.stop === 7) && !a.phase && a.line >= handler.line && a.line < next);
}

/** The mounts the request passed through to reach the route's router, outermost first. */
function mountsOf(model: AnalysisModel, r: ModelRoute): TraceSite[] {
  if (r.mountPrefix === '/') return [];
  const out: TraceSite[] = [];
  const routeSegs = segs(r.mountPrefix);
  for (let n = 1; n <= routeSegs.length; n++) {
    const prefix = '/' + routeSegs.slice(0, n).join('/');
    const mount = model.stacks[r.app].filter(l => l.kind === 'mount' && l.order < r.order && l.prefix.toLowerCase() === prefix.toLowerCase()).pop();
    if (mount) out.push(site(`mount ${mount.name} at ${mount.prefix}`, mount.range, 'mount'));
  }
  return out;
}

const segs = (p: string) => p.split('/').filter(Boolean);

/** Computed and RegExp paths cannot be matched by their text. */
export function readable(r: ModelRoute): boolean {
  return !r.path.includes('{?}') && !r.unresolved.some(n => n.startsWith('RegExp path') || n.startsWith('path:'));
}
