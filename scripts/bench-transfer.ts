// `npm run bench`, part 2: how long the extension host's event loop is blocked while the first result
// of the synthetic 2,000-file workspace (scripts/bench.ts) arrives from the analysis worker. The worker
// is the shipped one (bundled by esbuild); the host side is the extension's own receiveParts/decode.
// Baseline, in the same run: the whole result as one message (a part limit too large to split it).
// Each way runs three times, alternating; medians. Not a test: nothing here passes or fails.
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { AnalyseRequest, WorkerData, WorkerRequest, WorkerResponse } from '../src/extension/protocol';
import { PART_OBJECTS, receiveParts } from '../src/extension/result-parts';
import { ResultDecoder } from '../src/extension/result-transfer';
import { WorkerRequests } from '../src/extension/worker-requests';
import { bundleForBench, median } from './bench-lib';

const ROOT = path.resolve(__dirname, '..', 'bench-workspace');
const TICK_MS = 2;

interface Run { blockMs: number; receiveMs: number; messages: number; routes: number }

/**
 * One first scan in a fresh worker; the longest gap between the host's ticks from the request to the
 * decoded result. The scan runs on the worker's thread, so the host's gaps are the messages' own
 * deserialization (which happens before any handler runs) and the decoding.
 */
async function firstResult(workerFile: string, partObjects: number): Promise<Run> {
  const data: WorkerData = { cancel: new SharedArrayBuffer(4), partObjects };
  const worker = new Worker(workerFile, { workerData: data });
  const requests = new WorkerRequests(req => worker.postMessage(req));
  let messages = 0;
  let tFirst = 0;
  worker.on('message', (r: WorkerResponse) => { messages++; tFirst ||= performance.now(); requests.settle(r); });
  const send = (req: WorkerRequest) => requests.send(req);
  const req: AnalyseRequest = { type: 'analyse', id: 1, root: ROOT, overrides: {}, overlays: [], changed: [], rediscover: false, generation: 0 };
  const answer = send(req);
  let longest = 0;
  let last = performance.now();
  const ticker = setInterval(() => { const now = performance.now(); longest = Math.max(longest, now - last - TICK_MS); last = now; }, TICK_MS);
  const whole = await receiveParts(await answer, () => send({ type: 'part', id: 1 }));
  if (whole.type !== 'result') throw new Error(`worker: ${whole.type === 'error' ? whole.message : whole.type}`);
  const result = new ResultDecoder().decode(whole.result);
  const receiveMs = performance.now() - tFirst;
  // One more tick after the last message, so a block that ends it is counted.
  await new Promise(r => setTimeout(r, 4 * TICK_MS));
  clearInterval(ticker);
  await worker.terminate();
  return { blockMs: longest, receiveMs, messages, routes: result.routes.length };
}

async function main(): Promise<void> {
  if (!fs.existsSync(ROOT)) throw new Error('bench-workspace is missing: run `npx tsx scripts/bench.ts generate` first');
  const workerFile = bundleForBench(path.join(__dirname, '..', 'src', 'extension', 'analysis-worker.ts'), 'analysis-worker.js');
  const whole: Run[] = [];
  const parts: Run[] = [];
  for (let i = 0; i < 3; i++) {
    whole.push(await firstResult(workerFile, Number.MAX_SAFE_INTEGER));
    parts.push(await firstResult(workerFile, PART_OBJECTS));
  }
  fs.rmSync(workerFile, { force: true });
  const show = (name: string, rs: Run[]) =>
    `  ${name.padEnd(34)} longest block ${median(rs.map(r => r.blockMs)).toFixed(0).padStart(4)} ms  (runs ${rs.map(r => r.blockMs.toFixed(0)).join(' / ')}), ${rs[0].messages} message(s), first message handled to result ${median(rs.map(r => r.receiveMs)).toFixed(0)} ms`;
  console.log(`\nbench-transfer: the first result (${parts[0].routes} routes) arriving in the extension host from the analysis worker`);
  console.log(show('baseline: one message', whole));
  console.log(show(`in parts of ${PART_OBJECTS} objects, pulled`, parts));
  console.log(`  ratio of longest blocks: ${(median(parts.map(r => r.blockMs)) / median(whole.map(r => r.blockMs))).toFixed(2)}×`);
}

main().catch(e => { console.error(e); process.exit(1); });
