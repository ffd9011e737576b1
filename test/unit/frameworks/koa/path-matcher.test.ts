// How the Koa routers match paths per version (K15): path-to-regexp 6 for @koa/router 12 and 13,
// v8 for @koa/router 14+ and koa-router 14; case-insensitive, one trailing slash, no decoding.
import * as assert from 'assert';
import { matchPath } from '../../../../src/core/path-matcher';
import { koaPathsOf, routerSyntax } from '../../../../src/frameworks/koa/path-matcher';

const ROUTE = { end: true, caseSensitive: false };
const origin = (pathSyntax: string) => ({ kind: 'app' as const, framework: 'koa' as const, file: 'app.js', line: 1, pathSyntax });

describe('koa path matcher', () => {
  it('K15: the router package and its version name the syntax', () => {
    assert.strictEqual(routerSyntax('@koa/router', '12.0.2'), 'path-to-regexp 6');
    assert.strictEqual(routerSyntax('@koa/router', '13.1.1'), 'path-to-regexp 6');
    assert.strictEqual(routerSyntax('@koa/router', '15.7.0'), 'path-to-regexp 8');
    assert.strictEqual(routerSyntax('koa-router', '14.0.0'), 'path-to-regexp 8');
    assert.strictEqual(routerSyntax('koa-router', '7.4.0'), 'unknown');
    assert.strictEqual(routerSyntax('@koa/router', null), 'unknown');
  });

  it("K15: '/docs/:page?' is an optional segment in path-to-regexp 6; v8 refuses it", () => {
    const v6 = koaPathsOf(origin('path-to-regexp 6'));
    assert.deepStrictEqual(matchPath(v6, '/docs/:page?', '/docs', ROUTE), {});
    assert.deepStrictEqual(matchPath(v6, '/docs/:page?', '/docs/intro', ROUTE), { page: 'intro' });
    assert.strictEqual(koaPathsOf(origin('path-to-regexp 8')).compile('/docs/:page?', ROUTE), null);
  });

  it("K15: '/files/*path' takes the rest of the path in v8", () => {
    assert.deepStrictEqual(matchPath(koaPathsOf(origin('path-to-regexp 8')), '/files/*path', '/files/a/b', ROUTE), { path: 'a/b' });
  });

  it('K15: routes match case-insensitively and with one trailing slash; a doubled slash or %72eports does not match', () => {
    const m = koaPathsOf(origin('path-to-regexp 8'));
    assert.deepStrictEqual(matchPath(m, '/reports/daily', '/REPORTS/Daily', ROUTE), {});
    assert.deepStrictEqual(matchPath(m, '/reports/daily', '/reports/daily/', ROUTE), {});
    assert.strictEqual(matchPath(m, '/reports/daily', '/reports/daily//', ROUTE), null);
    assert.strictEqual(matchPath(m, '/reports/daily', '/reports//daily', ROUTE), null);
    assert.strictEqual(matchPath(m, '/reports/daily', '/%72eports/daily', ROUTE), null);
  });

  it("K15: path-to-regexp 6 is read as v6, not as Express 4's 0.1 (':path*', ':tag+', '{/:v}?')", () => {
    const v6 = koaPathsOf(origin('path-to-regexp 6'));
    assert.deepStrictEqual(matchPath(v6, '/files/:path*', '/files', ROUTE), {});
    assert.deepStrictEqual(matchPath(v6, '/files/:path*', '/files/a/b', ROUTE), { path: 'a/b' });
    assert.strictEqual(matchPath(v6, '/tags/:tag+', '/tags', ROUTE), null);
    assert.deepStrictEqual(matchPath(v6, '/changelog{/:v}?', '/changelog', ROUTE), {});
  });
});
