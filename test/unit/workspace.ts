// Writes a tiny workspace to a temporary folder and analyses it with the real engine.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { FullAnalysis } from '../../src/core/analyse';
import { analyseFolder } from '../../src/engine';

export function withWorkspace<T>(files: Record<string, string | Buffer>, fn: (root: string) => T): T {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'seven-stops-unit-'));
  try {
    for (const [rel, content] of Object.entries(files)) {
      const full = path.join(root, rel);
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, content);
    }
    return fn(root);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

export function analyse(files: Record<string, string | Buffer>): FullAnalysis {
  return withWorkspace(files, root => analyseFolder(root));
}

/** `METHOD path [chain names] 🔒|⚠` lines, for compact assertions. */
export function routeLines(r: FullAnalysis): string[] {
  return r.routes.map(x => `${x.method} ${x.path} [${x.chain.map(c => c.name).join(' > ')}] ${x.protected ? '🔒' : '⚠'}`);
}

/** `METHOD path: note` for each unresolved note, in route order. */
export function unresolvedLines(r: FullAnalysis): string[] {
  return r.routes.flatMap(x => x.unresolved.map(n => `${x.method} ${x.path}: ${n}`));
}

/** Analyses `files` and asserts its exact route lines and unresolved notes (none unless given). */
export function expectRoutes(files: Record<string, string>, lines: string[], notes: string[] = []): FullAnalysis {
  const r = analyse(files);
  assert.deepStrictEqual(routeLines(r), lines);
  assert.deepStrictEqual(unresolvedLines(r), notes);
  return r;
}
