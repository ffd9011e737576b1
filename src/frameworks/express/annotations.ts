// Labels Express code with its stop: listen and server timeouts (1), body parsers (2), route
// registrations and mounts (3), middleware (4), handlers (5), and inside handlers the sites that
// serialize (6) or write to the socket (7).
import type { AdapterContext } from '../../core/adapter';
import type { FnIR, Span } from '../../core/ir';
import type { Annotation, ModelRoute, Stop } from '../../core/model';
import { options } from '../../core/values';
import type { ExpressRecorder } from './hooks';
import { classify } from './middleware-kind';

const SERIALIZE = new Set(['json', 'send', 'jsonp', 'render', 'format']);
const DRAIN = new Set(['sendFile', 'download', 'write', 'end', 'attachment', 'writeHead', 'flushHeaders']);

export function annotate(rec: ExpressRecorder, routes: ModelRoute[], ctx: AdapterContext): Annotation[] {
  const out: Annotation[] = [];
  const seen = new Set<string>();
  const add = (file: string, span: Span, stop: Stop, label: string) => {
    const key = `${file}:${span.start}:${span.end}:${stop}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ ...ctx.range(file, span), stop, label });
  };
  for (const a of rec.acceptSites) add(a.site.file, a.site.span, 1, a.label);
  for (const r of routes) {
    const key = `${r.range.file}:${r.range.line}:${r.range.column}:3`;
    if (!seen.has(key)) { seen.add(key); out.push({ ...r.range, stop: 3, label: `${r.method} ${r.path}` }); }
  }
  const handlers = new Set<FnIR>();
  for (const host of rec.hosts) {
    const layers = host.kind === 'route'
      ? host.routeStack.map(e => ({ fns: e.fns, isRoute: true, site: e.site }))
      : host.stack.map(l => ({ fns: l.type === 'routeObj' ? [] : l.fns, isRoute: l.type === 'route', site: l.site }));
    for (const layer of layers) {
      layer.fns.forEach((fn, i) => {
        const child = options(fn.value).find(v => v.t === 'host');
        if (child) { add(layer.site.file, layer.site.span, 3, `mount ${fn.name}`); return; }
        const isHandler = layer.isRoute && i === layer.fns.length - 1;
        const closure = options(fn.value).find(v => v.t === 'fn');
        if (isHandler) {
          if (closure && closure.t === 'fn') {
            add(closure.file, closure.fn.headSpan, 5, closure.fn.name ? `handler ${closure.fn.name}` : 'handler');
            handlers.add(closure.fn);
            annotateHandlerBody(closure.fn, closure.file, add);
          }
          return;
        }
        const cls = classify(fn, ctx.config.auth);
        if (fn.site) add(fn.site.file, fn.site.span, cls.stop, cls.errorHandler ? `error handler ${fn.name}` : fn.name);
      });
    }
  }
  return out;
}

function annotateHandlerBody(fn: FnIR, file: string, add: (file: string, span: Span, stop: Stop, label: string) => void): void {
  const resName = fn.params[1]?.k === 'name' ? fn.params[1].name : 'res';
  for (const u of fn.uses) {
    if (u.param !== 1 || !u.call) continue;
    const m = u.path[u.path.length - 1];
    if (SERIALIZE.has(m)) add(file, u.span, 6, `${resName}.${m}`);
    else if (DRAIN.has(m)) add(file, u.span, 7, `${resName}.${m}`);
  }
  for (const c of fn.calls) {
    const passesRes = c.args.some(a => a.k === 'ref' && a.name === resName);
    if (passesRes && /(^|\.)pipe$/.test(c.callee)) add(file, c.span, 7, `pipe(${resName})`);
    else if (passesRes && /(^|\.)pipeline$/.test(c.callee)) add(file, c.span, 7, `pipeline(…, ${resName})`);
    else if (c.callee === 'JSON.stringify') add(file, c.span, 6, 'JSON.stringify');
  }
}
