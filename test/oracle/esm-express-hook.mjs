// ESM resolve hook (registered with module.register by load-fixture.ts) for `.mjs` fixtures.
// A fixture entry is imported as `app.mjs?oracle-express=<major>&load=<n>`. From such a module:
// - `express` resolves to the real express of that major (the same CommonJS instance the harness
//   instrumented, because ESM imports of CommonJS go through require's cache);
// - relative imports inherit the query, so every load gets its own module graph (no cross-talk
//   between express 4 and express 5 runs).
import { pathToFileURL } from 'node:url';

let expressByMajor = {};

export function initialize(data) {
  expressByMajor = data;
}

export async function resolve(specifier, context, nextResolve) {
  const parent = context.parentURL ? new URL(context.parentURL) : null;
  const major = parent?.searchParams.get('oracle-express');
  if (!parent || !major) return nextResolve(specifier, context);
  if (specifier === 'express') {
    return { url: pathToFileURL(expressByMajor[major]).href, format: 'commonjs', shortCircuit: true };
  }
  const resolved = await nextResolve(specifier, context);
  if (specifier.startsWith('./') || specifier.startsWith('../')) {
    const url = new URL(resolved.url);
    url.search = parent.search;
    return { ...resolved, url: url.href };
  }
  return resolved;
}
