// The scan that reads a file's imports without parsing it (core/import-scan.ts): every load the
// parser would find, and what it cannot follow reported as dynamic or unsure.
import * as assert from 'assert';
import { folderWords, scanImports } from '../../../src/core/import-scan';

describe('scanImports', () => {
  it('finds import and export-from lines, side-effect imports, require() and import() with a literal', () => {
    const scan = scanImports(`import express from 'express';
import * as path from "path";
import { a,
  b } from './ab';
import './polyfill';
export * from './all';
export { c as d } from './cd';
import cfg = require('./config');
const users = require('./routes/users');
const lazy = () => import('./lazy');
`);
    assert.deepStrictEqual(scan.specs, ['express', 'path', './ab', './all', './cd', './polyfill', './config', './routes/users', './lazy']);
    assert.deepStrictEqual([scan.dynamic, scan.readsFolders, scan.unsure], [false, false, false]);
  });

  it('leaves out type-only lines, but keeps a value named type and lines mixing types and values', () => {
    const scan = scanImports(`import type { User } from './models';
import type Db from './db';
export type { Row } from './rows';
export type * from './types';
import type from './named-type';
import { type Ctx, handler } from './handler';
import { type OnlyType } from './verbatim';
`);
    assert.deepStrictEqual(scan.specs, ['./named-type', './handler', './verbatim']);
  });

  it('keeps a specifier whose import clause it cannot read (a comment with a quote in it)', () => {
    const scan = scanImports(`import {
  a, // don't remove
  b,
} from './ab';
`);
    assert.deepStrictEqual(scan.specs, ['./ab']);
  });

  it('counts a type-only line and a value line of the same module apart', () => {
    assert.deepStrictEqual(scanImports(`import type { A } from './x';\nimport { b } from './x';\n`).specs, ['./x']);
  });

  it('reads a literal after comments (webpack chunk names) and a template without substitutions', () => {
    const scan = scanImports("const Page = import(/* webpackChunkName: \"page\" */ './Page');\nconst t = require(`./plain`);\n");
    assert.deepStrictEqual(scan.specs, ['./Page', './plain']);
    assert.strictEqual(scan.dynamic, false);
  });

  it('reports require() and import() of anything else as dynamic', () => {
    assert.strictEqual(scanImports('const r = require(name);\n').dynamic, true);
    assert.strictEqual(scanImports("const r = require('./routes/' + name);\n").dynamic, true);
    assert.strictEqual(scanImports('const r = require(`./routes/${name}`);\n').dynamic, true);
    assert.strictEqual(scanImports('const r = await import(path.join(dir, f));\n').dynamic, true);
  });

  it('does not take a method named require or import for a load', () => {
    assert.strictEqual(scanImports('const r = loader.require(name);\nthis.import(x);\n').dynamic, false);
  });

  it('reports a folder listing', () => {
    assert.strictEqual(scanImports("for (const f of fs.readdirSync(__dirname)) use(f);\n").readsFolders, true);
    assert.strictEqual(scanImports("const files = await readdir(dir);\n").readsFolders, true);
    assert.strictEqual(scanImports("const files = glob.sync('routes/*.js');\n").readsFolders, true);
    assert.strictEqual(scanImports("const g = globalThis;\n").readsFolders, false);
  });

  it('is unsure of a specifier with an escape in it (the parser decodes it)', () => {
    const scan = scanImports("const users = require('./\\u0072outes');\nimport x from './a\\x2fb';\n");
    assert.deepStrictEqual([scan.unsure, scan.specs], [true, []]);
  });

  it('errs towards more: a load written in a comment or a string counts', () => {
    assert.deepStrictEqual(scanImports("// const old = require('./old');\nconst msg = 'import from \"./nowhere\"';\n").specs, ['./nowhere', './old']);
  });
});

describe('folderWords', () => {
  it('gives every string literal, a template cut at its first substitution', () => {
    assert.deepStrictEqual(folderWords("path.join(__dirname, '..', 'routes'); load(`./api/${name}`, \"x\");\n"), ['..', 'routes', './api/', 'x']);
  });
});
