// The configuration file: one function validates it and fills defaults (src/core/config.ts).
import * as assert from 'assert';
import { ALWAYS_EXCLUDE, DEFAULT_EXCLUDE, normaliseConfig } from '../../../src/core/config';

describe('configuration', () => {
  it('without exclude, the default list applies (build/, dist/, coverage/ ... are not read)', () => {
    assert.deepStrictEqual(normaliseConfig({}, 'test').exclude, DEFAULT_EXCLUDE);
  });

  it('an explicit exclude replaces the defaults; node_modules and .git stay excluded', () => {
    assert.deepStrictEqual(normaliseConfig({ exclude: ['legacy/**'] }, 'test').exclude, ['**/node_modules/**', '**/.git/**', 'legacy/**']);
  });

  it('"exclude": [] reads build/ and dist/ but still not node_modules or .git', () => {
    assert.deepStrictEqual(normaliseConfig({ exclude: [] }, 'test').exclude, ALWAYS_EXCLUDE);
  });
});
