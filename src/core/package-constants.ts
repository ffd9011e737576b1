// Route paths often come from constants in another package: a shared `@acme/routes` in a monorepo
// (linked into node_modules), or a library's own endpoint table (`USER_API_ENDPOINTS.whoami` from
// @verdaccio/middleware). Where a path needs a string and has a package value, the installed package
// is read and replayed by the same interpreter, without framework hooks, and only a constant
// (a string, number, boolean, RegExp, or an object of those, like a compiled enum) is taken from it.
// Functions and classes stay package values: middleware from packages is recognised by name.
// Nothing is executed; files are read only from the package's own folder.
import * as fs from 'fs';
import * as path from 'path';
import { readJson, readSource } from './discover';
import type { ModuleIR } from './ir';
import { lowerSource } from './lower';
import type { Owner, Value } from './values';

export type PkgValue = Extract<Value, { t: 'pkg' }>;

/**
 * What the reader needs to replay a package's files: an interpreter over lazily loaded modules that
 * gives the entry's exports and reads members as the program would (getters included: compiled
 * re-exports are `Object.defineProperty(exports, name, { get })`).
 */
export type PackageRunner = (dir: string, modules: Map<string, ModuleIR>, entry: string) => { exports: Value; member(v: Value, prop: string): Value } | null;

/** At most this many files of one package are read; a constant past them stays unknown. */
const MAX_PACKAGE_FILES = 200;

export class PackageConstants {
  /** Per package folder: its exports (null when it cannot be read). */
  private readonly exportsOf = new Map<string, ReturnType<PackageRunner>>();

  constructor(private readonly maxFileBytes: number, private readonly run: PackageRunner) {}

  /**
   * The constant `v` stands for, seen from `fromFile`; null when it is not one we can read. Never throws.
   * `owner` owns the copy handed out (the module evaluation that asked, see Owner).
   */
  read(fromFile: string, v: PkgValue, owner: Owner = null): Value | null {
    try {
      return this.constant(fromFile, v, owner);
    } catch {
      return null; // an unreadable package folder (permissions, a symlink loop): the path stays unknown
    }
  }

  private constant(fromFile: string, v: PkgValue, owner: Owner): Value | null {
    const dir = packageDir(path.dirname(fromFile), v.name);
    if (!dir) return null;
    let exp = this.exportsOf.get(dir);
    if (exp === undefined) {
      // Set first: a package that reads itself while loading gets nothing.
      this.exportsOf.set(dir, null);
      exp = this.load(dir);
      this.exportsOf.set(dir, exp);
    }
    if (!exp) return null;
    let cur: Value = exp.exports;
    for (const prop of v.path) {
      if (cur.t !== 'obj') return null;
      cur = exp.member(cur, prop);
    }
    // A copy: the program may change what it got, and the package's value serves every run.
    return isConstant(cur, 2) ? copy(cur, owner) : null;
  }

  private load(dir: string): ReturnType<PackageRunner> {
    const entry = entryOf(dir);
    if (!entry) return null;
    const files = new LazyModules(dir, this.maxFileBytes);
    try {
      return this.run(dir, files, entry);
    } catch {
      return null;
    }
  }
}

/** Strings, numbers, booleans, RegExps, and objects of them (nested `depth` levels): data, no behaviour. */
function isConstant(v: Value, depth: number): boolean {
  if (v.t === 'str' || v.t === 'num' || v.t === 'bool' || v.t === 'regex') return true;
  if (v.t !== 'obj' || depth === 0 || v.getters?.size || v.props.size === 0) return false;
  for (const p of v.props.values()) if (!isConstant(p, depth - 1)) return false;
  return true;
}

function copy(v: Value, owner: Owner): Value {
  return v.t === 'obj' ? { t: 'obj', owner, props: new Map([...v.props].map(([k, p]) => [k, copy(p, owner)])) } : v;
}

/** node_modules/<name> seen from `dir`, as Node looks it up (each folder up to the file system's root). */
function packageDir(dir: string, name: string): string | null {
  for (let d = dir; ; d = path.dirname(d)) {
    const candidate = path.join(d, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return fs.realpathSync(candidate);
    if (path.dirname(d) === d) return null;
  }
}

/** The file `require(name)` loads: `exports` (require/node/default), else `main`, else index.js. */
function entryOf(dir: string): string | null {
  const pkg = readJson(path.join(dir, 'package.json'));
  if (!pkg) return null;
  const pick = (e: unknown): string | null => {
    if (typeof e === 'string') return e;
    if (!e || typeof e !== 'object') return null;
    const o = e as Record<string, unknown>;
    if ('.' in o) return pick(o['.']);
    for (const k of ['require', 'node', 'default']) { const r = pick(o[k]); if (r) return r; }
    return null;
  };
  const rel = pick(pkg.exports) ?? (typeof pkg.main === 'string' ? pkg.main : null) ?? 'index.js';
  const base = path.resolve(dir, rel);
  if (!base.startsWith(dir + path.sep)) return null;
  for (const f of [base, `${base}.js`, `${base}.cjs`, path.join(base, 'index.js')]) if (fs.existsSync(f) && fs.statSync(f).isFile()) return f;
  return null;
}

/** A package's modules, read and lowered when the interpreter first asks for one (inside the package only). */
class LazyModules extends Map<string, ModuleIR> {
  private readonly missing = new Set<string>();

  constructor(private readonly dir: string, private readonly maxFileBytes: number) {
    super();
  }

  override get(file: string): ModuleIR | undefined {
    const known = super.get(file);
    if (known || this.missing.has(file)) return known;
    const ir = this.size < MAX_PACKAGE_FILES && file.startsWith(this.dir + path.sep) && !file.endsWith('.d.ts') ? lower(file, this.maxFileBytes) : null;
    if (ir) super.set(file, ir); else this.missing.add(file);
    return ir ?? undefined;
  }

  override has(file: string): boolean {
    return this.get(file) !== undefined;
  }
}

function lower(file: string, maxFileBytes: number): ModuleIR | null {
  try {
    // readSource stats the file once: a folder or a missing file comes back as a skip.
    const read = readSource(file, maxFileBytes);
    return 'skip' in read ? null : lowerSource(file, read.text);
  } catch {
    return null;
  }
}
