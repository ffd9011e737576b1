// Finding and reading a workspace's source files (src/core/discover.ts). Unreadable folders and
// symlink loops: bad-input.test.ts.
import * as assert from 'assert';
import * as path from 'path';
import { DEFAULT_CONFIG } from '../../../src/core/config';
import { checkText, discoverFiles } from '../../../src/core/discover';
import { withWorkspace } from '../workspace';

describe('discover', () => {
  it('lists source files of every JavaScript and TypeScript extension, leaving other files and excluded folders out', () => {
    withWorkspace({ 'a.js': '', 'b.ts': '', 'c.mjs': '', 'd.cts': '', 'e.tsx': '', 'notes.md': '', 'data.json': '{}', 'dist/app.js': '', 'node_modules/x/index.js': '' }, root => {
      const found = discoverFiles(root, DEFAULT_CONFIG).files.map(f => path.relative(root, f).split(path.sep).join('/')).sort();
      assert.deepStrictEqual(found, ['a.js', 'b.ts', 'c.mjs', 'd.cts', 'e.tsx']);
    });
  });

  it('takes text with NUL bytes for binary, and long lines past 20,000 characters for minified', () => {
    assert.deepStrictEqual(checkText('a\u0000b'), { skip: 'binary file' });
    assert.deepStrictEqual(checkText('x'.repeat(20001)), { skip: 'minified or generated (very long lines)' });
    assert.deepStrictEqual(checkText('const a = 1;\n'), { text: 'const a = 1;\n' });
  });
});
