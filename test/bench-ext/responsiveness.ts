// Runs inside the real extension host on the synthetic 2,000-file workspace (scripts/bench-extension.mjs)
// and prints the editor-side figures: the longest block of the extension host's event loop during
// the first full scan, time from an edit to updated diagnostics, and memory. A benchmark, not a test.
import { monitorEventLoopDelay } from 'perf_hooks';
import * as vscode from 'vscode';
import type { SevenStopsApi } from '../../src/extension/main';
import { findLeaf } from './leaf';

const EDITS = 20;

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders![0].uri;
  // The longest gap between 5 ms ticks is the longest time the host could not run anything else.
  const delay = monitorEventLoopDelay({ resolution: 5 });
  let longest = 0;
  let last = performance.now();
  const ticker = setInterval(() => { const now = performance.now(); longest = Math.max(longest, now - last - 5); last = now; }, 5);
  delay.enable();
  const t0 = performance.now();
  const ext = vscode.extensions.getExtension<SevenStopsApi>('seven-stops.seven-stops')!;
  const api = await ext.activate();
  await api.whenIdle();
  const firstScan = performance.now() - t0;
  clearInterval(ticker);
  delay.disable();
  const leaf = await findLeaf(folder);
  const result = api.analysisFor(leaf)!;
  console.log(`bench-ext: first scan ${firstScan.toFixed(0)} ms in the extension (activation to results), ${result.routes.length} routes, ${result.findings.length} findings, ${result.stats.files} files`);
  // The host is shared: built-in extensions activate during the same seconds (a CPU profile showed the
  // JSON language client loading for ~200 ms), and on two cores a runnable host thread also waits
  // for the worker, the server and the browser. scripts/bench-transfer.ts isolates this extension's part.
  console.log(`bench-ext: longest extension-host event-loop gap during the first scan ${longest.toFixed(1)} ms, whatever ran in the host (monitorEventLoopDelay max ${(delay.max / 1e6).toFixed(1)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms)`);

  const doc = await vscode.workspace.openTextDocument(leaf);
  const editor = await vscode.window.showTextDocument(doc);
  const useLine = doc.getText().split('\n').findIndex(l => l.includes('router.use(requireUser)'));
  const times: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const before = count(leaf);
    // Alternately add and remove a route that reads req.user before the auth layer: one finding more or less.
    const adding = i % 2 === 0;
    const changed = waitForDiagnostics(leaf, n => n === (adding ? before + 1 : before - 1));
    const t = performance.now();
    await editor.edit(b => {
      if (adding) b.insert(new vscode.Position(useLine, 0), `router.get('/bench${i}', (req, res) => res.json(req.user));\n`);
      else b.delete(doc.lineAt(useLine).rangeIncludingLineBreak);
    });
    await changed;
    times.push(performance.now() - t);
  }
  await vscode.commands.executeCommand('workbench.action.files.revert');
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  console.log(`bench-ext: edit → updated diagnostics (includes the debounce: 150 ms after a quick run, else 300 ms) median ${p(0.5).toFixed(0)} ms, p95 ${p(0.95).toFixed(0)} ms over ${EDITS} edits`);
  const m = process.memoryUsage();
  console.log(`bench-ext: extension host process (with the analysis worker) RSS ${(m.rss / 1048576).toFixed(0)} MB, heap ${(m.heapUsed / 1048576).toFixed(0)} MB`);
}

function count(uri: vscode.Uri): number {
  return vscode.languages.getDiagnostics(uri).filter(d => d.source === 'Seven Stops').length;
}

function waitForDiagnostics(uri: vscode.Uri, ok: (n: number) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { sub.dispose(); reject(new Error('diagnostics did not update within 30 s')); }, 30000);
    const sub = vscode.languages.onDidChangeDiagnostics(e => {
      if (e.uris.some(u => u.toString() === uri.toString()) && ok(count(uri))) { clearTimeout(timer); sub.dispose(); resolve(); }
    });
  });
}
