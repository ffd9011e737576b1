// Exclude patterns (src/core/glob.ts), matched against root-relative paths with `/` separators.
import * as assert from 'assert';
import { globToRegExp, isExcluded } from '../../../src/core/glob';

describe('glob', () => {
  it('`**/` matches zero or more whole folders', () => {
    const re = globToRegExp('**/node_modules/**');
    assert.ok(re.test('node_modules/express/index.js'));
    assert.ok(re.test('packages/api/node_modules/x.js'));
    assert.ok(!re.test('my_node_modules/x.js'));
  });

  it('`*` and `?` stay within one folder', () => {
    assert.ok(globToRegExp('src/*.js').test('src/app.js'));
    assert.ok(!globToRegExp('src/*.js').test('src/routes/users.js'));
    assert.ok(globToRegExp('v?/app.js').test('v2/app.js'));
    assert.ok(!globToRegExp('v?/app.js').test('v10/app.js'));
  });

  it('`{a,b}` is either, and the dot is literal', () => {
    const re = globToRegExp('{build,dist}/**');
    assert.ok(re.test('build/app.js') && re.test('dist/app.js'));
    assert.ok(!re.test('public/app.js'));
    assert.ok(!globToRegExp('app.js').test('appxjs'));
  });

  it('a pattern naming a folder excludes the folder itself (isExcluded)', () => {
    assert.ok(isExcluded('coverage', [globToRegExp('coverage/**')]));
    assert.ok(!isExcluded('src/coverage.js', [globToRegExp('coverage/**')]));
  });
});
