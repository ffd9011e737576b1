import * as assert from 'assert';
import { contextDescription, contextName, contextScope, groupByContext, routerDescription, routerName, routesUnder } from '../../../src/core/context-tree';
import type { RoutingContext } from '../../../src/core/model';

const ctx = (id: string, parent: string | null, prefix = '', extra: Partial<RoutingContext> = {}): RoutingContext =>
  ({ id, parent, prefix, encapsulated: parent !== null, file: 'app.js', line: 1, ...extra });

describe('context-tree', () => {
  const contexts = [ctx('root', null), ctx('admin', 'root', '/admin'), ctx('empty', 'root'), ctx('reports', 'admin', '/admin/reports'), ctx('other', 'root')];

  it('groups routes under their context, contexts under their parent, in the order of the context list', () => {
    const routes = [{ id: 'r1', context: 'reports' }, { id: 'r2', context: 'root' }, { id: 'r3', context: 'other' }, { id: 'r4', context: 'admin' }, { id: 'r5', context: 'root' }];
    const tree = groupByContext(routes, contexts);
    const show = (g: (typeof tree)[number]): unknown => ({ id: g.context.id, routes: g.routes.map(r => r.id), children: g.children.map(show) });
    assert.deepStrictEqual(tree.map(show), [{
      id: 'root', routes: ['r2', 'r5'], children: [
        { id: 'admin', routes: ['r4'], children: [{ id: 'reports', routes: ['r1'], children: [] }] },
        { id: 'other', routes: ['r3'], children: [] },
      ],
    }]);
  });

  it('keeps a context with no routes of its own when a context below it has some, and leaves out routes naming no known context', () => {
    const tree = groupByContext([{ context: 'reports' }, { context: undefined }, { context: 'gone' }], contexts);
    assert.strictEqual(tree.length, 1);
    assert.deepStrictEqual(tree[0].routes, []);
    assert.deepStrictEqual(tree[0].children.map(g => [g.context.id, g.routes.length, g.children.map(c => c.context.id)]), [['admin', 0, ['reports']]]);
    assert.deepStrictEqual([...routesUnder(tree)], [{ context: 'reports' }]);
  });

  it('names a context by its plugin and describes its prefix and scope', () => {
    assert.strictEqual(contextName(ctx('a', 'root', '/admin', { name: 'admin' })), 'plugin admin');
    assert.strictEqual(contextName(ctx('a', 'root')), 'plugin');
    assert.strictEqual(contextDescription(ctx('a', 'root', '/admin')), '/admin · encapsulated');
    assert.strictEqual(contextDescription(ctx('a', null)), 'no prefix · root');
    assert.strictEqual(contextScope(ctx('a', 'root', '', { encapsulated: false })), 'shares its parent (fastify-plugin)');
  });

  it('describes a Koa router by its prefix, and the koa-mount path when all its routes share one', () => {
    assert.strictEqual(routerDescription(ctx('koa:1', null, '/api')), '/api');
    assert.strictEqual(routerDescription(ctx('koa:1', null), ['/', '/']), 'no prefix');
    assert.strictEqual(routerDescription(ctx('koa:1', null, '/users'), ['/admin', '/admin']), '/users · mounted at /admin');
    assert.strictEqual(routerDescription(ctx('koa:1', null), ['/admin', '/']), 'no prefix');
  });

  it('names a Koa router by the name the code mounts it under, else plain router', () => {
    assert.strictEqual(routerName(ctx('koa:2', 'koa:1', '/api/kids', { name: 'kids' })), 'router kids');
    assert.strictEqual(routerName(ctx('koa:1', null)), 'router');
  });
});
