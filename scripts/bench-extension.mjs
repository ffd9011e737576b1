#!/usr/bin/env node
// The editor-side benchmark: generates the synthetic 2,000-file workspace (scripts/bench.ts), opens
// it in the real VS Code extension host with Seven Stops, and prints what test/bench-ext measures
// there (event-loop blocking during the first scan, edit → diagnostics, memory). Not a test.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const run = (cmd, args, env = {}) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });

run(process.execPath, ['--import', 'tsx', 'scripts/bench.ts', 'generate']);
run(process.execPath, ['esbuild.mjs', '--tests']);
run('bash', ['scripts/vscode-offline/setup.sh']);
run(process.execPath, ['scripts/vscode-offline/run-ext-tests.mjs', '--extensionDevelopmentPath=.', '--extensionTestsPath=dist/test/bench-ext/responsiveness.js', 'bench-workspace'], { VSCODE_TEST_TIMEOUT: '900' });
