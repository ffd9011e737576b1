// The V8 heap growth a scan asks for (cli/heap-growth.ts), unless the user chose their own.
import * as assert from 'assert';
import { heapGrowthFlag } from '../../../src/cli/heap-growth';

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
});
