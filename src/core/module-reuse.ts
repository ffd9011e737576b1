// Re-analysis after an edit replays the modules the edit cannot have changed instead of interpreting
// them again. A module's evaluation is recorded as a trace: the modules it required, in order, and
// what the framework hooks recorded while it ran. It may be replayed in the next run when its IR is the
// same object (the file is unchanged), every module it required may be replayed too, and it neither
// changed a value another module owns nor had one of its own values changed by another module (so its
// objects hold exactly what its own code put there). See Evaluator.evaluateModule.
import type { ModuleIR } from './ir';
import type { Env, ObjValue, Value } from './values';

/** What the tracer needs of the interpreter's hooks (see EvaluationHooks.log and replay). */
interface TracedHooks {
  readonly log?: unknown[];
  replay?(entries: unknown[]): void;
}

export type TraceItem =
  /** The module required another (the first time it did). */
  | { dep: string }
  /** Entries one hook appended to its log while the module ran (see EvaluationHooks.log). */
  | { hook: number; entries: unknown[] };

export interface ModuleRecord {
  file: string;
  ir: ModuleIR;
  env: Env;
  module: ObjValue;
  state: 'evaluating' | 'done';
  /** ESM exports read so far (each is a binding of the module's scope, see lower.ts). */
  esmExports: Map<string, Value>;
  trace: TraceItem[];
  deps: Set<string>;
  /** Interpreter steps the module's own code took (replays count them again, for the step budget). */
  steps: number;
  /** It changed something another module owns. */
  foreign: boolean;
  /** Another module changed something it owns. */
  tainted: boolean;
  /** While it runs: importers in an import cycle that read its exports early, to read them again at its end. */
  cycleReads?: (() => void)[];
}

/** The files whose previous evaluation may be replayed in a run over `modules`. */
export function replayable(previous: Map<string, ModuleRecord>, modules: Map<string, ModuleIR>): Set<string> {
  const ok = new Set<string>();
  for (const [file, rec] of previous) if (rec.state === 'done' && modules.get(file) === rec.ir && !rec.foreign && !rec.tainted) ok.add(file);
  // Drop modules that required one that cannot be replayed, until nothing changes (cycles included).
  for (let changed = true; changed;) {
    changed = false;
    for (const file of ok) {
      for (const d of previous.get(file)!.deps) if (!ok.has(d)) { ok.delete(file); changed = true; break; }
    }
  }
  return ok;
}

/** Thrown when a module evaluated afresh changes a value a replayed module owns: the run starts again without replays. */
export class ReplayInvalidated extends Error {
  constructor() { super('a replayed module was changed by another'); }
}

/**
 * Keeps the traces while the interpreter runs: which module's code runs now (it owns what is
 * created), what each module required and what the hooks recorded meanwhile, which modules of the
 * previous run are replayed, and who changed whose values.
 */
export class ModuleTracer {
  /** Set when a value nobody owns was changed: no module of this run may be replayed in the next. */
  untracked = false;
  private current: ModuleRecord | null = null;
  /** How far each hook's log has been attributed to a module trace. */
  private readonly cursors: number[];
  /** Records of the previous run replayed in this one (they run no code, so they record nothing). */
  private readonly replayed = new Set<ModuleRecord>();
  private readonly replayableFiles: Set<string>;

  constructor(private readonly hooks: TracedHooks[], private readonly previous: Map<string, ModuleRecord> | null, modules: Map<string, ModuleIR>) {
    this.cursors = hooks.map(h => h.log?.length ?? 0);
    this.replayableFiles = previous ? replayable(previous, modules) : new Set();
  }

  /** How many modules this run replayed instead of evaluating. */
  get replays(): number {
    return this.replayed.size;
  }

  /** The previous run's record of `file`, when it may be replayed. */
  replayable(file: string): ModuleRecord | null {
    return this.replayableFiles.has(file) ? this.previous?.get(file) ?? null : null;
  }

  /** Runs a fresh module's code with `rec` as the current module. */
  run(rec: ModuleRecord, body: () => void): void {
    this.flush();
    const parent = this.current;
    this.enter(rec);
    try {
      body();
    } finally {
      this.flush();
      this.enter(parent);
    }
  }

  /**
   * Replays a module of the previous run: the modules it required (through `require`, which replays
   * or evaluates them), then what its hooks recorded, in order. Returns the steps its code took.
   */
  replay(rec: ModuleRecord, require: (file: string) => void): number {
    this.flush();
    const parent = this.current;
    this.replayed.add(rec);
    this.enter(rec);
    try {
      for (const item of rec.trace) {
        if ('dep' in item) require(item.dep);
        else this.hooks[item.hook].replay?.(item.entries);
      }
    } finally {
      // What the replay appended to the logs is its own, not its parent's.
      this.hooks.forEach((h, i) => { this.cursors[i] = h.log?.length ?? 0; });
      this.enter(parent);
    }
    return rec.steps;
  }

  /** The current module requires `file`: remembered (once) in its trace, in order with what it records. */
  requires(file: string): void {
    const cur = this.current;
    if (!cur || this.replayed.has(cur) || cur.deps.has(file)) return;
    this.flush();
    cur.deps.add(file);
    cur.trace.push({ dep: file });
  }

  /** One interpreter step of the current module's code. */
  step(): void {
    if (this.current) this.current.steps++;
  }

  /**
   * Called before a value is changed: a module changing what another owns makes both unfit for a
   * replay in the next run, and a replayed module's value changed in this run means the replay was
   * wrong, so the run starts again without replays (ReplayInvalidated).
   */
  touch(value: { owner?: object | null }): void {
    const cur = this.current;
    const owner = value.owner as ModuleRecord | null | undefined;
    if (owner === cur) return;
    if (cur) cur.foreign = true;
    if (owner) owner.tainted = true;
    else this.untracked = true;
    if (this.replayed.size && (!owner || this.replayed.has(owner))) throw new ReplayInvalidated();
  }

  /** The module whose code runs now: it owns the values created now (see Owner). */
  get owner(): ModuleRecord | null {
    return this.current;
  }

  private enter(rec: ModuleRecord | null): void {
    this.current = rec;
  }

  /** Appends to the current module's trace what the hooks logged since the last flush. */
  private flush(): void {
    const cur = this.current;
    this.hooks.forEach((h, i) => {
      const log = h.log;
      if (!log || log.length === this.cursors[i]) return;
      if (cur && !this.replayed.has(cur)) cur.trace.push({ hook: i, entries: log.slice(this.cursors[i]) });
      this.cursors[i] = log.length;
    });
  }
}
