// The workspace's source files between runs: each file's text, what it imports (import-scan.ts) and,
// once it is needed, its IR; and the closure of the files that can matter (closure.ts), kept while
// no file's imports change. The analyser (analyse.ts) asks for a run's modules through here.
import { type Closure, type ClosureScope, ImportGraph, closureOf, sameScan } from './closure';
import { checkText, readSource } from './discover';
import { isStackOverflow } from './evaluate';
import { type ImportScan, scanImports } from './import-scan';
import type { ModuleIR } from './ir';
import type { IrCache } from './ir-cache';
import { lowerSource } from './lower';
import type { Skipped } from './model';
import { ModuleResolver } from './resolve-module';

interface CachedFile {
  /** null until the file is needed (see closure.ts): files that cannot matter are never parsed. */
  ir: ModuleIR | null;
  /** Why lowering the text failed (the file is listed as skipped whenever it is needed). */
  failed?: string;
  /** The text the IR came from (class methods are lowered from it on first use; compared to tell a change). */
  text: string;
  /** What the text loads (import-scan.ts); for a file the scan was unsure of, what its parse found. */
  scan: ImportScan;
  /** Set when the IR came from an editor overlay: the disk must be read again once it is gone. */
  fromOverlay: boolean;
}

/** The per-file cache of one workspace folder (see the file comment). */
export class SourceFiles {
  private readonly cache = new Map<string, CachedFile>();
  /** Each file's resolved imports, kept while the file list and resolution settings hold (closure.ts). */
  private graph: { imports: ImportGraph; readable: Set<string> } | null = null;
  /** The last closure, and whether a file's imports changed since it was found (then it is found again). */
  private needed: Closure | null = null;
  private scansChanged = true;
  /** What the last run read and lowered (or, with an IR cache, reloaded), and how many readable files it left unparsed. */
  work: { read: number; lowered: number; notNeeded: number; reloaded?: number } = { read: 0, lowered: 0, notNeeded: 0 };

  /** `irCache`: the IR of files lowered by earlier processes, on disk (ir-cache.ts); null: lower every file needed. */
  constructor(
    private readonly root: string, private readonly scope: ClosureScope, private readonly maxFileBytes: () => number,
    private readonly irCache: IrCache | null = null,
  ) {}

  /** The text a file's IR was lowered from (class methods are lowered from it on first use). */
  text(file: string): string | undefined {
    return this.cache.get(file)?.text;
  }

  has(file: string): boolean {
    return this.cache.has(file);
  }

  /** Resolution settings may have changed (the configuration did): imports are resolved again. */
  forgetResolution(): void {
    this.graph = null;
  }

  /** One-shot runs: the cache keeps the IR whose evaluated bodies were let go (one-shot.ts). */
  keep(modules: Map<string, ModuleIR>): void {
    for (const [file, cached] of this.cache) cached.ir = modules.get(file) ?? cached.ir;
  }

  /** keep() for one file, as its module finishes running. */
  keepIr(file: string, ir: ModuleIR | undefined): void {
    const cached = this.cache.get(file);
    if (cached && ir) cached.ir = ir;
  }

  /** Reads every discovered file (see read), dropping cached files that are gone: the readable ones, and why the others are skipped. */
  readAll(
    files: string[], overlays: Map<string, string>, trusted: Set<string> | null, check: () => void,
  ): { unread: Map<string, string>; readable: string[] } {
    this.work = this.irCache ? { read: 0, lowered: 0, notNeeded: 0, reloaded: 0 } : { read: 0, lowered: 0, notNeeded: 0 };
    const live = new Set(files);
    for (const f of this.cache.keys()) if (!live.has(f)) this.cache.delete(f);
    const unread = new Map<string, string>();
    const readable: string[] = [];
    for (const [i, file] of files.entries()) {
      if (i % 64 === 0) check();
      const skip = this.read(file, overlays.get(file), trusted);
      if (skip === null) readable.push(file); else unread.set(file, skip);
    }
    return { unread, readable };
  }

  /**
   * The IR of every readable file that is `needed` (closure.ts; all of them when null), lowered on
   * first need, and the readable files left `outside`; skips listed in discovery order. Polls `check`
   * every 64 files lowered.
   */
  collect(
    files: string[], unread: Map<string, string>, readable: string[], needed: Set<string> | null, skipped: Skipped[], rel: (f: string) => string,
    check: () => void,
  ): { modules: Map<string, ModuleIR>; outside: Set<string> } {
    const outside = new Set(needed ? readable.filter(f => !needed.has(f)) : []);
    const modules = new Map<string, ModuleIR>();
    this.work.notNeeded = outside.size;
    let lowered = 0;
    for (const file of files) {
      const skip = unread.get(file);
      if (skip !== undefined) { skipped.push({ file: rel(file), reason: skip }); continue; }
      if (outside.has(file)) continue;
      if (++lowered % 64 === 0) check();
      const ir = this.lowered(file, skipped, rel);
      if (ir) modules.set(file, ir);
    }
    return { modules, outside };
  }

  /**
   * The files that can matter among the readable ones (closure.ts). The resolved imports of unchanged
   * files are reused while the file list and every non-source file (a tsconfig, a package.json) are.
   */
  neededFiles(readable: string[], trusted: Set<string> | null): Set<string> {
    const set = new Set(readable);
    const known = this.graph;
    const keep = trusted && known && known.readable.size === set.size && [...trusted].every(f => set.has(f) && known.readable.has(f));
    // An edit that changed no file's imports (most edits) keeps the closure as it was.
    if (keep && !this.scansChanged && this.needed) return this.needed.files;
    if (!keep) {
      const resolver = new ModuleResolver(this.root, f => set.has(f));
      const imports = new ImportGraph((from, spec) => {
        const r = resolver.resolve(from, spec);
        return r.kind === 'file' ? r.file : r.kind === 'package' ? { package: r.name } : null;
      });
      this.graph = { imports, readable: set };
    }
    const cached = (f: string) => this.cache.get(f)!;
    this.needed = closureOf(this.root, readable, f => cached(f).scan, f => cached(f).text, this.graph!.imports, this.scope);
    this.scansChanged = false;
    return this.needed.files;
  }

  /**
   * Reads a file into the cache unless the caller vouches the disk copy is unchanged (`trusted` does
   * not list it) and no overlay stands for it; the reason it is skipped, or null. A text equal to the
   * cached one keeps its scan and IR. (The text is kept anyway, for rules' edits and class members;
   * comparing it costs less than hashing every file.)
   */
  private read(file: string, overlay: string | undefined, trusted: Set<string> | null): string | null {
    const cached = this.cache.get(file);
    if (overlay === undefined && cached && !cached.fromOverlay && trusted && !trusted.has(file)) return null;
    const read = overlay !== undefined ? checkText(overlay) : readSource(file, this.maxFileBytes());
    this.work.read++;
    if ('skip' in read) { this.cache.delete(file); return read.skip; }
    const fromOverlay = overlay !== undefined;
    if (cached?.text === read.text) { this.cache.set(file, { ...cached, fromOverlay }); return null; }
    const entry: CachedFile = { ir: null, text: read.text, scan: scanImports(read.text), fromOverlay };
    // Imports the scan cannot read for sure: the parse tells them (the file is parsed anyway).
    if (entry.scan.unsure) {
      this.lower(file, entry);
      if (entry.ir) entry.scan = { ...entry.scan, specs: [...entry.ir.deps, ...Object.values(entry.ir.imports).map(b => b.spec)] };
    }
    // The same imports keep the same scan object (the resolved edges are kept by it, see ImportGraph).
    if (cached && sameScan(cached.scan, entry.scan)) entry.scan = cached.scan;
    else this.scansChanged = true;
    // A file whose strings name the folders a dynamic load reads: its text matters beyond its imports.
    if (this.needed?.wideners.has(file)) this.scansChanged = true;
    this.cache.set(file, entry);
    return null;
  }

  /** A read file's IR, lowered on first need; a failure or syntax errors are listed in `skipped`. */
  private lowered(file: string, skipped: Skipped[], rel: (f: string) => string): ModuleIR | null {
    const entry = this.cache.get(file)!;
    if (!entry.ir && entry.failed === undefined) this.lower(file, entry);
    if (!entry.ir) { skipped.push({ file: rel(file), reason: entry.failed! }); return null; }
    if (entry.ir.syntaxErrors > 0) skipped.push({ file: rel(file), reason: `${entry.ir.syntaxErrors} syntax error(s): analysed what parsed` });
    return entry.ir;
  }

  private lower(file: string, entry: CachedFile): void {
    // An editor's unsaved text is neither looked up nor kept: it changes with every keystroke.
    const disk = this.irCache && !entry.fromOverlay ? this.irCache : null;
    const reloaded = disk?.load(file, entry.text);
    if (reloaded) {
      entry.ir = reloaded;
      this.work.reloaded!++;
      return;
    }
    try {
      this.work.lowered++;
      entry.ir = lowerSource(file, entry.text);
      // Kept before the program runs it (evaluation fills in class members, one-shot runs drop bodies).
      disk?.store(file, entry.text, entry.ir);
    } catch (e) {
      entry.failed = isStackOverflow(e)
        ? 'nested too deeply to parse (more levels than the analyser can follow)'
        : `could not be analysed: ${(e as Error).message}`;
    }
  }
}
