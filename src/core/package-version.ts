// Which version of a package a file gets, and where that was read: the package installed in a
// node_modules folder above it, else the version a lock file above it pins (package-lock.json,
// npm-shrinkwrap.json, yarn.lock), else the lowest version of the range a package.json above it
// declares. Adapters whose frameworks changed behaviour within a major (the Koa routers, K11/K12)
// name the source in what they report, since a declared range is only a guess.
import * as fs from 'fs';
import * as path from 'path';

export interface PackageVersion {
  version: string;
  /** installed: node_modules; lock: a lock file; declared: the lowest version of a package.json range. */
  from: 'installed' | 'lock' | 'declared';
}

/**
 * The package metadata files one run reads: each folder listed once and each file read (and parsed)
 * once, whatever number of lookups ask (Koa asks per router, from every folder holding one). A run
 * makes a new one, so files changed between runs are read again.
 */
export class PackageFiles {
  private readonly listings = new Map<string, Set<string> | null>();
  private readonly texts = new Map<string, string | null>();
  private readonly parsed = new Map<string, Record<string, unknown> | null>();

  /** The text of `name` in `dir`, null when there is none. */
  text(dir: string, name: string): string | null {
    if (!this.has(dir, name)) return null;
    const file = path.join(dir, name);
    let t = this.texts.get(file);
    if (t === undefined) {
      try { t = fs.readFileSync(file, 'utf8'); } catch { t = null; }
      this.texts.set(file, t);
    }
    return t;
  }

  /** `name` in `dir` parsed as JSON, null when missing or not JSON. */
  json(dir: string, name: string): Record<string, unknown> | null {
    const file = path.join(dir, name);
    let j = this.parsed.get(file);
    if (j === undefined) {
      const t = this.text(dir, name);
      try { j = t === null ? null : JSON.parse(t); } catch { j = null; }
      this.parsed.set(file, j ?? null);
    }
    return j ?? null;
  }

  /** The package.json of `pkg` installed in `dir`'s node_modules. */
  installed(dir: string, pkg: string): Record<string, unknown> | null {
    return this.has(dir, 'node_modules') ? this.json(path.join(dir, 'node_modules', pkg), 'package.json') : null;
  }

  /** Whether `dir` holds an entry `name` (one listing per folder: most lookups find nothing). */
  private has(dir: string, name: string): boolean {
    let names = this.listings.get(dir);
    if (names === undefined) {
      try { names = new Set(fs.readdirSync(dir)); } catch { names = null; }
      this.listings.set(dir, names);
    }
    return names?.has(name) ?? false;
  }
}

/** Looks up `pkg` from `dir` up to `root` (inclusive), each source in turn over all the folders. */
export function findPackageVersion(root: string, dir: string, pkg: string, files = new PackageFiles()): PackageVersion | null {
  const dirs: string[] = [];
  for (let d = dir; ; d = path.dirname(d)) {
    dirs.push(d);
    if (d === root || path.dirname(d) === d) break;
  }
  for (const d of dirs) {
    const installed = files.installed(d, pkg)?.version;
    if (typeof installed === 'string') return { version: installed, from: 'installed' };
  }
  for (const d of dirs) {
    const locked = lockedVersion(files, d, pkg);
    if (locked) return { version: locked, from: 'lock' };
  }
  for (const d of dirs) {
    const manifest = files.json(d, 'package.json');
    const declared = manifest && ['dependencies', 'devDependencies', 'peerDependencies']
      .map(k => (manifest[k] as Record<string, unknown> | undefined)?.[pkg]).find(v => typeof v === 'string');
    const lowest = typeof declared === 'string' ? /\d+(?:\.\d+){0,2}/.exec(declared)?.[0] : undefined;
    if (lowest) return { version: lowest, from: 'declared' };
  }
  return null;
}

/** The version a lock file in `dir` pins for the top-level `pkg`, or null. */
function lockedVersion(files: PackageFiles, dir: string, pkg: string): string | null {
  for (const name of ['package-lock.json', 'npm-shrinkwrap.json']) {
    const lock = files.json(dir, name);
    if (!lock) continue;
    // lockfileVersion 2 and 3 list `packages`; version 1 lists `dependencies`.
    const entry = (lock.packages as Record<string, { version?: unknown }> | undefined)?.[`node_modules/${pkg}`]
      ?? (lock.dependencies as Record<string, { version?: unknown }> | undefined)?.[pkg];
    if (typeof entry?.version === 'string') return entry.version;
  }
  const yarn = files.text(dir, 'yarn.lock');
  if (yarn === null) return null;
  // `"@koa/router@^15.0.0":` or `koa@^3.0.0, koa@^3.1.0:`, then an indented `version "15.7.0"`.
  const escaped = pkg.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const m = new RegExp(`^"?${escaped}@[^\\n]*:\\n(?:[ \\t]+[^\\n]*\\n)*?[ \\t]+version:? "?([^"\\n]+)"?`, 'm').exec(yarn);
  return m?.[1] ?? null;
}
