// Lowering of import and export statements (src/core/lower-modules.ts), through lowerSource.
import * as assert from 'assert';
import { lowerSource } from '../../../src/core/lower';

describe('lower-modules', () => {
  it('collects ESM imports, exports and re-exports', () => {
    const ir = lowerSource('x.ts', `import express, { Router as R } from 'express';
import * as ns from './ns';
export const a = 1;
export default R();
export { b as c } from './b';
export * from './all';`);
    assert.deepStrictEqual(ir.imports, { express: { spec: 'express', name: 'default' }, R: { spec: 'express', name: 'Router' }, ns: { spec: './ns', name: '*' } });
    assert.deepStrictEqual(Object.keys(ir.exports).sort(), ['a', 'default']);
    assert.deepStrictEqual(ir.reexports, [{ spec: './b', names: [{ from: 'b', as: 'c' }] }, { spec: './all', names: '*' }]);
    assert.ok(ir.esm);
  });

  it('binds nothing for type-only imports and exports: compilers erase them', () => {
    const ir = lowerSource('x.ts', `import type { Request } from 'express';
import type Model from './model';
import { type UserModel } from './models/user';
import { type A, b } from './mixed';
import {} from './empty';
import type * as types from './types';
import type legacy = require('./legacy');
export type { UserModel } from './models/user';
export { type Other } from './other';
export type * from './all-types';
export { type A as Alias, b as bee };`);
    assert.deepStrictEqual(ir.imports, {
      // What tsconfig's verbatimModuleSyntax would still load, as a side effect.
      'side effect: ./models/user': { spec: './models/user', name: '', erased: true },
      b: { spec: './mixed', name: 'b' },
      'side effect: ./empty': { spec: './empty', name: '', erased: true },
      'side effect: ./other': { spec: './other', name: '', erased: true },
    });
    assert.deepStrictEqual(ir.deps, ['./mixed']);
    assert.deepStrictEqual(ir.reexports, []);
    assert.deepStrictEqual(Object.keys(ir.exports), ['bee']);
    assert.deepStrictEqual(ir.body, []);
  });

  it('keeps `import {} from` in JavaScript, which Node runs as written', () => {
    const ir = lowerSource('x.mjs', `import {} from './routes.mjs';`);
    assert.deepStrictEqual(ir.imports, { 'side effect: ./routes.mjs': { spec: './routes.mjs', name: '' } });
    assert.deepStrictEqual(ir.deps, ['./routes.mjs']);
  });

  it("TypeScript's `export = x` is `module.exports = x` and makes the file CommonJS; `import x = require()` binds a require", () => {
    const ir = lowerSource('x.ts', `import express = require('express');
import type legacy = require('./legacy');
import { a } from './a';
export = express;`);
    assert.strictEqual(ir.esm, false);
    assert.deepStrictEqual(ir.deps, ['express', './a']);
    assert.deepStrictEqual(ir.body.map(st => st.k), ['bind', 'assign']);
    const assign = ir.body[1];
    assert.ok(assign.k === 'assign' && assign.prop === 'exports' && assign.obj.k === 'ref' && assign.obj.name === 'module');
  });
});
