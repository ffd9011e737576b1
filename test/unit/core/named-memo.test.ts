// Values made once per object and name (src/core/named-memo.ts).
import * as assert from 'assert';
import { NamedMemo } from '../../../src/core/named-memo';

describe('NamedMemo', () => {
  it('makes a value once per object and name, undefined included', () => {
    const memo = new NamedMemo();
    const a = {};
    const b = {};
    let made = 0;
    const make = (v: unknown) => () => { made++; return v; };
    assert.strictEqual(memo.get('x', a, make(1)), 1);
    assert.strictEqual(memo.get('x', a, make(2)), 1);
    assert.strictEqual(memo.get('y', a, make(3)), 3);
    assert.strictEqual(memo.get('x', b, make(4)), 4);
    assert.strictEqual(memo.get('z', a, make(undefined)), undefined);
    assert.strictEqual(memo.get('z', a, make(5)), undefined);
    assert.strictEqual(made, 4);
  });

  it('forgets every value when cleared', () => {
    const memo = new NamedMemo();
    const a = {};
    memo.get('x', a, () => 1);
    memo.clear();
    assert.strictEqual(memo.get('x', a, () => 2), 2);
  });
});
