// Path arithmetic shared by the adapters (src/frameworks/shared/paths.ts).
import * as assert from 'assert';
import { OPTIONAL_PARAM, REST_ANY, REST_SOME, joinPath, patternCovers, prefixCovers, regexPrefixCovers, routeSegments, unknownSegment } from '../../../../src/frameworks/shared/paths';

describe('path arithmetic', () => {
  it('joins mount prefixes like Express reports full paths', () => {
    assert.strictEqual(joinPath('', '/'), '/');
    assert.strictEqual(joinPath('/api', '/'), '/api');
    assert.strictEqual(joinPath('/api/', '/users'), '/api/users');
    assert.strictEqual(joinPath('/', '/users'), '/users');
  });

  it("keeps a path as the router holds it: Express 4's `*` is `*`, under a mount `/api*` (req.baseUrl + req.route.path)", () => {
    assert.strictEqual(joinPath('', '*'), '*');
    assert.strictEqual(joinPath('/', '*'), '*');
    assert.strictEqual(joinPath('/api', '*'), '/api*');
    assert.strictEqual(joinPath('/api/', '*'), '/api*');
    assert.strictEqual(joinPath('/api', 'users'), '/apiusers', 'no slash is added: Express never matches `users` either');
  });

  it("shows Express 5's splats as written", () => {
    assert.strictEqual(joinPath('', '/*splat'), '/*splat');
    assert.strictEqual(joinPath('', '/{*splat}'), '/{*splat}');
    assert.strictEqual(joinPath('/api', '/{*splat}'), '/api/{*splat}');
    assert.strictEqual(joinPath('/api', '/{?}'), '/api/{?}');
  });

  it('treats use-paths as segment-bounded, case-insensitive prefixes (E8, E9)', () => {
    assert.ok(prefixCovers('/admin', '/admin'));
    assert.ok(prefixCovers('/admin', '/Admin/x'));
    assert.ok(!prefixCovers('/admin', '/administrator'));
    assert.ok(!prefixCovers('/admin', '/x/admin'));
    assert.ok(!prefixCovers('/admin', '/Admin/x', true));
    assert.ok(prefixCovers('/t/:tenant', '/t/acme/orders'));
    assert.ok(!prefixCovers('/users/me', '/users/:id'), 'a literal prefix does not cover a param');
  });

  it('takes case sensitivity per segment: each router matches its own segments (E9)', () => {
    // '/api' mounted by a case-sensitive app, '/internal' used inside a Router() (case-insensitive).
    assert.ok(prefixCovers('/api/internal', '/api/INTERNAL/x', [true, false]));
    assert.ok(!prefixCovers('/api/internal', '/API/internal/x', [true, false]));
    assert.ok(!patternCovers('/api/Daily', '/API/daily', [true, false]));
    assert.ok(patternCovers('/api/Daily', '/api/daily', [true, false]));
  });

  it('knows when an earlier route shadows a later one (E22)', () => {
    assert.ok(patternCovers('/users/:id', '/users/me'));
    assert.ok(!patternCovers('/users/me', '/users/:id'));
    assert.ok(!patternCovers('/users/:id', '/users/:id/orders'));
  });

  it("reads `*` as Express 4 does: everything, also under a mount; after a segment, one more segment at least", () => {
    assert.ok(patternCovers('*', '/users/:id'));
    assert.ok(patternCovers('*', '/'));
    assert.ok(patternCovers('/*', '/'));
    assert.ok(patternCovers('/files/*', '/files/a/b'));
    assert.ok(!patternCovers('/files/*', '/files'), 'Express 4 `/files/*` does not match /files');
    assert.ok(!patternCovers('*/meta', '/x'), 'a wildcard that does not end the pattern proves nothing');
    assert.deepStrictEqual(routeSegments(['api'], '*', 'express4', () => unknownSegment('u')), ['api', REST_ANY]);
    assert.deepStrictEqual(routeSegments(['api'], '/x/*', 'express4', () => unknownSegment('u')), ['api', 'x', REST_SOME]);
  });

  it('reads Express 5 splats by the table: `/*splat` needs a segment, `/{*splat}` matches `/` too', () => {
    assert.ok(patternCovers('/*splat', '/a/b', false, 'express5'));
    assert.ok(!patternCovers('/*splat', '/', false, 'express5'));
    assert.ok(patternCovers('/{*splat}', '/', false, 'express5'));
    assert.ok(patternCovers('/{*splat}', '/a/:id', false, 'express5'));
    assert.ok(patternCovers('/w/{*rest}', '/w/a', false, 'express5'));
    assert.ok(!patternCovers('/w/{*rest}', '/w', false, 'express5'), '`/w/{*rest}` matches /w/, not /w');
    assert.deepStrictEqual(routeSegments(['api'], '/{*splat}', 'express5', () => unknownSegment('u')), ['api', REST_ANY]);
  });

  it('proves nothing with a `*` the version does not read as a wildcard', () => {
    assert.ok(!patternCovers('/*splat', '/a', false, 'express4'), 'Express 4 reads /*splat as /(.*)splat');
    assert.ok(!patternCovers('/{*splat}', '/a', false, 'express4'), 'Express 4 reads {*splat} literally');
    assert.ok(!patternCovers('/*splat', '/a', false, 'unknown'));
    assert.ok(!patternCovers('/(.*)', '/a', false, 'express4'), "Express 4 escapes the dot: '(.*)' matches dots only");
    assert.ok(!patternCovers('/star*', '/star', false, 'express4'));
    assert.ok(!patternCovers('users', '/users'), 'a path without a leading slash never matches');
  });

  it('never proves that an unreadable path covers, or is covered, except by a wildcard before it', () => {
    assert.ok(!patternCovers('/{?}', '/{?}'), 'two unreadable paths may differ');
    assert.ok(!patternCovers('/{?}', '/users'));
    assert.ok(!patternCovers('/:id', '/{?}'), 'the piece may be several segments, or none');
    assert.ok(!patternCovers('/api/:x/x', '/api/{?}/x'));
    assert.ok(!patternCovers('/api/{?}/x', '/api/users/x'));
    assert.ok(!patternCovers('/api/*', '/api/{?}'), 'the piece may be empty: /api');
    assert.ok(patternCovers('*', '/api/{?}/x'));
    assert.ok(patternCovers('/api/*', '/api/{?}/x'), 'a segment follows the piece');
    assert.ok(!prefixCovers('/:tenant', '/{?}/x'));
    assert.ok(prefixCovers('/', '/{?}/x'));
    const piece = unknownSegment('mount 1');
    assert.ok(!patternCovers('/{?}/users/:id', '/{?}/users/me'), 'two patterns as written: two pieces that may differ');
    assert.deepStrictEqual(routeSegments([piece], '/users/:id', 'unknown', () => unknownSegment('u')), [piece, 'users', ':id'], 'one mount occurrence: the same token');
  });

  it('needs a segment boundary after a RegExp use-path (E11)', () => {
    assert.ok(regexPrefixCovers('^\\/re', '', '/re/x'));
    assert.ok(!regexPrefixCovers('^\\/re', '', '/rex'));
  });

  it("K15: path-to-regexp 6 (ptr6) reads ':x?', ':x*', ':x+', ':id(re)', '{/:v}?' and '(.*)' as what they match", () => {
    const segs = (p: string) => routeSegments([], p, 'ptr6', () => unknownSegment('t'));
    assert.deepStrictEqual(segs('/docs/:page?'), ['docs', OPTIONAL_PARAM]);
    assert.deepStrictEqual(segs('/files/:path*'), ['files', REST_ANY]);
    assert.deepStrictEqual(segs('/tags/:tag+'), ['tags', REST_SOME]);
    assert.deepStrictEqual(segs('/changelog{/:v}?'), ['changelog', OPTIONAL_PARAM]);
    assert.deepStrictEqual(segs('(.*)'), [REST_ANY]);
    assert.deepStrictEqual(segs('/api(.*)'), ['api', REST_ANY]);
    assert.deepStrictEqual(segs('/u/(.*)'), ['u', REST_SOME]);
    assert.deepStrictEqual(segs('/a/:x?/b'), ['a', unknownSegment('t'), 'b'], 'an optional segment in the middle is not read');
  });

  it('K15, K7: an earlier v6 pattern covers the later routes it matches, and only those', () => {
    assert.ok(patternCovers('/docs/:page?', '/docs/intro', false, 'ptr6'));
    assert.ok(patternCovers('/docs/:page?', '/docs', false, 'ptr6'));
    assert.ok(!patternCovers('/docs/:page?', '/docs/a/b', false, 'ptr6'));
    assert.ok(!patternCovers('/docs/:id', '/docs/:page?', false, 'ptr6'), '/docs is not matched by :id');
    assert.ok(patternCovers('/items/:id(\\d+)', '/items/7', false, 'ptr6'));
    assert.ok(!patternCovers('/items/:id(\\d+)', '/items/new', false, 'ptr6'));
    assert.ok(patternCovers('/items/:id', '/items/:id(\\d+)', false, 'ptr6'));
    assert.ok(patternCovers('/files/:path*', '/files', false, 'ptr6'));
    assert.ok(!patternCovers('/tags/:tag+', '/tags', false, 'ptr6'));
    assert.ok(patternCovers('(.*)', '/anything/at/all', false, 'ptr6'));
  });

  it("K15: path-to-regexp 8 as the Koa routers read it (ptr8): a trailing '{/:v}' is optional", () => {
    assert.deepStrictEqual(routeSegments([], '/changelog{/:v}', 'ptr8', () => unknownSegment('t')), ['changelog', OPTIONAL_PARAM]);
    assert.ok(patternCovers('/changelog{/:v}', '/changelog/1', false, 'ptr8'));
    assert.ok(patternCovers('/files/*path', '/files/readme', false, 'ptr8'));
    assert.ok(!patternCovers('/files/*path', '/files', false, 'ptr8'));
  });
});
