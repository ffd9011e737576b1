// Resolves module specifiers the way Node and TypeScript would, against the files the scan knows
// (never touching node_modules): relative paths with extension and index probing, `.js` written for
// `.ts` sources, and tsconfig/jsconfig `paths` aliases. Bare specifiers stay packages (constants in
// them are read only where a route path needs one: package-constants.ts).
import * as fs from 'fs';
import * as path from 'path';
import { SOURCE_EXTENSIONS } from './discover';

export type Resolved = { kind: 'file'; file: string } | { kind: 'package'; name: string; subpath: string } | { kind: 'missing' };

interface PathAlias { prefix: string; suffix: string; wildcard: boolean; targets: string[] }

export class ModuleResolver {
  private readonly aliases: PathAlias[];

  constructor(root: string, private readonly exists: (file: string) => boolean) {
    this.aliases = loadPathAliases(root);
  }

  resolve(fromFile: string, spec: string): Resolved {
    if (spec.startsWith('node:')) return { kind: 'package', name: spec.slice(5), subpath: '' };
    if (spec.startsWith('.') || path.isAbsolute(spec)) {
      const f = this.probe(path.resolve(path.dirname(fromFile), spec));
      return f ? { kind: 'file', file: f } : { kind: 'missing' };
    }
    for (const a of this.aliases) {
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

/** Reads `compilerOptions.paths` (+ `baseUrl`) from the root tsconfig.json or jsconfig.json. */
function loadPathAliases(root: string): PathAlias[] {
  for (const name of ['tsconfig.json', 'jsconfig.json']) {
    const file = path.join(root, name);
    let json: { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } };
    try { json = JSON.parse(stripJsonComments(fs.readFileSync(file, 'utf8'))); } catch { continue; }
    const opts = json.compilerOptions ?? {};
    const base = path.resolve(root, opts.baseUrl ?? '.');
    const out: PathAlias[] = [];
    for (const [pattern, targets] of Object.entries(opts.paths ?? {})) {
      if (!Array.isArray(targets)) continue;
      const star = pattern.indexOf('*');
      out.push({
        prefix: star < 0 ? pattern : pattern.slice(0, star),
        suffix: star < 0 ? '' : pattern.slice(star + 1),
        wildcard: star >= 0,
        targets: targets.filter(t => typeof t === 'string').map(t => path.resolve(base, t)),
      });
    }
    // Longest prefix first, as TypeScript does.
    out.sort((a, b) => b.prefix.length - a.prefix.length);
    // TypeScript also resolves bare specifiers against `baseUrl` itself, after `paths` (`routes/users`
    // is `<baseUrl>/routes/users`); a specifier with no such file stays a package.
    if (opts.baseUrl !== undefined) out.push({ prefix: '', suffix: '', wildcard: true, targets: [path.join(base, '*')] });
    return out;
  }
  return [];
}

/** tsconfig files allow comments and trailing commas. */
export function stripJsonComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2);
      if (i < 0) break;
      i++;
    } else out += c;
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}
