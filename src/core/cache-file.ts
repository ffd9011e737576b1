// One file of the on-disk cache (ir-cache.ts, run-cache.ts): a checked envelope around a payload.
// The cache outlives the process that wrote it, so a file may be cut short (a crash mid-write on a
// file system that does not rename atomically), written by another analyser version, renamed, or
// plain garbage. Every read checks all of that and answers null rather than trust a byte of it;
// every write goes to a temporary file first and is renamed into place.
//
// Layout: MAGIC (8 bytes), the header's length (uint32, little-endian), the header (JSON: kind,
// version, key, payload length, payload SHA-1), the payload.
import { createHash, randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

const MAGIC = Buffer.from('7STOPS\x01\n', 'latin1');
/** A header longer than this is not one we wrote (keys and versions are short). */
const MAX_HEADER = 4096;

/** What a cache file says it holds; a read succeeds only when kind, version and key are the expected ones. */
export interface CacheLabel {
  /** What the payload is ('ir', 'run'): a file of one kind is never read as another. */
  kind: string;
  /** The analyser build that wrote it (see engine.ts's cacheVersion): another build's files are ignored. */
  version: string;
  /** What the payload was made from (a content hash): also the file's name, but the name alone is not trusted. */
  key: string;
}

interface Header extends CacheLabel {
  bytes: number;
  sha1: string;
}

/** SHA-1 in hex of the given parts, each ended by a NUL so that ('ab','c') and ('a','bc') differ. */
export function hashOf(...parts: (string | Buffer)[]): string {
  const h = createHash('sha1');
  for (const p of parts) { h.update(p); h.update('\0'); }
  return h.digest('hex');
}

/** The envelope's bytes for `payload` under `label`. */
export function encodeCacheFile(label: CacheLabel, payload: Buffer): Buffer {
  const header: Header = { kind: label.kind, version: label.version, key: label.key, bytes: payload.length, sha1: hashOf(payload) };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length, 0);
  return Buffer.concat([MAGIC, length, json, payload]);
}

/** The payload of an envelope carrying exactly `label`, or null when anything about it is off. */
export function decodeCacheFile(label: CacheLabel, data: Buffer): Buffer | null {
  if (data.length < MAGIC.length + 4 || !data.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const headerLength = data.readUInt32LE(MAGIC.length);
  const start = MAGIC.length + 4 + headerLength;
  if (headerLength > MAX_HEADER || start > data.length) return null;
  let header: Partial<Header>;
  try { header = JSON.parse(data.subarray(MAGIC.length + 4, start).toString('utf8')) as Partial<Header>; } catch { return null; }
  if (header === null || typeof header !== 'object') return null;
  if (header.kind !== label.kind || header.version !== label.version || header.key !== label.key) return null;
  // A truncated or padded payload, or one whose bytes changed after it was written.
  if (header.bytes !== data.length - start) return null;
  const payload = data.subarray(start);
  return header.sha1 === hashOf(payload) ? payload : null;
}

/** Reads an envelope (see decodeCacheFile); null for a missing or unreadable file too. */
export function readCacheFile(file: string, label: CacheLabel): Buffer | null {
  let data: Buffer;
  try { data = fs.readFileSync(file); } catch { return null; }
  return decodeCacheFile(label, data);
}

/**
 * Writes an envelope atomically: to a temporary file beside it, then renamed over the old one, so a
 * reader sees the old file or the new one, never half of one. Best effort: a cache that cannot be
 * written (read-only folder, full disk) costs the next run its speed, never this run its result.
 * `folderExists`: the caller made the folder already (skips a system call per file on a cold scan).
 */
export function writeCacheFile(file: string, label: CacheLabel, payload: Buffer, folderExists = false): boolean {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    if (!folderExists) fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temp, encodeCacheFile(label, payload));
    fs.renameSync(temp, file);
    return true;
  } catch {
    try { fs.rmSync(temp, { force: true }); } catch { /* nothing more to do: the temporary name is never read */ }
    return false;
  }
}
