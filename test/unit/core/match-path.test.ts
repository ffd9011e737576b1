import * as assert from 'assert';
import { matchMounted, matchPath } from '../../../src/core/match-path';

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
