// How Fastify's router (find-my-way) matches request paths, with its defaults (F13, F14): case
// sensitive, strict about a trailing slash, `:name` params (with an optional `(regex)` and a trailing
// `?`), `*` for the rest of the path, percent-encoding decoded before matching. Which of several
// matching routes answers does not depend on order (F13): `rank` orders them as find-my-way does.
import type { CompiledPath, PathMatcher } from '../../core/path-matcher';
import { coversAsWritten } from '../../core/path-matcher';

/** One segment of a route pattern as find-my-way reads it. */
type Segment =
  | { kind: 'static'; text: string }
  | { kind: 'param'; name: string; regex: RegExp | null; optional: boolean }
  | { kind: 'wildcard' };

export const fastifyPaths: PathMatcher = {
  compile(pattern, { end, caseSensitive }) {
    const segs = parse(pattern);
    if (!segs) return null;
    const sensitive = caseSensitive !== false;
    return { exec: path => exec(segs, pattern.endsWith('/') && pattern !== '/', path, end, sensitive) } satisfies CompiledPath;
  },
  covers: coversAsWritten,
};

/**
 * How specific a pattern is, segment by segment (lower answers first): static, then a regex param,
 * then a plain param, then a wildcard (F13).
 */
export function rank(pattern: string): number[] {
  return (parse(pattern) ?? []).map(s => (s.kind === 'static' ? 0 : s.kind === 'param' ? (s.regex ? 1 : 2) : 3));
}

/** Compares two patterns by rank: negative when `a` answers first. */
export function compareRank(a: string, b: string): number {
  const ra = rank(a);
  const rb = rank(b);
  for (let i = 0; i < Math.max(ra.length, rb.length); i++) {
    const d = (ra[i] ?? -1) - (rb[i] ?? -1);
    if (d) return d;
  }
  return 0;
}

function parse(pattern: string): Segment[] | null {
  if (!pattern.startsWith('/') && pattern !== '') return null;
  const out: Segment[] = [];
  for (const raw of pattern.split('/').slice(1)) {
    if (raw === '') continue;
    if (raw === '*') { out.push({ kind: 'wildcard' }); continue; }
    const m = /^:([\w$-]+)(\((.*)\))?(\?)?$/.exec(raw);
    if (m) {
      let regex: RegExp | null = null;
      try { regex = m[3] ? new RegExp(`^(?:${m[3].replace(/^\^/, '').replace(/\$$/, '')})$`) : null; } catch { return null; }
      out.push({ kind: 'param', name: m[1], regex, optional: !!m[4] });
      continue;
    }
    if (raw.includes(':') || raw.includes('*')) return null; // mixed segments: not read yet
    out.push({ kind: 'static', text: raw });
  }
  return out;
}

function exec(segs: Segment[], trailingSlash: boolean, rawPath: string, end: boolean, sensitive: boolean): { params: Record<string, string>; length: number } | null {
  let path: string;
  try { path = decodeURIComponent(rawPath); } catch { return null; }
  // find-my-way is strict: '/t/' is not '/t' (F14), and '//t' matches nothing.
  if (path.includes('//')) return null;
  const slash = path.length > 1 && path.endsWith('/');
  const parts = path.split('/').slice(1).filter((p, i, all) => p !== '' || i < all.length - 1);
  const params: Record<string, string> = {};
  let i = 0;
  for (const [n, s] of segs.entries()) {
    if (s.kind === 'wildcard') { params['*'] = parts.slice(i).join('/'); return { params, length: path.length }; }
    const part = parts[i];
    if (part === undefined) {
      // `/opt/:id?` answers `/opt` (and `/opt/`) too.
      if (s.kind === 'param' && s.optional && n === segs.length - 1) return { params, length: path.length };
      return null;
    }
    if (s.kind === 'static' && !(sensitive ? part === s.text : part.toLowerCase() === s.text.toLowerCase())) return null;
    if (s.kind === 'param') {
      if (part === '' || (s.regex && !s.regex.test(part))) return null;
      params[s.name] = part;
    }
    i++;
  }
  if (end && (i < parts.length || slash !== trailingSlash)) return null;
  return { params, length: end ? path.length : rawPath.length };
}
