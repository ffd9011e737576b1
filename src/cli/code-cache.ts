// Loading the CLI's engine bundle with a V8 code cache. Compiled from source, the 16 MB bundle is
// parsed whole, and the parser's memory stays with the process for its whole life: about 45 MB
// outside the JavaScript heap, a tenth of a scan of 100,000 routes at its peak. With a cache V8 reads
// the compiled top level instead (about 3 MB of it), and functions are compiled as they are first called.
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
type ModuleInternals = typeof Module & { _nodeModulePaths(dir: string): string[] };

/** A CommonJS module's function, as Node's loader makes it (no wrapper text: the source is not copied). */
type ModuleFunction = ((exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void) & {
  cachedData?: Buffer; cachedDataRejected?: boolean;
};

const PARAMS = ['exports', 'require', 'module', '__filename', '__dirname'];

function compile(file: string, source: string, cache: { cachedData: Buffer } | { produceCachedData: true } | null): ModuleFunction {
  return vm.compileFunction(source, PARAMS, { filename: file, ...cache }) as ModuleFunction;
}

function hashOf(source: string, data: Buffer): string {
  return crypto.createHash('sha1').update(source, 'utf8').update(data).digest('hex');
}

/** Writes the code cache of the CommonJS module `file` to `cacheFile`, for requireWithCodeCache. */
export function writeCodeCache(file: string, cacheFile: string): void {
  const source = fs.readFileSync(file, 'utf8');
  const made = compile(file, source, { produceCachedData: true }).cachedData;
  if (!made) throw new Error(`V8 made no code cache for ${file}`);
  fs.writeFileSync(cacheFile, Buffer.concat([Buffer.from(hashOf(source, made), 'latin1'), made]));
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
 * when it fits (`cached`), else compiled from source. Not put in require's cache: it is loaded once.
 */
export function requireWithCodeCache(file: string, cacheFile: string, parent: NodeModule): { exports: unknown; cached: boolean } {
  const source = fs.readFileSync(file, 'utf8');
  const cachedData = cacheFor(cacheFile, source);
  const run = compile(file, source, cachedData ? { cachedData } : null);
  const m = new Module(file, parent);
  m.filename = file;
  m.paths = (Module as ModuleInternals)._nodeModulePaths(path.dirname(file));
  run.call(m.exports, m.exports, Module.createRequire(file), m, file, path.dirname(file));
  m.loaded = true;
  return { exports: m.exports, cached: cachedData !== null && run.cachedDataRejected === false };
}
