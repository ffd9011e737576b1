// What makes a Koa middleware auth, and where in the onion its code runs (K6, K9, K14), read from the
// lowered function; koa-jwt and koa-unless from the recorder's values.
import * as assert from 'assert';
import { lowerSource } from '../../../../src/core/lower';
import { Env, type Arg } from '../../../../src/core/values';
import { classify, middlewareName } from '../../../../src/frameworks/koa/middleware-kind';
import type { KoaJwt } from '../../../../src/frameworks/koa/objects';

/** The hoisted function `name` of `code`, as a middleware argument. */
function mw(code: string, name: string): Arg {
  const ir = lowerSource('/w/app.js', code);
  return { value: { t: 'fn', fn: ir.hoisted[name], env: new Env(null, null), file: '/w/app.js' }, name, site: null };
}

const SITE = { file: '/w/app.js', span: { start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 } };

function jwt(passthrough: boolean, unless: KoaJwt['unless']): Arg {
  const host: KoaJwt = { framework: 'koa', kind: 'jwt', id: 1, site: SITE, passthrough, unless };
  return { value: { t: 'host', host }, name: unless ? 'jwt.unless' : 'jwt', site: null };
}

describe('koa middleware kinds', () => {
  it('K6: ctx.status = 401 and return before next() protects', () => {
    const c = classify(mw("async function a(ctx, next) { if (!ctx.state.user) { ctx.status = 401; return; } await next(); }", 'a'), []);
    assert.deepStrictEqual([c.kind, c.protects, c.when, c.evidence], ['auth', true, 'before', 'sets ctx.status = 401 before next()']);
  });

  it('ctx.throw(401) and ctx.assert(user, 403) before next() protect', () => {
    assert.strictEqual(classify(mw("async function a(ctx, next) { if (!ctx.state.user) ctx.throw(401, 'login'); await next(); }", 'a'), []).evidence, 'ctx.throw(401) before next()');
    assert.strictEqual(classify(mw('async function a(ctx, next) { ctx.assert(ctx.state.user, 403); return next(); }', 'a'), []).evidence, 'ctx.assert(…, 403) before next()');
  });

  it('a session check that calls next() only when someone is signed in, and throws its own error or redirects otherwise, protects', () => {
    const throws = classify(mw('async function login(ctx, next) { if (ctx.session.user) return await next(); throw new MyErr(NO_LOGIN); }', 'login'), []);
    assert.deepStrictEqual([throws.kind, throws.protects, throws.when, throws.evidence], ['auth', true, 'before', 'calls next() only when ctx.session.user']);
    const redirects = classify(mw("async function gate(ctx, next) { if (!ctx.session.user) { ctx.redirect('/login'); return; } await next(); }", 'gate'), []);
    assert.deepStrictEqual([redirects.kind, redirects.protects, redirects.evidence], ['auth', true, 'calls next() only when !ctx.session.user']);
    // Sets what later code reads and goes on either way: no gate.
    const loader = classify(mw('async function load(ctx, next) { if (ctx.session.user) { ctx.state.user = ctx.session.user; } await next(); }', 'load'), []);
    assert.deepStrictEqual([loader.kind, loader.protects], ['other', false]);
  });

  it('one of several functions (an undecided `if` picked it) is auth when one of them protects: the check some configuration turns off is still the check', () => {
    const code = "async function gate(ctx, next) { if (!ctx.session.user) { ctx.redirect('/login'); return; } await next(); }\nasync function pass(ctx, next) { await next(); }";
    const [gate, pass] = [mw(code, 'gate'), mw(code, 'pass')];
    const either: Arg = { value: { t: 'either', alternatives: [pass.value, gate.value] }, name: 'check', site: null };
    assert.deepStrictEqual([classify(either, []).kind, classify(either, []).protects], ['auth', true]);
    const neither: Arg = { value: { t: 'either', alternatives: [pass.value, pass.value] }, name: 'check', site: null };
    assert.strictEqual(classify(neither, []).kind, 'other');
  });

  it('K9: a 401 set only after await next() is auth that protects nothing, when: after', () => {
    const c = classify(mw('async function a(ctx, next) { await next(); if (!ctx.state.user) { ctx.status = 401; } }', 'a'), []);
    assert.deepStrictEqual([c.kind, c.protects, c.when], ['auth', false, 'after']);
    assert.match(c.evidence, /only after await next\(\): the handler has already run \(K9\)/);
  });

  it('ctx.status = 401 without a return, then next(): the handler runs anyway', () => {
    const c = classify(mw('async function a(ctx, next) { if (!ctx.state.user) { ctx.status = 401; } await next(); }', 'a'), []);
    assert.deepStrictEqual([c.kind, c.protects], ['auth', false]);
    assert.match(c.evidence, /and then calls next\(\) on that path too/);
  });

  it("an error handler's catch runs after next(); a logger that only awaits next() runs before", () => {
    const errors = classify(mw('async function e(ctx, next) { try { await next(); } catch (err) { ctx.status = err.status || 500; } }', 'e'), []);
    assert.deepStrictEqual([errors.kind, errors.when], ['other', 'after']);
    assert.strictEqual(classify(mw('async function l(ctx, next) { await next(); }', 'l'), []).when, 'before');
  });

  it('a function that never calls next() does not pass the request on', () => {
    assert.strictEqual(classify(mw("async function h(ctx) { ctx.body = 'x'; }", 'h'), []).passes, false);
  });

  it('K14: a generator reads this.status = 401 before yield next', () => {
    const c = classify(mw('function* g(next) { if (!this.state.user) { this.status = 401; return; } yield next; }', 'g'), []);
    assert.deepStrictEqual([c.kind, c.protects, c.generator, c.passes], ['auth', true, true, true]);
  });

  it('koa-jwt authenticates unless passthrough: true; its unless() rules are kept', () => {
    assert.deepStrictEqual([classify(jwt(false, null), []).kind, classify(jwt(false, null), []).protects], ['auth', true]);
    assert.deepStrictEqual([classify(jwt(true, null), []).kind, classify(jwt(true, null), []).protects], ['other', false]);
    const rules = { paths: [{ kind: 'str' as const, v: '/login' }], methods: [], exts: [], custom: false, useOriginalUrl: true };
    assert.deepStrictEqual(classify(jwt(false, rules), []).unless, rules);
    assert.strictEqual(middlewareName(jwt(false, rules)), 'jwt.unless');
  });

  it('body parsers are stop 2; names listed in sevenStops.auth are auth', () => {
    const parser: Arg = { value: { t: 'pkgcall', name: 'koa-bodyparser', path: [], args: [], site: SITE }, name: 'bodyParser', site: null };
    assert.deepStrictEqual([classify(parser, []).kind, classify(parser, []).stop], ['parse', 2]);
    assert.strictEqual(classify(mw('async function gate(ctx, next) { await next(); }', 'gate'), ['gate']).kind, 'auth');
  });
});
