// How the Koa routers match request paths, per router version (K15): @koa/router 12 and 13 read
// path-to-regexp 6, @koa/router 14+ and koa-router 14 read v8 (Express 5's syntax). Routes match
// case-insensitively by default with one trailing slash allowed; the path is not decoded first
// (`/%72eports` does not reach `/reports`). A stack whose routers' versions are unknown, or differ,
// reads each construct as whichever syntax gives it a meaning.
import type { StackOrigin } from '../../core/model';
import type { CompiledPath, PathMatcher, PathOptions } from '../../core/path-matcher';
import { coversAsWritten } from '../../core/path-matcher';
import { compilePath } from '../shared/path-compile';
import { compilePathV6 } from '../shared/path-compile-v6';
import type { PatternSyntax } from '../shared/paths';

/** The syntax a stack's routers read, as StackOrigin.pathSyntax names it. */
export type KoaPathSyntax = 'path-to-regexp 6' | 'path-to-regexp 8' | 'unknown';

/** Which syntax a router package reads at `version` (null: not found). */
export function routerSyntax(pkg: string, version: string | null): KoaPathSyntax {
  const major = version === null ? NaN : parseInt(version, 10);
  if (!(major > 0)) return 'unknown';
  if (major >= 14) return 'path-to-regexp 8';
  // koa-router 7-13 read older path-to-regexp lines (1.x to 6): not told apart here.
  return pkg === '@koa/router' ? 'path-to-regexp 6' : 'unknown';
}

/** The syntax the static walk compares a router's patterns in (shared/paths.ts routeSegments). */
export const SEGMENT_SYNTAX: Record<KoaPathSyntax, PatternSyntax> = { 'path-to-regexp 6': 'ptr6', 'path-to-regexp 8': 'ptr8', unknown: 'unknown' };

/** The compiler each syntax is read with: v6 its own (shared/path-compile-v6.ts), v8 Express 5's. */
const COMPILERS: Record<KoaPathSyntax, (pattern: string, options: PathOptions) => CompiledPath | null> = {
  'path-to-regexp 6': compilePathV6,
  'path-to-regexp 8': (pattern, options) => compilePath(pattern, options, 'express5'),
  unknown: (pattern, options) => compilePath(pattern, options, 'unknown'),
};

function matcher(syntax: KoaPathSyntax): PathMatcher {
  return { compile: COMPILERS[syntax], covers: coversAsWritten };
}

const MATCHERS: Record<KoaPathSyntax, PathMatcher> = {
  'path-to-regexp 6': matcher('path-to-regexp 6'), 'path-to-regexp 8': matcher('path-to-regexp 8'), unknown: matcher('unknown'),
};

/** The matcher of a stack, by the syntax the walk found for its routers. */
export function koaPathsOf(origin: StackOrigin | undefined): PathMatcher {
  return MATCHERS[(origin?.pathSyntax ?? 'unknown') as KoaPathSyntax] ?? MATCHERS.unknown;
}
