// Koa router path arithmetic: how a prefix is applied to a layer (Layer#setPrefix), and whether an
// earlier layer of a stack matches every request a route matches. Routes and use-paths match
// case-insensitively and segment-bounded (K11, K15, @koa/router's defaults); koa-mount's prefix is a
// case-sensitive segment-bounded prefix of the path.
import { type PatternSyntax, literalKey, mountSegments, patternCoversSegments, prefixCoversSegments, routeSegments, samplePath, unknownSegment } from '../shared/paths';
import type { KoaLayer } from './objects';

/** A prefix as the routers keep it: `router.prefix('/api/')` drops the trailing slash. */
export function trimPrefix(prefix: string): string {
  return prefix.replace(/\/$/, '');
}

/**
 * A copy of `layer` with `prefix` in front of its path, as Layer#setPrefix does: a route or use
 * registered as '/' becomes the prefix itself (`new Router({ prefix: '/todos' }).get('/')` is
 * `/todos`); a path-less use covers everything under the prefix.
 */
export function layerWithPrefix(layer: KoaLayer, prefix: string): KoaLayer {
  if (!prefix) return { ...layer };
  const path = layer.pathless || layer.path !== '/' ? prefix + layer.path : prefix;
  return { ...layer, path };
}

/**
 * How a router version matches a use layer's path: `segment` (case-insensitive, segment-bounded:
 * @koa/router 12, 13), `raw` (koa-router 14 and @koa/router 14.0.0 compile it with
 * `new RegExp(path)`: unanchored and case-sensitive, `:name` literal, K11), or `root-exact`
 * (@koa/router 15: `segment`, but a use written as '/' runs only for its prefix itself, K11).
 */
export type UseMatching = 'segment' | 'raw' | 'root-exact';

/** Which use matching a router package reads at `version` (null: not found, read as `segment`). */
export function useMatching(pkg: string, version: string | null): UseMatching {
  if (version === null) return 'segment';
  const major = parseInt(version, 10);
  if (pkg === 'koa-router' && major === 14) return 'raw';
  if (pkg !== '@koa/router') return 'segment';
  if (/^14\.0\.0\b/.test(version)) return 'raw';
  return major >= 15 ? 'root-exact' : 'segment';
}

/** A route's full path with its matching segments, computed once for the many layers it is compared with. */
export interface RoutePath {
  path: string;
  segs: string[];
}

/**
 * The matching segments of a route path (shared/paths.ts tokens; a piece the analyser could not read
 * covers nothing), read in the syntax of the route's router (K15).
 */
export function routePath(path: string, syntax: PatternSyntax = 'unknown'): RoutePath {
  return { path, segs: routeSegments([], path, syntax, () => unknownSegment('route')) };
}

/** The matching segments of a layer's path, as a use prefix or a route pattern in its router's syntax. */
export function layerSegments(layer: KoaLayer, syntax: PatternSyntax = 'unknown'): string[] {
  const unknown = () => unknownSegment('layer');
  return layer.kind === 'use' ? mountSegments([], layer.path, unknown) : routeSegments([], layer.path, syntax, unknown);
}

/** Whether a use layer (with its segments) runs for every request the route matches (both under the same mount). */
export function useCovers(layer: KoaLayer, segs: readonly string[], route: RoutePath, matching: UseMatching = 'segment'): boolean {
  if (matching === 'raw') {
    // koa-router registers a path-less use as '([^/]*)' after its prefixes.
    const source = layer.pathless ? `${layer.path}([^/]*)` : layer.path;
    try { return new RegExp(source).test(samplePath(route.path)); } catch { return false; }
  }
  if (layer.pathless && layer.path === '') return true;
  if (matching === 'root-exact' && layer.root) return segs.length === route.segs.length && prefixCoversSegments(segs, route.segs, false);
  return prefixCoversSegments(segs, route.segs, false);
}

/** Whether an earlier route layer (with its segments) matches every request to the route with `method` (K7: first match in stack order). */
export function routeCovers(layer: KoaLayer, segs: readonly string[], route: RoutePath, method: string): boolean {
  return methodMatches(layer.methods, method) && patternCoversSegments(segs, route.segs, false);
}

/** Whether a layer registered for `methods` answers `method` (a GET layer answers HEAD, K10). */
export function methodMatches(methods: readonly string[], method: string): boolean {
  return methods.includes('ALL') || methods.includes(method) || (method === 'HEAD' && methods.includes('GET'));
}

/** Whether koa-mount's `prefix` ('' for none) runs its app for requests to the full path `path`. */
export function underMount(prefix: string, path: string): boolean {
  return prefix === '' || path === prefix || path.startsWith(`${prefix}/`);
}

/** Joins a koa-mount prefix and a path inside the mounted app (`/admin` + `/users`). */
export function joinMount(prefix: string, path: string): string {
  if (!prefix) return path;
  return path === '/' || path === '' ? prefix : prefix + path;
}

/**
 * A router stack's layers in a trie of their leading literal segments (keys case-folded): a layer
 * sits at the node where its literal segments end (its path's end, or a param, wildcard or unreadable
 * piece), and can only match routes whose path runs through that node (useCovers and routeCovers
 * compare literal segments one by one, and a literal never covers a param). `other` holds the layers
 * tried for every route: no literal first segment, no segment at all, or a use-path matched as a raw
 * RegExp (K11). Indices ascending in every list. (Keyed only by the first segment, every layer of a
 * workspace whose routers all sit under `/api` was compared with every route: quadratic.)
 */
export interface LayerIndex {
  root: LayerNode;
  other: number[];
}

interface LayerNode {
  here: number[];
  next: Map<string, LayerNode>;
}

export function indexLayers(stack: readonly KoaLayer[], segments: (l: KoaLayer) => readonly string[], raw: (l: KoaLayer) => boolean): LayerIndex {
  const index: LayerIndex = { root: { here: [], next: new Map() }, other: [] };
  stack.forEach((l, i) => {
    const segs = segments(l);
    const first = segs.length > 0 && !(l.kind === 'use' && (raw(l) || (l.pathless && l.path === ''))) ? literalKey(segs[0]) : null;
    if (first === null) { index.other.push(i); return; }
    let node = index.root;
    for (const seg of segs) {
      const key = literalKey(seg);
      if (key === null) break;
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = { here: [], next: new Map() }));
      node = child;
    }
    node.here.push(i);
  });
  return index;
}

/** The indices before `end` of the layers that may match `route`, in stack order. */
export function candidateLayers(index: LayerIndex, route: RoutePath, end: number): number[] {
  const out = index.other.filter(i => i < end);
  let node: LayerNode | undefined = index.root;
  for (const seg of route.segs) {
    const key = literalKey(seg);
    node = key === null ? undefined : node.next.get(key);
    if (!node) break;
    for (const i of node.here) if (i < end) out.push(i);
  }
  return out.sort((x, y) => x - y);
}
