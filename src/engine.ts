// The one composition of core + frameworks + rules, shared by the CLI, the analysis worker and the
// tests so they all run the same engine. (The house style's "only cli/ and extension/ wire" becomes
// "only this file wires", because the worker and the tests need the same wiring.)
import * as fs from 'fs';
import * as path from 'path';
import { AnalyseOptions, FullAnalysis, WorkspaceAnalyser, analyseWith } from './core/analyse';
import type { SevenStopsConfig } from './core/config';
import { hashOf } from './core/cache-file';
import { IrCache } from './core/ir-cache';
import type { AnalysisResult } from './core/model';
import { analyseWarm } from './core/warm-scan';
import { expressAdapter } from './frameworks/express';
import { fastifyAdapter } from './frameworks/fastify';
import { koaAdapter } from './frameworks/koa';
import { allRules } from './rules';

export const adapters = [expressAdapter, fastifyAdapter, koaAdapter];

/** Analyses one folder with every framework and rule. */
export function analyseFolder(root: string, options: AnalyseOptions = {}): FullAnalysis {
  return analyseWith(adapters, allRules, root, options);
}

/** Analyses one folder once with the on-disk cache in `cacheDir` (core/warm-scan.ts): what the CLI runs unless told --no-cache. */
export function analyseFolderWarm(root: string, cacheDir: string, options: AnalyseOptions = {}): AnalysisResult {
  return analyseWarm(adapters, allRules, root, { dir: cacheDir, version: cacheVersion() }, options);
}

/**
 * A long-lived analyser for one folder (keeps the per-file cache between runs); with `cacheDir`, also
 * the IR of files lowered by earlier processes (core/ir-cache.ts: the editor's storage folder).
 */
export function createAnalyser(root: string, config: SevenStopsConfig, cacheDir?: string): WorkspaceAnalyser {
  const irCache = cacheDir ? new IrCache(path.resolve(cacheDir), cacheVersion()) : null;
  return new WorkspaceAnalyser(root, config, adapters, allRules, false, true, irCache);
}

declare const SEVEN_STOPS_VERSION: string | undefined;

/**
 * What names this build of the analyser in the on-disk cache: the version, the V8 version, and the running bundle's
 * size and time (a rebuild changes what lowering makes without a new version). Run from source (tsx,
 * tests), the times of every source file beside this one.
 */
export function cacheVersion(): string {
  // V8's serializer writes the format of the running V8 (ir-cache.ts): a Node or Electron update starts afresh.
  const version = `${typeof SEVEN_STOPS_VERSION === 'string' ? SEVEN_STOPS_VERSION : '0.0.0-dev'} v8 ${process.versions.v8}`;
  const stamp = (f: string) => { try { const st = fs.statSync(f); return `${f} ${st.size} ${st.mtimeMs}`; } catch { return f; } };
  if (!__filename.endsWith('.ts')) return hashOf(version, stamp(__filename));
  const sources = fs.readdirSync(__dirname, { recursive: true, withFileTypes: true }).filter(e => e.isFile() && e.name.endsWith('.ts'));
  return hashOf(version, ...sources.map(e => stamp(path.join(e.parentPath, e.name))).sort());
}
