// Re-analysis after an edit replays the modules the edit cannot have changed instead of interpreting
// them again. A module's evaluation is recorded as a trace: the modules it required, in order, and
// what the framework hooks recorded while it ran. It may be replayed in the next run when its IR is the
// same object (the file is unchanged), every module it required may be replayed too, and it neither
// changed a value another module owns nor had one of its own values changed by another module (so its
// objects hold exactly what its own code put there). See Evaluator.evaluateModule.
import type { ModuleIR } from './ir';
import type { Env, ObjValue, Value } from './values';

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
