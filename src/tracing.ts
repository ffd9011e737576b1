// The request dispatchers of every framework, wired for the trace. Apart from engine.ts because the
// extension host traces on its own thread and must not load the analyser (engine.ts pulls it in).
import type { Locale } from './core/locale';
import type { AnalysisModel, AnalysisResult, Framework } from './core/model';
import type { RequestDispatcher, Trace, TraceInput } from './core/trace';
import { traceRequest } from './core/trace';
import { expressDispatcher } from './frameworks/express/dispatch';
import { fastifyDispatcher } from './frameworks/fastify/dispatch';
import { koaDispatcher } from './frameworks/koa/dispatch';

const dispatchers: Partial<Record<Framework, RequestDispatcher>> = { express: expressDispatcher, fastify: fastifyDispatcher, koa: koaDispatcher };

/** Where `method path` goes in this analysis, each stack dispatched by its framework, its sentences in `locale`. */
export function trace(analysis: TraceInput | (AnalysisResult & { model: AnalysisModel }), method: string, path: string, locale: Locale = 'en'): Trace {
  return traceRequest(analysis, method, path, f => dispatchers[f], locale);
}
