// Loads a fixture app in-process with `express` resolving to the chosen major (npm aliases
// express4 / express5), after that express has been instrumented. CommonJS and TypeScript (via
// tsx's require hook) go through Module._resolveFilename; `.mjs` goes through an ESM resolve hook.

import Module from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { instrumentExpress, setSiteRoot } from './express-tracing';

export type ExpressMajor = 4 | 5;

// Module internals and loaded apps are untyped, hence the `any`s below.
type ResolveFilename = (request: string, parent: unknown, isMain: boolean, options?: unknown) => string;
const ModuleInternals = Module as unknown as { _resolveFilename: ResolveFilename };

export function expressEntry(major: ExpressMajor): string {
  return require.resolve(`express${major}`);
}

/** The real express module for a major, instrumented once. */
export function expressFor(major: ExpressMajor): any {
  const express = require(expressEntry(major));
  instrumentExpress(express);
  return express;
}

let esmHookRegistered = false;
let loadCounter = 0;

function registerEsmHook(): void {
  if (esmHookRegistered) return;
  esmHookRegistered = true;
  Module.register(pathToFileURL(path.join(__dirname, 'esm-express-hook.mjs')).href, {
    data: { 4: expressEntry(4), 5: expressEntry(5) },
  });
}

/** Drop every cached CommonJS module of the fixture so the next load runs its code again. */
function forgetFixtureModules(root: string): void {
  for (const key of Object.keys(require.cache)) {
    if (key.startsWith(root + path.sep)) delete require.cache[key];
  }
}

function pickApp(loaded: any, entry: string): any {
  const app = typeof loaded === 'function' ? loaded : loaded?.default;
  if (typeof app !== 'function' || typeof app.handle !== 'function') {
    throw new Error(`${entry} must export its express app (module.exports = app / export default app)`);
  }
  return app;
}

/** Load `root/entry` with `require('express')` bound to express `major`; returns the exported app. */
export async function loadFixtureApp(root: string, entry: string, major: ExpressMajor): Promise<any> {
  const abs = path.resolve(root, entry);
  expressFor(major);
  setSiteRoot(path.resolve(root));
  try {
    if (abs.endsWith('.mjs')) {
      registerEsmHook();
      // The query makes a fresh module graph per load; the hook propagates it to relative imports
      // and reads the major from it when resolving 'express'.
      const url = `${pathToFileURL(abs).href}?oracle-express=${major}&load=${++loadCounter}`;
      return pickApp(await import(url), entry);
    }
    const original = ModuleInternals._resolveFilename;
    const target = expressEntry(major);
    ModuleInternals._resolveFilename = function (request, parent, isMain, options) {
      if (request === 'express') return target;
      return original.call(this, request, parent, isMain, options);
    };
    forgetFixtureModules(path.resolve(root));
    try {
      return pickApp(require(abs), entry);
    } finally {
      ModuleInternals._resolveFilename = original;
      forgetFixtureModules(path.resolve(root));
    }
  } finally {
    setSiteRoot(null);
  }
}
