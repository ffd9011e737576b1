// Which files can matter, found before anything is parsed: the files that import a framework
// package (or are an entry a framework tool loads), the files that import those, transitively (the
// entry that calls listen, the index that mounts the routers), and everything all of these load,
// transitively. The rest of the workspace (a front end, scripts, tests) cannot register a route and
// is never parsed. Edges come from import-scan.ts, resolved as the interpreter resolves them.
//
// A load the scan cannot follow widens the closure instead: a file that requires a computed path,
// lists a folder or imports a folder loader brings in its own folder, and every folder a string in
// it or in a file importing it names (`path.join(__dirname, 'routes')`, `{ dir: '../plugins' }`).
import * as path from 'path';
import { type ImportScan, folderWords } from './import-scan';

/** What the frameworks say makes a file matter (from the adapters: the core knows none by name). */
export interface ClosureScope {
  /** Packages whose import makes a file a starting point (`express`, `@koa/router`, `fastify-plugin`). */
  packages: ReadonlySet<string>;
  /** Packages that load the files of a folder (`@fastify/autoload`): importing one widens like `fs.readdirSync`. */
  folderLoaders: ReadonlySet<string>;
  /** Files a framework tool loads by name (fastify-cli's `app.js`), given every file. */
  entries(files: readonly string[]): string[];
}

/** Whether two scans of a file say the same (an edit that changed no import keeps the closure). */
export function sameScan(a: ImportScan, b: ImportScan): boolean {
  return a.dynamic === b.dynamic && a.readsFolders === b.readsFolders && a.unsure === b.unsure
    && a.specs.length === b.specs.length && a.specs.every((s, i) => s === b.specs[i]);
}

/** Folder loaders no framework owns: their import widens the closure in any workspace. */
const FOLDER_LOADERS = ['require-directory', 'require-all', 'require-dir', 'glob', 'fast-glob', 'globby', 'tiny-glob'];

/** One file's scan with its specifiers resolved: workspace files it loads, and package names it imports. */
interface Edges {
  scan: ImportScan;
  files: string[];
  packages: string[];
}

/**
 * The resolved edges of each file, kept while the file list and the resolution settings hold (the
 * owner drops it when files are created or deleted, or a tsconfig or package.json changes), so that
 * after an edit only the edited file's specifiers are resolved again.
 */
export class ImportGraph {
  private readonly edges = new Map<string, Edges>();
  /** Resolutions by folder and specifier (`react` and `../../types` are asked from every file of a folder). */
  private readonly resolved = new Map<string, string | { package: string } | null>();

  /** `resolve`: the workspace file a specifier loads from a file, or a package name (`{ package }`), or null. */
  constructor(private readonly resolve: (fromFile: string, spec: string) => string | { package: string } | null) {}

  edgesOf(file: string, scan: ImportScan): Edges {
    const known = this.edges.get(file);
    if (known?.scan === scan) return known;
    const files: string[] = [];
    const packages: string[] = [];
    const dir = path.dirname(file);
    for (const spec of scan.specs) {
      const key = `${dir}\0${spec}`;
      let r = this.resolved.get(key);
      if (r === undefined) this.resolved.set(key, (r = this.resolve(file, spec)));
      if (typeof r === 'string') files.push(r);
      else if (r) packages.push(r.package);
    }
    const e = { scan, files, packages };
    this.edges.set(file, e);
    return e;
  }
}

/** The closure, and the files whose strings widened it (an edit to their text, even one that keeps their imports, may change it). */
export interface Closure {
  files: Set<string>;
  wideners: Set<string>;
}

/**
 * The files that can matter among `files` (readable source files, absolute). `scanOf` gives each
 * file's scan (for a file the scan was unsure of, what its parse found), `textOf` its text.
 */
export function closureOf(
  root: string, files: readonly string[], scanOf: (file: string) => ImportScan, textOf: (file: string) => string,
  graph: ImportGraph, scope: ClosureScope,
): Closure {
  const loaders = new Set([...FOLDER_LOADERS, ...scope.folderLoaders]);
  const importers = new Map<string, string[]>();
  const seeds: string[] = [];
  // As analyse.ts startingPoints matches them (the written specifier), and as resolved (a tsconfig alias).
  const framework = (spec: string) => scope.packages.has(spec) || scope.packages.has(spec.split('/')[0]);
  for (const file of files) {
    const e = graph.edgesOf(file, scanOf(file));
    if (e.packages.some(p => scope.packages.has(p)) || e.scan.specs.some(framework)) seeds.push(file);
    for (const to of e.files) {
      const list = importers.get(to);
      if (list) list.push(file); else importers.set(to, [file]);
    }
  }
  seeds.push(...scope.entries(files));
  // Up: whoever imports a starting point runs it (and is one itself, see analyse.ts startingPoints).
  const up = new Set(seeds);
  for (const f of up) for (const imp of importers.get(f) ?? []) up.add(imp);
  // Down: everything those load, and the folders a load the scan cannot follow may read.
  const needed = new Set(up);
  let folders: FolderFiles | null = null;
  const wideners = new Set<string>();
  for (const f of needed) {
    const e = graph.edgesOf(f, scanOf(f));
    for (const to of e.files) needed.add(to);
    if (e.scan.dynamic || e.scan.readsFolders || e.packages.some(p => loaders.has(p))) {
      folders ??= new FolderFiles(root, files);
      const named = importers.get(f) ?? [];
      for (const w of [f, ...named]) wideners.add(w);
      for (const dir of widenedFolders(f, named, textOf, folders, root)) for (const g of folders.under(dir)) needed.add(g);
    }
  }
  return { files: needed, wideners };
}

/** The folders a file with a load the scan cannot follow may read: its own, and those strings in it or its importers name. */
function widenedFolders(file: string, importers: readonly string[], textOf: (file: string) => string, folders: FolderFiles, root: string): string[] {
  const out = new Set([path.dirname(file)]);
  for (const f of [file, ...importers]) {
    const text = textOf(f);
    if (text.includes('process.cwd')) out.add(root);
    for (const word of folderWords(text)) {
      const here = path.resolve(path.dirname(f), word);
      if (folders.has(here)) out.add(here);
      // Relative to the working directory, which a server is mostly started from: the root.
      if (word && word !== '.' && word !== './') {
        const fromRoot = path.resolve(root, word);
        if (folders.has(fromRoot)) out.add(fromRoot);
      }
    }
  }
  return [...out];
}

/** The files under each folder of the workspace (only folders that hold a file are known). */
class FolderFiles {
  private readonly dirs = new Set<string>();

  constructor(root: string, private readonly files: readonly string[]) {
    for (const f of files) {
      for (let d = path.dirname(f); !this.dirs.has(d); d = path.dirname(d)) {
        this.dirs.add(d);
        if (d === root || !d.startsWith(root + path.sep)) break;
      }
    }
  }

  has(dir: string): boolean {
    return this.dirs.has(dir);
  }

  under(dir: string): string[] {
    const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
    return this.files.filter(f => f.startsWith(prefix));
  }
}
