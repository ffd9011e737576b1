// Collects stop annotations once per place and stop, for the adapters that label code as they walk
// it (Fastify, Koa): the recorder's stop sites and route registrations (3) come first, the rest as found.
import type { AdapterContext } from '../../core/adapter';
import type { Span } from '../../core/ir';
import type { Annotation, ModelRoute, SourceRange, Stop } from '../../core/model';
import type { Site } from '../../core/values';
import type { StopSite } from './recorder-log';

export class AnnotationSink {
  readonly out: Annotation[] = [];
  /**
   * Per file, the annotations made by `add` under `start × 8 + stop` (stops are 1-7) and the route
   * annotations under `line × 2³² + column` (exact below 2⁵³): numbers, not a string per lookup,
   * since Fastify asks once per hook of every context and every handler, run after run.
   */
  private readonly seen = new Map<string, Map<number, Annotation>>();
  private readonly routeSeen = new Map<string, Set<number>>();

  constructor(private readonly ctx: Pick<AdapterContext, 'range'>) {}

  /**
   * Labels the code at `site` with `stop`, unless that place already has it: the annotation there
   * (the first one made, which a caller may add to: a Fastify hook's reach), or null when `site` is.
   */
  add(site: Site | null, stop: Stop, label: string): Annotation | null {
    return site ? this.addAt(site.file, site.span, stop, label) : null;
  }

  /** add() at `span` of `file`, for callers that hold no Site (no object made per call). */
  addAt(file: string, span: Span, stop: Stop, label: string): Annotation {
    let inFile = this.seen.get(file);
    if (!inFile) this.seen.set(file, (inFile = new Map()));
    const key = span.start * 8 + stop;
    let a = inFile.get(key);
    if (!a) {
      a = annotationAt(this.ctx.range(file, span), stop, label);
      inFile.set(key, a);
      this.out.push(a);
    }
    return a;
  }

  /** The sites the recorder marked with a stop (listen, server timeouts...) and each route's registering call (3, `METHOD path`). */
  stopsAndRoutes(stopSites: readonly StopSite[], routes: readonly ModelRoute[]): void {
    for (const a of stopSites) this.add(a.site, a.stop, a.label);
    for (const r of routes) {
      let inFile = this.routeSeen.get(r.range.file);
      if (!inFile) this.routeSeen.set(r.range.file, (inFile = new Set()));
      const key = r.range.line * 2 ** 32 + r.range.column;
      if (inFile.has(key)) continue;
      inFile.add(key);
      this.out.push(annotationAt(r.range, 3, `${r.method} ${r.path}`));
    }
  }
}

/** Field by field: spreading a (frozen) range takes V8's slow path, once per annotation. */
function annotationAt(r: SourceRange, stop: Stop, label: string): Annotation {
  return { file: r.file, line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn, stop, label };
}
