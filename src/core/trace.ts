// Traces one concrete request (`GET /api/v1/orders/42`) through an analysed workspace: which route
// the framework would dispatch it to, and the code it meets at each of the seven stops. A pure
// function over the model: the editor shows the result, the tests assert it. How a request is
// dispatched is the framework's: each adapter hands in a RequestDispatcher.
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
  /** What the framework does when no route answers: the end of the summary, and stop 5's note. */
  notFound: { summary: string; handler: string };
  /**
   * Frameworks that parse bodies and serialize replies themselves (Fastify): stop 2's and stop 6's
   * notes when no code of the app's does it; absent, the notes speak of body parsers and res.json.
   */
  builtIn?: { body: string; serialize: string };
}

/** The dispatcher of a framework, or undefined when none was wired for it (its stacks are left out). */
export type Dispatchers = (framework: Framework) => RequestDispatcher | undefined;

/** Where `method path` goes in this analysis, stop by stop. */
export function traceRequest(
  analysis: TraceInput | (AnalysisResult & { model: AnalysisModel }), method: string, path: string, dispatchers: Dispatchers,
): Trace {
  const { model, annotations, findings } = analysis;
  const req = { method: method.toUpperCase(), path: path.replace(/[?#].*$/, '') || '/' };
  const notes: string[] = [];
  const unreadable = model.routes.filter(r => !readable(r)).length;
  if (unreadable) {
    const one = unreadable === 1;
    notes.push(`${unreadable} route${one ? ' has a path' : 's have paths'} the analyser could not read (computed or a RegExp), `
      + `so the trace leaves ${one ? 'it' : 'them'} out.`);
  }
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
  if (!first || !first.d.answer) return notFound(req, first?.d ?? null, first?.by.notFound ?? NO_DISPATCHER, accept, notes);
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
  const afterNote = (stop: Stop) => (after(stop).length ? ` ${hooksNote(after(stop), 'after the handler')}` : '');
  const mounts = r.framework === 'koa' ? [...mountsOf(model, r), ...routerSite(analysis.contexts ?? [], r.context)]
    : r.context !== undefined && analysis.contexts ? contextsOf(analysis.contexts, r.context) : mountsOf(model, r);
  const paramText = Object.entries(params).map(([k, v]) => `${k} = ${v}`).join(', ');
  const stops: TraceStop[] = [
    acceptStop(accept),
    stopOf(2, parsers, by.builtIn ? (parsers.length ? `${names(parsers)} run${parsers.length === 1 ? 's' : ''} on the raw body first. ` : '') + by.builtIn.body
      : parsers.length ? `${names(parsers)} read${parsers.length === 1 ? 's' : ''} the body before the handler.`
      : r.facts.readsBody ? 'No body parser runs before this handler, yet it reads req.body: it will be undefined.'
      : 'No body parser runs for this request; the handler does not read req.body.'),
    stopOf(3, [...mounts, site(`${r.method} ${r.path}`, r.range, 'route')], `Matches ${r.method} ${r.path}${paramText ? ` with ${paramText}` : ''}.`),
    stopOf(4, chain, phased ? hooksNote(r.chain.filter(c => c.stop !== 2), 'before the handler')
      : chain.length ? `${chain.length} layer${chain.length === 1 ? ' runs' : 's run'} before the handler, in this order.`
      : 'No middleware runs before the handler.'),
    stopOf(5, handler ? [handler] : [], handler ? 'Your logic runs here; every database or service call it waits on adds to this stop.'
      : r.guards ? 'This route only guards: its last function passes the request on, to a handler registered where the analyser does not see it.'
      : 'The handler could not be read.'),
    stopOf(6, [...serialize, ...afterSites(6)], (serialize.length
      ? `The response becomes bytes here (${serialize.length === 1 ? 'one exit' : `${serialize.length} exits`} of the handler).`
      : by.builtIn?.serialize ?? 'No res.json / res.send in the handler itself: it may serialize elsewhere or stream.') + afterNote(6)),
    stopOf(7, [...drain, ...afterSites(7), ...back], (drain.length
      ? `The handler writes to the socket itself (${names(drain)}): backpressure matters here.`
      : 'Node writes the serialized body; a slow client still holds the socket until it has read it.') + afterNote(7) + wayBackNote(r.chain)),
  ];
  const lateAuth = model.stacks[r.app]
    .filter(l => l.kind === 'middleware' && l.layerKind === 'auth' && l.order > r.order && by.layerRuns(model, r.app, l, req.path))
    .map(l => site(l.name, l.argRange ?? l.range, 'auth'));
  const shadowedBy = r.shadowedBy.map(s => ({ ...site(s.name, s.range, /^[A-Z]+ \//.test(s.name) ? 'route' : 'other'), why: s.why }));
  const routeFindings = findings.filter(f => f.file === r.range.file && f.line >= r.range.line && f.line <= r.range.endLine)
    .map(f => ({ ruleId: f.ruleId, stop: f.stop, message: f.message, file: f.file, line: f.line }));
  const ended = endedBy ? endedSite(endedBy) : null;
  return {
    method: req.method,
    path: req.path,
    outcome: ended ? 'ended-early' : 'handled',
    summary: ended
      ? `${req.method} ${req.path} matches ${r.method} ${r.path}, but ${ended.name} (${at(ended)}) answers first.`
      : `${req.method} ${req.path} is answered by ${r.method} ${r.path} (${at(site('', r.range, 'route'))}).`,
    route: { method: r.method, path: r.path, file: r.range.file, line: r.range.line, mountPrefix: r.mountPrefix, params },
    stops,
    verdict: { protected: r.protected, authBy: r.authBy, lateAuth, shadowedBy, endedBy: ended, findings: routeFindings },
    alsoMatches: first.d.later.map(l => ({
      ...site(`${l.method} ${l.path}`, l.range, 'route'), why: `registered after ${r.method} ${r.path}, which answers first`,
    })),
    notes: [...notes, ...r.unresolved],
  };
}

/** With no dispatcher for any stack, nothing answers; the trace still says so. */
const NO_DISPATCHER: RequestDispatcher['notFound'] = { summary: 'no framework the trace knows answers it.', handler: 'No handler.' };

function notFound(req: TraceRequest, d: Dispatch | null, says: RequestDispatcher['notFound'], accept: TraceSite[], notes: string[]): Trace {
  const ran = (d?.ranBefore ?? []).map(l => site(l.name, l.argRange ?? l.range, l.layerKind));
  const endedBy = d?.endedBy ? endedSite(d.endedBy) : null;
  const parsers = ran.filter(s => s.kind === 'parse');
  const none = (stop: Stop, note: string) => stopOf(stop, [], note);
  return {
    method: req.method,
    path: req.path,
    outcome: 'not-found',
    summary: endedBy
      ? `No route matches ${req.method} ${req.path}; ${endedBy.name} (${at(endedBy)}) answers it.`
      : `No route matches ${req.method} ${req.path}: ${says.summary}`,
    route: null,
    stops: [
      acceptStop(accept),
      stopOf(2, parsers, parsers.length ? `${names(parsers)} still read${parsers.length === 1 ? 's' : ''} the body.` : 'No body parser runs for this path.'),
      none(3, `No route matches ${req.method} ${req.path}.`),
      stopOf(4, ran, ran.length
        ? `${ran.length} app-level layer${ran.length === 1 ? ' still runs' : 's still run'}, in this order.`
        : 'No middleware covers this path.'),
      none(5, endedBy ? `${endedBy.name} answers instead of a handler.` : says.handler),
      none(6, 'Only the 404 body is serialized.'),
      none(7, 'A short 404 drains quickly.'),
    ],
    verdict: { protected: false, authBy: [], lateAuth: [], shadowedBy: [], endedBy, findings: [] },
    alsoMatches: [],
    notes,
  };
}

function acceptStop(accept: TraceSite[]): TraceStop {
  return stopOf(1, accept, accept.length
    ? `The server that accepts the connection${accept.length > 1 ? ', and the timers that govern its connections' : ''}.`
    : 'No listen() call was found: the server may be started elsewhere (a test harness or a serverless adapter).');
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
function hooksNote(hooks: ChainEntry[], when: string): string {
  if (!hooks.length) return `No hook runs ${when}.`;
  const phases = [...new Set(hooks.map(h => h.phase))].join(', then ');
  return `${hooks.length} hook${hooks.length === 1 ? ' runs' : 's run'} ${when}, in lifecycle order: ${phases}.`;
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
function wayBackNote(chain: readonly ChainEntry[]): string {
  const after = chain.filter(c => c.when === 'after');
  if (!after.length) return '';
  const auth = after.filter(c => c.kind === 'auth');
  const late = auth.length ? ` ${names(auth.map(c => site(c.name, c, c.kind)))} check${auth.length === 1 ? 's' : ''} only then: the handler has already run (K9).` : '';
  return ` On the way back out, ${after.length === 1 ? '1 middleware runs its' : `${after.length} middleware run their`} code after await next(), innermost first.${late}`;
}

/** The layer that ended every response before a route or a 404 could, with why. */
function endedSite(l: OrderedLayer): TraceSite & { why: string } {
  return { ...site(l.name, l.argRange ?? l.range, l.layerKind), why: `ends every response under ${l.prefix} without calling next()` };
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
