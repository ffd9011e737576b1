// The V8 heap settings a scan asks for (cli/heap-growth.ts), unless the user chose their own.
import * as assert from 'assert';
import { afterLoadFlag, heapGrowthFlag } from '../../../src/cli/heap-growth';

describe('scan heap growth', () => {
  it('asks V8 to grow the heap by a fixed percentage after each full collection', () => {
    assert.strictEqual(heapGrowthFlag([], undefined), '--heap-growing-percent=25');
    assert.strictEqual(heapGrowthFlag(['--enable-source-maps'], '--no-warnings'), '--heap-growing-percent=25');
  });

  it('leaves the heap alone when the user sized it or set its growth, on the command line or in NODE_OPTIONS', () => {
    assert.strictEqual(heapGrowthFlag(['--max-old-space-size=4096'], undefined), null);
    assert.strictEqual(heapGrowthFlag([], '--no-warnings --max_old_space_size=2048'), null);
    assert.strictEqual(heapGrowthFlag([], '--heap-growing-percent=50'), null);
    assert.strictEqual(heapGrowthFlag(['--max-heap-size=900'], ''), null);
  });

  it('favours size once files are loaded, unless the user chose how the heap behaves', () => {
    assert.strictEqual(afterLoadFlag([], undefined), '--optimize-for-size');
    assert.strictEqual(afterLoadFlag(['--optimize_for_size'], undefined), null);
    assert.strictEqual(afterLoadFlag([], '--max-old-space-size=4096'), null);
    assert.strictEqual(heapGrowthFlag(['--optimize-for-size'], undefined), null);
  });
});
