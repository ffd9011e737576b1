// Bad input is normal input: every kind is skipped or degraded per file, never thrown.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyseFolder } from '../../../src/engine';
import { analyse, routeLines, withWorkspace } from '../workspace';

const APP = `const express = require('express');
const app = express();
app.get('/ok', (req, res) => res.json({}));
`;

describe('bad input', () => {
  it('keeps the routes that parsed in a file with a syntax error, and lists the file', () => {
    const r = analyse({ 'app.js': APP + "app.get('/half', (req, res) => { res.json(\n" });
    assert.deepStrictEqual(r.routes.map(x => x.path).slice(0, 1), ['/ok']);
    assert.ok(r.skipped.some(s => s.file === 'app.js' && /syntax error/.test(s.reason)), JSON.stringify(r.skipped));
  });

  it('skips binary, minified and oversized files with a reason', () => {
    const r = analyse({
      'app.js': APP,
      'blob.js': Buffer.from([0x00, 0x01, 0x02, 0x00, 0xff]),
      'vendor.bundle.js': 'var a=1;'.repeat(5000),
      'huge.js': '// ' + 'x'.repeat(1024 * 1024 + 10),
    });
    const reasons = Object.fromEntries(r.skipped.map(s => [s.file, s.reason]));
    assert.strictEqual(reasons['blob.js'], 'binary file');
    assert.match(reasons['vendor.bundle.js'], /minified/);
    assert.match(reasons['huge.js'], /larger than 1024 KB/);
    assert.deepStrictEqual(routeLines(r), ['GET /ok [] ⚠']);
  });

  it('survives a symlink loop and reports it', () => {
    withWorkspace({ 'src/app.js': APP }, root => {
      fs.symlinkSync(path.join(root, 'src'), path.join(root, 'src', 'loop'));
      const r = analyseFolder(root);
      assert.deepStrictEqual(r.routes.map(x => x.path), ['/ok']);
      assert.ok(r.skipped.some(s => s.file === 'src/loop' && /symlink loop/.test(s.reason)), JSON.stringify(r.skipped));
    });
  });

  it('records a route with a computed path and says what was unknown, without dropping the rest', () => {
    const r = analyse({ 'app.js': APP + "app.get(getPath(), (req, res) => res.end());\napp.get('/after', (req, res) => res.end());\n" });
    assert.deepStrictEqual(r.routes.map(x => x.path), ['/ok', '/{?}', '/after']);
    assert.match(r.routes[1].unresolved.join(), /getPath/);
  });

  it('does not loop forever on recursive factories', () => {
    const r = analyse({ 'app.js': APP + 'function f(a) { return f(a); }\napp.use(f(1));\n' });
    assert.deepStrictEqual(r.routes.map(x => x.path), ['/ok']);
  });
});
