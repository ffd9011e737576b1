// The analysis worker: owns one cached WorkspaceAnalyser per folder and answers analyse requests.
// Runs in a worker thread; never imports vscode.
//
// Opening warm (issue 17): a new window's first request is answered with the whole result an earlier
// window stored for exactly these files (core/run-cache.ts), when there is one; once it has been
// sent, the analyser runs for real in the idle time after it (the warm-up), so that the first edit
// re-analyses incrementally. A window that reopens with unsaved editors (VS Code's hot exit) is shown
// the stored result of the files on disk first, then told to ask again, and its next request runs the
// analyser on the unsaved texts. Each finished run is stored again once the folder has been quiet a while.
import * as nodeModule from 'module';
import * as path from 'path';
import { parentPort, workerData } from 'worker_threads';
import { hashOf } from '../core/cache-file';
import { AnalysisCancelled, type FullAnalysis, type WorkspaceAnalyser } from '../core/analyse';
import { loadConfig } from '../core/config';
import { suggestionFor } from '../core/fix-edits';
import { createAnalyser } from '../engine';
import type { AnalyseRequest, FixRequest, WorkerData, WorkerNotice, WorkerRequest, WorkerResponse } from './protocol';
import { type ResultPart, splitResult } from './result-parts';
import { ResultEncoder } from './result-transfer';

/** Quiet time after a run before its result is stored, and the least time between two stores (each writes the whole result). */
const STORE_AFTER_MS = 2000;
const STORE_EVERY_MS = 60000;
/**
 * Wait after the stored result is sent before the warm-up run: the host, the editor and other
 * extensions are still busy showing it, and on two cores a run started at once took their CPU
 * (the first CodeLens came 1.5 s after the result reached the host, 0.4–1.2 s with this wait;
 * test/bench-ext/first-codelens.ts).
 */
const WARM_UP_AFTER_MS = 1500;

/** One workspace folder's state in this worker. */
interface Folder {
  /** The folder as the host names it (AnalyseRequest.root). */
  root: string;
  analyser: WorkspaceAnalyser;
  /** What was sent of its results (result-transfer.ts). */
  encoder: ResultEncoder;
  /**
   * What follows once a stored result has reached the host (see the file comment): the warm-up run,
   * or, when the request had unsaved texts, telling the host to ask again; null when nothing is owed.
   */
  afterStored: 'warm-up' | 'ask-again' | null;
  /** The analyser has finished a run (the first one prunes the IR cache). */
  ran?: boolean;
  storeTimer?: NodeJS.Timeout;
  lastStored: number;
}

const data = workerData as WorkerData;
/** Node 22.10+; absent before (no compile cache to flush). */
const { flushCompileCache } = nodeModule as { flushCompileCache?: () => void };
const folders = new Map<string, Folder>();
const cancel = new Int32Array(data.cancel);
/** The parts of the last result not yet asked for (the host asks for them one by one). */
let unsent: { id: number; root: string; parts: ResultPart[] } | null = null;

function handle(req: AnalyseRequest): WorkerResponse {
  try {
    const file = loadConfig(req.root);
    // Editor settings win per key; rules merge so a setting for one rule keeps the file's others.
    const config = { ...file, ...req.overrides, rules: { ...file.rules, ...req.overrides.rules } };
    let folder = folders.get(req.root);
    const fresh = !folder;
    if (!folder) folders.set(req.root, (folder = { root: req.root, analyser: createAnalyser(req.root, config, cacheFolder(req.root)), encoder: new ResultEncoder(), afterStored: null, lastStored: 0 }));
    else folder.analyser.setConfig(config);
    clearTimeout(folder.storeTimer);
    // A request runs the analyser itself: no warm-up is owed any more.
    folder.afterStored = null;
    const { analyser, encoder } = folder;
    // The host's watchers vouch for every file they did not report, so only those are re-read.
    analyser.invalidate({ files: req.changed, rediscover: req.rediscover });
    const stored = fresh ? analyser.storedRun() : null;
    const result = stored ?? analyser.analyse(new Map(req.overlays), () => Atomics.load(cancel, 0) !== req.generation);
    // With unsaved texts the stored result is the disk's: shown first, then replaced (see sent()).
    if (stored) folder.afterStored = req.overlays.length ? 'ask-again' : 'warm-up';
    else ranFor(folder);
    if (req.resetTransfer) encoder.reset();
    const { head, parts } = splitResult(encoder.encode(result), data.partObjects);
    unsent = parts.length ? { id: req.id, root: req.root, parts } : null;
    if (!parts.length) sent(folder);
    return { type: 'result', id: req.id, result: head, parts: parts.length };
  } catch (e) {
    if (e instanceof AnalysisCancelled) return { type: 'cancelled', id: req.id };
    return { type: 'error', id: req.id, message: (e as Error).message };
  }
}

/** After a finished run: the cache's upkeep, and the result stored once the folder is quiet. */
function ranFor(folder: Folder): void {
  const first = !folder.ran;
  folder.ran = true;
  // The first finished run looked up every file it needed: entries it did not use are older texts.
  if (first) folder.analyser.pruneCache();
  // What the run compiled goes to V8's compile cache now (when the host turned it on), not only when the worker ends.
  if (first) flushCompileCache?.();
  const wait = Math.max(data.storeAfterMs ?? STORE_AFTER_MS, folder.lastStored + STORE_EVERY_MS - Date.now());
  folder.storeTimer = setTimeout(() => { if (folder.analyser.storeLastRun()) folder.lastStored = Date.now(); }, wait);
}

/** A result has reached the host whole: a stored one is followed by the warm-up, once the host's part requests are answered. */
function sent(folder: Folder): void {
  if (folder.afterStored === 'warm-up') setTimeout(() => warmUp(folder), data.warmUpAfterMs ?? WARM_UP_AFTER_MS);
  if (folder.afterStored === 'ask-again') {
    folder.afterStored = null;
    parentPort!.postMessage({ type: 'stale', root: folder.root } satisfies WorkerNotice);
  }
}

function warmUp(folder: Folder): void {
  if (folder.afterStored !== 'warm-up') return;
  folder.afterStored = null;
  let result: FullAnalysis;
  try {
    result = folder.analyser.analyse();
  } catch {
    // The next request runs the analyser anyway; the host keeps what it was sent.
    return;
  }
  ranFor(folder);
  // The run is what the stored result was made from, so it equals what the host holds: later results
  // are sent as references into it. Should it differ after all, the host is told to ask again.
  if (!folder.encoder.adopt(result)) parentPort!.postMessage({ type: 'stale', root: folder.root } satisfies WorkerNotice);
}

/** The folder's IR cache under the workspace storage (WorkerData.cacheDir), or undefined for none. */
function cacheFolder(root: string): string | undefined {
  const dir = data.cacheDir;
  return dir ? path.join(dir, hashOf(path.resolve(root)).slice(0, 16)) : undefined;
}

function nextPart(id: number): WorkerResponse {
  const part = unsent?.id === id ? unsent.parts.shift() : undefined;
  if (!part) return { type: 'error', id, message: `no more parts of result ${id}` };
  if (unsent && !unsent.parts.length) {
    const folder = folders.get(unsent.root);
    unsent = null;
    if (folder) sent(folder);
  }
  return { type: 'part', id, part };
}

function fix(req: FixRequest): WorkerResponse {
  try {
    return { type: 'fixed', id: req.id, suggestion: suggestionFor(req.fix, req.text) };
  } catch (e) {
    return { type: 'error', id: req.id, message: (e as Error).message };
  }
}

parentPort?.on('message', (req: WorkerRequest) => {
  parentPort!.postMessage(req.type === 'part' ? nextPart(req.id) : req.type === 'fix' ? fix(req) : handle(req));
});
