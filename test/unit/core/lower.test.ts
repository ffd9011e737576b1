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

  it('keeps a try statement one block, saying where its catch and finally clauses start', () => {
    const body = firstFn('function h() { try { a(); b(); } catch (e) { c(); } finally { d(); } try { a(); } finally { d(); } }').body;
    assert.deepStrictEqual(body.map(s => (s.k === 'block' ? [s.body.length, s.try] : s.k)), [
      [4, { catchAt: 2, finallyAt: 3 }],
      [2, { catchAt: null, finallyAt: 1 }],
    ]);
  });

  it("marks a call the code awaits (`await app.register(x)`), not one it does not, nor a call inside an awaited one's arguments", () => {
    const body = firstFn('async function h(app) { await app.register(a(1)); app.register(b); }').body;
    const calls = body.map(s => (s.k === 'expr' && s.e.k === 'call' ? s.e : null));
    assert.strictEqual(calls[0]?.awaited, true);
    assert.strictEqual(calls[0]?.args[0].k === 'call' && calls[0].args[0].awaited, undefined);
    assert.strictEqual(calls[1]?.awaited, undefined);
  });

  it('marks while, for and do loops (for-of is a loop statement of its own), not a labelled statement or a plain block', () => {
    const body = firstFn('function h() { while (x) a(); for (;;) b(); do c(); while (y); { d(); } outer: for (const i in o) e(); }').body;
    assert.deepStrictEqual(body.map(s => (s.k === 'block' ? `block${s.loop ? ' loop' : ''}${s.body[0]?.k === 'block' && s.body[0].loop ? ' > loop' : ''}` : s.k)),
      ['block loop', 'block loop', 'block loop', 'block', 'block > loop']);
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
