// What the benchmark scripts share: bundling the code they time, as it ships, their medians, and writing generated workspaces.
import { buildSync } from 'esbuild';
import * as fs from 'fs';
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

/** A generated workspace under `root`, emptied first: `write` adds a file, `files` lists them in order written. */
export function workspaceWriter(root: string): { files: string[]; write: (rel: string, text: string) => void } {
  fs.rmSync(root, { recursive: true, force: true });
  const files: string[] = [];
  const write = (rel: string, text: string) => {
    const f = path.join(root, rel);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, text);
    files.push(f);
  };
  return { files, write };
}
