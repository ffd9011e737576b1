#!/usr/bin/env node
// Runs extension tests (--extensionTestsPath) inside the real Node extension host of the VS Code
// server. Takes VS Code's own CLI arguments, so it also serves as @vscode/test-electron's
// `vscodeExecutablePath` / @vscode/test-cli's `useInstallation.fromPath`:
//   node run-ext-tests.mjs --extensionDevelopmentPath=. --extensionTestsPath=dist/test/integration/index.js [folder|x.code-workspace]
// Exit code: the extension host's (0 = all passed), 124 on timeout, 1 on driver errors.
// Env: VSCODE_TEST_TIMEOUT (s, default 300), VSCODE_TEST_VERBOSE=1, VSCODE_TEST_DIR, CHROMIUM_PATH;
// VSCODE_TEST_DATA_DIR and VSCODE_TEST_PORT reopen the same window state (a benchmark's warm launch).
import path from 'node:path';
import { startServer, launchChromium, WORKBENCH_NOISE } from './lib.mjs';

const devPaths = [];
let testsPath;
let target;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const m = /^--(extensionDevelopmentPath|extensionTestsPath)(?:=(.*))?$/.exec(a);
  if (m) {
    const v = m[2] ?? argv[++i];
    if (m[1] === 'extensionTestsPath') testsPath = v; else devPaths.push(v);
  } else if (!a.startsWith('-')) target = a; // folder or .code-workspace; other flags are ignored
}
if (!devPaths.length || !testsPath) {
  console.error('usage: run-ext-tests.mjs --extensionDevelopmentPath=<dir> --extensionTestsPath=<file|dir> [folder]');
  process.exit(2);
}

const timeoutMs = Number(process.env.VSCODE_TEST_TIMEOUT ?? 300) * 1000;
let server;
let browser;
let code = 1;
try {
  server = await startServer({
    ...(process.env.VSCODE_TEST_DATA_DIR ? { keepDataDir: process.env.VSCODE_TEST_DATA_DIR } : {}),
    ...(process.env.VSCODE_TEST_PORT ? { port: Number(process.env.VSCODE_TEST_PORT) } : {}),
  });
  browser = await launchChromium();
  const page = await browser.newPage();
  // Registered before navigation: the workbench calls codeAutomationLog for each log line and
  // codeAutomationExit(code) when the extension host exits after the tests' run() settled.
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    args = Array.isArray(args) ? args : [args];
    if (!process.env.VSCODE_TEST_VERBOSE && typeof args[0] === 'string' && WORKBENCH_NOISE.test(args[0])) return;
    (console[type] ?? console.log)(...args);
  });
  const exited = new Promise(resolve => page.exposeFunction('codeAutomationExit', c => resolve(Number(c))));
  const payload = [
    ...devPaths.map(p => ['extensionDevelopmentPath', server.remoteUri(p)]),
    ['extensionTestsPath', server.remoteUri(testsPath)],
    ['skipWelcome', 'true'],
  ];
  const isWorkspace = target && path.extname(target) === '.code-workspace';
  await page.goto(server.url({ folder: isWorkspace ? undefined : target, workspace: isWorkspace ? target : undefined, payload }));
  const result = await Promise.race([exited, new Promise(r => setTimeout(() => r('timeout'), timeoutMs))]);
  if (result === 'timeout') { console.error(`extension tests did not finish in ${timeoutMs / 1000} s`); code = 124; } else code = result;
} catch (e) {
  console.error(e);
  if (server) console.error('--- VS Code server log ---\n' + server.log());
  code = 1;
} finally {
  await browser?.close().catch(() => {});
  server?.stop();
}
console.log(`extension host exited with code ${code}`);
process.exit(code);
