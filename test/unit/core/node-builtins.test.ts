// Node's own modules as values (core/node-builtins.ts): routers loaded by listing a folder, the loops
// Express and Koa apps write, answered from the discovered files without reading the disk.
import * as assert from 'assert';
import { expectRoutes, analyse, routeLines } from '../workspace';

const USERS = `const router = require('express').Router();
router.get('/', (req, res) => res.json([]));
module.exports = router;
`;

const ORDERS = `const router = require('express').Router();
router.post('/', (req, res) => res.sendStatus(201));
module.exports = router;
`;

describe('Node built-ins as values', () => {
  it('readdirSync(__dirname) + require(path.join(__dirname, f))(app): each file registers its routes', () => {
    expectRoutes({
      'app.js': `const express = require('express');
const app = express();
require('./routes')(app);
`,
      'routes/index.js': `const fs = require('fs');
const path = require('path');
module.exports = function (app) {
  fs.readdirSync(__dirname).filter(f => f !== 'index.js').forEach(f => require(path.join(__dirname, f))(app));
};
`,
      'routes/health.js': `module.exports = app => app.get('/health', (req, res) => res.send('ok'));
`,
      'routes/users.js': `module.exports = app => app.get('/users', (req, res) => res.json([]));
`,
    }, [
      'GET /health [] ⚠',
      'GET /users [] ⚠',
    ]);
  });

  it("for (const f of readdirSync(path.join(__dirname, 'routes'))) app.use('/' + path.basename(f, '.js'), require('./routes/' + f))", () => {
    expectRoutes({
      'app.js': `const express = require('express');
const fs = require('fs');
const path = require('path');
const app = express();
for (const f of fs.readdirSync(path.join(__dirname, 'routes'))) app.use('/' + path.basename(f, '.js'), require('./routes/' + f));
`,
      'routes/orders.js': ORDERS,
      'routes/users.js': USERS,
    }, [
      'POST /orders [] ⚠',
      'GET /users [] ⚠',
    ]);
  });

  it("a listing filtered with f.endsWith('.js') keeps only the files that pass", () => {
    expectRoutes({
      'app.js': `const express = require('express');
const fs = require('fs');
const path = require('path');
const app = express();
const dir = path.join(__dirname, 'routes');
fs.readdirSync(dir).filter(f => f.endsWith('.js')).forEach(f => app.use('/' + f.replace('.js', ''), require(path.join(dir, f))));
`,
      'routes/users.js': USERS,
      'routes/admin.ts': ORDERS,
    }, ['GET /users [] ⚠', 'POST / [] ⚠'], ['POST /: router created at routes/admin.ts:1 is not mounted on any app the analyser found']);
  });

  it('ESM: import.meta.url, fileURLToPath, path.dirname and fs.promises.readdir with dynamic import()', () => {
    expectRoutes({
      'package.json': '{ "type": "module" }',
      'app.mjs': `import express from 'express';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const dir = path.dirname(fileURLToPath(import.meta.url));
const app = express();
for (const f of await readdir(path.join(dir, 'routes'))) {
  const mod = await import(path.join(dir, 'routes', f));
  app.use('/' + path.basename(f, path.extname(f)), mod.default);
}
`,
      'routes/users.mjs': `import { Router } from 'express';
export default Router().get('/', (req, res) => res.json([]));
`,
    }, ['GET /users [] ⚠']);
  });

  it('import.meta.dirname, new URL(x, import.meta.url) and readdirSync withFileTypes (folders skipped by isFile())', () => {
    expectRoutes({
      'package.json': '{ "type": "module" }',
      'app.mjs': `import express from 'express';
import fs from 'fs';
import { fileURLToPath } from 'url';
const app = express();
const routes = fileURLToPath(new URL('./routes/', import.meta.url));
for (const e of fs.readdirSync(routes, { withFileTypes: true })) {
  if (e.isFile()) app.use('/' + e.name.replace('.mjs', ''), (await import(routes + e.name)).default);
}
app.get('/where', (req, res) => res.send(import.meta.dirname));
`,
      'routes/users.mjs': `import { Router } from 'express';
export default Router().get('/', (req, res) => res.json([]));
`,
      'routes/nested/deep.mjs': `export default 1;
`,
    }, ['GET /users [] ⚠', 'GET /where [] ⚠']);
  });

  it('a two-level loader: statSync(full).isDirectory() tells folders from files, existsSync answers for discovered files', () => {
    // (A loader that calls itself for each folder is cut at its first recursive call: the
    // interpreter runs no function inside itself.)
    expectRoutes({
      'app.js': `const express = require('express');
const fs = require('fs');
const path = require('path');
const app = express();
const root = path.join(__dirname, 'routes');
if (fs.existsSync(path.join(root, 'users.js'))) {
  for (const name of fs.readdirSync(root)) {
    const full = path.join(root, name);
    if (fs.statSync(full).isDirectory()) {
      for (const inner of fs.readdirSync(full)) app.use('/' + name + '/' + path.basename(inner, '.js'), require(path.join(full, inner)));
    } else app.use('/' + path.basename(name, '.js'), require(full));
  }
}
`,
      'routes/users.js': USERS,
      'routes/admin/orders.js': ORDERS,
    }, ['POST /admin/orders [] ⚠', 'GET /users [] ⚠']);
  });

  it('the callback form fs.readdir(path.resolve(__dirname, dir), cb) runs the callback with the listing', () => {
    expectRoutes({
      'app.js': `const express = require('express');
const fs = require('fs');
const path = require('path');
const app = express();
fs.readdir(path.resolve(__dirname, 'routes'), (err, files) => {
  files.forEach(f => app.use('/' + f.replace('.js', ''), require(__dirname + '/routes/' + f)));
});
`,
      'routes/users.js': USERS,
    }, ['GET /users [] ⚠']);
  });

  it('a listing we cannot compute, or of a path relative to the unknown working folder, stays unresolved, as before', () => {
    const r = analyse({
      'app.js': `const express = require('express');
const fs = require('fs');
const path = require('path');
const app = express();
for (const f of fs.readdirSync(process.env.ROUTES)) app.use('/x', require(f));
for (const f of fs.readdirSync('./routes')) app.use('/' + f, require('./routes/' + f));
for (const f of fs.readdirSync(path.resolve('routes'))) app.use('/' + f, require('./routes/' + f));
app.get('/y', (req, res) => res.send('y'));
`,
      'routes/users.js': USERS,
    });
    // The router of routes/users.js is found on its own (it imports express), mounted nowhere.
    assert.deepStrictEqual(routeLines(r), ['GET /y [] ⚠', 'GET / [] ⚠']);
  });

  it("Symbol.for(key) is one property key wherever it is made: a mark set in one file is read in another", () => {
    expectRoutes({
      'app.js': `const express = require('express');
const mark = require('./mark');
const app = express();
if (mark[Symbol.for('public')]) app.get('/public', (req, res) => res.send('ok'));
else app.get('/private', (req, res) => res.send('ok'));
`,
      'mark.js': `function handler() {}
handler[Symbol.for('public')] = true;
module.exports = handler;
`,
    }, ['GET /public [] ⚠']);
  });
});
