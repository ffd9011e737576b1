// The analysis worker: owns one cached WorkspaceAnalyser per folder and answers analyse requests.
// Runs in a worker thread; never imports vscode.
import * as path from 'path';
import { parentPort, workerData } from 'worker_threads';
import { hashOf } from '../core/cache-file';
import { AnalysisCancelled, type WorkspaceAnalyser } from '../core/analyse';
import { loadConfig } from '../core/config';
import { suggestionFor } from '../core/fix-edits';
import { createAnalyser } from '../engine';
import type { AnalyseRequest, FixRequest, WorkerData, WorkerRequest, WorkerResponse } from './protocol';
import { type ResultPart, splitResult } from './result-parts';
import { ResultEncoder } from './result-transfer';

const analysers = new Map<string, WorkspaceAnalyser>();
const encoders = new Map<string, ResultEncoder>();
const cancel = new Int32Array((workerData as WorkerData).cancel);
/** The parts of the last result not yet asked for (the host asks for them one by one). */
let unsent: { id: number; parts: ResultPart[] } | null = null;

function handle(req: AnalyseRequest): WorkerResponse {
  try {
    const file = loadConfig(req.root);
    // Editor settings win per key; rules merge so a setting for one rule keeps the file's others.
    const config = { ...file, ...req.overrides, rules: { ...file.rules, ...req.overrides.rules } };
    let analyser = analysers.get(req.root);
    const fresh = !analyser;
    if (!analyser) analysers.set(req.root, (analyser = createAnalyser(req.root, config, cacheFolder(req.root))));
    else analyser.setConfig(config);
    // The host's watchers vouch for every file they did not report, so only those are re-read.
    analyser.invalidate({ files: req.changed, rediscover: req.rediscover });
    const result = analyser.analyse(new Map(req.overlays), () => Atomics.load(cancel, 0) !== req.generation);
    // The first finished run looked up every file it needed: entries it did not use are older texts.
    if (fresh) analyser.pruneCache();
    let encoder = encoders.get(req.root);
    if (!encoder) encoders.set(req.root, (encoder = new ResultEncoder()));
    if (req.resetTransfer) encoder.reset();
    const { head, parts } = splitResult(encoder.encode(result), (workerData as WorkerData).partObjects);
    unsent = parts.length ? { id: req.id, parts } : null;
    return { type: 'result', id: req.id, result: head, parts: parts.length };
  } catch (e) {
    if (e instanceof AnalysisCancelled) return { type: 'cancelled', id: req.id };
    return { type: 'error', id: req.id, message: (e as Error).message };
  }
}

/** The folder's IR cache under the workspace storage (WorkerData.cacheDir), or undefined for none. */
function cacheFolder(root: string): string | undefined {
  const dir = (workerData as WorkerData).cacheDir;
  return dir ? path.join(dir, hashOf(path.resolve(root)).slice(0, 16)) : undefined;
}

function nextPart(id: number): WorkerResponse {
  const part = unsent?.id === id ? unsent.parts.shift() : undefined;
  return part ? { type: 'part', id, part } : { type: 'error', id, message: `no more parts of result ${id}` };
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
