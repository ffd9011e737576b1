// The module roots a package.json adds to Node's resolution without a bundler: `NODE_PATH=src` in
// its scripts (`NODE_PATH=src node app.js`, `cross-env NODE_PATH=src:lib ...`, `export NODE_PATH=...;`,
// Windows' `set NODE_PATH=src&&`), and module-alias's `_moduleAliases` and `_moduleDirectories`
// fields. Node tries NODE_PATH folders only after every node_modules folder, so a bare specifier
// resolves there only when it names no package; module-alias checks its aliases first.
import * as fs from 'fs';
import { builtinModules } from 'module';
import * as path from 'path';

export interface ModuleRoots {
  /** Folders a bare specifier is looked up in after node_modules (absolute), in the order given. */
  roots: string[];
  /** module-alias `_moduleAliases`: a specifier `name` or `name/...` loads from `target` (absolute). */
  aliases: { name: string; target: string }[];
  /** The names the package declares as dependencies (installed or not, they are packages to Node). */
  packages: ReadonlySet<string>;
}

/** No package.json, or one that adds no roots. */
export const NO_ROOTS: ModuleRoots = Object.freeze({ roots: [], aliases: [], packages: new Set<string>() });

/** The roots the package.json in `dir` declares; null when there is none that parses. */
export function readModuleRoots(dir: string): ModuleRoots | null {
  let pkg: Record<string, unknown>;
  try {
    pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (typeof pkg !== 'object' || pkg === null) return null;
  const roots: string[] = [];
  const add = (p: string) => { const abs = path.resolve(dir, p); if (!roots.includes(abs)) roots.push(abs); };
  for (const script of Object.values(record(pkg.scripts))) if (typeof script === 'string') nodePathsIn(script).forEach(add);
  const dirs = pkg._moduleDirectories;
  if (Array.isArray(dirs)) for (const d of dirs) if (typeof d === 'string' && d !== 'node_modules') add(d);
  const aliases = Object.entries(record(pkg._moduleAliases))
    .flatMap(([name, target]) => (typeof target === 'string' ? [{ name, target: path.resolve(dir, target) }] : []))
    // The longest name first: module-alias tries `@app/models` before `@app`.
    .sort((a, b) => b.name.length - a.name.length);
  const packages = new Set<string>();
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) for (const name of Object.keys(record(pkg[field]))) packages.add(name);
  return { roots, aliases, packages };
}

/** The folders `NODE_PATH=...` sets in one script line (relative as written), split on ':' and ';'. */
export function nodePathsIn(script: string): string[] {
  const out: string[] = [];
  for (const m of script.matchAll(/(?:^|[\s;&(])NODE_PATH=("[^"]*"|'[^']*'|[^\s;&|)]+)/g)) {
    const value = m[1].replace(/^(["'])(.*)\1$/, '$2');
    // `$NODE_PATH` / `%NODE_PATH%` keep what the shell had: nothing the package says.
    for (const p of value.split(/[:;]/)) if (p && !/^[$%]/.test(p)) out.push(p);
  }
  return out;
}

/** Whether Node loads a bare specifier's first part as a package: a builtin, a declared dependency, or installed beside `dir`. */
export function isPackage(name: string, roots: ModuleRoots, installed: (name: string) => boolean): boolean {
  return builtinModules.includes(name) || roots.packages.has(name) || installed(name);
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
