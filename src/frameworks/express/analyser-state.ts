// What the Express adapter keeps across one analyser's runs. It lives in the analyser
// (AdapterContext.state), never in a module, so two analysers in one process share none of it.
import type { AdapterContext } from '../../core/adapter';
import type { Annotation, SourceRange } from '../../core/model';

export interface ExpressAnalyserState {
  /**
   * The last host id handed out. Ids stay unique across runs: a module replayed after an edit
   * brings its hosts from the previous run into the new one, next to hosts created afresh.
   */
  lastHostId: number;
  /** The last walk number (see Befores: entries of a reused walk tell their walk by it). */
  lastWalk: number;
  annotations: AnnotationMarks;
}

/** Annotations kept across runs (see annotations.ts). */
export interface AnnotationMarks {
  /** A route's stop-3 annotation by its range, kept while the range is (ranges of unchanged files are). */
  routeAnnotations: WeakMap<SourceRange, Annotation>;
}

/** This analyser's Express state, made on its first run. */
export function expressState(ctx: Pick<AdapterContext, 'state'>): ExpressAnalyserState {
  return ctx.state('express', () => ({ lastHostId: 0, lastWalk: 0, annotations: { routeAnnotations: new WeakMap() } }));
}
