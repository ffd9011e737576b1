// What a one-shot analysis (the CLI's scan) lets go once the program has run: the top-level
// statements of every module. They are read once, by the module's evaluation; what the model and
// the rules read later (functions, spans, ignores, exports) lives elsewhere in the IR. A long-lived
// analyser (the editor's) keeps them: a replay that turns out wrong runs the program again.
import { fit } from './compact';
import type { ModuleIR } from './ir';
import type { ModuleRecord } from './module-reuse';

/**
 * Replaces the IR of each module that ran, in `modules` and in its evaluation record, by a copy with
 * no top-level statements, and drops the records' traces (kept only to replay the module in a later
 * run). Modules that never ran keep theirs: nothing says no later step requires them.
 */
export function releaseEvaluatedBodies(modules: Map<string, ModuleIR>, records: Map<string, ModuleRecord>): void {
  for (const rec of records.values()) releaseEvaluatedBody(modules, rec);
}

/**
 * releaseEvaluatedBodies for one module, once it has run (`state` done). Also called as each module
 * finishes, where no second pass over the program can come (see WorkspaceAnalyser.evaluate): a
 * module's statements are read by its own evaluation alone, and that is over.
 */
export function releaseEvaluatedBody(modules: Map<string, ModuleIR>, rec: ModuleRecord): void {
  rec.trace = fit([]);
  if (rec.state !== 'done' || modules.get(rec.file) !== rec.ir || rec.ir.body.length === 0) return;
  rec.ir = { ...rec.ir, body: fit([]) };
  modules.set(rec.file, rec.ir);
}
