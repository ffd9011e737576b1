// The analysis worker: owns one cached WorkspaceAnalyser per folder and answers analyse requests.
// Runs in a worker thread; never imports vscode.
import { parentPort } from 'worker_threads';
import type { WorkspaceAnalyser } from '../core/analyse';
import { loadConfig } from '../core/config';
import { createAnalyser } from '../engine';
import type { WorkerRequest, WorkerResponse } from './protocol';

const analysers = new Map<string, WorkspaceAnalyser>();

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
    return { type: 'result', id: req.id, result: analyser.analyse(new Map(req.overlays)) };
  } catch (e) {
    return { type: 'error', id: req.id, message: (e as Error).message };
  }
}

parentPort?.on('message', (req: WorkerRequest) => parentPort!.postMessage(handle(req)));
