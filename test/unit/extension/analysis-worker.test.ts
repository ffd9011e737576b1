// The analysis worker as the extension host runs it (a real worker thread, its real messages): a
// result over the part limit comes as a head and parts the host asks for one by one, and what the
// host puts together equals the analysis run directly.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { loadConfig } from '../../../src/core/config';
import { toJsonReport } from '../../../src/cli/format-json';
import { createAnalyser } from '../../../src/engine';
import type { AnalyseRequest, WorkerData, WorkerMessage, WorkerRequest, WorkerResponse } from '../../../src/extension/protocol';
import { receiveParts } from '../../../src/extension/result-parts';
import { ResultDecoder } from '../../../src/extension/result-transfer';
import { WorkerRequests } from '../../../src/extension/worker-requests';

const APP = path.resolve(__dirname, '../../../examples/shop-express');
const WORKER = path.resolve(__dirname, '../../../src/extension/analysis-worker.ts');

describe('analysis worker', function () {
  this.timeout(30000);
  let worker: Worker;
  const sent: WorkerRequest[] = [];
  const requests = new WorkerRequests(req => { sent.push(req); worker.postMessage(req); });
  const send = (req: WorkerRequest) => requests.send(req);

  before(() => {
    const data: WorkerData = { cancel: new SharedArrayBuffer(4), partObjects: 10 };
    worker = new Worker(WORKER, { workerData: data, execArgv: ['--require', 'tsx/cjs'] });
    worker.on('message', (r: WorkerResponse) => requests.settle(r));
  });
  after(() => worker.terminate());

  it('sends a large result in parts the host asks for, which add up to the analysis', async () => {
    const req: AnalyseRequest = { type: 'analyse', id: 1, root: APP, overrides: {}, overlays: [], changed: [], rediscover: false, generation: 0 };
    const first = await send(req);
    assert.strictEqual(first.type, 'result');
    assert.ok(first.type === 'result' && first.parts > 3, `${first.type === 'result' ? first.parts : 0} parts`);
    const whole = await receiveParts(first, () => send({ type: 'part', id: 1 }));
    assert.strictEqual(whole.type, 'result');
    assert.strictEqual(sent.filter(r => r.type === 'part').length, first.type === 'result' ? first.parts : -1, 'one request per part');
    const got = new ResultDecoder().decode((whole as Extract<WorkerResponse, { type: 'result' }>).result);
    const direct = createAnalyser(APP, loadConfig(APP)).analyse();
    // (Host ids in the model come from a per-thread counter: the JSON contract and the layer lists are compared.)
    assert.deepStrictEqual({ ...toJsonReport(got), stats: null }, { ...toJsonReport(direct), stats: null });
    assert.deepStrictEqual(got.model.stacks, direct.model.stacks);
    assert.deepStrictEqual(got.model.origins, direct.model.origins);
  });

  it('builds a quick fix on the text the host sends (the host never loads ts-morph)', async () => {
    const from = { file: 'app.js', line: 1, column: 1, endLine: 1, endColumn: 2 };
    const anchor = { file: 'app.js', line: 2, column: 1, endLine: 2, endColumn: 2 };
    const r = await send({ type: 'fix', id: 2, fix: { kind: 'move-statement', title: 'Move it', from, anchor, before: false }, text: "app.get('/a', a);\napp.use(auth);\n" });
    assert.deepStrictEqual(r, { type: 'fixed', id: 2, suggestion: { title: 'Move it', edits: [
      { file: 'app.js', start: 33, end: 33, newText: "app.get('/a', a);\n" },
      { file: 'app.js', start: 0, end: 18, newText: '' },
    ] } });
  });

  it('answers a part request with nothing left to send with an error, not a hang', async () => {
    const r = await send({ type: 'part', id: 1 });
    assert.strictEqual(r.type, 'error');
  });
});

describe('analysis worker with a storage folder (opening warm)', function () {
  this.timeout(60000);

  /** A worker as one VS Code window runs it, on `root` with the storage folder `cacheDir`. */
  function openWindow(root: string, cacheDir: string, storeAfterMs?: number) {
    const data: WorkerData = { cancel: new SharedArrayBuffer(4), cacheDir, ...(storeAfterMs !== undefined ? { storeAfterMs, warmUpAfterMs: 0 } : {}) };
    const worker = new Worker(WORKER, { workerData: data, execArgv: ['--require', 'tsx/cjs'] });
    const requests = new WorkerRequests(req => worker.postMessage(req));
    const notices: WorkerMessage[] = [];
    worker.on('message', (r: WorkerMessage) => (r.type === 'stale' ? notices.push(r) : requests.settle(r)));
    const decoder = new ResultDecoder();
    let id = 0;
    return {
      notices,
      async analyse(changed: string[] = [], overlays: [string, string][] = []) {
        const n = ++id;
        const first = await requests.send({ type: 'analyse', id: n, root, overrides: {}, overlays, changed, rediscover: false, generation: 0 });
        const whole = await receiveParts(first, () => requests.send({ type: 'part', id: n }));
        assert.strictEqual(whole.type, 'result', whole.type === 'error' ? whole.message : whole.type);
        return decoder.decode((whole as Extract<WorkerResponse, { type: 'result' }>).result);
      },
      close: () => worker.terminate(),
    };
  }

  /** One worker's life, as one VS Code window's: analyses `root` once and stops. */
  async function windowRun(root: string, cacheDir: string) {
    const window = openWindow(root, cacheDir);
    try {
      return await window.analyse();
    } finally {
      await window.close();
    }
  }

  /**
   * A copy of the sample app whose first window ran and stored its result (stored at once here), then
   * closed; `reopen` gets the folder, its storage and that first window's result. Both are removed after.
   */
  async function afterStoringWindow(reopen: (root: string, cacheDir: string, cold: Awaited<ReturnType<typeof windowRun>>) => Promise<void>) {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seven-stops-storage-'));
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'seven-stops-app-'));
    try {
      fs.cpSync(APP, root, { recursive: true });
      const first = openWindow(root, cacheDir, 0);
      const cold = await first.analyse();
      // The result is stored once the folder has been quiet (here at once).
      const stored = () => fs.readdirSync(cacheDir, { recursive: true }).some(f => String(f).endsWith('run.bin'));
      for (let i = 0; i < 200 && !stored(); i++) await new Promise(r => setTimeout(r, 25));
      await first.close();
      assert.ok(stored(), 'the first window stored its result');
      await reopen(root, cacheDir, cold);
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true });
      fs.rmSync(root, { recursive: true, force: true });
    }
  }

  it('reloads every unchanged file in a new window, parses a file edited while it was closed, and gives the same results', async () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seven-stops-storage-'));
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'seven-stops-app-'));
    try {
      fs.cpSync(APP, root, { recursive: true });
      const cold = await windowRun(root, cacheDir);
      const warm = await windowRun(root, cacheDir);
      assert.ok((cold.stats.lowered ?? 0) > 0);
      assert.deepStrictEqual([warm.stats.lowered, warm.stats.reloaded], [0, cold.stats.lowered]);
      assert.deepStrictEqual({ ...toJsonReport(warm), stats: null }, { ...toJsonReport(cold), stats: null });
      const app = fs.readdirSync(root, { recursive: true, withFileTypes: true }).find(e => e.isFile() && /\.[jt]s$/.test(e.name) && !e.parentPath.includes('node_modules'))!;
      fs.appendFileSync(path.join(app.parentPath, app.name), '\n// edited while the window was closed\n');
      const edited = await windowRun(root, cacheDir);
      assert.deepStrictEqual([edited.stats.lowered, edited.stats.reloaded], [1, (cold.stats.lowered ?? 0) - 1]);
      assert.deepStrictEqual({ ...toJsonReport(edited), stats: null }, { ...toJsonReport(createAnalyser(root, loadConfig(root)).analyse()), stats: null });
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true });
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('shows a window reopened on unchanged files the stored result at once, then runs for real so the first edit is incremental', async () => {
    await afterStoringWindow(async (root, cacheDir, cold) => {
      const second = openWindow(root, cacheDir, 0);
      try {
        const reopened = await second.analyse();
        assert.strictEqual(reopened.stats.fromCache, true);
        assert.deepStrictEqual({ ...toJsonReport(reopened), stats: null }, { ...toJsonReport(cold), stats: null });
        assert.deepStrictEqual(reopened.model.stacks, cold.model.stacks);
        // The warm-up runs once the result is sent; the edit after it re-reads one file and reloads nothing.
        await new Promise(r => setTimeout(r, 100));
        const file = path.join(root, 'src/routes/products.js');
        fs.appendFileSync(file, "\nrouter.get('/added-after-reopening', (req, res) => res.json([]));\n");
        const edited = await second.analyse([file]);
        assert.ok(!edited.stats.fromCache && !edited.stats.reloaded, `incremental: ${JSON.stringify(edited.stats)}`);
        assert.deepStrictEqual({ ...toJsonReport(edited), stats: null }, { ...toJsonReport(createAnalyser(root, loadConfig(root)).analyse()), stats: null });
        assert.ok(edited.routes.some(r => r.path.endsWith('/added-after-reopening')));
        assert.deepStrictEqual(second.notices, [], 'the warm-up found what was stored');
      } finally {
        await second.close();
      }
    });
  });

  it('shows a window reopened with an unsaved editor the stored result of the disk first, then asks again and answers for the unsaved text', async () => {
    await afterStoringWindow(async (root, cacheDir, cold) => {
      const second = openWindow(root, cacheDir, 0);
      try {
        const file = path.join(root, 'src/routes/products.js');
        const unsaved: [string, string][] = [[file, `${fs.readFileSync(file, 'utf8')}\nrouter.get('/unsaved', (req, res) => res.json([]));\n`]];
        const shown = await second.analyse([], unsaved);
        assert.strictEqual(shown.stats.fromCache, true);
        assert.deepStrictEqual({ ...toJsonReport(shown), stats: null }, { ...toJsonReport(cold), stats: null });
        for (let i = 0; i < 200 && !second.notices.length; i++) await new Promise(r => setTimeout(r, 10));
        assert.deepStrictEqual(second.notices, [{ type: 'stale', root }], 'the host is told to ask again');
        const answer = await second.analyse([], unsaved);
        assert.ok(!answer.stats.fromCache && answer.routes.some(r => r.path.endsWith('/unsaved')));
      } finally {
        await second.close();
      }
    });
  });
});
