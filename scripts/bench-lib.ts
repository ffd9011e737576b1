// What the benchmark scripts share: bundling the code they time, as it ships, and their medians.
import { buildSync } from 'esbuild';
import * as path from 'path';

/**
 * Bundles `entry` as dist/ ships it (esbuild, CommonJS, ts-morph external) and returns the file.
 * It goes inside node_modules so the bundle finds ts-morph; the caller deletes it when done.
 */
export function bundleForBench(entry: string, name: string): string {
  const outfile = path.resolve(__dirname, '..', 'node_modules', '.cache', 'seven-stops-bench', name);
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, external: ['ts-morph'], logLevel: 'warning' });
  return outfile;
}

/** The middle value (the upper one of an even count). */
export function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[xs.length >> 1];
}
