// A middleware letting a request on only when someone is signed in (shared/identity-gate.ts), read
// from its lowered statements: which side of an identity test calls next(), and whether the other
// side ends its path.
import * as assert from 'assert';
import { lowerSource } from '../../../../src/core/lower';
import { identityGate } from '../../../../src/frameworks/shared/identity-gate';

const isUser = (text: string, p: string) => new RegExp(`\\b${p}\\.user\\b`).test(text);
const gate = (code: string) => identityGate(lowerSource('/w/app.js', code).hoisted.m, 'req', 'next', isUser);

describe('identity gates', () => {
  it('next() on the side where the identity is there, the other side refusing', () => {
    assert.strictEqual(gate('function m(req, res, next) { if (req.user) return next(); res.redirect("/login"); }'), 'req.user');
    assert.strictEqual(gate('function m(req, res, next) { if (req.user) { next(); } else { res.status(302).end(); } }'), 'req.user');
    assert.strictEqual(gate('function m(req, res, next) { if (!req.user) { res.redirect("/login"); return; } next(); }'), '!req.user');
    assert.strictEqual(gate('async function m(req, res, next) { if (!req.user) throw new AppError("login"); next(); }'), '!req.user');
  });

  it('no gate: next() on both paths, a refusal that falls through to next(), a test on something else', () => {
    assert.strictEqual(gate('function m(req, res, next) { if (req.user) res.locals.user = req.user; next(); }'), null);
    assert.strictEqual(gate('function m(req, res, next) { if (!req.user) { res.status(401); } next(); }'), null);
    assert.strictEqual(gate('function m(req, res, next) { if (req.query.debug) return next(); res.end(); }'), null);
    assert.strictEqual(identityGate(lowerSource('/w/app.js', 'function m(req, res, next) { if (req.user) return next(); res.end(); }').hoisted.m, 'req', '', isUser), null);
  });
});
