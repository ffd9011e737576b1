// Finds the source files of a workspace folder. Bad input is normal input: unreadable folders,
// symlink loops, huge, binary or minified files are skipped with a reason instead of failing the scan.
import * as fs from 'fs';
import * as path from 'path';
import type { SevenStopsConfig } from './config';
import { globToRegExp, isExcluded } from './glob';
import type { Skipped } from './model';

export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const SOURCE_RE = /\.(?:[mc]?[jt]s|[jt]sx)$/i;

export interface Discovery {
  /** Absolute paths of candidate source files, in a stable order. */
  files: string[];
  skipped: Skipped[];
}

/** Walks `root` depth-first, following symlinks once (a visited set of real paths breaks loops). */
export function discoverFiles(root: string, config: SevenStopsConfig): Discovery {
  const exclude = config.exclude.map(globToRegExp);
  const files: string[] = [];
  const skipped: Skipped[] = [];
  const seenDirs = new Set<string>();
  const rel = (p: string) => path.relative(root, p).split(path.sep).join('/');
  const walk = (dir: string): void => {
    let real: string;
    try { real = fs.realpathSync(dir); } catch { skipped.push({ file: rel(dir), reason: 'unreadable folder' }); return; }
    if (seenDirs.has(real)) { if (dir !== root) skipped.push({ file: rel(dir), reason: 'symlink loop or duplicate folder' }); return; }
    seenDirs.add(real);
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch (e) {
      skipped.push({ file: rel(dir) || '.', reason: `unreadable folder (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const ent of entries) {
      const full = path.join(dir, ent.name);
      const r = rel(full);
      if (isExcluded(r, exclude)) continue;
      let isDir = ent.isDirectory();
      let isFile = ent.isFile();
      if (ent.isSymbolicLink()) {
        try { const st = fs.statSync(full); isDir = st.isDirectory(); isFile = st.isFile(); } catch {
          skipped.push({ file: r, reason: 'broken symlink' });
          continue;
        }
      }
      if (isDir) walk(full);
      else if (isFile && SOURCE_RE.test(ent.name)) {
        if (files.length >= config.maxFiles) { skipped.push({ file: r, reason: `over the ${config.maxFiles}-file limit` }); continue; }
        files.push(full);
      }
    }
  };
  walk(root);
  return { files, skipped };
}

export type ReadResult = { text: string } | { skip: string };

/** A JSON file's object, or null when it is missing or not JSON. */
export function readJson(file: string): Record<string, unknown> | null {
  try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch { return null; }
}

/** Reads one source file, refusing what cannot be source code worth analysing. */
export function readSource(file: string, maxBytes: number): ReadResult {
  let text: string;
  try {
    const st = fs.statSync(file);
    if (st.size > maxBytes) return { skip: `larger than ${Math.round(maxBytes / 1024)} KB (${Math.round(st.size / 1024)} KB)` };
    // Decoded while read (Node's UTF-8 fast path): no Buffer to allocate and convert after.
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { skip: `unreadable (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  return checkText(text);
}

/** Classifies file content: binary (NUL bytes) and minified/generated code are skipped. */
export function checkText(buf: Buffer | string): ReadResult {
  const text = typeof buf === 'string' ? buf : buf.toString('utf8');
  const head = text.slice(0, 8000);
  if (head.includes('\u0000')) return { skip: 'binary file' };
  if (text.length > 20000) {
    const lines = text.split('\n').length;
    if (text.length / lines > 500) return { skip: 'minified or generated (very long lines)' };
  }
  return { text };
}
