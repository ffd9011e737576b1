// One analysis per workspace folder, run in a worker thread, debounced on edits and saves. Every
// consumer (CodeLens, diagnostics, the lesson view) listens to the single onDidChange event.
import * as path from 'path';
import * as vscode from 'vscode';
import { Worker } from 'worker_threads';
import type { FullAnalysis } from '../core/analyse';
import type { Fix, Suggestion } from '../core/model';
import { ALWAYS_EXCLUDE } from '../core/config';
import type { AnalyseRequest, WorkerData, WorkerMessage, WorkerResponse } from './protocol';
import { receiveParts } from './result-parts';
import { type EncodedResult, ResultDecoder, TransferOutOfStep } from './result-transfer';
import { readSettings } from './settings';
import { WorkerRequests } from './worker-requests';

/**
 * Wait after an edit before analysing: short when the last round trip was quick (re-analysis of a
 * small change takes tens of milliseconds), longer when it was slow, so typing does not queue runs.
 */
const DEBOUNCE_QUICK_MS = 150;
const DEBOUNCE_MS = 300;
const QUICK_ROUND_TRIP_MS = 150;
/** A first scan longer than this also shows a progress notification (large workspaces). */
const SLOW_SCAN_MS = 2000;
const SOURCE_LANGUAGES = new Set(['javascript', 'typescript', 'javascriptreact', 'typescriptreact']);

export interface FolderAnalysis {
  folder: vscode.WorkspaceFolder;
  result: FullAnalysis | null;
  error: string | null;
}

export class AnalysisService implements vscode.Disposable {
  private readonly results = new Map<string, FolderAnalysis>();
  /** Per folder root: rebuilds results from what the worker sends (only what changed, see result-transfer.ts). */
  private readonly decoders = new Map<string, ResultDecoder>();
  /** The slowest folder's time from request to result in the last run (chooses the debounce). */
  private lastRoundTrip = Infinity;
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly requests = new WorkerRequests(req => this.ensureWorker().postMessage(req));
  private timer: NodeJS.Timeout | undefined;
  private slowScan: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private dirty = false;
  private firstScan = true;
  private idleWaiters: (() => void)[] = [];
  /** Disk changes the watchers reported since the last run, handed to the worker so it re-reads only those. */
  private changedOnDisk = new Set<string>();
  private rediscover = false;
  /** Shared with the worker: bumping it cancels the analysis in progress (a newer one is wanted). */
  private readonly cancel = new Int32Array(new SharedArrayBuffer(4));

  /**
   * `storage.workspace`: the workspace's storage folder, where the worker keeps the IR cache and the
   * last result (none: no cache); `storage.global`: the extension's, where V8 keeps the worker bundle's
   * compiled code (startCompileCache).
   */
  constructor(
    private readonly extensionPath: string, private readonly log: vscode.LogOutputChannel,
    private readonly storage: { workspace?: string; global?: string } = {},
  ) {
    const isSource = (doc: vscode.TextDocument) => SOURCE_LANGUAGES.has(doc.languageId) && doc.uri.scheme === 'file';
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument(e => { if (isSource(e.document) && e.contentChanges.length) this.schedule(); }),
      vscode.workspace.onDidSaveTextDocument(doc => { if (isSource(doc)) this.schedule(); }),
      vscode.workspace.onDidCloseTextDocument(doc => { if (isSource(doc) && doc.isDirty) this.schedule(); }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.schedule(0)),
      vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration('sevenStops')) this.schedule(0); }),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts,json}');
    const moved = () => { this.rediscover = true; this.schedule(); };
    const changed = (uri: vscode.Uri) => { this.changedOnDisk.add(uri.fsPath); this.schedule(); };
    this.disposables.push(watcher, watcher.onDidCreate(moved), watcher.onDidDelete(moved), watcher.onDidChange(changed));
  }

  /** Analyses every folder now (the first run shows progress in the status bar). */
  start(): void {
    this.schedule(0);
  }

  all(): FolderAnalysis[] {
    return [...this.results.values()];
  }

  /** Routes, reachable routes without auth, and findings over every folder (status bar, routes badge). */
  totals(): { routes: number; unprotected: number; findings: number } {
    const t = { routes: 0, unprotected: 0, findings: 0 };
    for (const { result } of this.results.values()) {
      if (!result) continue;
      t.routes += result.routes.length;
      t.unprotected += result.model.routes.filter(r => !r.protected && !r.shadowedBy.length).length;
      t.findings += result.findings.length;
    }
    return t;
  }

  /** The analysis of the folder that contains `uri`. */
  forUri(uri: vscode.Uri): FolderAnalysis | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.results.get(folder.uri.toString()) : undefined;
  }

  /** Resolves when no analysis is scheduled or running (used by tests and commands). */
  whenIdle(): Promise<void> {
    if (!this.timer && !this.running) return Promise.resolve();
    return new Promise(resolve => this.idleWaiters.push(resolve));
  }

  schedule(delay = this.lastRoundTrip < QUICK_ROUND_TRIP_MS ? DEBOUNCE_QUICK_MS : DEBOUNCE_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = undefined; this.kick(); }, delay);
  }

  private kick(): void {
    if (this.running) {
      // The running analysis is already out of date: stop it between files, keep what it parsed.
      Atomics.add(this.cancel, 0, 1);
      this.dirty = true;
      return;
    }
    const run = this.runAll();
    if (this.firstScan) this.showProgress(run);
    this.running = run.finally(() => {
      this.running = undefined;
      if (this.dirty) { this.dirty = false; this.kick(); return; }
      this.firstScan = false;
      if (!this.timer) for (const w of this.idleWaiters.splice(0)) w();
    });
  }

  /** The first scan shows in the status bar; one that takes long also gets a notification. */
  private showProgress(run: Promise<void>): void {
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Seven Stops: analysing routes') }, () => run);
    this.slowScan = setTimeout(() => {
      const progress = { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Seven Stops: analysing the routes of this workspace…') };
      void vscode.window.withProgress(progress, () => run);
    }, SLOW_SCAN_MS);
    void run.finally(() => clearTimeout(this.slowScan));
  }

  private async runAll(): Promise<void> {
    // The folder of the file in front of the user goes first, and each folder's result is published
    // as soon as it is in: its CodeLens and diagnostics do not wait for the other folders.
    const active = vscode.window.activeTextEditor?.document.uri;
    const first = (active && vscode.workspace.getWorkspaceFolder(active))?.uri.toString();
    const isFirst = (f: vscode.WorkspaceFolder) => Number(f.uri.toString() === first);
    const folders = (vscode.workspace.workspaceFolders ?? []).filter(f => f.uri.scheme === 'file').sort((a, b) => isFirst(b) - isFirst(a));
    const live = new Set(folders.map(f => f.uri.toString()));
    for (const key of [...this.results.keys()]) if (!live.has(key)) this.results.delete(key);
    const roots = new Set(folders.map(f => f.uri.fsPath));
    for (const root of [...this.decoders.keys()]) if (!roots.has(root)) this.decoders.delete(root);
    const changed = [...this.changedOnDisk];
    const rediscover = this.rediscover;
    this.changedOnDisk = new Set();
    this.rediscover = false;
    let slowest = 0;
    let published = false;
    for (const folder of folders) {
      const t0 = Date.now();
      const settings = readSettings(folder);
      const overlays: [string, string][] = vscode.workspace.textDocuments
        .filter(d => d.isDirty && d.uri.scheme === 'file' && SOURCE_LANGUAGES.has(d.languageId) && vscode.workspace.getWorkspaceFolder(d.uri) === folder)
        .map(d => [d.uri.fsPath, d.getText()]);
      const root = folder.uri.fsPath;
      const ask = (resetTransfer: boolean) => this.request({
        type: 'analyse', id: this.nextId++, root, overlays, changed, rediscover, generation: Atomics.load(this.cancel, 0), resetTransfer,
        overrides: { ...(settings.exclude ? { exclude: [...ALWAYS_EXCLUDE, ...settings.exclude] } : {}), rules: settings.rules },
      });
      let response = await ask(false);
      let r = response.type === 'result' ? this.decode(root, response.result) : null;
      if (response.type === 'result' && !r) {
        // The host lost track of what the worker sent last (a folder removed and added again).
        this.log.debug(`${folder.name}: asking for the whole result`);
        response = await ask(true);
        r = response.type === 'result' ? this.decode(root, response.result) : null;
      }
      if (response.type === 'cancelled') {
        // Hand the changes back: the rerun that follows must still re-read these files.
        for (const f of changed) this.changedOnDisk.add(f);
        this.rediscover ||= rediscover;
        this.log.debug(`${folder.name}: analysis cancelled by a newer change`);
        return;
      }
      if (r) {
        this.results.set(folder.uri.toString(), { folder, result: r, error: null });
        slowest = Math.max(slowest, Date.now() - t0);
        this.log.info(`${folder.name}: ${r.routes.length} routes, ${r.findings.length} findings, ${r.stats.files} files in ${r.stats.ms} ms `
          + `(round trip ${Date.now() - t0} ms${r.stats.fromCache ? '; the result the last window stored' : r.stats.reloaded ? `; ${r.stats.reloaded} files reloaded from the cache` : ''})`);
        for (const s of r.skipped.slice(0, 50)) this.log.debug(`skipped ${s.file}: ${s.reason}`);
      } else {
        const message = response.type === 'error' ? response.message : 'the analysis result could not be read';
        // Drop stale results: consumers clear what they showed for this folder.
        this.results.set(folder.uri.toString(), { folder, result: null, error: message });
        this.log.error(`${folder.name}: analysis failed: ${message}`);
      }
      this.emitter.fire();
      published = true;
    }
    this.lastRoundTrip = slowest;
    // Folders removed and none left: consumers clear what they showed.
    if (!published) this.emitter.fire();
  }

  /** Rebuilds a folder's result from what the worker sent; null when it refers to one this side does not have. */
  private decode(root: string, sent: EncodedResult): FullAnalysis | null {
    let decoder = this.decoders.get(root);
    if (!decoder) this.decoders.set(root, (decoder = new ResultDecoder()));
    try {
      return decoder.decode(sent);
    } catch (e) {
      if (e instanceof TransferOutOfStep) return null;
      throw e;
    }
  }

  /**
   * Sends an analyse request; a large result's parts are asked for one at a time, so the host's
   * event loop runs between them (see result-parts.ts).
   */
  private async request(req: AnalyseRequest): Promise<WorkerResponse> {
    return receiveParts(await this.requests.send(req), () => this.requests.send({ type: 'part', id: req.id }));
  }

  /**
   * A quick fix's edits on `text` (a document's current text), built by the worker: ts-morph lives
   * there, and the extension host's bundle stays small. Null when the code no longer fits the fix.
   */
  async suggestion(fix: Fix, text: string): Promise<Suggestion | null> {
    const res = await this.requests.send({ type: 'fix', id: this.nextId++, fix, text });
    if (res.type === 'error') this.log.warn(`quick fix not built: ${res.message}`);
    return res.type === 'fixed' ? res.suggestion : null;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const data: WorkerData = {
      cancel: this.cancel.buffer as SharedArrayBuffer,
      ...(this.storage.workspace ? { cacheDir: path.join(this.storage.workspace, 'cache') } : {}),
    };
    const bundle = path.join(this.extensionPath, 'dist', 'analysis-worker.js');
    const worker = this.storage.global
      ? new Worker(withCompileCache(bundle, path.join(this.storage.global, 'compile-cache')), { eval: true, workerData: data })
      : new Worker(bundle, { workerData: data });
    worker.on('message', (res: WorkerMessage) => {
      // A stored result shown first that is not the answer (see protocol.ts): analyse again.
      if (res.type === 'stale') { this.log.info(`${res.root}: the stored result was shown first; analysing again`); this.schedule(0); } else this.requests.settle(res);
    });
    const fail = (message: string) => {
      this.log.error(`analysis worker stopped: ${message}`);
      this.worker = undefined;
      this.requests.failAll(message);
    };
    worker.on('error', e => fail(e.message));
    worker.on('exit', code => { if (this.worker === worker) fail(`exit code ${code}`); });
    this.worker = worker;
    return worker;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    clearTimeout(this.slowScan);
    const w = this.worker;
    this.worker = undefined;
    void w?.terminate();
    for (const d of this.disposables) d.dispose();
    for (const w2 of this.idleWaiters.splice(0)) w2();
  }
}

/**
 * A worker's entry that turns on V8's compile cache for the bundle before loading it (Node 22.1+
 * extension hosts; elsewhere the bundle loads as before): its 14.7 MB are compiled once per build,
 * not once per window (worker start 390 → 240 ms measured with Node 24). Node checks each entry
 * against the file's contents and its own version, so a new build never runs old code.
 */
function withCompileCache(bundle: string, dir: string): string {
  return `require('module').enableCompileCache?.(${JSON.stringify(dir)}); require(${JSON.stringify(bundle)});`;
}
