// The seam for matching paths, one implementation per framework and version (Express 4 reads
// path-to-regexp 0.1 syntax, Express 5 path-to-regexp 8, Fastify find-my-way, the Koa routers
// their own: framework-semantics.md). Core code (the trace, the rules) asks a matcher it is handed;
// it never knows which framework's it is.
// Fastify's is frameworks/fastify/path-matcher.ts (find-my-way's defaults; its router options are
// not read yet). TODO(koa): frameworks/koa/, per
// router version (K11, K12, K15); @koa/router >= 14 reads Express 5's v8 syntax, so that compiler
// moves to frameworks/shared/ when Koa needs it.

/**
 * Case sensitivity of a path: one flag for all its segments, or one per segment (a path under
 * mounts is matched piece by piece by different routers, each with its own setting: Express E9).
 * Past the end of the list the last flag holds.
 */
export type CaseFlags = boolean | readonly boolean[];

/** What a matcher needs to know about the router that matches a pattern. */
export interface PathOptions {
  /** Whether the pattern must match the whole path (a route) or only its start, up to a segment boundary (a mount or use prefix). */
  end: boolean;
  caseSensitive: CaseFlags;
}

/** A pattern compiled for matching request paths. */
export interface CompiledPath {
  /** The decoded params and how much of `path` matched, or null when it does not match. */
  exec(path: string): { params: Record<string, string>; length: number } | null;
}

/** How one framework (and version) matches paths. */
export interface PathMatcher {
  /** A request matcher for a route pattern or a prefix, or null when the router would reject it or it cannot be read. */
  compile(pattern: string, options: PathOptions): CompiledPath | null;
  /**
   * Whether every request `pattern` (a route pattern or a narrower prefix, as written) matches also
   * passes `prefix`, both compared as written; `caseSensitive` is the prefix's (it does the matching).
   */
  covers(prefix: string, pattern: string, caseSensitive: CaseFlags): boolean;
}

/** Whether a segment of a path is matched case-sensitively. */
export function sensitiveAt(flags: CaseFlags, i: number): boolean {
  return typeof flags === 'boolean' ? flags : flags[i] ?? flags[flags.length - 1] ?? false;
}

/** The flags of a path's segments from segment `from` on (what the router below a mount matches). */
export function flagsFrom(flags: CaseFlags, from: number): CaseFlags {
  if (typeof flags === 'boolean') return flags;
  return from < flags.length ? flags.slice(from) : sensitiveAt(flags, from);
}

/** Matches a concrete path against a pattern: the decoded params, or null. */
export function matchPath(m: PathMatcher, pattern: string, path: string, options: PathOptions): Record<string, string> | null {
  return m.compile(pattern, options)?.exec(path)?.params ?? null;
}

/**
 * Matches a concrete path against a route registered as `own` on a router mounted at `mount`, the
 * way a mounting router dispatches it: the mount matches up to a segment boundary, then the route
 * matches what is left ('/' when nothing is). `caseSensitive` covers the mount's segments, then the
 * route's own.
 */
export function matchMounted(m: PathMatcher, mount: string, own: string, path: string, caseSensitive: CaseFlags = false): Record<string, string> | null {
  const head = m.compile(mount, { end: false, caseSensitive });
  const hit = head?.exec(path);
  if (!hit) return null;
  const mountSegments = mount.split('/').filter(Boolean).length;
  const params = matchPath(m, own, path.slice(hit.length) || '/', { end: true, caseSensitive: flagsFrom(caseSensitive, mountSegments) });
  return params && { ...hit.params, ...params };
}

/**
 * The matcher for a stack whose adapter names none: every segment literal, a prefix ending at a
 * segment boundary, no trailing-slash or syntax rules of any framework.
 */
export const literalPaths: PathMatcher = {
  compile(pattern, { end, caseSensitive }) {
    const own = segmentsOf(pattern);
    return {
      exec(path) {
        const segs = segmentsOf(path);
        if (segs.length < own.length || (end && segs.length !== own.length)) return null;
        if (!own.every((s, i) => sameSegment(s, segs[i], sensitiveAt(caseSensitive, i)))) return null;
        // The matched length: up to the end of the last matched segment.
        let length = 0;
        for (let n = 0; n < own.length; n++) length = path.indexOf(segs[n], length) + segs[n].length;
        return { params: {}, length };
      },
    };
  },
  covers: coversAsWritten,
};

/**
 * Whether `prefix` covers `pattern` comparing their segments as written: a param or a piece the
 * analyser could not read covers only the same text. (The walk tells unreadable pieces apart by
 * occurrence, frameworks/shared/paths.ts; the model keeps only their text.)
 */
export function coversAsWritten(prefix: string, pattern: string, caseSensitive: CaseFlags): boolean {
  const ps = segmentsOf(prefix);
  const qs = segmentsOf(pattern);
  return ps.length <= qs.length && ps.every((s, i) => sameSegment(s, qs[i], sensitiveAt(caseSensitive, i)));
}

const segmentsOf = (p: string) => p.split('/').filter(Boolean);
const sameSegment = (a: string, b: string, caseSensitive: boolean) => (caseSensitive ? a === b : a.toLowerCase() === b.toLowerCase());

/** The index of the `)` closing the `(` at `open` in a path pattern (backslash escapes skipped), or -1 when it never closes. */
export function balanced(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '\\') { i++; continue; }
    if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth === 0) return i;
  }
  return -1;
}
