// find-my-way's matching with its defaults (F13, F14).
import * as assert from 'assert';
import { matchPath } from '../../../../src/core/path-matcher';
import { compareRank, fastifyPaths } from '../../../../src/frameworks/fastify/path-matcher';

const route = (pattern: string, path: string) => matchPath(fastifyPaths, pattern, path, { end: true, caseSensitive: true });

describe('fastify path matcher', () => {
  it('F14: case-sensitive, strict about a trailing slash, percent-decoded, no empty segment', () => {
    assert.deepStrictEqual(route('/orders', '/orders'), {});
    assert.strictEqual(route('/orders', '/orders/'), null);
    assert.strictEqual(route('/orders', '/Orders'), null);
    assert.deepStrictEqual(route('/orders', '/%6Frders'), {});
    assert.strictEqual(route('/t', '//t'), null);
  });

  it('params, a regex param, an optional last param and a wildcard', () => {
    assert.deepStrictEqual(route('/users/:id', '/users/7'), { id: '7' });
    assert.strictEqual(route('/users/:id', '/users/'), null);
    assert.deepStrictEqual(route('/n/:id(^\\d+)', '/n/42'), { id: '42' });
    assert.strictEqual(route('/n/:id(^\\d+)', '/n/x'), null);
    assert.deepStrictEqual(route('/opt/:id?', '/opt'), {});
    assert.deepStrictEqual(route('/opt/:id?', '/opt/3'), { id: '3' });
    assert.deepStrictEqual(route('/files/*', '/files/a/b'), { '*': 'a/b' });
  });

  it('F13: static before a regex param before a param before a wildcard, whatever the order', () => {
    assert.ok(compareRank('/users/me', '/users/:id') < 0);
    assert.ok(compareRank('/n/:id(^\\d+)', '/n/:name') < 0);
    assert.ok(compareRank('/files/:name', '/files/*') < 0);
  });
});
