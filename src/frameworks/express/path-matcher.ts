// How Express matches request paths, per version (framework-semantics.md, E8, E9, E24 and "Express 5
// path syntax"): Express 4 reads patterns with path-to-regexp 0.1, Express 5 with v8. Both match
// case-insensitively unless the router says otherwise, allow one trailing slash on a route, and end
// a mount prefix at a segment boundary. With no version found, a pattern is read the lenient way:
// each construct as whichever version gives it a meaning.
import type { StackOrigin } from '../../core/model';
import type { PathMatcher } from '../../core/path-matcher';
import { coversAsWritten } from '../../core/path-matcher';
import { compilePath } from '../shared/path-compile';
import type { PathSyntax } from '../shared/paths';

/** The matcher of routers that read `syntax`. */
export function expressPaths(syntax: PathSyntax): PathMatcher {
  return MATCHERS[syntax];
}

/** The matcher of a stack, by the syntax the walk found for its app's Express version. */
export function expressPathsOf(origin: StackOrigin | undefined): PathMatcher {
  return MATCHERS[(origin?.pathSyntax ?? 'unknown') as PathSyntax] ?? MATCHERS.unknown;
}

function matcher(syntax: PathSyntax): PathMatcher {
  return {
    compile: (pattern, options) => compilePath(pattern, options, syntax),
    // The rules compare a layer's prefix with a route's path as the model shows them (E8, E9).
    covers: coversAsWritten,
  };
}

const MATCHERS: Record<PathSyntax, PathMatcher> = { express4: matcher('express4'), express5: matcher('express5'), unknown: matcher('unknown') };
