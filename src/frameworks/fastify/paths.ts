// How Fastify builds a route's full path from its context's prefix and the url it was given
// (lib/route.js and lib/pluginOverride.js, F6).

/** A child context's prefix: the parent's, then the plugin's `prefix` option, with one `/` between. */
export function childPrefix(parent: string, own: string | null): string {
  if (!own) return parent;
  if (parent.endsWith('/') && own.startsWith('/')) return parent + own.slice(1);
  return parent + (own.startsWith('/') ? own : `/${own}`);
}

/**
 * The path Fastify lists (and `onRoute` sees) for `url` under `prefix`. Under a prefix `'/'` and
 * `''` answer at the prefix itself (a `'/'` route also at prefix + `/`, which Fastify adds without
 * listing it); a prefix ending in `/` does not double the slash.
 */
export function routePath(prefix: string, url: string): string {
  if (prefix && (url === '/' || url === '')) return prefix;
  if (url.startsWith('/') && prefix.endsWith('/')) return prefix + url.slice(1);
  return prefix + url;
}
