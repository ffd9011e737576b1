// Path arithmetic shared by the order-based frameworks: joining mount prefixes, and deciding whether
// a use-path prefix or an earlier route pattern covers every request a route pattern matches.
import type { CaseFlags } from '../../core/path-matcher';
import { sensitiveAt } from '../../core/path-matcher';

export type { CaseFlags };

/** How a path piece the analyser could not compute shows in full paths. */
export const UNKNOWN_PATH = '{?}';

/**
 * Joins a mount prefix and a path the way Express composes them (`req.baseUrl + req.route.path`):
 * '/api' + '/' = '/api', '/api' + '/users' = '/api/users'. A path written without a leading slash is
 * kept as the router holds it: Express 4's `*` shows as `*`, and under '/api' as '/api*' (it matches
 * '/api' and everything below it, its `params[0]` holding the rest with its slash).
 */
export function joinPath(prefix: string, p: string): string {
  if (p === '' || p === '/') return prefix === '' ? '/' : prefix;
  return (prefix === '/' ? '' : prefix.replace(/\/+$/, '')) + p;
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

// Matching segments. Layers are compared by what the router makes of each segment of a path, not by
// its text: a wildcard, or a piece the analyser cannot read, becomes a token. Tokens start with '/',
// which no segment of a split path holds.

/** Any number of segments, none included: Express 4 `*` and `/*`, Express 5 `/{*name}` (first in the route's own path). */
export const REST_ANY = '/**';
/** One or more segments: Express 5 `/*name` and `/x/{*name}`, Express 4 `/x/*` (it matches `/x/`, not `/x`). */
export const REST_SOME = '/*+';
const UNKNOWN_TOKEN = '/?';

/**
 * The token for one occurrence of a path piece the analyser cannot read (`unknown` tells
 * occurrences apart). It may stand for any number of segments, so only an earlier REST_ANY before
 * it, or the same occurrence (`app.route(p).all(a).get(h)`, routes under one mount), covers it.
 */
export function unknownSegment(occurrence: string): string {
  return UNKNOWN_TOKEN + occurrence;
}

function isToken(seg: string): boolean {
  return seg.charCodeAt(0) === SLASH;
}

function isRest(seg: string): boolean {
  return seg === REST_ANY || seg === REST_SOME;
}

/**
 * Which path syntax a router reads (framework-semantics.md, "Express 5 path syntax"): Express 4's
 * path-to-regexp 0.1 or Express 5's v8. 'unknown' when no version is found: then a pattern is a
 * wildcard only where both read it as one (or one throws at registration, so the app never starts).
 */
export type PathSyntax = 'express4' | 'express5' | 'unknown';

/**
 * A PathSyntax, or what the Koa routers read (K15): path-to-regexp 6 (@koa/router 12, 13), or v8
 * (@koa/router 14+, koa-router 14) read as Express 5's plus a trailing optional `{/:name}` group.
 */
export type PatternSyntax = PathSyntax | 'ptr6' | 'ptr8';

/**
 * The matching segments of a route registered with `own` (as written) under a mount with matching
 * segments `prefix`; `unknown` makes this occurrence's unknownSegment, which stands for: UNKNOWN_PATH;
 * a path with no leading slash (`users` never matches; Express 4 `*` does); a `*` Express does not
 * read as a wildcard (Express 4: `/*name` is `/(.*)name`, `/(.*)` is `/(\.*)`).
 */
export function routeSegments(prefix: readonly string[], own: string, syntax: PatternSyntax, unknown: () => string): string[] {
  if (syntax === 'ptr6') return [...prefix, ...v6Segments(own, unknown)];
  if (syntax === 'ptr8') {
    const group = /^(.*)\{\/:[A-Za-z_$][\w$]*\}$/.exec(own);
    return group ? [...routeSegments(prefix, group[1], 'express5', unknown), OPTIONAL_PARAM] : routeSegments(prefix, own, 'express5', unknown);
  }
  if (own !== '' && !own.startsWith('/') && !own.startsWith('*')) return [...prefix, unknown()];
  const out = [...prefix];
  const segs = segments(own);
  let piece: string | undefined;
  for (let j = 0; j < segs.length; j++) out.push(ownSegment(segs[j], j === 0, syntax) ?? (piece ??= unknown()));
  return out;
}

function ownSegment(seg: string, first: boolean, syntax: PathSyntax): string | null {
  if (seg === UNKNOWN_PATH) return null;
  if (!seg.includes('*')) return seg;
  // Express 5 throws on a bare `*` at registration: where the app starts, this is Express 4's.
  if (seg === '*') return first ? REST_ANY : REST_SOME;
  if (syntax !== 'express5') return null;
  if (/^\*[A-Za-z_$][\w$]*$/.test(seg)) return REST_SOME;
  if (/^\{\*[A-Za-z_$][\w$]*\}$/.test(seg)) return first ? REST_ANY : REST_SOME;
  return null;
}

/** A v6 param that may be absent (`/docs/:page?`, `/g{/:id}?`): only as a pattern's last segment. */
export const OPTIONAL_PARAM = '/:?';

/** A v6 param with its own pattern (`:id(\\d+)`): the token carries the pattern. */
function constrained(re: string): string {
  return `/(${re})`;
}

function isConstrained(seg: string): boolean {
  return seg.startsWith('/(');
}

/**
 * The matching segments of a route path in path-to-regexp 6 (@koa/router 12, 13): `:name?` last is
 * OPTIONAL_PARAM, `:name*` last takes any number of segments, `:name+` last one or more, `:name(re)`
 * a constrained param, `(.*)` the rest of the path (as the whole pattern, or after `/api`, which
 * then also matches `/apix`: only the `/api/…` part is claimed). Anything else with a modifier,
 * group or pattern is this occurrence's unknownSegment.
 */
function v6Segments(own: string, unknown: () => string): string[] {
  const p = own.replace(/\{\/(:\w+)\}(\?)?$/, '/$1$2');
  if (p !== '' && !p.startsWith('/') && !p.startsWith('(')) return [unknown()];
  const segs = segments(p);
  const out: string[] = [];
  let piece: string | undefined;
  for (let j = 0; j < segs.length; j++) {
    const seg = segs[j];
    const last = j === segs.length - 1;
    if (/^:\w+$/.test(seg) || !/[(){}?*+]/.test(seg)) { out.push(seg === UNKNOWN_PATH ? (piece ??= unknown()) : seg); continue; }
    const param = /^:\w+(?:\((.+)\))?([?*+])?$/.exec(seg);
    const rest = /^(.*)\(\.\*\)$/.exec(seg);
    if (param && !param[2] && param[1] !== undefined) out.push(constrained(param[1]));
    else if (param && last && !param[1]) out.push(param[2] === '?' ? OPTIONAL_PARAM : param[2] === '*' ? REST_ANY : REST_SOME);
    else if (rest && last && !/[(){}?*+]/.test(rest[1])) out.push(...(rest[1] ? [rest[1], REST_ANY] : [j === 0 ? REST_ANY : REST_SOME]));
    else out.push(piece ??= unknown());
  }
  return out;
}

/**
 * The matching segments of a use-path `p` under a mount with matching segments `prefix`. A segment
 * with a wildcard, or one the analyser cannot read, is this occurrence's unknownSegment.
 */
export function mountSegments(prefix: readonly string[], p: string, unknown: () => string): string[] {
  if (p !== '' && !p.startsWith('/')) return [...prefix, unknown()];
  const out = [...prefix];
  let piece: string | undefined;
  for (const seg of segments(p)) out.push(seg === UNKNOWN_PATH || seg.includes('*') ? (piece ??= unknown()) : seg);
  return out;
}

/** Whether every segment is as written: no wildcard and no unreadable piece. */
export function plainSegments(segs: readonly string[]): boolean {
  return !segs.some(isToken);
}

/** Whether a pattern can match more segments than it has (then it is not indexed by length). */
export function hasWildcard(segs: readonly string[]): boolean {
  return segs.some(isRest);
}

/**
 * Whether a segment-bounded prefix (`app.use('/admin')`, E8) covers every request `route` matches.
 * Literal segments compare case-insensitively unless `caseSensitive` (E9). A param in the prefix
 * covers anything in that segment; a literal in the prefix does not cover a param in the route.
 */
export function prefixCovers(prefix: string, route: string, caseSensitive: CaseFlags = false, syntax: PatternSyntax = 'unknown'): boolean {
  const ps = mountSegments([], prefix, () => unknownSegment('prefix'));
  return prefixCoversSegments(ps, routeSegments([], route, syntax, () => unknownSegment('route')), caseSensitive);
}

/** prefixCovers on matching segments (hot path: called for every layer before every route). */
export function prefixCoversSegments(ps: readonly string[], rs: readonly string[], caseSensitive: CaseFlags): boolean {
  if (ps.length > rs.length) return false;
  return ps.every((seg, i) => segmentCovers(seg, rs[i], sensitiveAt(caseSensitive, i)));
}

/**
 * Whether an earlier route pattern matches every path a later route pattern matches (E22), both
 * as written. Each has its own unreadable pieces: a `{?}` in one never covers one in the other.
 */
export function patternCovers(earlier: string, later: string, caseSensitive: CaseFlags = false, syntax: PatternSyntax = 'unknown'): boolean {
  const es = routeSegments([], earlier, syntax, () => unknownSegment('earlier'));
  return patternCoversSegments(es, routeSegments([], later, syntax, () => unknownSegment('later')), caseSensitive);
}

/** patternCovers on matching segments; `caseSensitive` is the earlier pattern's (it does the matching). */
export function patternCoversSegments(es: readonly string[], ls: readonly string[], caseSensitive: CaseFlags): boolean {
  const end = es.length - 1;
  // An optional last param covers the path without it, and any one segment in its place.
  if (es[end] === OPTIONAL_PARAM) {
    const head = es.slice(0, end);
    if (ls.length === end) return prefixCoversSegments(head, ls, caseSensitive);
    const last = ls[end];
    return ls.length === es.length && prefixCoversSegments(head, ls, caseSensitive) && (last === OPTIONAL_PARAM || isConstrained(last) || !isToken(last));
  }
  // A wildcard ending the earlier pattern takes the rest of the later one; REST_SOME needs a
  // segment there that cannot be empty (an unreadable piece may be).
  if (es[end] === REST_ANY || es[end] === REST_SOME) {
    if (!prefixCoversSegments(es.slice(0, end), ls, caseSensitive)) return false;
    return es[end] === REST_ANY || ls.slice(end).some(s => s === REST_SOME || !isToken(s));
  }
  if (es.length !== ls.length) return false;
  return prefixCoversSegments(es, ls, caseSensitive);
}

/**
 * The key a segment is indexed by when it is a literal ('users' → 'users', case folded), else null
 * (a param, a wildcard or an unreadable piece). By segmentCovers, a literal pattern segment covers
 * only a literal target with the same key: layers keyed otherwise can be skipped for a route.
 */
export function literalKey(seg: string): string | null {
  return isToken(seg) || isParam(seg) ? null : seg.toLowerCase();
}

/** A token covers only the same unreadable piece; a wildcard that does not end its pattern proves nothing. */
function segmentCovers(pattern: string, target: string, caseSensitive: boolean): boolean {
  // A constrained param covers the same constraint, and a literal its pattern accepts; a plain param covers it.
  if (isConstrained(pattern)) return pattern === target || (!isToken(target) && !isParam(target) && accepts(pattern, target));
  if (isConstrained(target) && isParam(pattern)) return true;
  if (isToken(pattern) || isToken(target)) return pattern === target && !isRest(pattern);
  if (isParam(pattern)) return true;
  if (isParam(target)) return false;
  return caseSensitive ? pattern === target : pattern.toLowerCase() === target.toLowerCase();
}

function accepts(constraint: string, seg: string): boolean {
  try { return new RegExp(`^(?:${constraint.slice(2, -1)})$`, 'i').test(seg); } catch { return false; }
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
