// The per-file cache between runs (core/source-files.ts): every file read and scanned, only the
// needed ones parsed, and the closure kept while no file's imports change.
import * as assert from 'assert';
import * as path from 'path';
import type { ClosureScope } from '../../../src/core/closure';
import { SourceFiles } from '../../../src/core/source-files';
import { withWorkspace } from '../workspace';

const SCOPE: ClosureScope = { packages: new Set(['express']), folderLoaders: new Set(), entries: () => [] };
const FILES = {
  'app.js': "const express = require('express');\nconst users = require('./users');\nexpress().use('/users', users);\n",
  'users.js': "module.exports = require('express').Router();\n",
  'web.jsx': 'export const Web = () => <p>hi</p>;\n',
};
const nothingCancelled = () => {};

function run(sources: SourceFiles, root: string, overlays = new Map<string, string>(), trusted: Set<string> | null = null) {
  const files = Object.keys(FILES).map(f => path.join(root, f)).sort();
  const { unread, readable } = sources.readAll(files, overlays, trusted, nothingCancelled);
  const needed = sources.neededFiles(readable, trusted);
  const { modules, outside } = sources.collect(files, unread, readable, needed, [], f => path.relative(root, f), nothingCancelled);
  return { needed, modules: [...modules.keys()].map(f => path.basename(f)), outside: [...outside].map(f => path.basename(f)) };
}

describe('SourceFiles', () => {
  it('reads and scans every file, and parses only those in the closure', () => {
    withWorkspace(FILES, root => {
      const sources = new SourceFiles(root, SCOPE, () => 1 << 20);
      const r = run(sources, root);
      assert.deepStrictEqual([r.modules, r.outside], [['app.js', 'users.js'], ['web.jsx']]);
      assert.deepStrictEqual(sources.work, { read: 3, lowered: 2, notNeeded: 1 });
    });
  });

  it('keeps the closure after an edit that changes no import, and finds it again after one that does', () => {
    withWorkspace(FILES, root => {
      const sources = new SourceFiles(root, SCOPE, () => 1 << 20);
      const first = run(sources, root).needed;
      const web = path.join(root, 'web.jsx');
      const same = run(sources, root, new Map([[web, 'export const Web = () => <p>hello</p>;\n']]), new Set()).needed;
      assert.strictEqual(same, first);
      const importing = run(sources, root, new Map([[web, "import app from './app';\nexport const Web = () => <p>{app}</p>;\n"]]), new Set());
      assert.notStrictEqual(importing.needed, first);
      assert.deepStrictEqual(importing.modules, ['app.js', 'users.js', 'web.jsx']);
    });
  });
});
