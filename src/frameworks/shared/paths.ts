// Path arithmetic shared by the order-based frameworks: joining mount prefixes, and deciding whether
// a use-path prefix or an earlier route pattern covers every request a route pattern matches.

/** Joins a mount prefix and a path the way Express reports full paths ('/api' + '/' = '/api'). */
export function joinPath(prefix: string, p: string): string {
  if (p === '' || p === '/') return prefix === '' ? '/' : prefix;
  const a = prefix === '/' ? '' : prefix.replace(/\/+$/, '');
  const b = p.startsWith('/') ? p : '/' + p;
  return a + b;
}

/** Path segments, without empty ones ('/a//b/' → ['a','b']). */
export function segments(p: string): string[] {
  // One pass, no intermediate array: called for every layer and route of every walk.
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i <= p.length; i++) {
    if (i < p.length && p.charCodeAt(i) !== SLASH) continue;
    if (i > from) out.push(p.slice(from, i));
    from = i + 1;
  }
  return out;
}

const SLASH = 47;

function isParam(seg: string): boolean {
  return seg.startsWith(':') && !seg.endsWith('?') && !/[*+()]/.test(seg);
}

/** Whether a pattern can match more segments than it has (then it is not indexed by length). */
export function hasWildcard(segs: string[]): boolean {
  return segs.some(isWildcard);
}

function isWildcard(seg: string): boolean {
  return seg === '*' || seg.startsWith('*') || seg === '(.*)' || seg.startsWith('{*');
}

/**
 * Case sensitivity of a prefix or pattern: one flag for all its segments, or one per segment. A
 * mounted router's path mixes both: its mount segments are matched by the parent's router, the
 * rest by its own (E9: `Router({ caseSensitive })` and the app setting do not reach each other).
 */
export type CaseFlags = boolean | readonly boolean[];

function sensitiveAt(flags: CaseFlags, i: number): boolean {
  return typeof flags === 'boolean' ? flags : flags[i] ?? flags[flags.length - 1] ?? false;
}

/**
 * Whether a segment-bounded prefix (`app.use('/admin')`, E8) covers every request `route` matches.
 * Literal segments compare case-insensitively unless `caseSensitive` (E9). A param in the prefix
 * covers anything in that segment; a literal in the prefix does not cover a param in the route.
 */
export function prefixCovers(prefix: string, route: string, caseSensitive: CaseFlags = false): boolean {
  return prefixCoversSegments(segments(prefix), segments(route), caseSensitive);
}

/** prefixCovers on pre-split segments (hot path: called for every layer before every route). */
export function prefixCoversSegments(ps: string[], rs: string[], caseSensitive: CaseFlags): boolean {
  if (ps.length > rs.length) return false;
  return ps.every((seg, i) => segmentCovers(seg, rs[i], sensitiveAt(caseSensitive, i)));
}

/** Whether an earlier route pattern matches every path a later route pattern matches (E22). */
export function patternCovers(earlier: string, later: string, caseSensitive: CaseFlags = false): boolean {
  return patternCoversSegments(segments(earlier), segments(later), caseSensitive);
}

/** patternCovers on pre-split segments; `caseSensitive` is the earlier pattern's (it does the matching). */
export function patternCoversSegments(es: string[], ls: string[], caseSensitive: CaseFlags): boolean {
  for (let i = 0; i < es.length; i++) {
    if (isWildcard(es[i])) return true;
    if (i >= ls.length || !segmentCovers(es[i], ls[i], sensitiveAt(caseSensitive, i))) return false;
  }
  return es.length === ls.length;
}

function segmentCovers(pattern: string, target: string, caseSensitive: boolean): boolean {
  if (isParam(pattern)) return !isWildcard(target);
  if (isParam(target) || isWildcard(target)) return false;
  return caseSensitive ? pattern === target : pattern.toLowerCase() === target.toLowerCase();
}

/** A concrete request path for a pattern (`/users/:id` → `/users/1`), for tests and traces. */
export function samplePath(pattern: string): string {
  return '/' + segments(pattern).map(s => (s.startsWith(':') ? '1' : s.startsWith('*') || s.startsWith('{*') ? 'any' : s)).join('/');
}

/** Whether a RegExp use-path covers a route: it must match at the start, up to a segment boundary (E11). */
export function regexPrefixCovers(source: string, flags: string, route: string): boolean {
  let re: RegExp;
  try { re = new RegExp(source, flags.replace(/[gy]/g, '')); } catch { return false; }
  const sample = samplePath(route);
  const m = re.exec(sample);
  if (!m || m.index !== 0) return false;
  const next = sample[m[0].length];
  return next === undefined || next === '/';
}
