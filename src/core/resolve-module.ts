// Resolves module specifiers the way Node and TypeScript would, against the files the scan knows
// (never reading node_modules): relative paths with extension and index probing, `.js` written for
// `.ts` sources, tsconfig/jsconfig `paths` aliases, and the module roots a package.json adds
// (NODE_PATH in its scripts, module-alias: module-roots.ts). Other bare specifiers stay packages
// (constants in them are read only where a route path needs one: package-constants.ts).
import * as fs from 'fs';
import * as path from 'path';
import { SOURCE_EXTENSIONS } from './discover';
import { type ModuleRoots, NO_ROOTS, isPackage, readModuleRoots } from './module-roots';
import { type CompilerFacts, NO_FACTS, readCompilerFacts } from './tsconfig';

export type Resolved = { kind: 'file'; file: string } | { kind: 'package'; name: string; subpath: string } | { kind: 'missing' };

export class ModuleResolver {
  /** The compiler facts that apply in each folder seen so far (the nearest tsconfig/jsconfig above it, up to the root). */
  private readonly facts = new Map<string, CompilerFacts>();
  /** The module roots of the nearest package.json above each folder seen so far (up to the root). */
  private readonly moduleRoots = new Map<string, { roots: ModuleRoots; dir: string }>();
  /** Whether `node_modules/<name>` exists in a package folder, by `dir\0name`. */
  private readonly installed = new Map<string, boolean>();

  constructor(private readonly root: string, private readonly exists: (file: string) => boolean) {}

  /** Whether, in `file`, import lines that bind only types still load their module (see CompilerFacts). */
  keepsImportLines(file: string): boolean {
    return this.factsIn(path.dirname(file)).keepsImportLines;
  }

  /**
   * The facts of the nearest folder from `dir` up to the root that has a tsconfig.json or
   * jsconfig.json, as tsc and the editor pick a file's project: in a monorepo each package's own
   * config (its `paths`, its `verbatimModuleSyntax`) applies to its files. Outside the root, the root's.
   */
  private factsIn(dir: string): CompilerFacts {
    const known = this.facts.get(dir);
    if (known) return known;
    const inside = dir === this.root || dir.startsWith(this.root + path.sep);
    const parent = path.dirname(dir);
    const found = !inside ? this.factsIn(this.root) : readCompilerFacts(dir) ?? (dir === this.root || parent === dir ? NO_FACTS : this.factsIn(parent));
    this.facts.set(dir, found);
    return found;
  }

  resolve(fromFile: string, spec: string): Resolved {
    if (spec.startsWith('node:')) return { kind: 'package', name: spec.slice(5), subpath: '' };
    if (spec.startsWith('.') || path.isAbsolute(spec)) {
      const f = this.probe(path.resolve(path.dirname(fromFile), spec));
      return f ? { kind: 'file', file: f } : { kind: 'missing' };
    }
    for (const a of this.factsIn(path.dirname(fromFile)).aliases) {
      const hit = a.wildcard ? spec.startsWith(a.prefix) && spec.endsWith(a.suffix) : spec === a.prefix;
      if (!hit) continue;
      const star = a.wildcard ? spec.slice(a.prefix.length, spec.length - a.suffix.length) : '';
      for (const t of a.targets) {
        const f = this.probe(t.replace('*', star));
        if (f) return { kind: 'file', file: f };
      }
    }
    const parts = spec.split('/');
    const n = spec.startsWith('@') ? 2 : 1;
    const name = parts.slice(0, n).join('/');
    const rooted = this.fromModuleRoots(path.dirname(fromFile), spec, name);
    if (rooted) return { kind: 'file', file: rooted };
    return { kind: 'package', name, subpath: parts.slice(n).join('/') };
  }

  /**
   * A bare specifier found through the package's module roots, in Node's order: a module-alias alias
   * first (it hooks resolution), then, when `name` is no package, each NODE_PATH folder.
   */
  private fromModuleRoots(dir: string, spec: string, name: string): string | null {
    const { roots, dir: pkgDir } = this.rootsIn(dir);
    for (const a of roots.aliases) {
      if (spec !== a.name && !spec.startsWith(a.name + '/')) continue;
      const f = this.probe(a.target + spec.slice(a.name.length));
      if (f) return f;
    }
    if (roots.roots.length === 0 || isPackage(name, roots, n => this.isInstalled(pkgDir, n))) return null;
    for (const root of roots.roots) {
      const f = this.probe(path.join(root, spec));
      if (f) return f;
    }
    return null;
  }

  /** The roots of the nearest package.json from `dir` up to the root (outside the root, the root's). */
  private rootsIn(dir: string): { roots: ModuleRoots; dir: string } {
    const known = this.moduleRoots.get(dir);
    if (known) return known;
    const inside = dir === this.root || dir.startsWith(this.root + path.sep);
    const parent = path.dirname(dir);
    const own = inside ? readModuleRoots(dir) : null;
    const found = !inside ? this.rootsIn(this.root) : own ? { roots: own, dir } : dir === this.root || parent === dir ? { roots: NO_ROOTS, dir } : this.rootsIn(parent);
    this.moduleRoots.set(dir, found);
    return found;
  }

  /**
   * Whether a package is installed in a node_modules folder from `dir` up to the root, as Node looks
   * (only asked when the package sets module roots; only the folder's existence is checked).
   */
  private isInstalled(dir: string, name: string): boolean {
    const key = `${dir}\0${name}`;
    let hit = this.installed.get(key);
    if (hit === undefined) {
      const parent = path.dirname(dir);
      const above = dir !== this.root && parent !== dir && parent.startsWith(this.root);
      hit = fs.existsSync(path.join(dir, 'node_modules', name)) || (above && this.isInstalled(parent, name));
      this.installed.set(key, hit);
    }
    return hit;
  }

  private probe(base: string): string | null {
    if (this.exists(base)) return base;
    // TypeScript ESM style: `import './x.js'` written for `x.ts`.
    const m = /\.([mc]?)js$/.exec(base);
    if (m) {
      const stem = base.slice(0, -m[0].length);
      for (const ext of [`.${m[1]}ts`, '.tsx']) if (this.exists(stem + ext)) return stem + ext;
    }
    for (const ext of SOURCE_EXTENSIONS) if (this.exists(base + ext)) return base + ext;
    for (const ext of SOURCE_EXTENSIONS) if (this.exists(path.join(base, 'index' + ext))) return path.join(base, 'index' + ext);
    return null;
  }
}
