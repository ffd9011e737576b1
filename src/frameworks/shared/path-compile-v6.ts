// Compiles a path pattern the way path-to-regexp 6 reads it (@koa/router 12 and 13, K15): `:name`
// with an optional `(pattern)` and modifier (`?` optional, `*` zero or more segments, `+` one or
// more), unnamed `(pattern)` params, `{prefix:name suffix}` groups that are required unless a
// modifier follows, `\` escapes; a modifier anywhere else throws at registration (`/ab+cd`, `*`,
// `/*rest`). Observed with the real routers: /tmp probes recorded in framework-semantics.md §3 K15.
import type { CompiledPath, PathOptions } from '../../core/path-matcher';
import { balanced } from '../../core/path-matcher';
import { UNKNOWN_PATH } from './paths';
import { literal, matcherOf } from './path-compile';

/** v6's default param pattern: one segment (it also stops at `#` and `?`, never in a request path). */
const SEGMENT = '[^\\/#\\?]+?';
const NAME = /^\w+/;

/** One piece of a parsed pattern: literal text, or a param with the text around it (a group's). */
type Token = string | { name: string; pattern: string; prefix: string; suffix: string; modifier: string };

/** A request matcher for `pattern`, or null where path-to-regexp 6 throws (or the path could not be computed). */
export function compilePathV6(pattern: string, { end, caseSensitive }: PathOptions): CompiledPath | null {
  if (pattern.includes(UNKNOWN_PATH)) return null;
  const tokens = parse(pattern);
  if (!tokens) return null;
  const names: string[] = [];
  const lit = literal(caseSensitive);
  // Segment numbers for per-segment case flags: a `/` starts the next one (a param's prefix included).
  let seg = -1;
  const chars = (t: string) => [...t].map(ch => { if (ch === '/') seg++; return lit(ch, Math.max(seg, 0)); }).join('');
  const src = tokens.map(t => (typeof t === 'string' ? chars(t) : param(t, names, chars))).join('');
  return matcherOf(src, names, caseSensitive, end);
}

/** The tokens of a pattern, as v6's lexer and parser make them; null where v6 throws. */
function parse(p: string): Token[] | null {
  const out: Token[] = [];
  let lit = '';
  let unnamed = 0;
  const flush = () => { if (lit) out.push(lit); lit = ''; };
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === '\\') { lit += p[++i] ?? ''; continue; }
    if (ch === ':' || ch === '(') {
      const read = readParam(p, i, () => String(unnamed++));
      if (!read) return null;
      // A `/` or `.` right before a param is its prefix: an optional param takes it along (`/docs/:page?` matches /docs).
      const prefix = lit.endsWith('/') || lit.endsWith('.') ? lit.slice(-1) : '';
      lit = lit.slice(0, lit.length - prefix.length);
      flush();
      i = read.end;
      const modifier = isModifier(p[i + 1]) ? p[++i] : '';
      out.push({ name: read.name, pattern: read.pattern, prefix, suffix: '', modifier });
      continue;
    }
    if (ch === '{') {
      const close = p.indexOf('}', i);
      if (close < 0) return null;
      const group = parseGroup(p.slice(i + 1, close), () => String(unnamed++));
      if (!group) return null;
      flush();
      i = close;
      const modifier = isModifier(p[i + 1]) ? p[++i] : '';
      out.push({ ...group, modifier });
      continue;
    }
    if ('?*+}'.includes(ch)) return null; // `Unexpected MODIFIER`: a modifier with nothing to modify
    lit += ch;
  }
  flush();
  return out;
}

function isModifier(ch: string | undefined): boolean {
  return ch === '?' || ch === '*' || ch === '+';
}

/** `:name`, `:name(re)` or `(re)` at `i`: its name, pattern and the index of its last character. */
function readParam(p: string, i: number, nextIndex: () => string): { name: string; pattern: string; end: number } | null {
  let name = '';
  let end = i;
  if (p[i] === ':') {
    name = NAME.exec(p.slice(i + 1))?.[0] ?? '';
    if (!name) return null; // `Missing parameter name`
    end = i + name.length;
  }
  if (p[end + 1] === '(' || p[i] === '(') {
    const open = p[i] === '(' ? i : end + 1;
    const close = balanced(p, open);
    if (close < 0 || close === open + 1 || p[open + 1] === '?') return null; // unbalanced, empty or a capturing-group pattern
    return { name: name || nextIndex(), pattern: p.slice(open + 1, close), end: close };
  }
  return { name, pattern: SEGMENT, end };
}

/** A `{…}` group's contents: literal prefix, at most one param, literal suffix. */
function parseGroup(body: string, nextIndex: () => string): Omit<Extract<Token, object>, 'modifier'> | null {
  const at = body.search(/[:(]/);
  if (at < 0) return /[{?*+]/.test(body) ? null : { name: '', pattern: '', prefix: body, suffix: '' };
  const read = readParam(body, at, nextIndex);
  if (!read) return null;
  const suffix = body.slice(read.end + 1);
  if (/[:({?*+]/.test(suffix)) return null;
  return { name: read.name, pattern: read.pattern, prefix: body.slice(0, at), suffix };
}

/** A param (or a group) as RegExp source, as v6's tokensToRegexp writes it. */
function param(t: Extract<Token, object>, names: string[], chars: (text: string) => string): string {
  const prefix = chars(t.prefix);
  const suffix = chars(t.suffix);
  if (!t.pattern) return `(?:${prefix}${suffix})${t.modifier}`;
  names.push(t.name);
  if (!prefix && !suffix) return t.modifier === '*' || t.modifier === '+' ? `((?:${t.pattern})${t.modifier})` : `(${t.pattern})${t.modifier}`;
  if (t.modifier === '*' || t.modifier === '+') {
    return `(?:${prefix}((?:${t.pattern})(?:${suffix}${prefix}(?:${t.pattern}))*)${suffix})${t.modifier === '*' ? '?' : ''}`;
  }
  return `(?:${prefix}(${t.pattern})${suffix})${t.modifier}`;
}
