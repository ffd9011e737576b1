// Analyses a workspace folder: discover files, lower those that can matter to IR (cached by content,
// source-files.ts and closure.ts), replay the program with every framework adapter's hooks, then run
// the rules. Never throws for bad source
// files: they are listed in `skipped`. Only configuration and the root folder itself can fail.
import * as fs from 'fs';
import * as path from 'path';
import type { AdapterContext, FrameworkAdapter, FrameworkSession } from './adapter';
import type { ClosureScope } from './closure';
import { SevenStopsConfig, loadConfig } from './config';
import { Discovery, discoverFiles, readJson } from './discover';
import { Evaluator } from './evaluate';
import { FolderIndex } from './folders';
import type { ModuleIR, Span } from './ir';
import type { IrCache } from './ir-cache';
import { ModuleRecord, ReplayInvalidated } from './module-reuse';
import { NamedMemo } from './named-memo';
import { releaseEvaluatedBodies, releaseEvaluatedBody } from './one-shot';
import { loweredRange } from './parse-source';
import { PackageConstants, type PkgValue } from './package-constants';
import { type PackageVersion, PackageFiles, findPackageVersion } from './package-version';
import { literalPaths } from './path-matcher';
import type {
  AnalysisModel, AnalysisPhase, AnalysisResult, Annotation, AppInfo, Finding, ModelContext, ModelRoute, OrderedLayer, Skipped, SourceRange, StackOrigin,
} from './model';
import { ModuleResolver } from './resolve-module';
import type { Rule } from './rule';
import { RuleMemory } from './rule-memory';
import { SourceFiles } from './source-files';
import { hasRun, loadRun, reloadedRun, runKey, storeRun, withModel } from './run-cache';
import { runRules } from './run-rules';
import type { Owner } from './values';

/** Thrown by WorkspaceAnalyser.analyse when its `cancelled` callback says a newer run is wanted. */
export class AnalysisCancelled extends Error {
  constructor() { super('analysis cancelled'); }
}

export interface AnalyseOptions {
  config?: SevenStopsConfig;
  /** Unsaved editor contents by absolute path; they win over the disk. */
  overlays?: Map<string, string>;
  /** false: parse every file, not only those that can matter (core/closure.ts); for comparing the two. */
  closure?: boolean;
  /** Told as each phase of a run ends (the phases of AnalysisStats): a caller may change how its process runs from then on (see cli/heap-growth.ts). */
  onPhaseEnd?: (phase: AnalysisPhase) => void;
}

/** Everything one run produced, including the model the rules saw (for the editor and tests). */
export interface FullAnalysis extends AnalysisResult {
  model: AnalysisModel;
}

/** A finished run's inputs and result, returned again when an edit changed nothing the program reads (see analyse). */
interface LastRun {
  modules: Map<string, ModuleIR>;
  skipped: Skipped[];
  result: FullAnalysis;
  /** The run read unsaved editor texts. */
  overlaid: boolean;
}

/**
 * Holds the per-file IR cache of one workspace folder between runs, so re-analysis after an edit
 * re-parses only the edited file. Frameworks are passed in: the core knows none of them by name.
 */
export class WorkspaceAnalyser {
  private readonly sources: SourceFiles;
  private readonly versions = new Map<string, string | null>();
  private readonly versionSources = new Map<string, PackageVersion | null>();
  /** The package metadata this run read for versionSources (made again each run: an install between runs is seen). */
  private packageFiles = new PackageFiles();
  /** The last discovery, reused until files are created or deleted (null: walk the folder again). */
  private discovery: Discovery | null = null;
  /** Files whose disk contents changed since the last run (null: re-read every file). */
  private changed: Set<string> | null = null;
  /** Per-IR-object facts adapters derived in earlier runs (IR objects live as long as their file is unchanged). */
  private readonly memo = new NamedMemo();
  private readonly ranges = new WeakMap<Span, SourceRange>();
  /** What adapters keep across runs by name (AdapterContext.state). */
  private readonly adapterState = new Map<string, unknown>();
  /** Findings and reports rules gave in earlier runs, for reuse when their inputs are unchanged. */
  private readonly ruleMemory: RuleMemory;
  private replayed = 0;
  /** Set when a run loaded a file the closure had left out: from then on every file is parsed. */
  private tooNarrow = false;
  /** The last finished run, kept by editor analysers only (see analyse). */
  private last: LastRun | null = null;
  private starts: { set: Set<string>; deps: Map<string, string[]> } | null = null;
  private packages: PackageConstants | null = null;
  /** Root-relative names of absolute paths, and back (the root never changes). */
  private readonly relNames = new Map<string, string>();
  private readonly absNames = new Map<string, string>();
  /** The last run's module evaluations, replayed for unchanged modules in the next (see module-reuse.ts). */
  private records: Map<string, ModuleRecord> | null = null;

  /**
   * `oneShot`: the analyser runs once and is dropped (the CLI): it keeps nothing for a next run,
   * and lets go of what only the evaluation read before the model is built (see one-shot.ts).
   */
  constructor(
    readonly root: string, private config: SevenStopsConfig, private readonly adapters: FrameworkAdapter[], private readonly rules: Rule[],
    private readonly oneShot = false,
    /** false: parse and evaluate every file (see AnalyseOptions.closure). */
    private readonly closure = true,
    /** The IR of files lowered by earlier processes (ir-cache.ts), reloaded instead of parsed; null: none. */
    private readonly irCache: IrCache | null = null,
  ) {
    this.ruleMemory = new RuleMemory(oneShot);
    // What makes a file matter, from the adapters.
    const scope: ClosureScope = {
      packages: new Set(adapters.flatMap(a => [...a.packages, ...(a.scope?.packages ?? [])])),
      folderLoaders: new Set(adapters.flatMap(a => a.scope?.folderLoaders ?? [])),
      entries: files => adapters.flatMap(a => a.scope?.entries?.(files) ?? []),
    };
    this.sources = new SourceFiles(path.resolve(root), scope, () => this.config.maxFileBytes, irCache);
  }

  /**
   * The whole result an earlier process stored for exactly this folder's current files, settings and
   * packages (run-cache.ts), with the model lists the editor reads; null without an on-disk cache or a
   * match. Changes nothing here: the analyser's own first run is still to come.
   */
  storedRun(): FullAnalysis | null {
    const t0 = performance.now();
    const cache = this.irCache;
    if (!cache || !hasRun(cache.dir)) return null;
    const root = path.resolve(this.root);
    const key = runKey(root, this.config, discoverFiles(root, this.config), { version: cache.version, closure: this.closure });
    const stored = loadRun(cache.dir, cache.version, key);
    const full = stored && withModel(stored);
    return full ? reloadedRun(full, this.root, Math.round(performance.now() - t0)) : null;
  }

  /**
   * Keeps the last run's result on disk for the next process (storedRun), keyed by the texts that run
   * read. Not after a run that read unsaved editor texts: that result is not what the disk holds.
   * Returns whether there was a result to keep.
   */
  storeLastRun(): boolean {
    const cache = this.irCache;
    const last = this.last;
    if (!cache || !last || last.overlaid || !this.discovery) return false;
    const key = runKey(path.resolve(this.root), this.config, this.discovery, { version: cache.version, closure: this.closure }, f => this.sources.text(f));
    storeRun(cache.dir, cache.version, key, last.result);
    return true;
  }

  /** Deletes the on-disk IR entries this analyser did not use (see IrCache.prune); call after a run that finished. */
  pruneCache(): void {
    this.irCache?.prune();
  }

  setConfig(config: SevenStopsConfig): void {
    if (JSON.stringify(config) === JSON.stringify(this.config)) return;
    this.discovery = null;
    this.records = null;
    this.starts = null;
    this.packages = null;
    this.sources.forgetResolution();
    this.last = null;
    this.tooNarrow = false;
    this.memo.clear();
    this.config = config;
  }

  /** The source files the last run read (absolute paths): for callers that check the disk themselves (the MCP server). */
  lastFiles(): readonly string[] {
    return this.discovery?.files ?? [];
  }

  /**
   * Tells the analyser what changed on disk since the last run, so the next run re-reads only that:
   * `files` changed in place; `rediscover` when files were created, deleted or renamed. Without
   * any call, every run walks the folder and compares every file's content with the cached text.
   */
  invalidate(change: { files?: string[]; rediscover?: boolean }): void {
    if (change.rediscover) { this.discovery = null; this.packages = null; }
    this.changed ??= new Set();
    for (const f of change.files ?? []) this.changed.add(path.resolve(f));
  }

  /**
   * `cancelled` is polled between files and phases: when it returns true the run stops with
   * AnalysisCancelled, and the per-file cache keeps whatever was lowered so far.
   */
  analyse(overlays: Map<string, string> = new Map(), cancelled: () => boolean = () => false, onPhaseEnd: (phase: AnalysisPhase) => void = () => {}): FullAnalysis {
    const t0 = performance.now();
    const check = () => { if (cancelled()) throw new AnalysisCancelled(); };
    const root = path.resolve(this.root);
    // Incremental only when the caller reports changes (the editor's watchers do); otherwise, as in
    // the CLI, trust nothing from a previous run.
    const trusted = this.changed !== null && this.discovery !== null ? this.changed : null;
    const discovery = trusted ? this.discovery! : discoverFiles(root, this.config);
    const { files } = discovery;
    const skipped = [...discovery.skipped];
    const rel = this.relativeNames(root);
    const sources = this.sources;
    const { unread, readable } = sources.readAll(files, overlays, trusted, check);
    const needed = this.closure && !this.tooNarrow ? sources.neededFiles(readable, trusted) : null;
    let { modules, outside } = sources.collect(files, unread, readable, needed, skipped, rel, check);
    const tLoaded = performance.now();
    onPhaseEnd('load');
    // Only now is every file checked: a run cancelled above leaves the old state untrusted.
    this.discovery = discovery;
    if (this.changed) this.changed = new Set();
    // An edit outside the files that can matter (a front-end file, a script) changed nothing the
    // program reads: the last result stands.
    const last = this.last;
    if (trusted && last && sameModules(last.modules, modules) && sameSkips(last.skipped, skipped) && [...trusted].every(f => sources.has(f))) {
      const ms = Math.round(performance.now() - t0);
      last.overlaid = overlays.size > 0;
      return { ...last.result, stats: { ...last.result.stats, ms, ...sources.work, replayed: 0, phases: { load: ms, evaluate: 0, link: 0, rules: 0 } } };
    }
    this.last = null;
    this.versions.clear();
    this.versionSources.clear();
    this.packageFiles = new PackageFiles();
    const ctx = this.adapterContext(root, rel);
    const folders = new FolderIndex(root, files);
    // Whether the program, once it runs, resolves a specifier to a readable file the closure left out.
    const missed = { any: false, watching: false };
    const note = (f: string) => { if (missed.watching && outside.has(f)) missed.any = true; return false; };
    let resolver = new ModuleResolver(root, outside.size ? f => modules.has(f) || note(f) : f => modules.has(f));
    let starts = this.startsFor(modules, resolver, trusted !== null);
    check();
    missed.watching = true;
    // One reference to the evaluator and the sessions, dropped below once their output is merged.
    // A one-run scan lets each module's statements go as soon as it has run, unless a second pass
    // may come (only a file the closure left out can ask for one).
    let program: ReturnType<WorkspaceAnalyser['evaluateProgram']> | null = this.evaluateProgram(ctx, modules, resolver, starts, trusted !== null, folders, outside.size === 0);
    if (missed.any) {
      // A path computed in a way the scan could not see: run again as without the closure, and leave
      // it off for this analyser (see tooNarrow).
      this.tooNarrow = true;
      skipped.length = discovery.skipped.length;
      ({ modules, outside } = sources.collect(files, unread, readable, null, skipped, rel, check));
      resolver = new ModuleResolver(root, f => modules.has(f));
      starts = this.startsFor(modules, resolver, false);
      program = this.evaluateProgram(ctx, modules, resolver, starts, false, folders, true);
    }
    const { apps, routes, stacks, origins, annotations, contexts, tEvaluated } = this.settle(program, modules, skipped, rel, check, onPhaseEnd);
    program = null;
    const model: AnalysisModel = { routes, stacks, origins, ...(contexts ? { contexts } : {}) };
    check();
    const tLinked = performance.now();
    onPhaseEnd('link');
    const findings = this.findings(model, modules, root);
    onPhaseEnd('rules');
    annotations.sort(byPosition);
    dropRepeats(annotations);
    findings.sort(byPosition);
    const result: FullAnalysis = {
      root: this.root,
      apps,
      routes,
      ...(contexts ? { contexts } : {}),
      findings,
      annotations,
      skipped,
      stats: {
        files: files.length, ms: Math.round(performance.now() - t0), ...sources.work, replayed: this.replayed,
        phases: {
          load: Math.round(tLoaded - t0), evaluate: Math.round(tEvaluated - tLoaded),
          link: Math.round(tLinked - tEvaluated), rules: Math.round(performance.now() - tLinked),
        },
      },
      model,
    };
    if (!this.oneShot) this.last = { modules, skipped: [...skipped], result, overlaid: overlays.size > 0 };
    return result;
  }

  /**
   * Merges what the adapters made of the program that ran. The caller drops its reference to the
   * evaluator and the sessions (the interpreter's values, the adapters' recorded objects) right after,
   * so they are not kept while the rules run and the report is written: 230 MB of 760 live after
   * linking on 100,000 routes (scripts/gen-many-routes.ts). What the next run replays is kept in `records`.
   */
  private settle(
    { sessions, evaluator }: ReturnType<WorkspaceAnalyser['evaluateProgram']>, modules: Map<string, ModuleIR>, skipped: Skipped[],
    rel: (f: string) => string, check: () => void, onPhaseEnd: (phase: AnalysisPhase) => void,
  ) {
    if (this.oneShot) this.release(modules, evaluator.moduleRecords);
    check();
    const tEvaluated = performance.now();
    onPhaseEnd('evaluate');
    if (evaluator.exhausted) skipped.push({ file: '.', reason: 'evaluation budget exhausted: results are partial' });
    for (const s of evaluator.skipped) skipped.push({ file: rel(s.file), reason: s.reason });
    return { ...mergeSessions(sessions), tEvaluated };
  }

  /**
   * Root-relative names with `/` separators. Every range of every route, layer and annotation goes
   * through here: path.relative was a fifth of a re-analysis on large workspaces before it was
   * remembered per file.
   */
  private relativeNames(root: string): (file: string) => string {
    const relNames = this.relNames;
    return (f: string) => {
      let r = relNames.get(f);
      if (r === undefined) relNames.set(f, (r = path.relative(root, f).split(path.sep).join('/')));
      return r;
    };
  }

  /** What adapters see of the run: configuration, names, ranges, versions, and the memos kept across runs. */
  private adapterContext(root: string, rel: (f: string) => string): AdapterContext {
    return {
      config: this.config,
      rel,
      // IR spans of unchanged files are the same objects run after run: so are their ranges (frozen,
      // since every route, layer and annotation of an unchanged file shares them).
      range: (file: string, span: Span): SourceRange => {
        let r = loweredRange(span, file, rel) ?? this.ranges.get(span);
        if (!r) {
          r = Object.freeze({ file: rel(file), line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn });
          this.ranges.set(span, r);
        }
        return r;
      },
      packageVersion: (fromFile, pkg) => this.packageVersion(root, path.dirname(fromFile), pkg),
      packageVersionSource: (fromFile, pkg) => {
        const key = `${path.dirname(fromFile)}\0${pkg}`;
        if (!this.versionSources.has(key)) this.versionSources.set(key, findPackageVersion(root, path.dirname(fromFile), pkg, this.packageFiles));
        return this.versionSources.get(key)!;
      },
      memo: <K extends object, V>(table: string, key: K, make: () => V): V => this.memo.get(table, key, make),
      state: <T>(name: string, make: () => T): T => {
        if (!this.adapterState.has(name)) this.adapterState.set(name, make());
        return this.adapterState.get(name) as T;
      },
      ...(this.oneShot ? { oneRun: true as const } : {}),
    };
  }

  /**
   * Runs the program once. After an edit, modules the edit cannot have changed are replayed from the
   * previous run (only when the caller vouches for the file list, `trusted`: module resolution depends
   * on it); a replay that turns out wrong costs a second run without any. Keeps this run's module
   * evaluations for the next.
   */
  private evaluateProgram(
    ctx: AdapterContext, modules: Map<string, ModuleIR>, resolver: ModuleResolver, starts: Set<string>, trusted: boolean, folders: FolderIndex,
    lastPass: boolean,
  ) {
    const previous = trusted ? this.records : null;
    this.records = null;
    const first = this.evaluate(ctx, modules, resolver, starts, previous, folders, this.oneShot && lastPass && previous === null);
    const { sessions, evaluator } = first.sessions ? first : this.evaluate(ctx, modules, resolver, starts, null, folders);
    if (!sessions) throw new Error('evaluation without replays cannot be invalidated');
    if (!evaluator.exhausted && !evaluator.tracer.untracked) this.records = evaluator.moduleRecords;
    this.replayed = evaluator.tracer.replays;
    return { sessions, evaluator };
  }

  /** One-shot runs: the modules' top-level statements go (one-shot.ts), from the cache too, and no records are kept. */
  private release(modules: Map<string, ModuleIR>, records: Map<string, ModuleRecord>): void {
    releaseEvaluatedBodies(modules, records);
    this.sources.keep(modules);
    this.records = null;
  }

  /** The rules' findings over the merged model, each rule told the ignore comments and path matcher of its file. */
  private findings(model: AnalysisModel, modules: Map<string, ModuleIR>, root: string): Finding[] {
    // Rules ask per finding; most relative names are rel()'s own, so their absolute path is known.
    const absNames = this.absNames;
    const relNames = this.relNames;
    if (absNames.size !== relNames.size) for (const [abs, r] of relNames) absNames.set(r, abs);
    const absolute = (relFile: string) => absNames.get(relFile) ?? path.join(root, relFile);
    return runRules(this.rules, model, this.config, {
      ignores: (relFile: string) => modules.get(absolute(relFile))?.ignores ?? {},
      paths: origin => this.adapters.find(a => a.framework === origin.framework)?.paths?.(origin) ?? literalPaths,
    }, this.ruleMemory);
  }

  /** Constants read from installed packages, kept until files are created or deleted (an install) or the configuration changes. */
  private packageConstants(): PackageConstants {
    return (this.packages ??= new PackageConstants(this.config.maxFileBytes, (dir, files, entry) => {
      // Replayed with no framework hooks: only the package's exports are wanted.
      const ev = new Evaluator(files, new ModuleResolver(dir, f => files.has(f)), [], safeRead);
      return { exports: ev.requireFile(entry), member: (v, prop) => ev.member(v, prop, null) };
    }));
  }

  /**
   * The starting points depend only on each module's import specifiers (and the file list): after an
   * edit that kept them, the last run's set is reused instead of resolving every import again.
   */
  private startsFor(modules: Map<string, ModuleIR>, resolver: ModuleResolver, trusted: boolean): Set<string> {
    const last = this.starts;
    if (trusted && last && last.deps.size === modules.size) {
      let same = true;
      for (const [f, ir] of modules) if (!sameList(last.deps.get(f), ir.deps)) { same = false; break; }
      if (same) {
        for (const [f, ir] of modules) last.deps.set(f, ir.deps);
        return last.set;
      }
    }
    const set = startingPoints(modules, resolver, new Set(this.adapters.flatMap(a => a.packages)));
    this.starts = { set, deps: new Map([...modules].map(([f, ir]) => [f, ir.deps])) };
    return set;
  }

  /**
   * Runs the program from its starting points; null sessions when a replay turned out wrong (run again
   * without). `letGo`: each module's statements go once it has run (one-shot.ts), from the source cache too.
   */
  private evaluate(
    ctx: AdapterContext, modules: Map<string, ModuleIR>, resolver: ModuleResolver, starts: Set<string>,
    previous: Map<string, ModuleRecord> | null, folders: FolderIndex, letGo = false,
  ) {
    const sessions = this.adapters.map(a => ({ adapter: a, session: a.start(ctx) }));
    const constants = (f: string, v: PkgValue, owner: Owner) => this.packageConstants().read(f, v, owner);
    const moduleDone = letGo ? (rec: ModuleRecord) => { releaseEvaluatedBody(modules, rec); this.sources.keepIr(rec.file, modules.get(rec.file)); } : undefined;
    const evaluator = new Evaluator(modules, resolver, sessions.map(s => s.session.hooks), f => this.sources.text(f), previous, constants, folders, moduleDone);
    try {
      for (const file of modules.keys()) if (starts.has(file)) evaluator.evaluateModule(file);
      runEntries(evaluator, sessions.map(s => s.session), [...modules.keys()]);
    } catch (e) {
      if (e instanceof ReplayInvalidated) return { sessions: null, evaluator };
      throw e;
    }
    return { sessions, evaluator };
  }

  /** Installed version (node_modules) first, else the range declared in the nearest package.json. */
  private packageVersion(root: string, dir: string, pkg: string): string | null {
    const key = `${dir}\0${pkg}`;
    if (this.versions.has(key)) return this.versions.get(key)!;
    let found: string | null = null;
    for (let d = dir; ; d = path.dirname(d)) {
      const installed = readJson(path.join(d, 'node_modules', pkg, 'package.json'));
      if (typeof installed?.version === 'string') { found = installed.version; break; }
      const manifest = readJson(path.join(d, 'package.json'));
      const declared = manifest && ['dependencies', 'devDependencies', 'peerDependencies']
        .map(k => (manifest[k] as Record<string, unknown> | undefined)?.[pkg]).find(v => typeof v === 'string');
      if (typeof declared === 'string') { found = /\d+(?:\.\d+){0,2}/.exec(declared)?.[0] ?? null; break; }
      if (d === root || path.dirname(d) === d) break;
    }
    this.versions.set(key, found);
    return found;
  }
}

/** What every adapter's session found, in one list per kind (stack and route indices shifted to match). */
function mergeSessions(sessions: { session: FrameworkSession }[]) {
  const apps: AppInfo[] = [];
  const routes: ModelRoute[] = [];
  const stacks: OrderedLayer[][] = [];
  const origins: StackOrigin[] = [];
  const annotations: Annotation[] = [];
  let contexts: ModelContext[] | undefined;
  for (const { session } of sessions) {
    const out = session.finish();
    apps.push(...out.apps);
    // Stack indices are per adapter; shift them into the merged list.
    const base = stacks.length;
    const routeBase = routes.length;
    // The first adapter's indices need no shift (and its objects stay shared with the last run's).
    for (const r of out.routes) routes.push(base ? { ...r, app: r.app + base } : r);
    for (const st of out.stacks) stacks.push(routeBase ? st.map(l => (l.route === undefined ? l : { ...l, route: l.route + routeBase })) : st);
    for (const o of out.origins) origins.push(o);
    for (const a of out.annotations) annotations.push(a);
    if (out.contexts) (contexts ??= []).push(...out.contexts);
  }
  return { apps, routes, stacks, origins, annotations, contexts };
}

/**
 * Leaves one annotation per place and stop, the first, in a list sorted by position (repeats are
 * then side by side, among those that start at the same place): a handler two routes share is
 * labelled once. Adapters may skip repeats themselves; this keeps them from having to.
 */
function dropRepeats(sorted: Annotation[]): void {
  let kept = 0;
  let groupStart = 0;
  for (const a of sorted) {
    const head = sorted[groupStart];
    if (kept === 0 || head.file !== a.file || head.line !== a.line || head.column !== a.column) groupStart = kept;
    else {
      let repeat = false;
      for (let i = groupStart; i < kept && !repeat; i++) {
        const b = sorted[i];
        repeat = b.stop === a.stop && b.endLine === a.endLine && b.endColumn === a.endColumn;
      }
      if (repeat) continue;
    }
    sorted[kept++] = a;
  }
  sorted.length = kept;
}

/** Reported order: by file, then line, then column. */
function byPosition(a: SourceRange, b: SourceRange): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}

/**
 * Files that start evaluation: those importing a framework package, and those importing such a file
 * through local imports (`routes.ts` doing `import { app } from './app'` registers routes on an app it
 * never creates). Everything else is evaluated on demand, when a starting point imports it.
 */
function startingPoints(modules: Map<string, ModuleIR>, resolver: ModuleResolver, packages: Set<string>): Set<string> {
  const starts = new Set<string>();
  const importers = new Map<string, string[]>();
  for (const [file, ir] of modules) {
    for (const d of ir.deps) {
      if (packages.has(d) || packages.has(d.split('/')[0])) { starts.add(file); continue; }
      const r = resolver.resolve(file, d);
      if (r.kind !== 'file') continue;
      const list = importers.get(r.file);
      if (list) list.push(file); else importers.set(r.file, [file]);
    }
  }
  const queue = [...starts];
  for (const f of queue) for (const imp of importers.get(f) ?? []) if (!starts.has(imp)) { starts.add(imp); queue.push(imp); }
  return starts;
}

/**
 * After the starting points ran: hands each adapter the exports of the entry files it names
 * (FrameworkSession.entries), then lets it settle what it queued.
 */
function runEntries(evaluator: Evaluator, sessions: FrameworkSession[], files: string[]): void {
  for (const session of sessions) {
    if (!session.entries || !session.entry) continue;
    for (const file of session.entries(files)) {
      const exports = evaluator.requireFile(file);
      evaluator.runDetached(`entry ${file}`, rt => session.entry!(file, exports, rt));
    }
  }
  for (const session of sessions) if (session.settle) evaluator.runDetached('settle', rt => session.settle!(rt));
}

/** Whether two runs had the same modules, in the same order, with the same IR objects. */
function sameModules(a: Map<string, ModuleIR>, b: Map<string, ModuleIR>): boolean {
  if (a.size !== b.size) return false;
  const bs = b.entries();
  for (const [file, ir] of a) {
    const [f, i] = bs.next().value!;
    if (f !== file || i !== ir) return false;
  }
  return true;
}

function sameSkips(a: Skipped[], b: Skipped[]): boolean {
  return a.length === b.length && a.every((s, i) => s.file === b[i].file && s.reason === b[i].reason);
}

function sameList(a: string[] | undefined, b: string[]): boolean {
  return a === b || (!!a && a.length === b.length && a.every((x, i) => x === b[i]));
}

function safeRead(file: string): string | undefined {
  try { return fs.readFileSync(file, 'utf8'); } catch { return undefined; }
}

/** One-shot analysis of a folder with the given adapters and rules, and the folder's own configuration. */
export function analyseWith(adapters: FrameworkAdapter[], rules: Rule[], root: string, options: AnalyseOptions = {}): FullAnalysis {
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new Error(`not a folder: ${root}`);
  const config = options.config ?? loadConfig(root);
  return new WorkspaceAnalyser(root, config, adapters, rules, true, options.closure ?? true).analyse(options.overlays, undefined, options.onPhaseEnd);
}
