// The engine as `npm run bench` loads it: bundled by esbuild like dist/cli.js and dist/analysis-worker.js,
// so the figures are those of the shipped code rather than of tsx's on-the-fly transform.
export { createAnalyser } from '../src/engine';
export { analyseFolder, analyseFolderWarm } from '../src/engine';
export { cacheBytes } from '../src/core/run-cache';
export { loadConfig } from '../src/core/config';
export { toJsonReport } from '../src/cli/format-json';
