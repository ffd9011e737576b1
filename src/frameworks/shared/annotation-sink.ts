// Collects stop annotations once per place and stop, for the adapters that label code as they walk
// it (Fastify, Koa): the recorder's stop sites and route registrations (3) come first, the rest as found.
import type { AdapterContext } from '../../core/adapter';
import type { Annotation, ModelRoute, Stop } from '../../core/model';
import type { Site } from '../../core/values';
import type { StopSite } from './recorder-log';

export class AnnotationSink {
  readonly out: Annotation[] = [];
  private readonly seen = new Map<string, Annotation>();

  constructor(private readonly ctx: Pick<AdapterContext, 'range'>) {}

  /**
   * Labels the code at `site` with `stop`, unless that place already has it: the annotation there
   * (the first one made, which a caller may add to: a Fastify hook's reach), or null when `site` is.
   */
  add(site: Site | null, stop: Stop, label: string): Annotation | null {
    if (!site) return null;
    const key = `${site.file}:${site.span.start}:${stop}`;
    let a = this.seen.get(key);
    if (!a) {
      a = { ...this.ctx.range(site.file, site.span), stop, label };
      this.seen.set(key, a);
      this.out.push(a);
    }
    return a;
  }

  /** The sites the recorder marked with a stop (listen, server timeouts...) and each route's registering call (3, `METHOD path`). */
  stopsAndRoutes(stopSites: readonly StopSite[], routes: readonly ModelRoute[]): void {
    for (const a of stopSites) this.add(a.site, a.stop, a.label);
    for (const r of routes) {
      const key = `${r.range.file}:${r.range.line}:${r.range.column}:3`;
      if (this.seen.has(key)) continue;
      const a: Annotation = { ...r.range, stop: 3, label: `${r.method} ${r.path}` };
      this.seen.set(key, a);
      this.out.push(a);
    }
  }
}
