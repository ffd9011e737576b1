// The checked envelope of every on-disk cache file (core/cache-file.ts): what was written reads back,
// and a truncated, padded, foreign, relabelled or garbage file reads as nothing.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { decodeCacheFile, encodeCacheFile, readCacheFile, writeCacheFile } from '../../../src/core/cache-file';
import { withWorkspace } from '../workspace';

const LABEL = { kind: 'ir', version: 'v1', key: 'abc123' };
const PAYLOAD = Buffer.from('the payload bytes');

describe('cache files', () => {
  it('reads back the payload written under the same label', () => {
    assert.deepStrictEqual(decodeCacheFile(LABEL, encodeCacheFile(LABEL, PAYLOAD)), PAYLOAD);
  });

  it('ignores a file cut short, even by one byte (a truncated write)', () => {
    const data = encodeCacheFile(LABEL, PAYLOAD);
    assert.strictEqual(decodeCacheFile(LABEL, data.subarray(0, data.length - 1)), null);
    assert.strictEqual(decodeCacheFile(LABEL, data.subarray(0, 10)), null);
    assert.strictEqual(decodeCacheFile(LABEL, Buffer.alloc(0)), null);
  });

  it('ignores a file with bytes added after the payload', () => {
    assert.strictEqual(decodeCacheFile(LABEL, Buffer.concat([encodeCacheFile(LABEL, PAYLOAD), Buffer.from('x')])), null);
  });

  it('ignores a file another analyser version wrote', () => {
    assert.strictEqual(decodeCacheFile(LABEL, encodeCacheFile({ ...LABEL, version: 'v0' }, PAYLOAD)), null);
  });

  it('ignores a file of another kind or key (a renamed or copied entry)', () => {
    assert.strictEqual(decodeCacheFile(LABEL, encodeCacheFile({ ...LABEL, kind: 'run' }, PAYLOAD)), null);
    assert.strictEqual(decodeCacheFile(LABEL, encodeCacheFile({ ...LABEL, key: 'def456' }, PAYLOAD)), null);
  });

  it('ignores a payload changed after it was written (its checksum no longer matches)', () => {
    const data = encodeCacheFile(LABEL, PAYLOAD);
    data[data.length - 3] ^= 0xff;
    assert.strictEqual(decodeCacheFile(LABEL, data), null);
  });

  it('ignores garbage: random bytes, a header length past the end, a header that is not JSON', () => {
    assert.strictEqual(decodeCacheFile(LABEL, Buffer.from('\x00\x01garbage bytes that are not a cache file')), null);
    const huge = encodeCacheFile(LABEL, PAYLOAD);
    huge.writeUInt32LE(0xffffffff, 8);
    assert.strictEqual(decodeCacheFile(LABEL, huge), null);
    const notJson = encodeCacheFile(LABEL, PAYLOAD);
    notJson[12] = 0x7b + 1;
    assert.strictEqual(decodeCacheFile(LABEL, notJson), null);
  });

  it('writes through a temporary file renamed into place, leaving only the entry', () => {
    withWorkspace({}, dir => {
      const file = path.join(dir, 'a', 'b', 'entry.bin');
      assert.strictEqual(writeCacheFile(file, LABEL, PAYLOAD), true);
      assert.deepStrictEqual(fs.readdirSync(path.dirname(file)), ['entry.bin']);
      assert.deepStrictEqual(readCacheFile(file, LABEL), PAYLOAD);
      // Rewritten in place: the old file is replaced whole.
      assert.strictEqual(writeCacheFile(file, LABEL, Buffer.from('second')), true);
      assert.deepStrictEqual(readCacheFile(file, LABEL), Buffer.from('second'));
    });
  });

  it('answers false when the folder cannot be written (a file stands where the folder should), and null for a missing file', () => {
    withWorkspace({ 'blocked': 'a file, not a folder' }, dir => {
      assert.strictEqual(writeCacheFile(path.join(dir, 'blocked', 'entry.bin'), LABEL, PAYLOAD), false);
      assert.strictEqual(readCacheFile(path.join(dir, 'missing.bin'), LABEL), null);
    });
  });
});
