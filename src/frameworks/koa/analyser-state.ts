// What the Koa adapter keeps across one analyser's runs. It lives in the analyser
// (AdapterContext.state), never in a module, so two analysers in one process share none of it.
import type { AdapterContext } from '../../core/adapter';

export interface KoaAnalyserState {
  /** The last host id handed out: a module replayed after an edit brings its apps and routers from the previous run. */
  lastHostId: number;
}

/** This analyser's Koa state, made on its first run. */
export function koaState(ctx: Pick<AdapterContext, 'state'>): KoaAnalyserState {
  return ctx.state('koa', () => ({ lastHostId: 0 }));
}
