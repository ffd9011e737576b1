// Resolves module specifiers the way Node and TypeScript would, against the files the scan knows
// (never touching node_modules): relative paths with extension and index probing, `.js` written for
// `.ts` sources, and tsconfig/jsconfig `paths` aliases. Bare specifiers stay packages (constants in
// them are read only where a route path needs one: package-constants.ts).
import * as path from 'path';
import { SOURCE_EXTENSIONS } from './discover';
import { type CompilerFacts, NO_FACTS, readCompilerFacts } from './tsconfig';

export type Resolved = { kind: 'file'; file: string } | { kind: 'package'; name: string; subpath: string } | { kind: 'missing' };

export class ModuleResolver {
  /** The compiler facts that apply in each folder seen so far (the nearest tsconfig/jsconfig above it, up to the root). */
  private readonly facts = new Map<string, CompilerFacts>();

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
    return { kind: 'package', name: parts.slice(0, n).join('/'), subpath: parts.slice(n).join('/') };
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
