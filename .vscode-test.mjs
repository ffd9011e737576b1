// @vscode/test-cli configuration. Where no desktop VS Code can be downloaded (CI here), the offline
// driver stands in for the VS Code executable: it takes the same arguments.
import { defineConfig } from '@vscode/test-cli';
import path from 'node:path';

export default defineConfig({
  files: 'dist/test/integration/*.test.js',
  workspaceFolder: 'test/fixtures/express-basic',
  useInstallation: process.env.VSCODE_DESKTOP ? undefined : { fromPath: path.resolve('scripts/vscode-offline/run-ext-tests.mjs') },
  mocha: { ui: 'tdd', timeout: 60000 },
});
