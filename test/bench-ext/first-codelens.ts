// Runs inside the real extension host on the synthetic 2,000-file workspace (scripts/bench-extension.mjs)
// and prints the time from the extension's activation to the first Seven Stops CodeLens in a file the
// user has open (issue 17, part 3). The runner launches VS Code twice with the same window state:
// BENCH_OPEN=cold (empty workspace storage) then warm (the storage the first launch left). A benchmark,
// not a test.
import * as path from 'path';
import * as vscode from 'vscode';
import type { SevenStopsApi } from '../../src/extension/main';
import { findLeaf } from './leaf';

const POLL_MS = 10;
const GIVE_UP_MS = 120000;
const STAY_OPEN_MS = 5000;
const OUR_COMMANDS = new Set(['sevenStops.traceRequest', 'sevenStops.showLesson']);

export async function run(): Promise<void> {
  const label = process.env.BENCH_OPEN ?? 'cold';
  const ext = vscode.extensions.getExtension<SevenStopsApi>('seven-stops.seven-stops')!;
  // Eager extensions are activated before the tests start: this returns the running extension's API.
  const api = await ext.activate();
  const testStart = Date.now();
  // The file a user would be looking at: a leaf router four folders down.
  const leaf = await findLeaf(vscode.workspace.workspaceFolders![0].uri);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(leaf));
  const opened = Date.now();
  let lenses = 0;
  while (Date.now() - testStart < GIVE_UP_MS) {
    // The same call VS Code makes for the editor, resolving titles as the editor does for visible lenses.
    const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', leaf, 100);
    lenses = found.filter(l => l.command && OUR_COMMANDS.has(l.command.command)).length;
    if (lenses) break;
    await new Promise(r => setTimeout(r, POLL_MS));
  }
  const shown = Date.now();
  const { activatedAt, firstLensesAt } = api.timings();
  await api.whenIdle();
  const result = api.analysisFor(leaf)!;
  const fromCache = result.stats.fromCache ? ', the stored result' : result.stats.reloaded ? `, ${result.stats.reloaded} files' IR reloaded` : '';
  console.log(`bench-ext: first CodeLens (${label}) ${firstLensesAt! - activatedAt} ms after activation: ${lenses} lenses in ${path.basename(leaf.fsPath)}`
    + ` (${result.routes.length} routes, ${result.stats.files} files${fromCache}; analysis ${result.stats.ms} ms);`
    + ` the file was open at ${opened - activatedAt} ms; vscode.executeCodeLensProvider, which waits for every extension's lenses, had them at ${shown - activatedAt} ms`);
  const m = process.memoryUsage();
  console.log(`bench-ext: extension host RSS ${(m.rss / 1048576).toFixed(0)} MB after the first result (${label})`);
  // The window stays open a moment, as a user's does: the worker stores the result once the folder is quiet.
  await new Promise(r => setTimeout(r, STAY_OPEN_MS));
}
