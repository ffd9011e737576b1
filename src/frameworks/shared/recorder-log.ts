// What a framework's interpreter hooks record besides the values they return: the framework objects
// it keeps a list of (Express apps and routers, Fastify root instances) and the sites outside routes
// and middleware that belong to a stop (server timeouts, a body limit in the app's options...). Both go into an append-only log as well, which the interpreter attributes
// to the module running at the time, so that a module replayed after an edit records them again
// without running (the replay contract in core/adapter.ts).
import type { Stop } from '../../core/model';
import type { Site } from '../../core/values';

/**
 * A site that tunes one stop outside the routes and their chains: accepting connections (1:
 * `listen()`, `createServer`, server timeouts), parsing (2: Fastify's `bodyLimit`, a content-type
 * parser), routing (3: a plugin's `prefix`).
 */
export interface StopSite {
  stop: Stop;
  label: string;
  site: Site;
}

/** `fact`: what an adapter records of its own beside objects and sites (see `note`). */
type LogEntry<T> = { made: T } | { mark: StopSite } | { fact: unknown };

export class RecorderLog<T> {
  /** The framework objects recorded this run, replayed ones included, in the order the program made them. */
  protected readonly made: T[] = [];
  readonly stopSites: StopSite[] = [];
  /** Append-only, attributed to modules by the interpreter (EvaluationHooks.log). */
  readonly log: LogEntry<T>[] = [];

  /** Records again what a replayed module's trace holds, as if its code had just run (EvaluationHooks.replay). */
  replay(entries: unknown[]): void {
    for (const e of entries as LogEntry<T>[]) {
      if ('made' in e) this.made.push(e.made);
      else if ('fact' in e) this.noted(e.fact);
      else this.stopSites.push(e.mark);
      this.log.push(e);
    }
  }

  protected record(made: T): void {
    this.made.push(made);
    this.log.push({ made });
  }

  /**
   * Logs a fact the adapter keeps outside the objects (Koa: a router nested in another's), already
   * applied by the caller; a replay hands it to `noted` again.
   */
  protected note(fact: unknown): void {
    this.log.push({ fact });
  }

  /** Applies a fact `note` logged, when its module is replayed. */
  protected noted(_fact: unknown): void {}

  /** A site that tunes accepting connections (stop 1). */
  protected accept(a: { label: string; site: Site }): void {
    this.mark(1, a.label, a.site);
  }

  protected mark(stop: Stop, label: string, site: Site): void {
    const m: StopSite = { stop, label, site };
    this.stopSites.push(m);
    this.log.push({ mark: m });
  }
}
