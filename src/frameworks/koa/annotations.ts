// Labels Koa code with its stop: listen (1), body parsers (2), routes, router mounts and koa-mount
// (3), app.use / router.use / route-level middleware (4), handlers (5), and inside them the sites
// that serialize (`ctx.body = obj`, 6) or write to the socket themselves (`ctx.body = stream`,
// `ctx.res.end()`, `ctx.respond = false`, 7); the code a middleware runs after `await next()` runs
// on the way back out (7).
import type { AdapterContext } from '../../core/adapter';
import type { Expr, FnIR, Span } from '../../core/ir';
import type { Annotation, ModelRoute, Stop } from '../../core/model';
import type { Arg, Site } from '../../core/values';
import { exprName } from '../../core/values';
import { AnnotationSink } from '../shared/annotation-sink';
import type { StopSite } from '../shared/recorder-log';
import type { KoaClassification } from './middleware-kind';
import { middlewareName } from './middleware-kind';
import { type KoaApp, type KoaRouter, fnOf, koaHost } from './objects';

export function annotate(
  hosts: readonly (KoaApp | KoaRouter)[], stopSites: readonly StopSite[], routes: readonly ModelRoute[],
  classify: (arg: Arg) => KoaClassification, ctx: AdapterContext,
): Annotation[] {
  const sink = new AnnotationSink(ctx);
  sink.stopsAndRoutes(stopSites, routes);
  for (const h of hosts) {
    // A router replayed from the previous run is the same object with the same stack: its places are read once.
    const places = h.kind === 'app' ? appPlaces(h, classify, ctx) : ctx.memo('koa.routerPlaces', h, () => routerPlaces(h, classify, ctx));
    for (const p of places) sink.addAt(p.file, p.span, p.stop, p.label);
  }
  return sink.out;
}

/** A place to label with a stop. */
interface Place { file: string; span: Span; stop: Stop; label: string }

/** Collects places in order; a site the analyser has none for is skipped. */
class Places {
  readonly out: Place[] = [];
  constructor(private readonly classify: (arg: Arg) => KoaClassification, private readonly ctx: AdapterContext) {}

  add(site: Site | null, stop: Stop, label: string): void {
    if (site) this.out.push({ file: site.file, span: site.span, stop, label });
  }

  /** A middleware argument: a router's dispatch, a koa-mount, a compose array's members, or a function (with what it runs after next()). */
  middleware(arg: Arg, where: string): void {
    const h = koaHost(arg);
    if (h?.kind === 'dispatch') return this.add(arg.site, 3, `${where} · router.routes()`);
    if (h?.kind === 'mount') return this.add(arg.site, 3, `${where} · mount ${h.prefix || '/'}`);
    if (h?.kind === 'compose') { for (const f of h.fns) this.middleware(f, where); return; }
    const cls = this.classify(arg);
    const name = middlewareName(arg);
    this.add(arg.site, cls.stop, `${where} · ${name}`);
    const fn = fnOf(arg);
    if (fn) for (const s of this.ctx.memo('koa.afterNextSites', fn.fn, () => afterNextSites(fn.fn))) this.add({ file: fn.file, span: s }, 7, `${name} · after next()`);
  }
}

function appPlaces(app: KoaApp, classify: (arg: Arg) => KoaClassification, ctx: AdapterContext): Place[] {
  const p = new Places(classify, ctx);
  for (const m of app.middleware) p.middleware(m, 'app.use');
  return p.out;
}

function routerPlaces(router: KoaRouter, classify: (arg: Arg) => KoaClassification, ctx: AdapterContext): Place[] {
  const p = new Places(classify, ctx);
  // A nested router's layers cloned into another are labelled once, where they were written.
  for (const l of router.stack) {
    if (l.owner !== router) continue;
    if (l.kind === 'use') { for (const f of l.fns) p.middleware(f, 'router.use'); continue; }
    for (const f of l.fns.slice(0, -1)) p.middleware(f, 'route');
    const handler = fnOf(l.fns[l.fns.length - 1]);
    if (!handler) continue;
    p.add({ file: handler.file, span: handler.fn.headSpan }, 5, handler.fn.name ? `handler ${handler.fn.name}` : 'handler');
    const sites = ctx.memo('koa.handlerBodySites', handler.fn, () => handlerBodySites(handler.fn));
    for (const s of sites) p.add({ file: handler.file, span: s.span }, s.stop, s.label);
  }
  for (const prm of router.params) p.middleware(prm.fn, `router.param ${prm.name}`);
  return p.out;
}

interface BodySite { span: Span; stop: Stop; label: string }

/** Values written to `ctx.body` that Koa pipes to the socket instead of serializing. */
const STREAMING = /stream|createReadStream|pipeline|Readable|PassThrough/i;

/** `ctx.body = x` (6, or 7 for a stream), `ctx.res.write/end`, `ctx.respond = false` (7), JSON.stringify (6): depends on the function alone. */
function handlerBodySites(fn: FnIR): BodySite[] {
  const out: BodySite[] = [];
  const ctx = fn.params[0]?.k === 'name' ? fn.params[0].name : 'ctx';
  for (const u of fn.uses) {
    if (u.param !== 0) continue;
    const path = u.path.filter(p => p !== '()');
    const label = `${ctx}.${path.join('.')}`;
    const body = path.length === 1 ? path[0] === 'body' : path.length === 2 && path[0] === 'response' && path[1] === 'body';
    if (u.write && body) out.push({ span: u.span, stop: streams(u.write) ? 7 : 6, label: `${label} = ${streams(u.write) ? 'stream' : '…'}` });
    else if (u.write && path.length === 1 && path[0] === 'respond') out.push({ span: u.span, stop: 7, label: `${label} = false` });
    else if (u.call && path[0] === 'res' && ['write', 'end', 'writeHead', 'pipe'].includes(path[path.length - 1])) out.push({ span: u.span, stop: 7, label });
  }
  for (const c of fn.calls) if (c.callee === 'JSON.stringify') out.push({ span: c.span, stop: 6, label: 'JSON.stringify' });
  return out;
}

function streams(e: Expr): boolean {
  if (e.k === 'call') return STREAMING.test(exprName(e.callee));
  if (e.k === 'ref' || e.k === 'member') return STREAMING.test(exprName(e));
  return false;
}

/** Where a middleware `(ctx, next)` uses ctx after its first `next()`: code that runs on the way back out (K9). */
function afterNextSites(fn: FnIR): Span[] {
  const nextParam = fn.generator ? 0 : 1;
  const calls = fn.uses.filter(u => u.param === nextParam && u.path.length === 0).map(u => u.span.start);
  if (!calls.length || fn.generator) return [];
  const first = Math.min(...calls);
  const after = fn.uses.find(u => u.param === 0 && u.span.start > first);
  return after ? [after.span] : [];
}
