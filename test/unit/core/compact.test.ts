// Lists kept for the whole run at their size (src/core/compact.ts).
import * as assert from 'assert';
import { fit } from '../../../src/core/compact';

describe('fit', () => {
  it('copies a list with its items, in order', () => {
    const list = [1, 2, 3];
    const fitted = fit(list);
    assert.notStrictEqual(fitted, list);
    assert.deepStrictEqual(fitted, [1, 2, 3]);
  });

  it('gives every empty list the same frozen one: pushing onto it fails loudly', () => {
    const a = fit<number>([]);
    assert.strictEqual(a, fit<string>([]) as unknown);
    assert.throws(() => a.push(1), TypeError);
  });
});
