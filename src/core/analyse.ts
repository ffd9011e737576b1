// Analyses a workspace folder: discover files, lower each to IR (cached by content), replay the
// program with every framework adapter's hooks, then run the rules. Never throws for bad source
// files: they are listed in `skipped`. Only configuration and the root folder itself can fail.
import * as fs from 'fs';
import * as path from 'path';
import type { AdapterContext, FrameworkAdapter, FrameworkSession } from './adapter';
import { SevenStopsConfig, loadConfig } from './config';
import { Discovery, discoverFiles, checkText, readJson, readSource } from './discover';
import { Evaluator, isStackOverflow } from './evaluate';
import { FolderIndex } from './folders';
import type { ModuleIR, Span } from './ir';
import { lowerSource } from './lower';
import { ModuleRecord, ReplayInvalidated } from './module-reuse';
import { releaseEvaluatedBodies } from './one-shot';
import { loweredRange } from './parse-source';
import { PackageConstants, type PkgValue } from './package-constants';
import { type PackageVersion, PackageFiles, findPackageVersion } from './package-version';
import { literalPaths } from './path-matcher';
import type {
  AnalysisModel, AnalysisResult, Annotation, AppInfo, Finding, ModelContext, ModelRoute, OrderedLayer, Skipped, SourceRange, StackOrigin,
} from './model';
import { ModuleResolver } from './resolve-module';
import type { Rule } from './rule';
import { RuleMemory } from './rule-memory';
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
}

/** Everything one run produced, including the model the rules saw (for the editor and tests). */
export interface FullAnalysis extends AnalysisResult {
  model: AnalysisModel;
}

interface CachedFile {
  ir: ModuleIR;
  /** The text the IR came from (class methods are lowered from it on first use; compared to tell a change). */
  text: string;
  /** Set when the IR came from an editor overlay: the disk must be read again once it is gone. */
  fromOverlay: boolean;
}

/**
 * Holds the per-file IR cache of one workspace folder between runs, so re-analysis after an edit
 * re-parses only the edited file. Frameworks are passed in: the core knows none of them by name.
 */
export class WorkspaceAnalyser {
  private readonly cache = new Map<string, CachedFile>();
  private readonly versions = new Map<string, string | null>();
  private readonly versionSources = new Map<string, PackageVersion | null>();
  /** The package metadata this run read for versionSources (made again each run: an install between runs is seen). */
  private packageFiles = new PackageFiles();
  /** The last discovery, reused until files are created or deleted (null: walk the folder again). */
  private discovery: Discovery | null = null;
  /** Files whose disk contents changed since the last run (null: re-read every file). */
  private changed: Set<string> | null = null;
  /** Per-IR-object facts adapters derived in earlier runs (IR objects live as long as their file is unchanged). */
  private readonly memo = new Map<string, WeakMap<object, unknown>>();
  private readonly ranges = new WeakMap<Span, SourceRange>();
  /** What adapters keep across runs by name (AdapterContext.state). */
  private readonly adapterState = new Map<string, unknown>();
  /** Findings and reports rules gave in earlier runs, for reuse when their inputs are unchanged. */
  private readonly ruleMemory = new RuleMemory();
  private work = { read: 0, lowered: 0, replayed: 0 };
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
  ) {}

  setConfig(config: SevenStopsConfig): void {
    if (JSON.stringify(config) === JSON.stringify(this.config)) return;
    this.discovery = null;
    this.records = null;
    this.starts = null;
    this.packages = null;
    this.memo.clear();
    this.config = config;
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
  analyse(overlays: Map<string, string> = new Map(), cancelled: () => boolean = () => false): FullAnalysis {
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
    const modules = this.loadAll(files, overlays, trusted, skipped, rel, check);
    const tLoaded = performance.now();
    // Only now is every file checked: a run cancelled above leaves the old state untrusted.
    this.discovery = discovery;
    if (this.changed) this.changed = new Set();
    this.versions.clear();
    this.versionSources.clear();
    this.packageFiles = new PackageFiles();
    const ctx = this.adapterContext(root, rel);
    const resolver = new ModuleResolver(root, f => modules.has(f));
    const starts = this.startsFor(modules, resolver, trusted !== null);
    check();
    const folders = new FolderIndex(root, files);
    const { apps, routes, stacks, origins, annotations, contexts, tEvaluated } = this.runProgram(
      ctx, modules, resolver, starts, trusted !== null, folders, skipped, rel, check,
    );
    const model: AnalysisModel = { routes, stacks, origins, ...(contexts ? { contexts } : {}) };
    check();
    const tLinked = performance.now();
    const findings = this.findings(model, modules, root);
    annotations.sort(byPosition);
    findings.sort(byPosition);
    return {
      root: this.root,
      apps,
      routes,
      ...(contexts ? { contexts } : {}),
      findings,
      annotations,
      skipped,
      stats: {
        files: files.length, ms: Math.round(performance.now() - t0), ...this.work,
        phases: {
          load: Math.round(tLoaded - t0), evaluate: Math.round(tEvaluated - tLoaded),
          link: Math.round(tLinked - tEvaluated), rules: Math.round(performance.now() - tLinked),
        },
      },
      model,
    };
  }

  /**
   * Evaluates the program and merges what the adapters made of it. The evaluator and the sessions
   * (the interpreter's values, the adapters' recorded objects) go out of scope on return, so they are
   * not kept while the rules run and the report is written: 230 MB of 760 live after linking on
   * 100,000 routes (scripts/gen-many-routes.ts). What the next run replays is kept in `records`.
   */
  private runProgram(
    ctx: AdapterContext, modules: Map<string, ModuleIR>, resolver: ModuleResolver, starts: Set<string>, trusted: boolean, folders: FolderIndex,
    skipped: Skipped[], rel: (f: string) => string, check: () => void,
  ) {
    const { sessions, evaluator } = this.evaluateProgram(ctx, modules, resolver, starts, trusted, folders);
    if (this.oneShot) this.release(modules, evaluator.moduleRecords);
    check();
    const tEvaluated = performance.now();
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

  /** Every discovered file's IR (see load), dropping cached files that are gone; polls `check` every 64 files. */
  private loadAll(
    files: string[], overlays: Map<string, string>, trusted: Set<string> | null, skipped: Skipped[], rel: (f: string) => string, check: () => void,
  ): Map<string, ModuleIR> {
    const modules = new Map<string, ModuleIR>();
    this.work = { read: 0, lowered: 0, replayed: 0 };
    const live = new Set(files);
    for (const f of this.cache.keys()) if (!live.has(f)) this.cache.delete(f);
    for (const [i, file] of files.entries()) {
      if (i % 64 === 0) check();
      const ir = this.load(file, overlays.get(file), trusted, skipped, rel);
      if (ir) modules.set(file, ir);
    }
    return modules;
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
      memo: <K extends object, V>(table: string, key: K, make: () => V): V => {
        let t = this.memo.get(table);
        if (!t) this.memo.set(table, (t = new WeakMap()));
        // One lookup where a value is kept (memos are asked per route and hook, every run).
        const known = t.get(key);
        if (known !== undefined || t.has(key)) return known as V;
        const v = make();
        t.set(key, v);
        return v;
      },
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
  ) {
    const previous = trusted ? this.records : null;
    this.records = null;
    const first = this.evaluate(ctx, modules, resolver, starts, previous, folders);
    const { sessions, evaluator } = first.sessions ? first : this.evaluate(ctx, modules, resolver, starts, null, folders);
    if (!sessions) throw new Error('evaluation without replays cannot be invalidated');
    if (!evaluator.exhausted && !evaluator.tracer.untracked) this.records = evaluator.moduleRecords;
    this.work.replayed = evaluator.tracer.replays;
    return { sessions, evaluator };
  }

  /** One-shot runs: the modules' top-level statements go (one-shot.ts), from the cache too, and no records are kept. */
  private release(modules: Map<string, ModuleIR>, records: Map<string, ModuleRecord>): void {
    releaseEvaluatedBodies(modules, records);
    for (const [file, cached] of this.cache) cached.ir = modules.get(file) ?? cached.ir;
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

  /** Runs the program from its starting points; null sessions when a replay turned out wrong (run again without). */
  private evaluate(
    ctx: AdapterContext, modules: Map<string, ModuleIR>, resolver: ModuleResolver, starts: Set<string>,
    previous: Map<string, ModuleRecord> | null, folders: FolderIndex,
  ) {
    const sessions = this.adapters.map(a => ({ adapter: a, session: a.start(ctx) }));
    const constants = (f: string, v: PkgValue, owner: Owner) => this.packageConstants().read(f, v, owner);
    const evaluator = new Evaluator(modules, resolver, sessions.map(s => s.session.hooks), f => this.cache.get(f)?.text, previous, constants, folders);
    try {
      for (const file of modules.keys()) if (starts.has(file)) evaluator.evaluateModule(file);
      runEntries(evaluator, sessions.map(s => s.session), [...modules.keys()]);
    } catch (e) {
      if (e instanceof ReplayInvalidated) return { sessions: null, evaluator };
      throw e;
    }
    return { sessions, evaluator };
  }

  /**
   * A file's IR: from the cache when the caller vouches the disk copy is unchanged (`trusted` does
   * not list it) or when its text is the cached one, else lowered afresh. (The text is kept anyway,
   * for rules' edits and class members; comparing it costs less than hashing every file.)
   */
  private load(file: string, overlay: string | undefined, trusted: Set<string> | null, skipped: Skipped[], rel: (f: string) => string): ModuleIR | null {
    const cached = this.cache.get(file);
    let ir: ModuleIR | null = null;
    if (overlay === undefined && cached && !cached.fromOverlay && trusted && !trusted.has(file)) ir = cached.ir;
    else {
      const read = overlay !== undefined ? checkText(overlay) : readSource(file, this.config.maxFileBytes);
      this.work.read++;
      if ('skip' in read) { skipped.push({ file: rel(file), reason: read.skip }); this.cache.delete(file); return null; }
      ir = cached?.text === read.text ? cached.ir : null;
      if (!ir) {
        try {
          this.work.lowered++;
          ir = lowerSource(file, read.text);
        } catch (e) {
          const reason = isStackOverflow(e)
            ? 'nested too deeply to parse (more levels than the analyser can follow)'
            : `could not be analysed: ${(e as Error).message}`;
          skipped.push({ file: rel(file), reason });
          this.cache.delete(file);
          return null;
        }
      }
      this.cache.set(file, { ir, text: read.text, fromOverlay: overlay !== undefined });
    }
    if (ir.syntaxErrors > 0) skipped.push({ file: rel(file), reason: `${ir.syntaxErrors} syntax error(s): analysed what parsed` });
    return ir;
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
  return new WorkspaceAnalyser(root, config, adapters, rules, true).analyse(options.overlays);
}
