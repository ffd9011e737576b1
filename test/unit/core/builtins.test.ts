// JavaScript's own objects as pure functions over abstract values (core/builtins.ts).
import * as assert from 'assert';
import { pureMethod } from '../../../src/core/builtins';
import { type Arg, UNKNOWN, type Value } from '../../../src/core/values';

const str = (v: string): Value => ({ t: 'str', v });
const arg = (value: Value): Arg => ({ value, name: 'x', site: null });

describe('pureMethod', () => {
  it('string tests on known strings answer true or false (file-name filters)', () => {
    assert.deepStrictEqual(pureMethod(str('users.js'), 'endsWith', [arg(str('.js'))]), { t: 'bool', v: true });
    assert.deepStrictEqual(pureMethod(str('index.ts'), 'endsWith', [arg(str('.js'))]), { t: 'bool', v: false });
    assert.deepStrictEqual(pureMethod(str('_helpers.js'), 'startsWith', [arg(str('_'))]), { t: 'bool', v: true });
    assert.deepStrictEqual(pureMethod(str('users.test.js'), 'includes', [arg(str('.test.'))]), { t: 'bool', v: true });
  });

  it('an unknown argument, or a second one (a position), leaves the call unanswered', () => {
    assert.strictEqual(pureMethod(str('users.js'), 'endsWith', [arg(UNKNOWN('suffix'))]), undefined);
    assert.strictEqual(pureMethod(str('users.js'), 'startsWith', [arg(str('s')), arg({ t: 'num', v: 1 })]), undefined);
  });
});
