// Shared helpers for extension-host suites.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SevenStopsApi } from '../../src/extension/main';

export const EXTENSION_ID = 'seven-stops.seven-stops';

/** Activates the extension under test and waits for its first analysis. */
export async function api(): Promise<SevenStopsApi> {
  const ext = vscode.extensions.getExtension<SevenStopsApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is loaded`);
  const exported = await ext.activate();
  await exported.whenIdle();
  return exported;
}

export function folderUri(...segments: string[]): vscode.Uri {
  return inFolder('express-basic', ...segments);
}

/** A path inside the workspace folder with that name (the suite runs a multi-root workspace). */
export function inFolder(name: string, ...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.find(f => f.name === name);
  assert.ok(folder, `workspace folder ${name} is open`);
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Seven Stops diagnostics of one file. */
export function sevenStopsDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter(d => d.source === 'Seven Stops');
}

/** Changes a user setting and waits until the re-analysis it triggers has finished. */
export async function withSetting<T>(key: string, value: unknown, fn: () => Promise<T>): Promise<T> {
  const c = vscode.workspace.getConfiguration('sevenStops');
  await c.update(key, value, vscode.ConfigurationTarget.Global);
  try {
    return await fn();
  } finally {
    await c.update(key, undefined, vscode.ConfigurationTarget.Global);
    await new Promise(r => setTimeout(r, 50));
    await (await api()).whenIdle();
  }
}

/** Retries `fn` every 100 ms until it returns a value (or fails after `ms`). */
export async function poll<T>(fn: () => T | undefined | Promise<T | undefined>, ms = 15000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out waiting for condition');
    await new Promise(r => setTimeout(r, 100));
  }
}

/**
 * The CodeLens of a file once the editor shows it, as `line:title` (1-based lines), after waiting
 * until `ready` accepts them (by default: until there are any).
 */
export async function codeLenses(uri: vscode.Uri, ready: (lenses: vscode.CodeLens[]) => boolean = l => l.length > 0): Promise<{ lines: string[]; lenses: vscode.CodeLens[] }> {
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const lenses = await poll(async () => {
    const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100);
    return l && ready(l) ? l : undefined;
  });
  return { lines: lenses.map(l => `${l.range.start.line + 1}:${l.command?.title}`), lenses };
}

/** The quick fixes offered at `range`, as the editor's light bulb asks for them. */
export async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  // The workbench now and then cancels the request from its side (one run in five here failed with
  // 'Canceled' just after the editor opened): ask again, as the light bulb would.
  return poll(async () => {
    try {
      return await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
    } catch (e) {
      if ((e as Error).name === 'Canceled' || (e as Error).message === 'Canceled') return undefined;
      throw e;
    }
  });
}
