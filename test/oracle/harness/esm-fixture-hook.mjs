// ESM resolve hook (registered with module.register by load-fixture.ts) for `.mjs` fixtures.
// A fixture entry is imported as `app.mjs?oracle-modules=<JSON bindings>&load=<n>`. From such a module:
// - a bound bare specifier (`express`, `fastify`, `koa`...) resolves to the file the boot chose, as
//   CommonJS: the same instance the harness instrumented, because ESM imports of CommonJS go
//   through require's cache;
// - relative imports inherit the query, so every load gets its own module graph (no cross-talk
//   between versions).
import { pathToFileURL } from 'node:url';

export async function resolve(specifier, context, nextResolve) {
  const parent = context.parentURL ? new URL(context.parentURL) : null;
  const bindings = parent?.searchParams.get('oracle-modules');
  if (!parent || !bindings) return nextResolve(specifier, context);
  const bound = JSON.parse(bindings);
  if (Object.hasOwn(bound, specifier)) return { url: pathToFileURL(bound[specifier]).href, format: 'commonjs', shortCircuit: true };
  const resolved = await nextResolve(specifier, context);
  if (specifier.startsWith('./') || specifier.startsWith('../')) {
    const url = new URL(resolved.url);
    url.search = parent.search;
    return { ...resolved, url: url.href };
  }
  return resolved;
}
