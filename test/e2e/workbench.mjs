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
 * with `openFile` in an editor. With `locale` (e.g. 'ru') the server runs with `--locale` and a
 * language pack stub (below), so VS Code's display language (`vscode.env.language`) is that locale.
 * Returns { page, close }.
 */
export async function openWorkbench({ folder, openFile, theme = 'Default Dark Modern', viewport = { width: 1500, height: 900 }, locale }) {
  fs.mkdirSync(shots, { recursive: true });
  const extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seven-stops-ext-'));
  await installVsix(packagedVsix(), extensionsDir);
  const server = await startServer({
    args: ['--extensions-dir', extensionsDir, ...(locale ? ['--locale', locale] : [])],
    settings: { ...(await import('../../scripts/vscode-offline/lib.mjs')).DEFAULT_SETTINGS, 'workbench.colorTheme': theme },
  });
  if (locale) languagePackStub(server.dataDir, locale);
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

/**
 * A suite's workbench, with mocha's hooks: opened before the suite's tests (then `setUp(page)` runs,
 * which may return a view the tests use), a failed test's screenshot saved as
 * `FAILED-<label>-<title>.png`, closed after. The returned object's `page` and `view` are set once
 * the suite has started.
 */
export function workbenchForSuite(label, options, setUp) {
  const ui = { wb: undefined, page: undefined, view: undefined };
  before(async () => {
    ui.wb = await openWorkbench(options);
    ui.page = ui.wb.page;
    if (setUp) ui.view = await setUp(ui.page);
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await ui.page?.screenshot({ path: path.join(shots, `FAILED-${label}-${this.currentTest.title.replace(/\W+/g, '_')}.png`) });
  });
  after(async () => { await ui.wb?.close(); });
  return ui;
}

/**
 * The server only switches to a display language it has a language pack for (languagepacks.json in
 * its user data folder, written when a pack is installed). The offline test install has none, so
 * this writes an empty one: VS Code's own words fall back to English, but the workbench and the
 * extension host run with `locale` as their language, which is what an extension sees. Read when the
 * page loads and when the extension host starts, so writing it after the server started is enough.
 */
function languagePackStub(dataDir, locale) {
  const userData = path.join(dataDir, 'data');
  const translations = path.join(userData, `e2e-language-pack-${locale}.json`);
  fs.writeFileSync(translations, JSON.stringify({ contents: {} }));
  const packs = { [locale]: { hash: `e2e-${locale}`, label: locale, extensions: [{ extensionIdentifier: { id: `e2e.language-pack-${locale}` }, version: '1.0.0' }], translations: { vscode: translations } } };
  fs.writeFileSync(path.join(userData, 'languagepacks.json'), JSON.stringify(packs));
}

/** Opens the Seven Stops container from the activity bar (a second click would close it). */
export async function showSevenStops(page) {
  if (await page.locator('.sidebar .pane-header', { hasText: 'Routes' }).isVisible()) return;
  // The item, not its link: the unprotected-routes badge sits on top of the icon.
  await page.locator('.activitybar .action-item', { has: page.locator('a[aria-label^="Seven Stops"]') }).click();
}
