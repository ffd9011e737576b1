// Which version of a package a file gets, and where that was read: the package installed in a
// node_modules folder above it, else the version a lock file above it pins (package-lock.json,
// npm-shrinkwrap.json, yarn.lock), else the lowest version of the range a package.json above it
// declares. Adapters whose frameworks changed behaviour within a major (the Koa routers, K11/K12)
// name the source in what they report, since a declared range is only a guess.
import * as fs from 'fs';
import * as path from 'path';
import { readJson } from './discover';

export interface PackageVersion {
  version: string;
  /** installed: node_modules; lock: a lock file; declared: the lowest version of a package.json range. */
  from: 'installed' | 'lock' | 'declared';
}

/** Looks up `pkg` from `dir` up to `root` (inclusive), each source in turn over all the folders. */
export function findPackageVersion(root: string, dir: string, pkg: string): PackageVersion | null {
  const dirs: string[] = [];
  for (let d = dir; ; d = path.dirname(d)) {
    dirs.push(d);
    if (d === root || path.dirname(d) === d) break;
  }
  for (const d of dirs) {
    const installed = readJson(path.join(d, 'node_modules', pkg, 'package.json'))?.version;
    if (typeof installed === 'string') return { version: installed, from: 'installed' };
  }
  for (const d of dirs) {
    const locked = lockedVersion(d, pkg);
    if (locked) return { version: locked, from: 'lock' };
  }
  for (const d of dirs) {
    const manifest = readJson(path.join(d, 'package.json'));
    const declared = manifest && ['dependencies', 'devDependencies', 'peerDependencies']
      .map(k => (manifest[k] as Record<string, unknown> | undefined)?.[pkg]).find(v => typeof v === 'string');
    const lowest = typeof declared === 'string' ? /\d+(?:\.\d+){0,2}/.exec(declared)?.[0] : undefined;
    if (lowest) return { version: lowest, from: 'declared' };
  }
  return null;
}

/** The version a lock file in `dir` pins for the top-level `pkg`, or null. */
function lockedVersion(dir: string, pkg: string): string | null {
  for (const name of ['package-lock.json', 'npm-shrinkwrap.json']) {
    const lock = readJson(path.join(dir, name));
    if (!lock) continue;
    // lockfileVersion 2 and 3 list `packages`; version 1 lists `dependencies`.
    const entry = (lock.packages as Record<string, { version?: unknown }> | undefined)?.[`node_modules/${pkg}`]
      ?? (lock.dependencies as Record<string, { version?: unknown }> | undefined)?.[pkg];
    if (typeof entry?.version === 'string') return entry.version;
  }
  let yarn: string;
  try { yarn = fs.readFileSync(path.join(dir, 'yarn.lock'), 'utf8'); } catch { return null; }
  // `"@koa/router@^15.0.0":` or `koa@^3.0.0, koa@^3.1.0:`, then an indented `version "15.7.0"`.
  const escaped = pkg.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const m = new RegExp(`^"?${escaped}@[^\\n]*:\\n(?:[ \\t]+[^\\n]*\\n)*?[ \\t]+version:? "?([^"\\n]+)"?`, 'm').exec(yarn);
  return m?.[1] ?? null;
}
