// Labels Fastify code with its stop: listen and server timeouts (1), routes (3), hooks by phase
// (preParsing 2, onRequest/preValidation/preHandler 4, preSerialization 6, onSend/onResponse 7),
// handlers (5), and inside handlers the sites that serialize (6) or write to the socket (7).
import type { AdapterContext } from '../../core/adapter';
import type { Expr, FnIR, Span, Stmt } from '../../core/ir';
import type { Annotation, LifecyclePhase, ModelRoute, Stop } from '../../core/model';
import type { Arg, Site } from '../../core/values';
import { alternatives } from '../../core/values';
import { AnnotationSink } from '../shared/annotation-sink';
import type { StopSite } from '../shared/recorder-log';
import { hookName } from './hook-kind';
import { type FastifyContext, PHASE_STOPS, type RouteRecord, descendants } from './objects';

/** Reply methods that serialize a payload (6) or write to the socket themselves (7). */
const SERIALIZE = new Set(['send', 'serializer', 'serialize']);
const DRAIN = new Set(['hijack', 'sendFile', 'download']);

/** The stop of each piece of Fastify code; hooks also say their phase and reach (`routesPerRecord` from routes.ts). */
export function annotate(
  roots: readonly FastifyContext[], stopSites: readonly StopSite[], routes: ModelRoute[], routesPerRecord: ReadonlyMap<RouteRecord, number>, ctx: AdapterContext,
): Annotation[] {
  const sink = new AnnotationSink(ctx);
  const add = (site: Site | null, stop: Stop, label: string) => sink.add(site, stop, label);
  sink.stopsAndRoutes(stopSites, routes);
  const routesOf = (r: RouteRecord) => routesPerRecord.get(r) ?? 0;
  const hook = (phase: LifecyclePhase, fn: Arg, site: Site, routeCount: number, level: 'app' | 'context' | 'route') => {
    const a = add(fn.site ?? site, PHASE_STOPS[phase], `${phase} · ${hookName(fn)}`);
    if (!a) return;
    // One addHook call run in two contexts (a plugin registered twice) reaches the routes of both.
    a.reach = a.reach ? { routes: a.reach.routes + routeCount, level: a.reach.level } : { routes: routeCount, level };
    a.phase = phase;
  };
  for (const root of roots) {
    const tree = descendants(root);
    const reaches = reachOf(tree, routesOf);
    for (const c of tree) {
      // A context holds its parents' hooks too: each is labelled where it was added, and reaches the
      // routes of that context and of every context below it (F1, F3).
      const reach = reaches.get(c)!;
      for (const [phase, list] of Object.entries(c.hooks)) {
        for (const h of list) if (h.from === c && !h.middie) hook(phase as LifecyclePhase, h.fn, h.site, reach, c.parent ? 'context' : 'app');
      }
      for (const r of c.routes) {
        for (const [phase, list] of Object.entries(r.hooks)) for (const fn of list) hook(phase as LifecyclePhase, fn, r.site, routesOf(r), 'route');
        const handler = r.handler && alternatives(r.handler.value).find(v => v.t === 'fn');
        if (handler?.t !== 'fn') continue;
        // Its label and body sites depend on the function alone: kept while its file is unchanged.
        const sites = ctx.memo('fastify.handlerSites', handler.fn, () => handlerSites(handler.fn));
        sink.addAt(handler.file, handler.fn.headSpan, 5, sites.label);
        for (const s of sites.body) sink.addAt(handler.file, s.span, s.stop, s.label);
      }
    }
  }
  return sink.out;
}

/**
 * The routes of each context and of every context below it, summed once from the leaves up
 * (`tree` parents first, as descendants() lists it): linear where a sum per context was not.
 */
function reachOf(tree: readonly FastifyContext[], routesOf: (r: RouteRecord) => number): Map<FastifyContext, number> {
  const reach = new Map<FastifyContext, number>();
  for (let i = tree.length - 1; i >= 0; i--) {
    const c = tree[i];
    let n = 0;
    for (const r of c.routes) n += routesOf(r);
    for (const child of c.children) n += reach.get(child)!;
    reach.set(c, n);
  }
  return reach;
}

interface BodySite { span: Span; stop: Stop; label: string }

/** A handler's own label (5) and its body's sites (6, 7). */
function handlerSites(fn: FnIR): { label: string; body: BodySite[] } {
  return { label: fn.name ? `handler ${fn.name}` : 'handler', body: handlerBodySites(fn) };
}

/**
 * `reply.send(x)` and a returned value (6: Fastify serializes it), the same with a stream,
 * `reply.raw.write/end`, `reply.hijack()` (7: written to the socket as it comes): depends on the function alone.
 */
function handlerBodySites(fn: FnIR): BodySite[] {
  const out: BodySite[] = [];
  const reply = fn.params[1]?.k === 'name' ? fn.params[1].name : 'reply';
  for (const u of fn.uses) {
    if (u.param !== 1 || !u.call) continue;
    const m = u.path[u.path.length - 1];
    const label = `${reply}.${u.path.filter(p => p !== '()').join('.')}`;
    if (u.path[0] === 'raw') out.push({ span: u.span, stop: 7, label });
    else if (m === 'send' && u.call[0] && isStream(u.call[0])) out.push({ span: u.span, stop: 7, label: `${label}(stream)` });
    else if (SERIALIZE.has(m)) out.push({ span: u.span, stop: 6, label });
    else if (DRAIN.has(m)) out.push({ span: u.span, stop: 7, label });
  }
  // A handler's return value is what Fastify sends (async or not), unless it is the reply itself.
  for (const r of returns(fn.body)) {
    if (!r.span || !r.e || returnsReply(r.e, reply)) continue;
    out.push(isStream(r.e) ? { span: r.span, stop: 7, label: 'return (stream)' } : { span: r.span, stop: 6, label: 'return (serialized)' });
  }
  return out;
}

type Return = Extract<Stmt, { k: 'return' }>;

/** The function's own return statements (not those of functions written inside it). */
function returns(body: readonly Stmt[]): Return[] {
  const out: Return[] = [];
  for (const st of body) {
    if (st.k === 'return') out.push(st);
    else if (st.k === 'if') out.push(...returns(st.then), ...returns(st.else));
    else if (st.k === 'block' || st.k === 'loop') out.push(...returns(st.body));
  }
  return out;
}

/** `return reply`, `return reply.send(x)`, `return reply.code(201).send(x)`: already sent (or labelled as a use). */
function returnsReply(e: Expr, reply: string): boolean {
  for (let x: Expr = e; ;) {
    if (x.k === 'ref') return x.name === reply;
    if (x.k === 'call') x = x.callee;
    else if (x.k === 'member') x = x.obj;
    else return false;
  }
}

/** Calls that make a readable stream: `fs.createReadStream()`, `Readable.from()`, `new PassThrough()`. */
const STREAM_MAKERS = new Set(['createReadStream', 'from', 'Readable', 'PassThrough', 'pipeline', 'createGzip', 'createBrotliCompress']);

function isStream(e: Expr): boolean {
  if (e.k !== 'call') return false;
  const callee = e.callee;
  const name = callee.k === 'ref' ? callee.name : callee.k === 'member' && typeof callee.prop === 'string' ? callee.prop : null;
  if (name === 'from') return callee.k === 'member' && callee.obj.k === 'ref' && callee.obj.name === 'Readable';
  return name !== null && STREAM_MAKERS.has(name);
}
