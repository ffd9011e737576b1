// Whether lowered statements call a function by name (core/stmt-calls.ts).
import * as assert from 'assert';
import { lowerSource } from '../../../src/core/lower';
import { callsName } from '../../../src/core/stmt-calls';

const calls = (body: string) => lowerSource('/w/app.js', `function m(req, res, next) { ${body} }`).hoisted.m.body.map(st => callsName(st, 'next'));

describe('statement calls', () => {
  it('finds a call in returns, arguments, branches, blocks and text the IR keeps as is', () => {
    assert.deepStrictEqual(calls('return next(); '), [true]);
    assert.deepStrictEqual(calls('res.on("finish", done(next())); '), [true]);
    assert.deepStrictEqual(calls('if (req.user) { next(); } else { res.end(); }'), [true]);
    assert.deepStrictEqual(calls('try { next(); } catch (e) { res.end(); }'), [true]);
    assert.deepStrictEqual(calls('const ok = !next();'), [true]);
  });

  it('not a callback written in it, nor another name', () => {
    assert.deepStrictEqual(calls('res.on("finish", () => next());'), [false]);
    assert.deepStrictEqual(calls('nextTick(); res.end();'), [false, false]);
  });
});
