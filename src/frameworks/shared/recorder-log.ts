// What a framework's interpreter hooks record besides the values they return: the framework objects
// it keeps a list of (Express apps and routers, Fastify root instances) and the sites that tune
// accepting connections. Both go into an append-only log as well, which the interpreter attributes
// to the module running at the time, so that a module replayed after an edit records them again
// without running (the replay contract in core/adapter.ts).
import type { Site } from '../../core/values';

/** A site that tunes accepting connections (stop 1): `listen()`, `createServer`, server timeouts. */
export interface AcceptSite {
  label: string;
  site: Site;
}

type LogEntry<T> = { made: T } | { accept: AcceptSite };

export class RecorderLog<T> {
  /** The framework objects recorded this run, replayed ones included, in the order the program made them. */
  protected readonly made: T[] = [];
  readonly acceptSites: AcceptSite[] = [];
  /** Append-only, attributed to modules by the interpreter (EvaluationHooks.log). */
  readonly log: LogEntry<T>[] = [];

  /** Records again what a replayed module's trace holds, as if its code had just run (EvaluationHooks.replay). */
  replay(entries: unknown[]): void {
    for (const e of entries as LogEntry<T>[]) {
      if ('made' in e) this.made.push(e.made);
      else this.acceptSites.push(e.accept);
      this.log.push(e);
    }
  }

  protected record(made: T): void {
    this.made.push(made);
    this.log.push({ made });
  }

  protected accept(a: AcceptSite): void {
    this.acceptSites.push(a);
    this.log.push({ accept: a });
  }
}
