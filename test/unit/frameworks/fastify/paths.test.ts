// Fastify full paths from a context prefix and a route url (F6).
import * as assert from 'assert';
import { childPrefix, routePath } from '../../../../src/frameworks/fastify/paths';

describe('fastify paths', () => {
  it('nested prefixes concatenate with one slash between them', () => {
    assert.strictEqual(childPrefix('/out', '/in'), '/out/in');
    assert.strictEqual(childPrefix('/out/', '/in'), '/out/in');
    assert.strictEqual(childPrefix('/out', 'in'), '/out/in');
    assert.strictEqual(childPrefix('', '/v1'), '/v1');
  });

  it('a plugin without a prefix keeps its parent\'s', () => {
    assert.strictEqual(childPrefix('/api', null), '/api');
    assert.strictEqual(childPrefix('/api', ''), '/api');
  });

  it("'/' and '' under a prefix answer at the prefix itself", () => {
    assert.strictEqual(routePath('/out', '/'), '/out');
    assert.strictEqual(routePath('/orders', ''), '/orders');
  });

  it('a url under a prefix ending in a slash does not double it', () => {
    assert.strictEqual(routePath('/api/', '/orders'), '/api/orders');
    assert.strictEqual(routePath('/api', '/orders'), '/api/orders');
  });

  it("a root route keeps its url, '/' included", () => {
    assert.strictEqual(routePath('', '/'), '/');
    assert.strictEqual(routePath('', '/x'), '/x');
  });
});
