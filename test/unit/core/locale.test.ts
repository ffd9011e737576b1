import * as assert from 'assert';
import { localeOf } from '../../../src/core/locale';

describe('localeOf', () => {
  it('reads Russian from BCP 47 and POSIX tags', () => {
    assert.strictEqual(localeOf('ru'), 'ru');
    assert.strictEqual(localeOf('ru-RU'), 'ru');
    assert.strictEqual(localeOf('ru_RU.UTF-8'), 'ru');
    assert.strictEqual(localeOf('RU'), 'ru');
  });

  it('falls back to English for other languages, C/POSIX and nothing', () => {
    assert.strictEqual(localeOf('en-US'), 'en');
    assert.strictEqual(localeOf('de'), 'en');
    assert.strictEqual(localeOf('run'), 'en');
    assert.strictEqual(localeOf('C.UTF-8'), 'en');
    assert.strictEqual(localeOf(undefined), 'en');
    assert.strictEqual(localeOf(''), 'en');
  });
});
