// Bundles the extension and the CLI (and, with --tests, the extension-host test suites).
//   node esbuild.mjs                 development build with source maps
//   node esbuild.mjs --production    minified (used by `vsce package` via vscode:prepublish)
//   node esbuild.mjs --watch         rebuild on change
//   node esbuild.mjs --tests         also bundle test/integration and test/bench-ext for the extension host
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

/**
 * esbuild escapes non-ASCII characters in strings, templates and regular expressions (charset
 * 'ascii') but leaves comments as written, and one such character anywhere makes V8 hold the whole
 * bundle's source as a two-byte string: 32 MB of heap instead of 16 for the CLI, for as long as the
 * process runs. Escaping what comments hold keeps the source one byte per character.
 */
const asciiComments = {
  name: 'ascii-comments',
  setup(build) {
    build.onEnd(result => {
      if (result.errors.length) return;
      const { outfile, outdir } = build.initialOptions;
      const files = outfile ? [outfile] : fs.readdirSync(outdir, { recursive: true }).map(f => path.join(outdir, f));
      for (const file of files.filter(f => f.endsWith('.js'))) {
        const text = fs.readFileSync(file, 'utf8');
        if (/[^\x00-\x7f]/.test(text)) fs.writeFileSync(file, text.replace(/[^\x00-\x7f]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
      }
    });
  },
};

/** Shared by every bundle: Node 20 CommonJS, `vscode` provided by the host. */
const version = JSON.parse(fs.readFileSync('package.json', 'utf8')).version;
const common = {
  define: { SEVEN_STOPS_VERSION: JSON.stringify(version) },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  minify: production,
  external: ['vscode'],
  logLevel: 'warning',
  legalComments: 'none',
  plugins: [asciiComments],
};

const targets = [
  { ...common, entryPoints: ['src/extension/main.ts'], outfile: 'dist/extension.js' },
  // The command is a small loader (bin.ts) that reads the engine with a code cache (code-cache.ts).
  { ...common, entryPoints: ['src/cli/bin.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli-main.js' },
  // The analysis worker runs off the extension host's thread (see src/extension/analysis-worker.ts).
  { ...common, entryPoints: ['src/extension/analysis-worker.ts'], outfile: 'dist/analysis-worker.js' },
];
if (tests) {
  const dir = 'test/integration';
  const entryPoints = fs.readdirSync(dir).filter(f => f.endsWith('.ts')).map(f => path.join(dir, f));
  // mocha stays external: the suite's index requires it from node_modules at run time.
  targets.push({ ...common, entryPoints, outdir: 'dist/test/integration', external: ['vscode', 'mocha'], minify: false });
  // The editor-side benchmark (scripts/bench-extension.mjs) runs in the extension host the same way.
  targets.push({ ...common, entryPoints: ['test/bench-ext/responsiveness.ts', 'test/bench-ext/first-codelens.ts'], outdir: 'dist/test/bench-ext', minify: false });
}

if (watch) {
  for (const t of targets) await (await esbuild.context(t)).watch();
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(targets.map(t => esbuild.build(t)));
  fs.chmodSync('dist/cli.js', 0o755);
  // The engine's code cache, made by this Node in a process of its own with V8's default flags (as the
  // command starts): V8 turns down a cache made under other flags.
  execFileSync(process.execPath, ['-e', "require('./dist/cli.js').writeEngineCodeCache()"], { stdio: 'inherit' });
}
