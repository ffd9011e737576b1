// Which files can matter (core/closure.ts), seen through the analyser: files outside the closure are
// never parsed, and the results equal those of a run that parses everything.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { type FullAnalysis, WorkspaceAnalyser } from '../../../src/core/analyse';
import { loadConfig } from '../../../src/core/config';
import { toJsonReport } from '../../../src/cli/format-json';
import { adapters, analyseFolder } from '../../../src/engine';
import { allRules } from '../../../src/rules';
import { routeLines, withWorkspace } from '../workspace';

/** Analyses with and without the closure; asserts equal reports and returns the closure run. */
function both(root: string): FullAnalysis {
  const on = analyseFolder(root);
  const off = analyseFolder(root, { closure: false });
  const report = (r: FullAnalysis) => JSON.stringify({ ...toJsonReport(r), stats: null });
  assert.strictEqual(report(on), report(off));
  return on;
}

const SERVER = {
  'server/app.js': `const express = require('express');
const users = require('./users');
const app = express();
app.use('/users', users);
module.exports = app;
`,
  'server/users.js': `const { Router } = require('express');
const db = require('./db');
const r = Router();
r.get('/', (req, res) => res.json(db.all()));
module.exports = r;
`,
  'server/db.js': 'module.exports = { all: () => [] };\n',
  'server/index.js': `const app = require('./app');
app.listen(3000);
`,
};

describe('the closure of files that can matter', () => {
  it('parses the server, its entry and what they load; never a front end that imports none of it', () => {
    withWorkspace({
      ...SERVER,
      'web/App.tsx': `import React from 'react';\nimport { Button } from './Button';\nexport const App = () => <Button label="users" />;\n`,
      'web/Button.tsx': `import React from 'react';\nexport const Button = (p: { label: string }) => <button>{p.label}</button>;\n`,
      'scripts/seed.js': `const db = require('../server/db');\ndb.all();\n`,
    }, root => {
      const r = both(root);
      assert.deepStrictEqual(routeLines(r), ['GET /users [] ⚠']);
      // index.js imports the app (it calls listen); db.js is loaded by users.js; seed.js only imports db.js.
      assert.deepStrictEqual([r.stats.files, r.stats.lowered, r.stats.notNeeded], [7, 4, 3]);
    });
  });

  it('follows tsconfig paths as the interpreter resolves them', () => {
    withWorkspace({
      'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@routes/*": ["src/routes/*"] } } }',
      'src/app.ts': `import express from 'express';\nimport { users } from '@routes/users';\nconst app = express();\napp.use('/users', users);\napp.listen(3000);\n`,
      'src/routes/users.ts': `import { list } from '@routes/list';\nexport function users(req: any, res: any) { res.json(list()); }\n`,
      'src/routes/list.ts': 'export const list = () => [];\n',
      'src/web/page.tsx': 'export const Page = () => <p>hi</p>;\n',
    }, root => {
      const r = both(root);
      assert.deepStrictEqual([r.stats.lowered, r.stats.notNeeded], [3, 1]);
    });
  });

  it('widens to the folder a require() of a computed path reads, and the folders its strings name', () => {
    withWorkspace({
      'server/app.js': `const express = require('express');
const app = express();
for (const name of ['users', 'posts']) require('./routes/' + name)(app);
app.listen(3000);
`,
      // Nothing here imports express or is imported by name: only the widening brings these in.
      'server/routes/users.js': `module.exports = app => app.get('/users', (req, res) => res.json([]));\n`,
      'server/routes/posts.js': `module.exports = app => app.get('/posts/:id', (req, res) => res.json({}));\n`,
      'web/App.tsx': 'export const App = () => <p>hi</p>;\n',
    }, root => {
      const r = both(root);
      assert.deepStrictEqual(routeLines(r), ['GET /users [] ⚠', 'GET /posts/:id [] ⚠']);
      assert.deepStrictEqual([r.stats.lowered, r.stats.notNeeded], [3, 1]);
    });
  });

  it('widens to the folder a directory loop lists, named in the file that calls the loader', () => {
    withWorkspace({
      'server/app.js': `const express = require('express');
const path = require('path');
const mount = require('./lib/mount');
const app = express();
mount(app, path.join(__dirname, 'routes'));
app.listen(3000);
`,
      'server/lib/mount.js': `const fs = require('fs');
const path = require('path');
module.exports = (app, dir) => {
  for (const f of fs.readdirSync(dir)) app.use('/' + path.basename(f, '.js'), require(path.join(dir, f)));
};
`,
      'server/routes/users.js': `const { Router } = require('express');\nconst r = Router();\nr.get('/', (req, res) => res.json([]));\nmodule.exports = r;\n`,
      'server/routes/health.js': `module.exports = (req, res) => res.send('ok');\n`,
      'web/App.tsx': 'export const App = () => <p>hi</p>;\n',
    }, root => {
      const r = both(root);
      assert.ok(routeLines(r).includes('GET /users [] ⚠'), routeLines(r).join('\n'));
      assert.deepStrictEqual([r.stats.lowered, r.stats.notNeeded], [4, 1]);
    });
  });

  it('widens to the plugin folder @fastify/autoload loads from a fastify-cli entry nothing imports', () => {
    withWorkspace({
      'server/app.js': `const path = require('path');
const autoload = require('@fastify/autoload');
module.exports = async function (fastify, opts) {
  fastify.register(autoload, { dir: path.join(__dirname, 'routes') });
};
`,
      'server/routes/users/index.js': `module.exports = async function (fastify) { fastify.get('/', async () => []); };\n`,
      'web/App.tsx': 'export const App = () => <p>hi</p>;\n',
    }, root => {
      const r = both(root);
      assert.deepStrictEqual(routeLines(r).map(l => l.split(' [')[0]), ['GET /users']);
      assert.strictEqual(r.stats.notNeeded, 1);
    });
  });

  it('runs again without the closure when the program loads a file it left out (a path the scan could not see)', () => {
    withWorkspace({
      'server/app.js': `const express = require('express');
const { plugins } = require('./config');
const app = express();
for (const p of plugins) require(p)(app);
app.listen(3000);
`,
      // The folder is named in a file that neither loads it nor imports the file that does.
      'server/config.js': `const path = require('path');\nmodule.exports = { plugins: [path.join(__dirname, '..', 'plugins', 'users')] };\n`,
      'plugins/users.js': `module.exports = app => app.get('/users', (req, res) => res.json([]));\n`,
      'web/App.tsx': 'export const App = () => <p>hi</p>;\n',
    }, root => {
      const r = both(root);
      assert.deepStrictEqual(routeLines(r), ['GET /users [] ⚠']);
      assert.strictEqual(r.stats.notNeeded, 0);
    });
  });

  it('parses a file whose imports the scan is unsure of, and follows what the parse found', () => {
    withWorkspace({
      // '\\u0075sers' is './users' to JavaScript: only the parser decodes it.
      'app.js': `const express = require('express');
const users = require('./\\u0075sers');
const app = express();
app.use('/users', users);
app.listen(3000);
`,
      'users.js': `const { Router } = require('express');\nconst helper = require('./helper');\nconst r = Router();\nr.get('/', helper);\nmodule.exports = r;\n`,
      'helper.js': 'module.exports = (req, res) => res.json([]);\n',
      'odd.js': "const x = require('./\\u0068elper');\n",
    }, root => {
      const r = both(root);
      assert.deepStrictEqual(routeLines(r).map(l => l.split(' [')[0]), ['GET /users']);
      // odd.js was parsed to learn its imports, and is not needed: it imports no server file that matters upward.
      assert.deepStrictEqual([r.stats.lowered, r.stats.notNeeded], [4, 1]);
    });
  });

  it('parses every file when the closure is off', () => {
    withWorkspace({ ...SERVER, 'web/App.tsx': 'export const App = () => <p>hi</p>;\n' }, root => {
      const off = new WorkspaceAnalyser(root, loadConfig(root), adapters, allRules, true, false).analyse();
      assert.deepStrictEqual([off.stats.lowered, off.stats.notNeeded], [5, 0]);
    });
  });
});

describe('the closure in the editor', () => {
  const FILES = { ...SERVER, 'web/App.tsx': 'export const App = () => <p>hi</p>;\n' };

  it('an edit outside the closure parses nothing and evaluates nothing: the last result stands', () => {
    withWorkspace(FILES, root => {
      const a = new WorkspaceAnalyser(root, loadConfig(root), adapters, allRules);
      const first = a.analyse();
      a.invalidate({});
      const web = path.join(root, 'web/App.tsx');
      const edited = a.analyse(new Map([[web, 'export const App = () => <p>hello</p>;\n']]));
      assert.deepStrictEqual([edited.stats.read, edited.stats.lowered, edited.stats.phases?.evaluate], [1, 0, 0]);
      assert.strictEqual(edited.routes, first.routes);
    });
  });

  it('an edit that keeps the imports but renames the folder a loader reads finds the closure again', () => {
    withWorkspace({
      'server/app.js': `const express = require('express');
const path = require('path');
const mount = require('./lib/mount');
const app = express();
mount(app, path.join(__dirname, 'routes'));
`,
      'server/lib/mount.js': `const fs = require('fs');
const path = require('path');
module.exports = (app, dir) => {
  for (const f of fs.readdirSync(dir)) require(path.join(dir, f))(app);
};
`,
      'server/routes/users.js': `module.exports = app => app.get('/users', (req, res) => res.json([]));\n`,
      'server/v2/posts.js': `module.exports = app => app.get('/posts', (req, res) => res.json([]));\n`,
    }, root => {
      const a = new WorkspaceAnalyser(root, loadConfig(root), adapters, allRules);
      assert.deepStrictEqual(routeLines(a.analyse()), ['GET /users [] ⚠']);
      a.invalidate({});
      const app = path.join(root, 'server/app.js');
      const text = fs.readFileSync(app, 'utf8').replace("'routes'", "'v2'");
      assert.deepStrictEqual(routeLines(a.analyse(new Map([[app, text]]))), ['GET /posts [] ⚠']);
    });
  });

  it('an edit that imports the server brings the file in', () => {
    withWorkspace(FILES, root => {
      const a = new WorkspaceAnalyser(root, loadConfig(root), adapters, allRules);
      a.analyse();
      a.invalidate({});
      const web = path.join(root, 'web/App.tsx');
      const text = `import app from '../server/app';\napp.get('/from-web', (req: any, res: any) => res.send('x'));\nexport const App = () => <p>hi</p>;\n`;
      const edited = a.analyse(new Map([[web, text]]));
      assert.deepStrictEqual(routeLines(edited), ['GET /users [] ⚠', 'GET /from-web [] ⚠']);
      assert.strictEqual(edited.stats.lowered, 1);
      const cold = analyseFolder(root, { overlays: new Map([[web, text]]) });
      assert.deepStrictEqual(routeLines(edited), routeLines(cold));
    });
  });
});
