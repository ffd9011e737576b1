// Analyses a workspace folder: discover files, lower each to IR (cached by content hash), replay the
// program with every framework adapter's hooks, then run the rules. Never throws for bad source
// files: they are listed in `skipped`. Only configuration and the root folder itself can fail.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { AdapterContext, FrameworkAdapter } from './adapter';
import { SevenStopsConfig, loadConfig } from './config';
import { discoverFiles, checkText, readSource } from './discover';
import { Evaluator } from './evaluate';
import type { ModuleIR, Span } from './ir';
import { lowerSource } from './lower';
import type { AnalysisModel, AnalysisResult, Annotation, AppInfo, Finding, ModelRoute, OrderedLayer, Skipped, SourceRange } from './model';
import { ModuleResolver } from './resolve-module';
import type { Rule } from './rule';
import { runRules } from './run-rules';

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
  hash: string;
  ir: ModuleIR;
}

/**
 * Holds the per-file IR cache of one workspace folder between runs, so re-analysis after an edit
 * re-parses only the edited file. Frameworks are passed in: the core knows none of them by name.
 */
export class WorkspaceAnalyser {
  private readonly cache = new Map<string, CachedFile>();
  private readonly versions = new Map<string, string | null>();

  constructor(readonly root: string, private config: SevenStopsConfig, private readonly adapters: FrameworkAdapter[], private readonly rules: Rule[]) {}

  setConfig(config: SevenStopsConfig): void {
    this.config = config;
  }

  /** Drops a file's cached IR (e.g. it was deleted). */
  forget(file: string): void {
    this.cache.delete(file);
  }

  analyse(overlays: Map<string, string> = new Map()): FullAnalysis {
    const t0 = performance.now();
    const root = path.resolve(this.root);
    const { files, skipped } = discoverFiles(root, this.config);
    const modules = new Map<string, ModuleIR>();
    const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');
    const live = new Set(files);
    for (const f of this.cache.keys()) if (!live.has(f)) this.cache.delete(f);
    for (const file of files) {
      const ir = this.load(file, overlays.get(file), skipped, rel);
      if (ir) modules.set(file, ir);
    }
    this.versions.clear();
    const ctx: AdapterContext = {
      config: this.config,
      rel,
      range: (file: string, span: Span): SourceRange => ({ file: rel(file), line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn }),
      packageVersion: (fromFile, pkg) => this.packageVersion(root, path.dirname(fromFile), pkg),
    };
    const sessions = this.adapters.map(a => ({ adapter: a, session: a.start(ctx) }));
    const resolver = new ModuleResolver(root, f => modules.has(f));
    const evaluator = new Evaluator(modules, resolver, sessions.map(s => s.session.hooks));
    const starts = startingPoints(modules, resolver, new Set(this.adapters.flatMap(a => a.packages)));
    for (const file of modules.keys()) if (starts.has(file)) evaluator.evaluateModule(file);
    const apps: AppInfo[] = [];
    const routes: ModelRoute[] = [];
    const stacks: OrderedLayer[][] = [];
    const annotations: Annotation[] = [];
    for (const { session } of sessions) {
      const out = session.finish();
      apps.push(...out.apps);
      // Stack indices are per adapter; shift them into the merged list.
      const base = stacks.length;
      const routeBase = routes.length;
      routes.push(...out.routes.map(r => ({ ...r, app: r.app + base })));
      stacks.push(...out.stacks.map(s => s.map(l => (l.route === undefined ? l : { ...l, route: l.route + routeBase }))));
      annotations.push(...out.annotations);
    }
    if (evaluator.exhausted) skipped.push({ file: '.', reason: 'evaluation budget exhausted: results are partial' });
    const model: AnalysisModel = { routes, stacks };
    const findings: Finding[] = runRules(this.rules, model, this.config, {
      text: (relFile: string) => {
        const abs = path.join(root, relFile);
        return overlays.get(abs) ?? safeRead(abs);
      },
      ignores: (relFile: string) => modules.get(path.join(root, relFile))?.ignores ?? {},
    });
    const byPos = (a: SourceRange, b: SourceRange) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column);
    annotations.sort(byPos);
    findings.sort(byPos);
    return {
      root: this.root,
      apps,
      routes,
      findings,
      annotations,
      skipped,
      stats: { files: files.length, ms: Math.round(performance.now() - t0) },
      model,
    };
  }

  private load(file: string, overlay: string | undefined, skipped: Skipped[], rel: (f: string) => string): ModuleIR | null {
    const read = overlay !== undefined ? checkText(overlay) : readSource(file, this.config.maxFileBytes);
    if ('skip' in read) { skipped.push({ file: rel(file), reason: read.skip }); this.cache.delete(file); return null; }
    const hash = createHash('sha1').update(read.text).digest('base64');
    const cached = this.cache.get(file);
    let ir = cached?.hash === hash ? cached.ir : null;
    if (!ir) {
      try {
        ir = lowerSource(file, read.text);
      } catch (e) {
        skipped.push({ file: rel(file), reason: `could not be analysed: ${(e as Error).message}` });
        return null;
      }
      this.cache.set(file, { hash, ir });
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

function readJson(file: string): Record<string, unknown> | null {
  try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch { return null; }
}

function safeRead(file: string): string | undefined {
  try { return fs.readFileSync(file, 'utf8'); } catch { return undefined; }
}

/** One-shot analysis of a folder with the given adapters and rules, and the folder's own configuration. */
export function analyseWith(adapters: FrameworkAdapter[], rules: Rule[], root: string, options: AnalyseOptions = {}): FullAnalysis {
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new Error(`not a folder: ${root}`);
  const config = options.config ?? loadConfig(root);
  return new WorkspaceAnalyser(root, config, adapters, rules).analyse(options.overlays);
}
