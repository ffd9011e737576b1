// The `seven-stops` command (dist/cli.js): loads the CLI's engine (dist/cli-main.js, built from
// main.ts) with the code cache the build made beside it (code-cache.ts), then runs it.
import * as path from 'path';
import { requireWithCodeCache, writeCodeCache } from './code-cache';

const ENGINE = path.join(__dirname, 'cli-main.js');
const CODE_CACHE = `${ENGINE}.v8cache`;

/** Makes the engine's code cache for the Node running this (called by the build, esbuild.mjs). */
export function writeEngineCodeCache(): void {
  writeCodeCache(ENGINE, CODE_CACHE, module);
}

if (require.main === module) {
  const engine = requireWithCodeCache(ENGINE, CODE_CACHE, module).exports as { runAsProcess(): void };
  engine.runAsProcess();
}
