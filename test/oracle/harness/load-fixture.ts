// Loads a fixture app in-process with the framework's bare specifiers (`express`, `fastify`, `koa`,
// `@koa/router`...) bound to the version a boot chose (npm aliases such as express4 / fastify5 /
// koarouter15). CommonJS and TypeScript (via tsx's require hook) go through
// Module._resolveFilename; `.mjs` goes through an ESM resolve hook (esm-fixture-hook.mjs).

import Module from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Bare specifier -> the absolute file it must load (a CommonJS entry point). */
export type ModuleBindings = Record<string, string>;

// Module internals and loaded apps are untyped, hence the `any`s below.
type ResolveFilename = (request: string, parent: unknown, isMain: boolean, options?: unknown) => string;
const ModuleInternals = Module as unknown as { _resolveFilename: ResolveFilename };

let esmHookRegistered = false;
let loadCounter = 0;

function registerEsmHook(): void {
  if (esmHookRegistered) return;
  esmHookRegistered = true;
  Module.register(pathToFileURL(path.join(__dirname, 'esm-fixture-hook.mjs')).href);
}

/** Drop every cached CommonJS module of the fixture so the next load runs its code again. */
function forgetFixtureModules(root: string): void {
  for (const key of Object.keys(require.cache)) {
    if (key.startsWith(root + path.sep)) delete require.cache[key];
  }
}

/** Load `root/entry` with the bare specifiers in `bindings` bound to their files; returns what the module exports. */
export async function loadFixture(root: string, entry: string, bindings: ModuleBindings): Promise<any> {
  const abs = path.resolve(root, entry);
  // Node remembers which file `require('koa')` from a folder loaded the first time it loaded one
  // (Module._load's relativeResolveCache) and skips _resolveFilename on later calls. It records
  // that only when the call itself loads the file, so load every bound file here first: the
  // fixture's require then finds it already loaded, and the next boot, with another version of
  // the framework, still goes through the hook below. (ESM imports of them share these instances.)
  for (const file of Object.values(bindings)) require(file);
  if (abs.endsWith('.mjs')) {
    registerEsmHook();
    // The query makes a fresh module graph per load; the hook propagates it to relative imports
    // and reads the bindings from it when resolving a bare specifier.
    const query = new URLSearchParams({ 'oracle-modules': JSON.stringify(bindings), load: String(++loadCounter) });
    return import(`${pathToFileURL(abs).href}?${query}`);
  }
  const original = ModuleInternals._resolveFilename;
  ModuleInternals._resolveFilename = function (request, parent, isMain, options) {
    if (Object.hasOwn(bindings, request)) return bindings[request];
    return original.call(this, request, parent, isMain, options);
  };
  forgetFixtureModules(path.resolve(root));
  try {
    return require(abs);
  } finally {
    ModuleInternals._resolveFilename = original;
    forgetFixtureModules(path.resolve(root));
  }
}

/** The app a fixture exports: the module itself (`module.exports = app`) or its default export. */
export function pickExport<T>(loaded: any, isApp: (value: unknown) => value is T, entry: string, what: string): T {
  const app = [loaded, loaded?.default].find(isApp);
  if (app === undefined) throw new Error(`${entry} must export ${what}`);
  return app;
}
