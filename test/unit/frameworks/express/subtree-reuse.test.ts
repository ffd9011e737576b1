// Re-analysis walks again only the routers an edit touched (src/frameworks/express/subtree-reuse.ts).
import * as assert from 'assert';
import * as path from 'path';
import type { AdapterContext } from '../../../../src/core/adapter';
import { loadConfig } from '../../../../src/core/config';
import { createAnalyser } from '../../../../src/engine';
import { Befores } from '../../../../src/frameworks/express/befores';
import type { ExpressHost } from '../../../../src/frameworks/express/objects';
import { walkOrReuse } from '../../../../src/frameworks/express/subtree-reuse';
import { routeLines, withWorkspace } from '../../workspace';

const FILES = {
  'app.js': `const express = require('express');
const app = express();
app.use('/users', require('./users'));
app.use('/orders', require('./orders'));
app.listen(3000);
`,
  'users.js': `const r = require('express').Router();
r.get('/', (req, res) => res.json([]));
r.get('/:id', (req, res) => res.json({}));
module.exports = r;
`,
  'orders.js': `const r = require('express').Router();
r.get('/', (req, res) => res.json([]));
module.exports = r;
`,
};

describe('subtree reuse', () => {
  it('after an edit to one router, the other router\'s routes are last run\'s objects, and the result equals a cold run', () => {
    withWorkspace(FILES, root => {
      const a = createAnalyser(root, loadConfig(root));
      const first = a.analyse();
      a.invalidate({});
      const orders = path.join(root, 'orders.js');
      const edit = new Map([[orders, FILES['orders.js'].replace("r.get('/'", "r.get('/:id'")]]);
      const second = a.analyse(edit);
      assert.deepStrictEqual(routeLines(second), ['GET /users [] ⚠', 'GET /users/:id [] ⚠', 'GET /orders/:id [] ⚠']);
      assert.strictEqual(second.routes[0], first.routes[0]);
      assert.strictEqual(second.routes[1], first.routes[1]);
      const cold = createAnalyser(root, loadConfig(root)).analyse(edit);
      const strip = (r: typeof cold) => JSON.stringify(r.routes, (k, v) => (k === 'router' ? undefined : v));
      assert.strictEqual(strip(second), strip(cold));
    });
  });

  it('in a one-run scan walks every mount and remembers no walk for a next run', () => {
    const tables: string[] = [];
    const ctx = {
      oneRun: true,
      memo: (table: string, _key: object, make: () => unknown) => { tables.push(table); return make(); },
      state: (_name: string, make: () => unknown) => make(),
    } as unknown as AdapterContext;
    const st = { app: 0, syntax: 'express4' as const, before: new Befores({ lastWalk: 0 }), layers: [], routes: [] };
    const sub = {} as ExpressHost;
    const at = { path: '/users', segs: ['users'], mask: [false] };
    let walks = 0;
    walkOrReuse(sub, at, [], st, ctx, () => walks++);
    walkOrReuse(sub, at, [], st, ctx, () => walks++);
    assert.strictEqual(walks, 2);
    assert.deepStrictEqual(tables, []);
  });
});
