import * as assert from 'assert';
import type { FnIR } from '../../../src/core/ir';
import { lowerSource } from '../../../src/core/lower';

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

  it('reads seven-stops-ignore-next-line comments', () => {
    const ir = lowerSource('x.js', "// seven-stops-ignore-next-line no-route-before-auth\napp.get('/x', h);\n");
    assert.deepStrictEqual(ir.ignores, { 2: ['no-route-before-auth'] });
  });
});
