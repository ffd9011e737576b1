// The lowered IR of each source file, kept on disk between processes (issue 17, "open warm"): a
// workspace opened again reloads the IR of every file whose text is unchanged instead of parsing
// it. Entries are named by a hash of the analyser version, the file's script kind and its text, so
// a file edited while no analyser ran simply finds no entry; what is found is checked (cache-file.ts).
//
// The IR is stored with V8's serializer: unlike JSON it keeps the objects lowering shares (one span
// per extent, argument lists a use and a call both hold) shared, so a reloaded IR is the same graph
// a fresh lowering makes. Spans come back as plain objects and are given LineSpan's prototype again.
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import { hashOf, readCacheFile, writeCacheFile } from './cache-file';
import type { ModuleIR } from './ir';
import { LineSpan } from './parse-source';

/** Where the IR cache lives under a cache folder, and the label its files carry. */
const FOLDER = 'ir';
const KIND = 'ir';

/** The per-file IR cache in `dir` for analyser build `version` (see engine.ts's cacheVersion). */
export class IrCache {
  /** The entries this process read or wrote, by name (prune keeps these). */
  private readonly used = new Set<string>();
  /** Shard folders this process wrote into (made once, not once per entry). */
  private readonly folders = new Set<string>();

  /**
   * No entry folder when this cache was opened (a first scan): nothing to look up, and a failed read
   * per file was a tenth of the cost the cache adds to that scan.
   */
  private readonly empty: boolean;

  constructor(readonly dir: string, readonly version: string) {
    this.empty = !fs.existsSync(path.join(dir, FOLDER));
  }

  /** The IR lowered earlier from exactly this text and script kind, or null (none, or not trustworthy). */
  load(fileName: string, text: string): ModuleIR | null {
    if (this.empty) return null;
    const key = this.key(fileName, text);
    const payload = readCacheFile(this.file(key), { kind: KIND, version: this.version, key });
    if (!payload) return null;
    let ir: unknown;
    try { ir = v8.deserialize(payload); } catch { return null; }
    if (!isModuleIR(ir)) return null;
    reviveSpans(ir);
    this.used.add(key);
    return ir;
  }

  /** Keeps a freshly lowered IR (call before anything runs it: evaluation fills in class members). */
  store(fileName: string, text: string, ir: ModuleIR): void {
    const key = this.key(fileName, text);
    // Written or read already by this process: files with the same text (generated code, copies) share an entry.
    if (this.used.has(key)) return;
    let payload: Buffer;
    try { payload = v8.serialize(ir); } catch { return; }
    const file = this.file(key);
    const folder = path.dirname(file);
    if (writeCacheFile(file, { kind: KIND, version: this.version, key }, payload, this.folders.has(folder))) {
      this.used.add(key);
      this.folders.add(folder);
    }
  }

  /** How many entries this process read or wrote. */
  get entries(): number {
    return this.used.size;
  }

  /**
   * Deletes the entries this process neither read nor wrote (older texts of files, files since
   * deleted, another build's entries, left-over temporary files), so the cache holds about one
   * entry per file. Called after a run that looked up every file it needed (the CLI's).
   */
  prune(): void {
    const top = path.join(this.dir, FOLDER);
    let shards: string[];
    try { shards = fs.readdirSync(top); } catch { return; }
    for (const shard of shards) {
      const folder = path.join(top, shard);
      let names: string[];
      try { names = fs.readdirSync(folder); } catch { continue; }
      for (const name of names) {
        if (name.endsWith('.bin') && this.used.has(name.slice(0, -4))) continue;
        try { fs.rmSync(path.join(folder, name), { force: true }); } catch { /* another process's, or already gone */ }
      }
    }
  }

  private key(fileName: string, text: string): string {
    // The extension picks the parser's script kind and whether import lines may be erased (lower.ts).
    return hashOf(this.version, path.extname(fileName).toLowerCase(), text);
  }

  private file(key: string): string {
    return path.join(this.dir, FOLDER, key.slice(0, 2), `${key}.bin`);
  }
}

/** A shallow check that a deserialized value has ModuleIR's shape (a payload that passed its checksum but not this was not ours). */
function isModuleIR(v: unknown): v is ModuleIR {
  if (v === null || typeof v !== 'object') return false;
  const ir = v as Record<string, unknown>;
  return Array.isArray(ir.body) && Array.isArray(ir.deps) && Array.isArray(ir.reexports) && typeof ir.syntaxErrors === 'number'
    && typeof ir.esm === 'boolean' && isRecord(ir.imports) && isRecord(ir.hoisted) && isRecord(ir.exports) && isRecord(ir.ignores);
}

function isRecord(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Gives every span in the graph LineSpan's prototype back (V8's serializer keeps own fields only:
 * start, end, the shared line table and the last range made). Spans are told by their line table.
 */
function reviveSpans(root: object): void {
  const seen = new Set<object>();
  const stack: object[] = [root];
  while (stack.length) {
    const o = stack.pop()!;
    if (Array.isArray(o)) {
      for (const x of o) if (x !== null && typeof x === 'object' && !seen.has(x)) { seen.add(x); stack.push(x); }
      continue;
    }
    const rec = o as Record<string, unknown>;
    if (Array.isArray(rec.lines) && typeof rec.start === 'number' && typeof rec.end === 'number') {
      rec.made = null;
      Object.setPrototypeOf(o, LineSpan.prototype);
      continue;
    }
    for (const k in rec) {
      const x = rec[k];
      if (x !== null && typeof x === 'object' && !seen.has(x)) { seen.add(x); stack.push(x); }
    }
  }
}
