// A one-shot scan (the CLI's) that opens warm (issue 17): the last result when nothing it was derived
// from changed (run-cache.ts), else a run that reloads the IR of every unchanged file (ir-cache.ts)
// and parses only changed or new ones. Without a cache it is analyseWith, unchanged.
import * as fs from 'fs';
import * as path from 'path';
import type { FrameworkAdapter } from './adapter';
import { type AnalyseOptions, WorkspaceAnalyser } from './analyse';
import { loadConfig } from './config';
import { discoverFiles } from './discover';
import { IrCache } from './ir-cache';
import type { AnalysisResult } from './model';
import type { Rule } from './rule';
import { loadRun, reloadedRun, runKey, storeRun } from './run-cache';

/** Where the cache lives and which analyser build it belongs to (another build's entries are ignored). */
export interface CacheOptions {
  dir: string;
  /** Changes whenever the analyser's code does (engine.ts's cacheVersion). */
  version: string;
}

/**
 * Analyses a folder once with its on-disk cache (see the file comment). The result carries what
 * reports read (no model): `stats.fromCache` is set when it is the stored one.
 */
export function analyseWarm(
  adapters: FrameworkAdapter[], rules: Rule[], root: string, cache: CacheOptions, options: AnalyseOptions = {},
): AnalysisResult {
  const t0 = performance.now();
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new Error(`not a folder: ${root}`);
  const config = options.config ?? loadConfig(root);
  const closure = options.closure ?? true;
  const dir = path.resolve(cache.dir);
  // Made before the inputs are read: creating node_modules/.cache changes the node_modules folder's
  // time, which the key reads (run-cache.ts), so the first run's key would never be met again.
  try { fs.mkdirSync(dir, { recursive: true }); } catch { /* unwritable: every write below fails quietly */ }
  // Unsaved texts are not what the disk holds: such a run neither uses nor keeps a stored result.
  const key = options.overlays?.size ? null : runKey(path.resolve(root), config, discoverFiles(path.resolve(root), config), { version: cache.version, closure });
  const stored = key ? loadRun(dir, cache.version, key) : null;
  if (stored) {
    const { stacks: _s, origins: _o, ...result } = stored;
    return reloadedRun(result, root, Math.round(performance.now() - t0));
  }
  const irCache = new IrCache(dir, cache.version);
  const { model: _model, ...result } = new WorkspaceAnalyser(root, config, adapters, rules, true, closure, irCache).analyse(options.overlays, undefined, options.onPhaseEnd);
  result.stats = { ...result.stats, ms: Math.round(performance.now() - t0) };
  if (key) {
    storeRun(dir, cache.version, key, result);
    irCache.prune();
  }
  return result;
}
