import * as assert from 'assert';
import type { Fix } from '../../../../src/core/model';
import { fixed, rangeOf } from './fix-tester';

const limit = (text: string, call: string): Fix => ({ kind: 'append-call', title: 'Limit the query', call: rangeOf(text, call), name: 'limit', args: '100' });

describe('append-call fix', () => {
  it('appends the call right after the one at the range, the rest of the chain kept', () => {
    const text = 'const users = await User.find({}).sort({ name: 1 }).lean();\n';
    assert.strictEqual(fixed(limit(text, 'User.find({})'), text), 'const users = await User.find({}).limit(100).sort({ name: 1 }).lean();\n');
  });

  it('offers nothing where the range is no longer a call', () => {
    const text = 'const users = await User.find;\n';
    assert.strictEqual(fixed(limit(text, 'User.find'), text), null);
  });
});
