import * as assert from 'assert';
import { joinPath, patternCovers, prefixCovers, regexPrefixCovers } from '../../../src/frameworks/shared/paths';

describe('path arithmetic', () => {
  it('joins mount prefixes like Express reports full paths', () => {
    assert.strictEqual(joinPath('', '/'), '/');
    assert.strictEqual(joinPath('/api', '/'), '/api');
    assert.strictEqual(joinPath('/api/', 'users'), '/api/users');
    assert.strictEqual(joinPath('/', '/users'), '/users');
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

  it('needs a segment boundary after a RegExp use-path (E11)', () => {
    assert.ok(regexPrefixCovers('^\\/re', '', '/re/x'));
    assert.ok(!regexPrefixCovers('^\\/re', '', '/rex'));
  });
});
