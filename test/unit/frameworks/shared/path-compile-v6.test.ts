// path-to-regexp 6 as @koa/router 12 and 13 read it (K15): each case was observed with the real
// routers (@koa/router 12.0.2 and 13.1.1, path-to-regexp 6.3.0).
import * as assert from 'assert';
import { compilePathV6 } from '../../../../src/frameworks/shared/path-compile-v6';

const ROUTE = { end: true, caseSensitive: false };
const USE = { end: false, caseSensitive: false };
const match = (pattern: string, path: string, options = ROUTE) => compilePathV6(pattern, options)?.exec(path)?.params ?? null;

describe('path-to-regexp 6 compiler', () => {
  it("':page?' is optional and takes its slash along", () => {
    assert.deepStrictEqual(match('/opt/:id?', '/opt'), {});
    assert.deepStrictEqual(match('/opt/:id?', '/opt/1'), { id: '1' });
    assert.strictEqual(match('/opt/:id?', '/opt/1/2'), null);
  });

  it("':path*' takes any number of segments, ':path+' one or more", () => {
    assert.deepStrictEqual(match('/files/:path*', '/files'), {});
    assert.deepStrictEqual(match('/files/:path*', '/files/a/b'), { path: 'a/b' });
    assert.strictEqual(match('/plus/:path+', '/plus'), null);
    assert.deepStrictEqual(match('/plus/:path+', '/plus/a/b'), { path: 'a/b' });
  });

  it("':id(\\d+)' matches only what its pattern accepts; a modifier after it applies", () => {
    assert.deepStrictEqual(match('/re/:id(\\d+)', '/re/12'), { id: '12' });
    assert.strictEqual(match('/re/:id(\\d+)', '/re/ab'), null);
    assert.deepStrictEqual(match('/q/:id(\\d+)?', '/q'), {});
    assert.strictEqual(match('/q/:id(\\d+)?', '/q/x'), null);
  });

  it('a {…} group is required unless a modifier follows it', () => {
    assert.strictEqual(match('/o2{/:id}', '/o2'), null);
    assert.deepStrictEqual(match('/o2{/:id}', '/o2/5'), { id: '5' });
    assert.deepStrictEqual(match('/g{/:id}?', '/g'), {});
    assert.deepStrictEqual(match('/h{-:v}', '/h-1'), { v: '1' });
    assert.strictEqual(match('/b{x}', '/b'), null);
    assert.deepStrictEqual(match('/b{x}', '/bx'), {});
  });

  it("unnamed '(.*)' is numbered and not segment-bounded after a prefix", () => {
    assert.deepStrictEqual(match('(.*)', '/a/b'), { 0: '/a/b' });
    assert.deepStrictEqual(match('/api(.*)', '/apix'), { 0: 'x' });
    assert.strictEqual(match('/u/(.*)', '/u'), null);
  });

  it('a modifier with nothing to modify, and v8 wildcards, throw at registration (null)', () => {
    assert.strictEqual(compilePathV6('/ab+cd', ROUTE), null);
    assert.strictEqual(compilePathV6('*', ROUTE), null);
    assert.strictEqual(compilePathV6('/w/*rest', ROUTE), null);
    assert.strictEqual(compilePathV6('/{*rest}', ROUTE), null);
  });

  it('literal text matches in any case; a use prefix ends at a segment boundary', () => {
    assert.deepStrictEqual(match('/x/:a-:b', '/X/1-2'), { a: '1', b: '2' });
    assert.deepStrictEqual(match('/admin', '/admin/x', USE), {});
    assert.strictEqual(match('/admin', '/administrator', USE), null);
  });
});
