// Labels Express code with its stop: listen and server timeouts (1), body parsers (2), route
// registrations and mounts (3), middleware (4), handlers (5), and inside handlers the sites that
// serialize (6) or write to the socket (7).
import type { AdapterContext } from '../../core/adapter';
import type { FnIR, Span } from '../../core/ir';
import type { Annotation, ModelRoute, SourceRange, Stop } from '../../core/model';
import type { Arg } from '../../core/values';
import { options } from '../../core/values';
import type { ExpressRecorder } from './hooks';
import type { ExpressHost } from './objects';
import { type Classification, passesOnSuccess } from './middleware-kind';

const SERIALIZE = new Set(['json', 'send', 'jsonp', 'render', 'format']);
const DRAIN = new Set(['sendFile', 'download', 'write', 'end', 'attachment', 'writeHead', 'flushHeaders']);

export function annotate(rec: ExpressRecorder, routes: ModelRoute[], classify: (arg: Arg) => Classification, ctx: AdapterContext): Annotation[] {
  const out: Annotation[] = [];
  const run = ++runs;
  // Spans are shared IR objects, so identity plus a bit per stop finds repeats without building keys;
  // the marks live across runs (stamped with the run) so a re-analysis allocates none.
  const add = (a: SpanAnnotation) => {
    let mark = spanMarks.get(a.span);
    if (!mark) spanMarks.set(a.span, (mark = { run, bits: 0 }));
    else if (mark.run !== run) { mark.run = run; mark.bits = 0; }
    if (mark.bits & (1 << a.stop)) return;
    mark.bits |= 1 << a.stop;
    out.push(a.annotation);
  };
  const make = (file: string, span: Span, stop: Stop, label: string): SpanAnnotation => ({ span, stop, annotation: annotationAt(ctx.range(file, span), stop, label) });
  for (const a of rec.acceptSites) add(make(a.site.file, a.site.span, 1, a.label));
  // One route annotation per registration site (a chain `app.route(p).get(a).post(b)` starts once).
  const seen = new Map<string, Set<number>>();
  for (const r of routes) {
    let lines = seen.get(r.range.file);
    if (!lines) seen.set(r.range.file, (lines = new Set()));
    // (Columns of minified lines pass 65,536; line × 2³² + column stays exact below 2⁵³.)
    const pos = r.range.line * 2 ** 32 + r.range.column;
    if (lines.has(pos)) continue;
    lines.add(pos);
    out.push(routeAnnotation(r));
  }
  // A host's layers give the same annotations as long as it is the same object: a module replayed
  // after an edit brings its hosts unchanged (see core/module-reuse.ts).
  for (const host of rec.hosts) for (const a of ctx.memo('express.hostAnnotations', host, () => hostAnnotations(host, classify, ctx, make))) add(a);
  return out;
}

interface SpanAnnotation { span: Span; stop: Stop; annotation: Annotation }

/** Field by field: spreading the (frozen) range took V8's slow path, once per annotation. */
function annotationAt(r: SourceRange, stop: Stop, label: string): Annotation {
  return { file: r.file, line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn, stop, label };
}

let runs = 0;
const spanMarks = new WeakMap<Span, { run: number; bits: number }>();
const routeAnnotations = new WeakMap<SourceRange, { method: string; path: string; annotation: Annotation }>();

/** A route's stop-3 annotation; the same object while its range, method and path are (ranges of unchanged files are kept). */
function routeAnnotation(r: ModelRoute): Annotation {
  const known = routeAnnotations.get(r.range);
  if (known && known.method === r.method && known.path === r.path) return known.annotation;
  const annotation = annotationAt(r.range, 3, `${r.method} ${r.path}`);
  routeAnnotations.set(r.range, { method: r.method, path: r.path, annotation });
  return annotation;
}

/** The stops of a host's layers: mounts, middleware, handlers and what the handlers' bodies do. */
function hostAnnotations(host: ExpressHost, classify: (arg: Arg) => Classification, ctx: AdapterContext, make: (file: string, span: Span, stop: Stop, label: string) => SpanAnnotation): SpanAnnotation[] {
  const out: SpanAnnotation[] = [];
  const layers = host.kind === 'route'
    ? host.routeStack.map(e => ({ fns: e.fns, isRoute: true, site: e.site }))
    : host.stack.map(l => ({ fns: l.type === 'routeObj' ? [] : l.fns, isRoute: l.type === 'route', site: l.site }));
  for (const layer of layers) {
    layer.fns.forEach((fn, i) => {
      const child = options(fn.value).find(v => v.t === 'host');
      if (child) { out.push(make(layer.site.file, layer.site.span, 3, `mount ${fn.name}`)); return; }
      // The last function of a route is its handler, unless it is middleware: then the route is a guard.
      const isHandler = layer.isRoute && i === layer.fns.length - 1 && !passesOnSuccess(fn, classify);
      const closure = options(fn.value).find(v => v.t === 'fn');
      if (isHandler) {
        if (closure && closure.t === 'fn') {
          out.push(make(closure.file, closure.fn.headSpan, 5, closure.fn.name ? `handler ${closure.fn.name}` : 'handler'));
          const fn = closure.fn;
          for (const site of ctx.memo('express.handlerBodySites', fn, () => handlerBodySites(fn))) out.push(make(closure.file, site.span, site.stop, site.label));
        }
        return;
      }
      const cls = classify(fn);
      if (fn.site) out.push(make(fn.site.file, fn.site.span, cls.stop, cls.errorHandler ? `error handler ${fn.name}` : fn.name));
    });
  }
  return out;
}

interface BodySite { span: Span; stop: Stop; label: string }

/** Where a handler's body serializes (6) or writes to the socket (7); depends on the function alone. */
function handlerBodySites(fn: FnIR): BodySite[] {
  const out: BodySite[] = [];
  const resName = fn.params[1]?.k === 'name' ? fn.params[1].name : 'res';
  for (const u of fn.uses) {
    if (u.param !== 1 || !u.call) continue;
    const m = u.path[u.path.length - 1];
    if (SERIALIZE.has(m)) out.push({ span: u.span, stop: 6, label: `${resName}.${m}` });
    else if (DRAIN.has(m)) out.push({ span: u.span, stop: 7, label: `${resName}.${m}` });
  }
  for (const c of fn.calls) {
    const passesRes = c.args.some(a => a.k === 'ref' && a.name === resName);
    if (passesRes && /(^|\.)pipe$/.test(c.callee)) out.push({ span: c.span, stop: 7, label: `pipe(${resName})` });
    else if (passesRes && /(^|\.)pipeline$/.test(c.callee)) out.push({ span: c.span, stop: 7, label: `pipeline(…, ${resName})` });
    else if (c.callee === 'JSON.stringify') out.push({ span: c.span, stop: 6, label: 'JSON.stringify' });
  }
  return out;
}
