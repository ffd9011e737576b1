// What the Fastify adapter keeps across one analyser's runs. It lives in the analyser
// (AdapterContext.state), never in a module, so two analysers in one process share none of it.
import type { AdapterContext } from '../../core/adapter';

export interface FastifyAnalyserState {
  /** The last context id handed out: a module replayed after an edit brings its contexts from the previous run. */
  lastContextId: number;
}

/** This analyser's Fastify state, made on its first run. */
export function fastifyState(ctx: Pick<AdapterContext, 'state'>): FastifyAnalyserState {
  return ctx.state('fastify', () => ({ lastContextId: 0 }));
}
