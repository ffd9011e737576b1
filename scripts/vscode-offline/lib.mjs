// Starts the VS Code server installed by setup.sh and a headless Debian Chromium (playwright-core)
// that drives its web workbench. Shared by the extension-host runner, the e2e tests and the demo.
// Why it works this way: shared/docs/vscode-offline-testing.md.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const VSCODE_TEST_DIR = path.resolve(process.env.VSCODE_TEST_DIR ?? '.vscode-test');

/** User settings that keep an offline run quiet and deterministic. */
export const DEFAULT_SETTINGS = {
  'chat.disableAIFeatures': true, // no Copilot agent host (it also wants sqlite3)
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.enabled': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'security.workspace.trust.enabled': false,
  // The web workbench saves after a delay by default (desktop VS Code does not): an edit made by a
  // test or benchmark would otherwise land on disk, in fixtures and in the next run's workspace.
  'files.autoSave': 'off',
};

/**
 * Starts `server-main.js` on 127.0.0.1 with a free port. With `smokeTestDriver` the workbench honours
 * the `?payload=` URL parameter (extensionDevelopmentPath/extensionTestsPath); `extensionsDir` lets
 * the e2e tests run an installed .vsix.
 */
export async function startServer({ settings = DEFAULT_SETTINGS, env = {}, args = [], smokeTestDriver = true, host = '127.0.0.1', port = 0, keepDataDir, verbose = !!process.env.VSCODE_TEST_VERBOSE } = {}) {
  const node = path.join(VSCODE_TEST_DIR, 'node24/bin/node');
  const main = path.join(VSCODE_TEST_DIR, 'code-server/lib/vscode/out/server-main.js');
  if (!fs.existsSync(node) || !fs.existsSync(main)) {
    throw new Error(`VS Code server not installed in ${VSCODE_TEST_DIR}: run 'bash scripts/vscode-offline/setup.sh'`);
  }
  // `keepDataDir`: a folder kept across launches (a window reopened: the same workspace storage, given
  // the same port, since a remote folder's storage is named after its URI); else a new one per launch.
  const dataDir = keepDataDir ? path.resolve(keepDataDir) : fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-server-data-'));
  fs.mkdirSync(path.join(dataDir, 'data/User'), { recursive: true });
  fs.mkdirSync(path.join(dataDir, 'home'), { recursive: true });   // the server writes ~/.cache/Microsoft/DeveloperTools/deviceid
  fs.mkdirSync(path.join(dataDir, 'tmp'), { recursive: true });    // and vscode-ipc-*.sock files in $TMPDIR
  fs.writeFileSync(path.join(dataDir, 'data/User/settings.json'), JSON.stringify(settings, null, 2));
  const proc = spawn(node, [main,
    '--host', host, '--port', String(port),
    '--without-connection-token', '--accept-server-license-terms',
    ...(smokeTestDriver ? ['--enable-smoke-test-driver'] : []),
    '--disable-telemetry', '--disable-workspace-trust',
    '--server-data-dir', dataDir,
    ...args,
  ], {
    stdio: ['ignore', 'pipe', 'pipe'], detached: true,
    // The remote extension host inherits this environment. EXTENSIONS_GALLERY={} stops marketplace look-ups.
    env: { ...process.env, EXTENSIONS_GALLERY: '{}', HOME: path.join(dataDir, 'home'), TMPDIR: path.join(dataDir, 'tmp'), ...env },
  });
  let log = '';
  const actualPort = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`VS Code server did not start in 60 s:\n${log}`)), 60000);
    const onData = d => {
      log += d;
      if (verbose) process.stderr.write(d);
      const m = /Extension host agent listening on (\d+)/.exec(log);
      if (m) { clearTimeout(timer); resolve(Number(m[1])); }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', code => { clearTimeout(timer); reject(new Error(`VS Code server exited (${code}):\n${log}`)); });
  });
  const authority = `${host}:${actualPort}`;
  return {
    port: actualPort, authority, dataDir, proc,
    log: () => log,
    remoteUri: p => `vscode-remote://${authority}${path.resolve(p)}`,
    url({ folder, workspace, payload = [] } = {}) {
      const q = new URLSearchParams();
      if (workspace) q.set('workspace', path.resolve(workspace));
      else if (folder) q.set('folder', path.resolve(folder));
      if (payload.length) q.set('payload', JSON.stringify(payload));
      return `http://${authority}/?${q}`;
    },
    stop() {
      try { process.kill(-proc.pid, 'SIGTERM'); } catch { /* already gone */ }
      if (!keepDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Installs a .vsix into an extensions folder with the server's own CLI (no browser needed). */
export async function installVsix(vsix, extensionsDir) {
  const node = path.join(VSCODE_TEST_DIR, 'node24/bin/node');
  const main = path.join(VSCODE_TEST_DIR, 'code-server/lib/vscode/out/server-main.js');
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-install-home-'));
  try {
    await new Promise((resolve, reject) => {
      const p = spawn(node, [main, '--accept-server-license-terms', '--extensions-dir', extensionsDir, '--install-extension', path.resolve(vsix), '--force'],
        { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HOME: home, EXTENSIONS_GALLERY: '{}' } });
      let out = '';
      p.stdout.on('data', d => { out += d; });
      p.stderr.on('data', d => { out += d; });
      p.on('exit', code => (code === 0 ? resolve(out) : reject(new Error(`--install-extension exited ${code}:\n${out}`))));
    });
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

export async function launchChromium() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-home-')); // else ~/.config/chromium/Crash Reports
  const browser = await chromium.launch({
    env: { ...process.env, HOME: home },
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  browser.on('disconnected', () => fs.rmSync(home, { recursive: true, force: true }));
  return browser;
}

/** Workbench chatter that codeAutomationLog forwards besides the extension host's own output. */
export const WORKBENCH_NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|\[reconnection-grace-time\]|Updating additional builtin|Ignoring fetching additional builtin|\[Service Worker\]|\[AgentHost|\[AccountPolicyGate\]|Canceled: Canceled)/;
