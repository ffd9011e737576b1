#!/usr/bin/env node
// `npm run demo`: build, package, install the .vsix into a real VS Code (the offline VS Code server)
// and serve it with the bundled sample app open. Where a desktop `code` is on PATH (and DEMO_DESKTOP=1)
// it installs into that instead. Stop with Ctrl+C.
//   DEMO_PORT (default 8080), DEMO_HOST (default 127.0.0.1; 0.0.0.0 to reach it from another machine)
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const sample = path.join(root, 'examples/shop-express');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

console.log('Seven Stops demo: building and packaging…');
run('npm', ['run', '--silent', 'build']);
run('npm', ['run', '--silent', 'package']);
const { name, version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const vsix = path.join(root, `${name}-${version}.vsix`);

if (process.env.DEMO_DESKTOP === '1' && spawnSync('code', ['--version']).status === 0) {
  run('code', ['--install-extension', vsix, '--force']);
  run('code', [sample, path.join(sample, 'src/server.js')]);
  console.log('Opened the sample app in your desktop VS Code.');
  process.exit(0);
}

run('bash', ['scripts/vscode-offline/setup.sh']);
const { installVsix, startServer } = await import('./vscode-offline/lib.mjs');
const extensionsDir = path.join(root, '.vscode-test', 'demo-extensions');
fs.mkdirSync(extensionsDir, { recursive: true });
await installVsix(vsix, extensionsDir);
const server = await startServer({
  host: process.env.DEMO_HOST ?? '127.0.0.1',
  port: Number(process.env.DEMO_PORT ?? 8080),
  args: ['--extensions-dir', extensionsDir],
});
const url = server.url({ folder: sample, payload: [['openFile', server.remoteUri(path.join(sample, 'src/server.js'))], ['skipWelcome', 'true']] });
console.log(`
  Seven Stops is running in VS Code with the sample app (examples/shop-express) open.

  Open this URL in a browser:

    ${url}

  Look at the CodeLens above each route in src/server.js, the Problems panel (Ctrl+Shift+M),
  and the Seven Stops icon in the activity bar. Press Ctrl+C to stop.
`);
const stop = () => { server.stop(); process.exit(0); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.proc.on('exit', code => { console.error(`VS Code server exited (${code})`); process.exit(1); });
