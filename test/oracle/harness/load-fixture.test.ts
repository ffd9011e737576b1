// The loader binds a fixture's bare specifiers per boot: loading the same fixture again with
// another binding (another version of the framework) must load the other file.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadFixture } from './load-fixture';

const FIXTURES = path.resolve(__dirname, '../../fixtures/oracle-harness');
const ROOT = path.join(FIXTURES, 'bound-specifier');

describe('oracle harness: loadFixture', () => {
  it("binds a bare specifier anew on every load, even where Node cached the folder's first resolution", async () => {
    // Nothing else loads one.js or two.js, so the first load below is the one that would make
    // Node remember `require('framework')` from this folder as one.js.
    assert.equal(await loadFixture(ROOT, 'app.js', { framework: path.join(FIXTURES, 'versions/one.js') }), 'one');
    assert.equal(await loadFixture(ROOT, 'app.js', { framework: path.join(FIXTURES, 'versions/two.js') }), 'two');
  });
});
