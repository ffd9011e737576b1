// A whole run's result, kept on disk beside the IR cache (ir-cache.ts) and used again when nothing
// it was derived from changed: reloading every file's IR still leaves the program to run, the model
// to link and the rules to check, about half a cold scan (see README, performance). What a run reads:
// the source files (their texts), the configuration, and around them the files that steer module
// resolution and package versions (package.json, tsconfig/jsconfig) and the installed packages
// (node_modules, told by the folder's and its lock markers' times). All of it goes into the key.
// The CLI keeps what reports read; the editor (analysis-worker.ts) also keeps the model's stacks and
// origins, which its views read, so a reopened window shows the stored result before any run.
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import { hashOf, readCacheFile, writeCacheFile } from './cache-file';
import type { SevenStopsConfig } from './config';
import { type Discovery, readSource } from './discover';
import type { AnalysisModel, AnalysisResult } from './model';

/** A stored result, with the model lists when it was stored from a full analysis (the editor's). */
type StoredRun = AnalysisResult & Partial<Pick<AnalysisModel, 'stacks' | 'origins'>>;

const KIND = 'run';
/** One result is kept (the last): its header names the inputs it was made from. */
const FILE = 'run.bin';
/** Files beside the sources that change what a run finds (resolution, versions, configuration). */
const STEERING = /^(?:package\.json|\.sevenstops\.json|[tj]sconfig(?:\..*)?\.json)$/;
/** What package managers rewrite on every install (npm, pnpm, yarn classic, yarn berry). */
const INSTALL_MARKERS = ['.package-lock.json', '.modules.yaml', '.yarn-integrity', '.yarn-state.yml'];

/**
 * What a run's result depends on, hashed: a change to any of it makes another key. `textOf`: the
 * text a finished run read for a file (its key then names what that run saw, even if the disk has
 * moved on since); undefined, or no `textOf`, reads the disk.
 */
export function runKey(
  root: string, config: SevenStopsConfig, discovery: Discovery, options: { version: string; closure: boolean },
  textOf: (file: string) => string | undefined = () => undefined,
): string {
  const parts: string[] = [options.version, options.closure ? 'closure' : 'every file', JSON.stringify(config)];
  for (const s of discovery.skipped) parts.push(`skipped ${s.file} ${s.reason}`);
  const folders = new Set<string>([root]);
  for (const file of discovery.files) {
    const known = textOf(file);
    const read = known !== undefined ? { text: known } : readSource(file, config.maxFileBytes);
    parts.push(path.relative(root, file), 'text' in read ? hashOf(read.text) : `skip ${read.skip}`);
    for (let d = path.dirname(file); d.length >= root.length && !folders.has(d); d = path.dirname(d)) folders.add(d);
  }
  // Above the root too: packages and tsconfig files may be found there (a monorepo's root).
  for (let d = path.dirname(root); d !== path.dirname(d); d = path.dirname(d)) folders.add(d);
  folders.add(path.parse(root).root);
  for (const dir of [...folders].sort()) parts.push(...folderInputs(dir));
  return hashOf(...parts);
}

/** The steering files of one folder (by content) and its node_modules (by time). */
function folderInputs(dir: string): string[] {
  const out: string[] = [];
  let names: string[];
  try { names = fs.readdirSync(dir); } catch { return [`${dir} unreadable`]; }
  for (const name of names.sort()) {
    if (!STEERING.test(name)) continue;
    let text: string;
    try { text = fs.readFileSync(path.join(dir, name), 'utf8'); } catch { text = '(unreadable)'; }
    out.push(path.join(dir, name), hashOf(text));
  }
  if (names.includes('node_modules')) {
    const modules = path.join(dir, 'node_modules');
    for (const f of ['.', ...INSTALL_MARKERS]) {
      try { const st = fs.statSync(path.join(modules, f)); out.push(path.join(modules, f), `${st.mtimeMs} ${st.size}`); } catch { /* absent: nothing to add */ }
    }
  }
  return out;
}

/** Whether `dir` holds a stored result at all (checked before paying for a key). */
export function hasRun(dir: string): boolean {
  return fs.existsSync(path.join(dir, FILE));
}

/** The result stored under `key` in `dir` by analyser build `version`, or null. */
export function loadRun(dir: string, version: string, key: string): StoredRun | null {
  const payload = readCacheFile(path.join(dir, FILE), { kind: KIND, version, key });
  if (!payload) return null;
  let result: unknown;
  try { result = v8.deserialize(payload); } catch { return null; }
  return isResult(result) ? result : null;
}

/**
 * Keeps a result under `key`, replacing the last: what reports read, and with a `model` (the
 * editor's runs) its stacks and origins too, not the rest of what the rules saw.
 */
export function storeRun(dir: string, version: string, key: string, result: AnalysisResult & { model?: AnalysisModel }): void {
  const { root, apps, routes, contexts, findings, annotations, skipped, stats, model } = result;
  const lists = model ? { stacks: model.stacks, origins: model.origins } : {};
  let payload: Buffer;
  try { payload = v8.serialize({ root, apps, routes, ...(contexts ? { contexts } : {}), findings, annotations, skipped, stats, ...lists }); } catch { return; }
  writeCacheFile(path.join(dir, FILE), { kind: KIND, version, key }, payload);
}

/**
 * A stored result as a reloaded one for `root`: `stats.fromCache`, the time it took to find it, and
 * nothing parsed, reloaded or replayed.
 */
export function reloadedRun<T extends AnalysisResult>(stored: T, root: string, ms: number): T {
  return { ...stored, root, stats: { ...stored.stats, ms, lowered: 0, reloaded: 0, replayed: 0, fromCache: true, phases: { load: ms, evaluate: 0, link: 0, rules: 0 } } };
}

/** A stored result with its model lists as the editor reads it (model.routes is the result's routes), or null without them. */
export function withModel(stored: StoredRun): (AnalysisResult & { model: AnalysisModel }) | null {
  const { stacks, origins, ...result } = stored;
  if (!Array.isArray(stacks) || !Array.isArray(origins)) return null;
  return { ...result, model: { routes: result.routes as AnalysisModel['routes'], stacks, origins, ...(result.contexts ? { contexts: result.contexts as AnalysisModel['contexts'] } : {}) } };
}

function isResult(v: unknown): v is AnalysisResult {
  if (v === null || typeof v !== 'object') return false;
  const r = v as Record<string, unknown>;
  return ['apps', 'routes', 'findings', 'annotations', 'skipped'].every(k => Array.isArray(r[k])) && typeof r.stats === 'object' && r.stats !== null;
}

/** Size on disk of the cache folder, in bytes (`npm run bench` reports it). */
export function cacheBytes(dir: string): number {
  let total = 0;
  let entries: fs.Dirent[];
  try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return 0; }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) total += cacheBytes(p);
    else try { total += fs.statSync(p).size; } catch { /* removed meanwhile */ }
  }
  return total;
}
