import * as assert from 'assert';
import type { ClassIR, FnIR } from '../../../src/core/ir';
import { lowerClassMembers, lowerSource } from '../../../src/core/lower';

const firstFn = (src: string): FnIR => {
  const ir = lowerSource('x.js', src);
  return Object.values(ir.hoisted)[0];
};

describe('lowerSource', () => {
  it('computes fn.length like the runtime: a default parameter ends the count (E19)', () => {
    assert.strictEqual(firstFn('function h(err, req, res, next) {}').length, 4);
    assert.strictEqual(firstFn('function h(err, req, res, next = () => {}) {}').length, 3);
    assert.strictEqual(firstFn('function h(a, ...rest) {}').length, 1);
  });

  it('records how a function uses its parameters', () => {
    const fn = firstFn(`function auth(req, res, next) {
  if (!req.user) return res.status(401).json({ error: 'no' });
  next();
}`);
    const uses = fn.uses.map(u => `${u.param}:${u.path.join('.')}${u.call ? `(${u.call.map(a => (a.k === 'num' ? a.v : a.k)).join(',')})` : ''}`);
    assert.deepStrictEqual(uses, ['0:user', '1:status', '1:status(401)', '1:status.().json', '1:status.().json(obj)', '2:()']);
  });

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

  it('reads seven-stops-ignore-next-line comments', () => {
    const ir = lowerSource('x.js', "// seven-stops-ignore-next-line no-route-before-auth\napp.get('/x', h);\n");
    assert.deepStrictEqual(ir.ignores, { 2: ['no-route-before-auth'] });
  });
  it('lowers class methods only on demand, but still records the modules their bodies require', () => {
    const src = `class Server {
  constructor() { this.ready = true; }
  static app() { const express = require('express'); return express(); }
  get router() { return this._router; }
}`;
    const ir = lowerSource('x.js', src);
    const bind = ir.body[0];
    assert.ok(bind.k === 'bind' && bind.e.k === 'class');
    const cls: ClassIR = bind.e.cls;
    assert.deepStrictEqual(cls.members.map(m => [m.key, m.static ?? false, m.get ?? false, m.fn === undefined]), [['app', true, false, true], ['router', false, true, true]]);
    assert.ok(cls.ctor);
    assert.deepStrictEqual(ir.deps, ['express']);
    lowerClassMembers('x.js', src, cls);
    assert.deepStrictEqual(cls.members.map(m => m.fn?.name), ['app', 'router']);
    assert.strictEqual(cls.members[0].fn?.span.line, 3);
  });
});
