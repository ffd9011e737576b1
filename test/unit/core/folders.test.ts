// Folder listings from the discovered files (core/folders.ts): what `fs.readdirSync` and adapters see.
import * as assert from 'assert';
import * as path from 'path';
import { FolderIndex } from '../../../src/core/folders';

const root = path.resolve('/w');
const at = (...parts: string[]) => path.join(root, ...parts);

describe('FolderIndex', () => {
  const index = new FolderIndex(root, [
    at('app.js'),
    at('routes', 'users.js'),
    at('routes', 'admin', 'index.ts'),
    at('routes', 'Orders.js'),
    at('lib', 'deep', 'er', 'x.js'),
  ]);

  it('lists files and the folders holding one, sorted by name as Node does (byte order)', () => {
    assert.deepStrictEqual(index.list(at('routes')), [
      { name: 'Orders.js', folder: false },
      { name: 'admin', folder: true },
      { name: 'users.js', folder: false },
    ]);
    assert.deepStrictEqual(index.list(root), [
      { name: 'app.js', folder: false },
      { name: 'lib', folder: true },
      { name: 'routes', folder: true },
    ]);
  });

  it('lists a folder that holds only folders; accepts a trailing separator or dots', () => {
    assert.deepStrictEqual(index.list(at('lib')), [{ name: 'deep', folder: true }]);
    assert.deepStrictEqual(index.list(at('lib', 'deep') + path.sep), [{ name: 'er', folder: true }]);
    assert.deepStrictEqual(index.list(at('routes', 'admin', '..', 'admin')), [{ name: 'index.ts', folder: false }]);
  });

  it('knows nothing above the root or of folders without a discovered file', () => {
    assert.strictEqual(index.list(path.dirname(root)), null);
    assert.strictEqual(index.list(at('public')), null);
  });

  it('tells a discovered file from a listed folder, and knows neither of anything else', () => {
    assert.deepStrictEqual([at('routes', 'users.js'), at('routes', 'admin'), at('lib'), at('routes', 'nope.js'), at('README.md'), path.dirname(root)].map(p => index.kind(p)), [
      'file', 'folder', 'folder', null, null, null,
    ]);
  });
});
