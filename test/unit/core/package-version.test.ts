// Which version of a package a file gets, and where it was read: installed, locked, or declared.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { PackageFiles, findPackageVersion } from '../../../src/core/package-version';
import { withWorkspace } from '../workspace';

describe('package version', () => {
  it('an installed package wins over the lock file and the declared range, even from a folder further up', () => {
    withWorkspace({
      'package.json': '{ "dependencies": { "@koa/router": "^15.0.0" } }',
      'package-lock.json': '{ "lockfileVersion": 3, "packages": { "node_modules/@koa/router": { "version": "15.3.0" } } }',
      'node_modules/@koa/router/package.json': '{ "version": "15.7.0" }',
      'packages/api/package.json': '{ "dependencies": { "@koa/router": "^12.0.0" } }',
    }, root => {
      assert.deepStrictEqual(findPackageVersion(root, path.join(root, 'packages/api'), '@koa/router'), { version: '15.7.0', from: 'installed' });
    });
  });

  it('without node_modules: the version package-lock.json (v3 or v1) or yarn.lock pins', () => {
    withWorkspace({
      'package.json': '{ "dependencies": { "@koa/router": "^15.0.0", "koa": "^2.0.0" } }',
      'package-lock.json': '{ "lockfileVersion": 3, "packages": { "node_modules/@koa/router": { "version": "15.3.0" } } }',
    }, root => {
      assert.deepStrictEqual(findPackageVersion(root, root, '@koa/router'), { version: '15.3.0', from: 'lock' });
      assert.deepStrictEqual(findPackageVersion(root, root, 'koa'), { version: '2.0.0', from: 'declared' });
    });
    withWorkspace({ 'package-lock.json': '{ "lockfileVersion": 1, "dependencies": { "koa-router": { "version": "14.0.0" } } }' }, root => {
      assert.deepStrictEqual(findPackageVersion(root, root, 'koa-router'), { version: '14.0.0', from: 'lock' });
    });
    withWorkspace({ 'yarn.lock': '"@koa/router@^13.0.0", "@koa/router@^13.1.0":\n  version "13.1.1"\n  resolved "x"\n\nkoa@^3.0.0:\n  version "3.3.0"\n' }, root => {
      assert.deepStrictEqual(findPackageVersion(root, root, '@koa/router'), { version: '13.1.1', from: 'lock' });
      assert.deepStrictEqual(findPackageVersion(root, root, 'koa'), { version: '3.3.0', from: 'lock' });
    });
  });

  it('nothing above the root is read; nothing known gives null', () => {
    withWorkspace({ 'app/package.json': '{}' }, root => {
      assert.strictEqual(findPackageVersion(path.join(root, 'app'), path.join(root, 'app'), 'koa'), null);
    });
  });

  it('lookups sharing one PackageFiles read each file once (a run\'s copy); a new PackageFiles reads the disk again', () => {
    withWorkspace({ 'package.json': '{ "dependencies": { "koa": "^2.0.0" } }', 'src/api/x.js': '' }, root => {
      const files = new PackageFiles();
      assert.deepStrictEqual(findPackageVersion(root, path.join(root, 'src'), 'koa', files), { version: '2.0.0', from: 'declared' });
      fs.writeFileSync(path.join(root, 'package.json'), '{ "dependencies": { "koa": "^3.0.0" } }');
      fs.mkdirSync(path.join(root, 'node_modules/koa'), { recursive: true });
      fs.writeFileSync(path.join(root, 'node_modules/koa/package.json'), '{ "version": "3.1.0" }');
      assert.deepStrictEqual(findPackageVersion(root, path.join(root, 'src/api'), 'koa', files), { version: '2.0.0', from: 'declared' });
      assert.deepStrictEqual(findPackageVersion(root, path.join(root, 'src/api'), 'koa', new PackageFiles()), { version: '3.1.0', from: 'installed' });
    });
  });
});
