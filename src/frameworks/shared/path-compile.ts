// Compiles a path pattern into a request matcher the way path-to-regexp reads it: 0.1 (Express 4)
// or v8 (Express 5, and the Koa routers from @koa/router 14 and koa-router 14 on, K15). Case
// sensitivity per segment, one trailing slash allowed on a route, a prefix ending at a segment
// boundary. With no version found ('unknown'), each construct is read as whichever version gives
// it a meaning. Moved here from express/path-matcher.ts when Koa needed it.
import type { CaseFlags, CompiledPath, PathOptions } from '../../core/path-matcher';
import { balanced, sensitiveAt } from '../../core/path-matcher';
import type { PathSyntax } from './paths';
import { UNKNOWN_PATH } from './paths';

const NAME_V5 = /^[A-Za-z_$][\w$]*/;
/** path-to-regexp 0.1 takes `\w+` as a param name (`:1st` is a name there, not in v8). */
const NAME_V4 = /^\w+/;

/** Builds the RegExp source piece by piece; null where the router would throw at registration. */
export function compilePath(pattern: string, { end, caseSensitive }: PathOptions, syntax: PathSyntax): CompiledPath | null {
  if (pattern.includes(UNKNOWN_PATH)) return null; // a path the analyser could not compute
  const v4 = syntax === 'express4';
  const v5 = syntax === 'express5';
  const names: string[] = [];
  const lit = literal(caseSensitive);
  let src = '';
  let unnamed = 0;
  let seg = 0;
  const p = pattern.length > 1 ? pattern.replace(/\/+$/, '') : pattern === '/' ? '' : pattern;
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === '/' && i > 0 && p[i - 1] !== '/') seg++;
    const name = ch === ':' ? (v4 ? NAME_V4 : NAME_V5).exec(p.slice(i + 1))?.[0] : undefined;
    if (ch === ':' && !name && v5) return null; // v8: `Missing parameter name`
    if (name) {
      i += name.length;
      let group = '[^/]+?';
      if (p[i + 1] === '(') {
        if (v5) return null; // v8: `Unexpected (`
        const close = balanced(p, i + 1);
        if (close < 0) return null;
        group = p.slice(i + 2, close);
        i = close;
      }
      names.push(name);
      if (p[i + 1] === '?' && !v5 && src.endsWith('\\/')) { src = src.slice(0, -2) + `(?:\\/(${group}))?`; i++; } else src += `(${group})`;
    } else if (ch === '*') {
      const star = v4 ? undefined : NAME_V5.exec(p.slice(i + 1))?.[0];
      if (star) { i += star.length; names.push(star); src += '(.+)'; } else if (v5) return null; else { names.push(String(unnamed++)); src += '(.*)'; }
    } else if ((ch === '{' || ch === '}') && !v4) {
      src += ch === '{' ? '(?:' : ')?';
    } else if (ch === '(') {
      if (v5) return null;
      const close = balanced(p, i);
      if (close < 0) return null;
      names.push(String(unnamed++));
      src += `(${p.slice(i + 1, close)})`;
      i = close;
    } else if (v5 && '?+![]'.includes(ch)) {
      return null; // v8 reserves these characters
    } else if (v4 && (ch === '+' || ch === '?')) {
      src += ch; // 0.1 leaves regex operators in the pattern (`/ab+cd`, `/ab?cd`)
    } else {
      src += lit(ch, seg);
    }
  }
  return matcherOf(src, names, caseSensitive, end);
}

/**
 * The matcher of a compiled pattern's regular expression source: anchored at the start, and at the
 * end (an optional trailing slash) or at a segment boundary; case-insensitive when no segment is
 * case-sensitive. Null when the source is no valid RegExp.
 */
export function matcherOf(src: string, names: string[], caseSensitive: CaseFlags, end: boolean): CompiledPath | null {
  let re: RegExp;
  try {
    const ignoreCase = caseSensitive === false || (Array.isArray(caseSensitive) && !caseSensitive.some(Boolean));
    re = new RegExp(`^${src}${end ? '\\/?$' : '(?=\\/|$)'}`, ignoreCase ? 'i' : '');
  } catch {
    return null;
  }
  return {
    exec(path) {
      const m = re.exec(path);
      return m ? { params: paramsOf(names, m), length: m[0].length } : null;
    },
  };
}

/**
 * A literal character as RegExp source (`seg`: the segment it is in). Where segments differ in case sensitivity the RegExp has no
 * `i` flag, and a letter of a case-insensitive segment matches both cases by itself.
 */
export function literal(flags: CaseFlags): (ch: string, seg: number) => string {
  const mixed = Array.isArray(flags) && flags.some(Boolean) && !flags.every(Boolean);
  return (ch, seg) => {
    if (mixed && !sensitiveAt(flags, seg) && ch.toLowerCase() !== ch.toUpperCase()) return `[${ch.toLowerCase()}${ch.toUpperCase()}]`;
    return ch.replace(/[.+?^$|[\]\\/{}()*]/g, '\\$&');
  };
}

export function paramsOf(names: string[], m: RegExpExecArray): Record<string, string> {
  const params: Record<string, string> = {};
  names.forEach((name, i) => {
    const v = m[i + 1];
    if (v === undefined) return;
    try { params[name] = decodeURIComponent(v); } catch { params[name] = v; }
  });
  return params;
}

