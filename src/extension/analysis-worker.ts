// The analysis worker: owns one cached WorkspaceAnalyser per folder and answers analyse requests.
// Runs in a worker thread; never imports vscode.
import { parentPort, workerData } from 'worker_threads';
import { AnalysisCancelled, type WorkspaceAnalyser } from '../core/analyse';
import { loadConfig } from '../core/config';
import { createAnalyser } from '../engine';
import type { WorkerData, WorkerRequest, WorkerResponse } from './protocol';
import { ResultEncoder } from './result-transfer';

const analysers = new Map<string, WorkspaceAnalyser>();
const encoders = new Map<string, ResultEncoder>();
const cancel = new Int32Array((workerData as WorkerData).cancel);

function handle(req: WorkerRequest): WorkerResponse {
  try {
    const file = loadConfig(req.root);
    // Editor settings win per key; rules merge so a setting for one rule keeps the file's others.
    const config = { ...file, ...req.overrides, rules: { ...file.rules, ...req.overrides.rules } };
    let analyser = analysers.get(req.root);
    if (!analyser) analysers.set(req.root, (analyser = createAnalyser(req.root, config)));
    else analyser.setConfig(config);
    // The host's watchers vouch for every file they did not report, so only those are re-read.
    analyser.invalidate({ files: req.changed, rediscover: req.rediscover });
    const result = analyser.analyse(new Map(req.overlays), () => Atomics.load(cancel, 0) !== req.generation);
    let encoder = encoders.get(req.root);
    if (!encoder) encoders.set(req.root, (encoder = new ResultEncoder()));
    if (req.resetTransfer) encoder.reset();
    return { type: 'result', id: req.id, result: encoder.encode(result) };
  } catch (e) {
    if (e instanceof AnalysisCancelled) return { type: 'cancelled', id: req.id };
    return { type: 'error', id: req.id, message: (e as Error).message };
  }
}

parentPort?.on('message', (req: WorkerRequest) => parentPort!.postMessage(handle(req)));
