// Labels Express code with its stop: listen and server timeouts (1), body parsers (2), route
// registrations and mounts (3), middleware (4), handlers (5), and inside handlers the sites that
// serialize (6) or write to the socket (7).
import type { AdapterContext } from '../../core/adapter';
import { fit } from '../../core/compact';
import type { FnIR, Span } from '../../core/ir';
import type { Annotation, ModelRoute, SourceRange, Stop } from '../../core/model';
import type { Arg } from '../../core/values';
import { alternatives } from '../../core/values';
import { type AnnotationMarks, expressState } from './analyser-state';
import type { ExpressRecorder } from './hooks';
import type { ExpressHost } from './objects';
import { type Classification, passesOnSuccess } from './middleware-kind';

const SERIALIZE = new Set(['json', 'send', 'jsonp', 'render', 'format']);
const DRAIN = new Set(['sendFile', 'download', 'write', 'end', 'attachment', 'writeHead', 'flushHeaders']);

export function annotate(rec: ExpressRecorder, routes: ModelRoute[], classify: (arg: Arg) => Classification, ctx: AdapterContext): Annotation[] {
  // A place labelled twice with one stop (a handler two routes share) is listed once by the analyser,
  // after it sorts every adapter's annotations by place (core/analyse.ts): no table of places here,
  // which on 100,000 routes held 450,000 entries at the peak of a scan.
  const out: Annotation[] = [];
  const { routeAnnotations } = expressState(ctx).annotations;
  for (const a of rec.stopSites) out.push(annotationAt(ctx.range(a.site.file, a.site.span), a.stop, a.label));
  // One route annotation per registration site (a chain `app.route(p).get(a).post(b)` starts once).
  const seen = new Map<string, Set<number>>();
  for (const r of routes) {
    let lines = seen.get(r.range.file);
    if (!lines) seen.set(r.range.file, (lines = new Set()));
    // (Columns of minified lines pass 65,536; line × 2³² + column stays exact below 2⁵³.)
    const pos = r.range.line * 2 ** 32 + r.range.column;
    if (lines.has(pos)) continue;
    lines.add(pos);
    out.push(routeAnnotation(r, ctx.oneRun ? null : routeAnnotations));
  }
  for (const host of rec.hosts) for (const a of hostAnnotationsOf(host, classify, ctx)) out.push(a);
  return out;
}

/**
 * The stops of a host's layers (see hostAnnotations). The same annotations as long as it is the same
 * object: a module replayed after an edit brings its hosts unchanged (see core/module-reuse.ts); a
 * one-run scan asks before it lets a router's layers go, and annotate() finds them here after.
 */
export function hostAnnotationsOf(host: ExpressHost, classify: (arg: Arg) => Classification, ctx: AdapterContext): Annotation[] {
  return ctx.memo('express.hostAnnotations', host, () => hostAnnotations(host, classify, (file, span, stop, label) => annotationAt(ctx.range(file, span), stop, label)));
}

/** Field by field: spreading the (frozen) range took V8's slow path, once per annotation. */
function annotationAt(r: SourceRange, stop: Stop, label: string): Annotation {
  return { file: r.file, line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn, stop, label };
}

/**
 * A route's stop-3 annotation; the same object while its range, method and path are (ranges of
 * unchanged files are kept), for an analyser that runs again. A one-run scan keeps no table of them (null).
 */
function routeAnnotation(r: ModelRoute, routeAnnotations: AnnotationMarks['routeAnnotations'] | null): Annotation {
  const label = `${r.method} ${r.path}`;
  if (!routeAnnotations) return annotationAt(r.range, 3, label);
  const known = routeAnnotations.get(r.range);
  if (known && known.label === label) return known;
  const annotation = annotationAt(r.range, 3, label);
  routeAnnotations.set(r.range, annotation);
  return annotation;
}

/** The stops of a host's layers: mounts, middleware, handlers and what the handlers' bodies do. */
function hostAnnotations(
  host: ExpressHost, classify: (arg: Arg) => Classification,
  make: (file: string, span: Span, stop: Stop, label: string) => Annotation,
): Annotation[] {
  const annotations: Annotation[] = [];
  const add = (file: string, span: Span, stop: Stop, label: string) => { annotations.push(make(file, span, stop, label)); };
  const layers = host.kind === 'route'
    ? host.routeStack.map(e => ({ fns: e.fns, isRoute: true, site: e.site }))
    : host.stack.map(l => ({ fns: l.type === 'routeObj' ? [] : l.fns, isRoute: l.type === 'route', site: l.site }));
  for (const layer of layers) {
    layer.fns.forEach((fn, i) => {
      const child = alternatives(fn.value).find(v => v.t === 'host');
      if (child) { add(layer.site.file, layer.site.span, 3, `mount ${fn.name}`); return; }
      // The last function of a route is its handler, unless it is middleware: then the route is a guard.
      const isHandler = layer.isRoute && i === layer.fns.length - 1 && !passesOnSuccess(fn, classify);
      const closure = alternatives(fn.value).find(v => v.t === 'fn');
      if (isHandler) {
        if (closure && closure.t === 'fn') {
          add(closure.file, closure.fn.headSpan, 5, closure.fn.name ? `handler ${closure.fn.name}` : 'handler');
          const fn = closure.fn;
          // Not remembered per function: the host's annotations are (a handler's sites are a scan of its uses and calls).
          for (const site of handlerBodySites(fn)) add(closure.file, site.span, site.stop, site.label);
        }
        return;
      }
      const cls = classify(fn);
      if (fn.site) add(fn.site.file, fn.site.span, cls.stop, cls.errorHandler ? `error handler ${fn.name}` : fn.name);
    });
  }
  return fit(annotations);
}

interface BodySite { span: Span; stop: Stop; label: string }

/** `res.json` and the like, one string each for the usual parameter name (labels are kept as long as the host's annotations are). */
const RES_LABELS = new Map([...SERIALIZE, ...DRAIN].map(m => [m, `res.${m}`]));
const resLabel = (resName: string, m: string) => (resName === 'res' && RES_LABELS.get(m)) || `${resName}.${m}`;

/** Where a handler's body serializes (6) or writes to the socket (7); depends on the function alone. */
function handlerBodySites(fn: FnIR): BodySite[] {
  const out: BodySite[] = [];
  const resName = fn.params[1]?.k === 'name' ? fn.params[1].name : 'res';
  for (const u of fn.uses) {
    if (u.param !== 1 || !u.call) continue;
    const m = u.path[u.path.length - 1];
    if (SERIALIZE.has(m)) out.push({ span: u.span, stop: 6, label: resLabel(resName, m) });
    else if (DRAIN.has(m)) out.push({ span: u.span, stop: 7, label: resLabel(resName, m) });
  }
  for (const c of fn.calls) {
    const passesRes = c.args.some(a => a.k === 'ref' && a.name === resName);
    if (passesRes && /(^|\.)pipe$/.test(c.callee)) out.push({ span: c.span, stop: 7, label: `pipe(${resName})` });
    else if (passesRes && /(^|\.)pipeline$/.test(c.callee)) out.push({ span: c.span, stop: 7, label: `pipeline(…, ${resName})` });
    else if (c.callee === 'JSON.stringify') out.push({ span: c.span, stop: 6, label: 'JSON.stringify' });
  }
  return out;
}
