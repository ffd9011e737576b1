// Koa router path arithmetic: Layer#setPrefix, and which router versions read a use-path as a raw RegExp (K11).
import * as assert from 'assert';
import type { KoaLayer, KoaRouter } from '../../../../src/frameworks/koa/objects';
import { candidateLayers, indexLayers, joinMount, layerSegments, layerWithPrefix, routePath, underMount, useCovers, useMatching } from '../../../../src/frameworks/koa/paths';

const SITE = { file: '/w/app.js', span: { start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 } };
const layer = (path: string, pathless = false): KoaLayer => ({
  kind: pathless ? 'use' : 'route', path, pathless, methods: pathless ? [] : ['GET'], fns: [], site: SITE, name: null, owner: {} as KoaRouter,
});

describe('koa paths', () => {
  it("a prefix goes in front of a layer's path; a route '/' becomes the prefix itself; a path-less use keeps covering everything under it", () => {
    assert.strictEqual(layerWithPrefix(layer('/orders'), '/api').path, '/api/orders');
    assert.strictEqual(layerWithPrefix(layer('/'), '/todos').path, '/todos');
    assert.strictEqual(layerWithPrefix(layer('', true), '/api').path, '/api');
    assert.strictEqual(layerWithPrefix(layerWithPrefix(layer('/c'), '/kids'), '/p').path, '/p/kids/c');
  });

  it('a route is compared only with the layers whose literal segments may match it, in stack order (case folded, K15)', () => {
    const stack = [layer('/orders/:id'), layer('/:any'), layer('', true), layer('/users'), layer('/Orders/new'), layer('/api', true), layer('/orders')];
    const index = indexLayers(stack, layerSegments, () => false);
    // '/Orders/new' differs in its second segment: never compared with '/orders/1' or '/orders'
    assert.deepStrictEqual(candidateLayers(index, routePath('/orders/1'), stack.length), [0, 1, 2, 6]);
    assert.deepStrictEqual(candidateLayers(index, routePath('/ORDERS/NEW'), 5), [0, 1, 2, 4]);
    assert.deepStrictEqual(candidateLayers(index, routePath('/ORDERS'), 5), [0, 1, 2]);
    assert.deepStrictEqual(candidateLayers(index, routePath('/api/x'), stack.length), [1, 2, 5]);
    // a param first in the route: only layers not keyed by a literal may match it
    assert.deepStrictEqual(candidateLayers(index, routePath('/:tenant/orders'), stack.length), [1, 2]);
    // K11: a use-path read as a raw RegExp is tried for every route
    assert.deepStrictEqual(candidateLayers(indexLayers(stack, layerSegments, () => true), routePath('/users'), stack.length), [1, 2, 3, 5]);
  });

  it('K11: koa-router 14 and @koa/router 14.0.0 read use-paths as raw RegExps; @koa/router 15 anchors a use(\'/\'); the others, and unknown versions, by segment', () => {
    assert.strictEqual(useMatching('koa-router', '14.0.0'), 'raw');
    assert.strictEqual(useMatching('@koa/router', '14.0.0'), 'raw');
    assert.strictEqual(useMatching('@koa/router', '15.7.0'), 'root-exact');
    assert.strictEqual(useMatching('@koa/router', '15.0.0'), 'root-exact');
    assert.strictEqual(useMatching('@koa/router', '13.1.1'), 'segment');
    assert.strictEqual(useMatching('@koa/router', '12.0.2'), 'segment');
    assert.strictEqual(useMatching('koa-router', null), 'segment');
  });

  it("K11: @koa/router 15 runs a use('/') under a prefix for the prefix itself only; 12 and 13 for everything under it", () => {
    const owner = {} as KoaLayer['owner'];
    const root: KoaLayer = { kind: 'use', path: '/api', pathless: false, root: true, methods: [], fns: [], site: null as unknown as KoaLayer['site'], name: null, owner };
    const segs = layerSegments(root);
    assert.strictEqual(useCovers(root, segs, routePath('/api'), 'root-exact'), true);
    assert.strictEqual(useCovers(root, segs, routePath('/api/x'), 'root-exact'), false);
    assert.strictEqual(useCovers(root, segs, routePath('/api/x'), 'segment'), true);
  });

  it('koa-mount: a case-sensitive segment prefix, joined in front of the mounted paths', () => {
    assert.strictEqual(underMount('/admin', '/admin/users'), true);
    assert.strictEqual(underMount('/admin', '/administrator'), false);
    assert.strictEqual(underMount('/admin', '/Admin/users'), false);
    assert.strictEqual(joinMount('/admin', '/'), '/admin');
    assert.strictEqual(joinMount('', '/x'), '/x');
  });
});
