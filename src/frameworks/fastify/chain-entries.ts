// What a route's chain shows of one hook, made once per hook and run: a context's hook sits in the
// chain of every route under it (the root's onRequest in all of them), and everything shown of it
// but the route's own exemptions depends on the hook alone. The routes share the entry.
import type { AdapterContext } from '../../core/adapter';
import type { ChainEntry, ChainLevel, LifecyclePhase, SourceRange } from '../../core/model';
import type { Arg, Site } from '../../core/values';
import { alternatives } from '../../core/values';
import { type HookClassification, hookName } from './hook-kind';
import { type HookRecord, PHASE_STOPS } from './objects';

/** One hook as the chains of the routes it runs for show it. */
export interface HookEntry {
  cls: HookClassification;
  /** The name Fastify runs it under (hookName). */
  name: string;
  entry: ChainEntry;
  /** Where the function is written, when the analyser can read it. */
  fnRange: SourceRange | null;
  /** fnRange, else where the hook was put. */
  where: SourceRange;
  /** The file the hook function is written in, where its exemptions' tests are. */
  file: string | null;
}

/** Hook entries of one walk, those of context hooks (HookRecords) made once. */
export class HookEntries {
  private readonly before = new WeakMap<HookRecord, HookEntry>();
  private readonly after = new WeakMap<HookRecord, ChainEntry>();

  constructor(readonly classify: (arg: Arg) => HookClassification, private readonly ctx: AdapterContext) {}

  /** The entry of a hook running before the handler; `record` when it is a context's hook (then it is made once). */
  of(fn: Arg, phase: LifecyclePhase, level: ChainLevel, at: Site, record: HookRecord | null): HookEntry {
    const known = record && this.before.get(record);
    if (known && known.entry.phase === phase && known.entry.level === level) return known;
    const cls = this.classify(fn);
    const fnRange = argRange(fn, this.ctx);
    const where = fnRange ?? this.ctx.range(at.file, at.span);
    const name = hookName(fn);
    const entry: ChainEntry = { name, kind: cls.kind, stop: phase === 'preParsing' ? 2 : cls.stop, file: where.file, line: where.line, phase, level };
    const made: HookEntry = { cls, name, entry, fnRange, where, file: hookFile(fn) };
    if (record) this.before.set(record, made);
    return made;
  }

  /** The entry of a hook running after the handler (serializing, 6, or writing, 7): it never decides whether the handler runs. */
  afterHandler(fn: Arg, phase: LifecyclePhase, level: ChainLevel, at: Site, record: HookRecord | null): ChainEntry {
    const known = record && this.after.get(record);
    if (known && known.phase === phase && known.level === level) return known;
    const where = argRange(fn, this.ctx) ?? this.ctx.range(at.file, at.span);
    const entry: ChainEntry = { name: hookName(fn), kind: 'other', stop: PHASE_STOPS[phase], file: where.file, line: where.line, phase, level };
    if (record) this.after.set(record, entry);
    return entry;
  }
}

/** The file a hook function is written in, where its exemptions' tests are. */
function hookFile(arg: Arg): string | null {
  const fn = alternatives(arg.value).find(v => v.t === 'fn');
  return fn?.t === 'fn' ? fn.file : null;
}

/** Where a hook is written: the function itself when the analyser can read it, else the argument. */
export function argRange(arg: Arg, ctx: AdapterContext): SourceRange | null {
  const fn = alternatives(arg.value).find(v => v.t === 'fn');
  if (fn?.t === 'fn') return ctx.range(fn.file, fn.fn.headSpan);
  return arg.site ? ctx.range(arg.site.file, arg.site.span) : null;
}
