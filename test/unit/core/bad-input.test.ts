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

  describe('infinite and deep code', () => {
    const MODULE = "const app = require('./app');\n";
    const APP_EXPORTED = APP + 'module.exports = app;\n';

    it('a `while (true)` registering a route at module top level: the scan ends, the route is there once', () => {
      const r = analyse({ 'app.js': APP_EXPORTED, 'spin.js': MODULE + "while (true) { app.get('/spin', (req, res) => res.end()); }\n" });
      assert.deepStrictEqual(routeLines(r), ['GET /ok [] ⚠', 'GET /spin [] ⚠']);
    });

    it('unbounded recursion registering a route: followed once, not forever', () => {
      const r = analyse({ 'app.js': APP_EXPORTED, 'recurse.js': MODULE + "function register(n) { app.get('/r', (req, res) => res.end()); return register(n + 1); }\nregister(0);\n" });
      assert.deepStrictEqual(routeLines(r), ['GET /ok [] ⚠', 'GET /r [] ⚠']);
    });

    it('a 1e9-iteration string loop at module top level is not run: the code after it is', () => {
      const r = analyse({ 'app.js': APP_EXPORTED, 'loop.js': MODULE + "let s = '';\nfor (let i = 0; i < 1e9; i++) s += 'x';\napp.get('/after-loop', (req, res) => res.end());\n" });
      assert.deepStrictEqual(routeLines(r), ['GET /ok [] ⚠', 'GET /after-loop [] ⚠']);
    });

    it('files nested 10,000 levels deep are listed as skipped with the reason; the rest is analysed', () => {
      const n = 10_000;
      const r = analyse({
        'app.js': APP_EXPORTED,
        'arrays.js': MODULE + `const x = ${'[\n'.repeat(n)}${']\n'.repeat(n)};\napp.get('/arrays', (req, res) => res.end());\n`,
        'functions.js': MODULE + `${'function f() {\n'.repeat(n)}${'}\n'.repeat(n)}app.get('/functions', (req, res) => res.end());\n`,
        'ternaries.js': MODULE + `const p = ${"a ? '/c' :\n".repeat(n)}'/d';\napp.get(p, (req, res) => res.end());\n`,
        'later.js': MODULE + "app.get('/later', (req, res) => res.end());\n",
      });
      assert.deepStrictEqual(routeLines(r), ['GET /ok [] ⚠', 'GET /later [] ⚠']);
      const reasons = Object.fromEntries(r.skipped.map(s => [s.file, s.reason]));
      for (const f of ['arrays.js', 'functions.js', 'ternaries.js']) assert.match(reasons[f], /^nested too deeply to parse/, f);
    });

    // 2,000 levels overflowed evaluating until the interpreter's eval() lost the object-literal case to
    // its own method (a smaller stack frame): it now evaluates as deep as the parser parses.
    it('5,000 nested ternaries (deep enough to overflow parsing or evaluating, depending on the stack): that file is skipped, not the run', () => {
      const r = analyse({
        'app.js': APP_EXPORTED,
        'ternaries.js': MODULE + `const p = ${"a ? '/c' :\n".repeat(5000)}'/d';\napp.get(p, (req, res) => res.end());\n`,
        'later.js': MODULE + "app.get('/later', (req, res) => res.end());\n",
      });
      assert.deepStrictEqual(routeLines(r).filter(l => !l.startsWith('GET /d ')), ['GET /ok [] ⚠', 'GET /later [] ⚠']);
      assert.deepStrictEqual(r.skipped.map(s => s.file), ['ternaries.js']);
      assert.match(r.skipped[0].reason, /^nested too deeply to (parse|evaluate)/);
    });

    it("a 2,000-term '+' chain (generated code) is one flat concatenation: its path is known", () => {
      const r = analyse({ 'app.js': APP_EXPORTED, 'plus.js': MODULE + `const p = '/s'${" + 'x'\n".repeat(2000)};\napp.get(p, (req, res) => res.end());\n` });
      assert.deepStrictEqual(r.routes.map(x => x.path), ['/ok', '/s' + 'x'.repeat(2000)]);
      assert.deepStrictEqual(r.skipped, []);
    });
  });
});

