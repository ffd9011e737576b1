// Re-analysis walks again only the routers an edit touched (src/frameworks/express/subtree-reuse.ts).
import * as assert from 'assert';
import * as path from 'path';
import { loadConfig } from '../../../../src/core/config';
import { createAnalyser } from '../../../../src/engine';
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
});
