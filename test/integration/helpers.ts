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
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
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
