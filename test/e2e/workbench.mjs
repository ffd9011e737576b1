// Opens the real VS Code workbench in headless Chromium with the packaged Seven Stops installed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { installVsix, launchChromium, startServer } from '../../scripts/vscode-offline/lib.mjs';

export const root = path.resolve(import.meta.dirname, '../..');
export const shots = path.join(root, 'test-results/screenshots');

/** The .vsix `npm run package` made for the current version. */
export function packagedVsix() {
  const { name, version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const file = path.join(root, `${name}-${version}.vsix`);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run 'npm run package' first`);
  return file;
}

/**
 * Installs the .vsix into a fresh extensions folder, starts the server on it and opens `folder`
 * with `openFile` in an editor. Returns { page, close }.
 */
export async function openWorkbench({ folder, openFile, theme = 'Default Dark Modern', viewport = { width: 1500, height: 900 } }) {
  fs.mkdirSync(shots, { recursive: true });
  const extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seven-stops-ext-'));
  await installVsix(packagedVsix(), extensionsDir);
  const server = await startServer({
    args: ['--extensions-dir', extensionsDir],
    settings: { ...(await import('../../scripts/vscode-offline/lib.mjs')).DEFAULT_SETTINGS, 'workbench.colorTheme': theme },
  });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  await page.goto(server.url({ folder, payload: [['openFile', server.remoteUri(path.join(folder, openFile))], ['skipWelcome', 'true']] }));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  return {
    page,
    server,
    async close() {
      await browser.close().catch(() => {});
      server.stop();
      fs.rmSync(extensionsDir, { recursive: true, force: true });
    },
  };
}

/** Opens the Seven Stops container from the activity bar (a second click would close it). */
export async function showSevenStops(page) {
  if (await page.locator('.sidebar .pane-header', { hasText: 'Routes' }).isVisible()) return;
  // The item, not its link: the unprotected-routes badge sits on top of the icon.
  await page.locator('.activitybar .action-item', { has: page.locator('a[aria-label^="Seven Stops"]') }).click();
}
