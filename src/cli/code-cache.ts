// Loading the CLI's engine bundle with a V8 code cache. Compiled from source, the bundle's code is
// parsed as it first runs (TypeScript's 9 MB module body among it), and the parser's memory stays
// with the process for its whole life: 25–45 MB outside the JavaScript heap, a tenth of a scan of
// 100,000 routes at its peak. The cache holds the code the bundle's top level compiled (made after
// it ran), which V8 reads instead; the rest is compiled as it is first called.
// The build makes the cache (esbuild.mjs) for the Node that built it; another Node, other V8 flags or
// another bundle make V8 or the hash check below turn it down, and the bundle is compiled from
// source as without one.
import * as crypto from 'crypto';
import * as fs from 'fs';
import Module = require('module');
import * as path from 'path';
import * as vm from 'vm';

/**
 * The cache file starts with a SHA-1 (hex) of the bundle it was made from and of V8's data: V8 itself
 * checks only the bundle's length, and deserializes damaged data without a check (the process crashes).
 */
const HASH_LENGTH = 40;

/** What Node's CommonJS loader has and its types leave out. */
type ModuleInternals = typeof Module & { wrap(source: string): string; _nodeModulePaths(dir: string): string[] };

type ModuleFunction = (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;

/** A script, not vm.compileFunction: only a script's cache can be made after its code ran. */
function compile(file: string, source: string, cachedData?: Buffer): vm.Script {
  return new vm.Script((Module as ModuleInternals).wrap(source), { filename: file, cachedData });
}

/** Runs a compiled CommonJS module as Node's loader would (not put in require's cache: it is loaded once). */
function run(script: vm.Script, file: string, parent: NodeModule): unknown {
  const m = new Module(file, parent);
  m.filename = file;
  m.paths = (Module as ModuleInternals)._nodeModulePaths(path.dirname(file));
  const fn = script.runInThisContext() as ModuleFunction;
  fn.call(m.exports, m.exports, Module.createRequire(file), m, file, path.dirname(file));
  m.loaded = true;
  return m.exports;
}

function hashOf(source: string, data: Buffer): string {
  return crypto.createHash('sha1').update(source, 'utf8').update(data).digest('hex');
}

/**
 * Writes the code cache of the CommonJS module `file` to `cacheFile`, for requireWithCodeCache. The
 * module's top level is run first (in this process, as `parent`'s child), so that what it compiles
 * (the bodies of the packages it loads) is in the cache too.
 */
export function writeCodeCache(file: string, cacheFile: string, parent: NodeModule): void {
  const source = fs.readFileSync(file, 'utf8');
  const script = compile(file, source);
  run(script, file, parent);
  const data = script.createCachedData();
  fs.writeFileSync(cacheFile, Buffer.concat([Buffer.from(hashOf(source, data), 'latin1'), data]));
}

/** The V8 data of `cacheFile` when it was made from `source` and is whole; null when there is none, or it is another bundle's or damaged. */
function cacheFor(cacheFile: string, source: string): Buffer | null {
  let file: Buffer;
  try {
    file = fs.readFileSync(cacheFile);
  } catch {
    return null;
  }
  const data = file.subarray(HASH_LENGTH);
  return data.length > 0 && file.toString('latin1', 0, HASH_LENGTH) === hashOf(source, data) ? data : null;
}

/**
 * Loads `file` as a CommonJS module whose parent is `parent`, with the code cache in `cacheFile`
 * when it fits (`cached`), else compiled from source.
 */
export function requireWithCodeCache(file: string, cacheFile: string, parent: NodeModule): { exports: unknown; cached: boolean } {
  const source = fs.readFileSync(file, 'utf8');
  const cachedData = cacheFor(cacheFile, source);
  const script = compile(file, source, cachedData ?? undefined);
  const exports = run(script, file, parent);
  return { exports, cached: cachedData !== null && script.cachedDataRejected === false };
}
