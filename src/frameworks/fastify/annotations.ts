// Labels Fastify code with its stop: listen and server timeouts (1), routes (3), hooks by phase
// (preParsing 2, onRequest/preValidation/preHandler 4, preSerialization 6, onSend/onResponse 7),
// handlers (5), and inside handlers the sites that serialize (6) or write to the socket (7).
import type { AdapterContext } from '../../core/adapter';
import type { FnIR, Span } from '../../core/ir';
import type { Annotation, LifecyclePhase, ModelRoute, Stop } from '../../core/model';
import type { Arg, Site } from '../../core/values';
import { alternatives } from '../../core/values';
import { AnnotationSink } from '../shared/annotation-sink';
import type { AcceptSite } from '../shared/recorder-log';
import { hookName } from './hook-kind';
import { type FastifyContext, descendants } from './objects';

const PHASE_STOPS: Record<LifecyclePhase, Stop> = {
  onRequest: 4, preParsing: 2, preValidation: 4, preHandler: 4, preSerialization: 6, onSend: 7, onResponse: 7, onError: 4,
};

/** Reply methods that serialize a payload (6) or write to the socket themselves (7). */
const SERIALIZE = new Set(['send', 'serializer', 'serialize']);
const DRAIN = new Set(['hijack', 'sendFile', 'download']);

export function annotate(roots: readonly FastifyContext[], acceptSites: AcceptSite[], routes: ModelRoute[], ctx: AdapterContext): Annotation[] {
  const sink = new AnnotationSink(ctx);
  const add = (site: Site | null, stop: Stop, label: string) => sink.add(site, stop, label);
  sink.acceptAndRoutes(acceptSites, routes);
  const hook = (phase: LifecyclePhase, fn: Arg, at: Site) => add(fn.site ?? at, PHASE_STOPS[phase], `${phase} · ${hookName(fn)}`);
  for (const root of roots) {
    for (const c of descendants(root)) {
      // A context holds its parents' hooks too: each is labelled where it was added.
      for (const [phase, list] of Object.entries(c.hooks)) for (const h of list) if (h.from === c && !h.middie) hook(phase as LifecyclePhase, h.fn, h.site);
      for (const r of c.routes) {
        for (const [phase, list] of Object.entries(r.hooks)) for (const fn of list) hook(phase as LifecyclePhase, fn, r.site);
        const handler = r.handler && alternatives(r.handler.value).find(v => v.t === 'fn');
        if (handler?.t !== 'fn') continue;
        add({ file: handler.file, span: handler.fn.headSpan }, 5, handler.fn.name ? `handler ${handler.fn.name}` : 'handler');
        for (const s of ctx.memo('fastify.handlerBodySites', handler.fn, () => handlerBodySites(handler.fn))) add({ file: handler.file, span: s.span }, s.stop, s.label);
      }
    }
  }
  return sink.out;
}

interface BodySite { span: Span; stop: Stop; label: string }

/** `reply.send(x)` (6), `reply.raw.write/end`, `reply.hijack()` (7): depends on the function alone. */
function handlerBodySites(fn: FnIR): BodySite[] {
  const out: BodySite[] = [];
  const reply = fn.params[1]?.k === 'name' ? fn.params[1].name : 'reply';
  for (const u of fn.uses) {
    if (u.param !== 1 || !u.call) continue;
    const m = u.path[u.path.length - 1];
    const label = `${reply}.${u.path.filter(p => p !== '()').join('.')}`;
    if (u.path[0] === 'raw') out.push({ span: u.span, stop: 7, label });
    else if (SERIALIZE.has(m)) out.push({ span: u.span, stop: 6, label });
    else if (DRAIN.has(m)) out.push({ span: u.span, stop: 7, label });
  }
  return out;
}
