import * as assert from 'assert';
import { byteLimit, parseBytes } from '../../../../src/frameworks/shared/byte-size';

describe('byte sizes', () => {
  it('reads strings as the bytes package does: units in powers of 1024, any case, spaces before the unit, else parseInt', () => {
    assert.strictEqual(parseBytes('100kb'), 102400);
    assert.strictEqual(parseBytes('10mb'), 10485760);
    assert.strictEqual(parseBytes('10MB'), 10485760);
    assert.strictEqual(parseBytes('50 mb'), 52428800);
    assert.strictEqual(parseBytes('1.5gb'), 1610612736);
    assert.strictEqual(parseBytes('5000'), 5000);
    assert.strictEqual(parseBytes('10 MB '), 10);
    assert.strictEqual(parseBytes('abc'), null);
    assert.strictEqual(parseBytes(Infinity), Infinity);
  });

  it('reads a limit argument: literals, Infinity and products of numbers by their text; anything else is not a known size', () => {
    assert.deepStrictEqual(byteLimit({ value: { t: 'str', v: '1gb' }, name: '"1gb"', site: null }), { bytes: 1073741824, written: "'1gb'" });
    assert.deepStrictEqual(byteLimit({ value: { t: 'num', v: 1048576 }, name: '…', site: null }), { bytes: 1048576, written: '1048576' });
    assert.deepStrictEqual(byteLimit({ value: { t: 'unknown', why: '' }, name: 'Infinity', site: null }), { bytes: Infinity, written: 'Infinity' });
    assert.deepStrictEqual(byteLimit({ value: { t: 'unknown', why: '' }, name: '50 * 1024 * 1024', site: null }), { bytes: 52428800, written: '50 * 1024 * 1024' });
    assert.deepStrictEqual(byteLimit({ value: { t: 'unknown', why: '' }, name: 'config.maxBody', site: null }), { bytes: null, written: 'config.maxBody' });
  });
});
