// The Express path matchers (src/frameworks/express/path-matcher.ts) through core's helpers.
import * as assert from 'assert';
import type { PathMatcher } from '../../../../src/core/path-matcher';
import * as core from '../../../../src/core/path-matcher';
import { expressPaths } from '../../../../src/frameworks/express/path-matcher';

/** The lenient reading (no Express version found): each construct as the version that gives it a meaning. */
const lenient = expressPaths('unknown');
const matchPath = (pattern: string, path: string, end: boolean, m: PathMatcher = lenient, caseSensitive: core.CaseFlags = false) =>
  core.matchPath(m, pattern, path, { end, caseSensitive });
const matchMounted = (mount: string, own: string, path: string, m: PathMatcher = lenient, caseSensitive: core.CaseFlags = false) =>
  core.matchMounted(m, mount, own, path, caseSensitive);

describe('matchPath', () => {
  it('matches Express 4 and 5 patterns against concrete paths', () => {
    assert.deepStrictEqual(matchPath('/users/:id', '/users/a%20b', true), { id: 'a b' });
    assert.deepStrictEqual(matchPath('/users/:id?', '/users', true), {});
    assert.deepStrictEqual(matchPath('/users/:id?', '/users/3', true), { id: '3' });
    assert.deepStrictEqual(matchPath('/n/:id(\\d+)', '/n/12', true), { id: '12' });
    assert.strictEqual(matchPath('/n/:id(\\d+)', '/n/ab', true), null);
    assert.deepStrictEqual(matchPath('/files/*', '/files/a/b', true), { 0: 'a/b' });
    assert.deepStrictEqual(matchPath('/files/*rest', '/files/a/b', true), { rest: 'a/b' });
    assert.deepStrictEqual(matchPath('/docs{/:page}', '/docs', true), {});
    assert.deepStrictEqual(matchPath('/docs{/:page}', '/docs/intro', true), { page: 'intro' });
    assert.strictEqual(matchPath('/re.x', '/reax', true), null, 'a dot is a literal dot');
    assert.deepStrictEqual(matchPath('/', '/', true), {});
    assert.strictEqual(matchPath('/', '/a', true), null);
  });

  it('matches a route under a mount as Express does: the mount to a segment boundary, then the rest (at least /)', () => {
    assert.deepStrictEqual(matchMounted('/', '*', '/x/y'), { 0: '/x/y' });
    assert.deepStrictEqual(matchMounted('/api', '*', '/api'), { 0: '/' });
    assert.deepStrictEqual(matchMounted('/api', '*', '/API/x'), { 0: '/x' });
    assert.strictEqual(matchMounted('/api', '*', '/apix'), null);
    assert.deepStrictEqual(matchMounted('/api', '/{*splat}', '/api'), {});
    assert.strictEqual(matchMounted('/api', '/*splat', '/api'), null);
    assert.deepStrictEqual(matchMounted('/t/:tenant', '/users/:id', '/t/acme/users/7'), { tenant: 'acme', id: '7' });
  });

  it('treats a mount prefix as ending at a segment boundary', () => {
    assert.deepStrictEqual(matchPath('/', '/anything', false), {});
    assert.deepStrictEqual(matchPath('/t/:tenant', '/t/acme/orders', false), { tenant: 'acme' });
    assert.strictEqual(matchPath('/admin', '/administrator', false), null);
    assert.deepStrictEqual(matchPath('/admin', '/ADMIN', false), {});
  });
});

describe('expressPaths per version', () => {
  const e4 = expressPaths('express4');
  const e5 = expressPaths('express5');

  it('Express 4 (path-to-regexp 0.1): `*` is a wildcard anywhere, braces are literal, regex operators work', () => {
    assert.deepStrictEqual(matchPath('/star*', '/starry/x', true, e4), { 0: 'ry/x' });
    assert.strictEqual(matchPath('/*splat', '/a/b', true, e4), null, '/*splat is /(.*)splat');
    assert.strictEqual(matchPath('/opt2{/:id}', '/opt2/5', true, e4), null, 'braces are literal');
    assert.deepStrictEqual(matchPath('/ab+cd', '/abbbcd', true, e4), {});
    assert.deepStrictEqual(matchPath('/:1st', '/x', true, e4), { '1st': 'x' });
  });

  it('Express 5 (path-to-regexp 8): named wildcards and optional groups; what v8 throws on matches nothing', () => {
    assert.deepStrictEqual(matchPath('/*splat', '/a/b', true, e5), { splat: 'a/b' });
    assert.strictEqual(matchPath('/*splat', '/', true, e5), null);
    assert.deepStrictEqual(matchPath('/{*splat}', '/', true, e5), {});
    assert.deepStrictEqual(matchPath('/opt2{/:id}', '/opt2/5', true, e5), { id: '5' });
    assert.deepStrictEqual(matchPath('/brace{x}', '/brace', true, e5), {});
    assert.strictEqual(matchPath('*', '/x', true, e5), null);
    assert.strictEqual(matchPath('/*', '/x', true, e5), null);
    assert.strictEqual(matchPath('/opt/:id?', '/opt', true, e5), null);
    assert.strictEqual(matchPath('/re/:id(\\d+)', '/re/1', true, e5), null);
    assert.strictEqual(matchPath('/ab+cd', '/ab+cd', true, e5), null);
    assert.strictEqual(matchPath('/star*', '/star', true, e5), null);
    assert.strictEqual(matchPath('/:1st', '/:1st', true, e5), null);
  });

  it('honours case sensitivity, per segment where the routers on a path differ (E9)', () => {
    assert.strictEqual(matchPath('/admin', '/Admin', false, e4, true), null);
    assert.deepStrictEqual(matchPath('/admin', '/Admin', false, e4, false), {});
    // A case-sensitive Router() mounted at /api in a case-insensitive app: /API matches, /Users does not.
    assert.deepStrictEqual(matchMounted('/api', '/users', '/API/users', e4, [false, true]), {});
    assert.strictEqual(matchMounted('/api', '/users', '/api/Users', e4, [false, true]), null);
    // And the other way round.
    assert.strictEqual(matchMounted('/api', '/users', '/API/users', e4, [true, false]), null);
    assert.deepStrictEqual(matchMounted('/api', '/users', '/api/USERS', e4, [true, false]), {});
  });

  it('covers: a segment-bounded prefix over a pattern, with the prefix router\'s case sensitivity', () => {
    assert.strictEqual(e4.covers('/admin', '/admin/x', false), true);
    assert.strictEqual(e4.covers('/admin', '/Admin/x', false), true);
    assert.strictEqual(e4.covers('/admin', '/Admin/x', true), false);
    assert.strictEqual(e4.covers('/admin', '/administrator', false), false);
    assert.strictEqual(e4.covers('/', '/anything', true), true);
  });
});
