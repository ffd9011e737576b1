#!/usr/bin/env node
// The editor-side benchmark: generates the synthetic 2,000-file workspace (scripts/bench.ts), opens
// it in the real VS Code extension host with Seven Stops, and prints what test/bench-ext measures
// there: event-loop blocking during the first scan, edit → diagnostics, memory; then the time from
// activation to the first CodeLens, cold (a window never opened on this folder) and warm (the same
// window state opened again: same data folder and port, so the same workspace storage). Not a test.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const run = (cmd, args, env = {}) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
const inHost = (suite, env = {}) => run(process.execPath, ['scripts/vscode-offline/run-ext-tests.mjs', '--extensionDevelopmentPath=.', `--extensionTestsPath=dist/test/bench-ext/${suite}.js`, 'bench-workspace'], { VSCODE_TEST_TIMEOUT: '900', ...env });

run(process.execPath, ['--import', 'tsx', 'scripts/bench.ts', 'generate']);
run(process.execPath, ['esbuild.mjs', '--tests']);
run('bash', ['scripts/vscode-offline/setup.sh']);
inHost('responsiveness');

const port = await new Promise(resolve => { const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); }); });
const window = { VSCODE_TEST_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'seven-stops-bench-window-')), VSCODE_TEST_PORT: String(port) };
try {
  // Three rounds, each from a window never opened on the folder; the median is what docs/performance.md quotes.
  for (let i = 0; i < 3; i++) {
    fs.rmSync(window.VSCODE_TEST_DATA_DIR, { recursive: true, force: true });
    inHost('first-codelens', { ...window, BENCH_OPEN: 'cold' });
    inHost('first-codelens', { ...window, BENCH_OPEN: 'warm' });
  }
} finally {
  fs.rmSync(window.VSCODE_TEST_DATA_DIR, { recursive: true, force: true });
}
