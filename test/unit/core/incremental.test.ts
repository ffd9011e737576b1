// Re-analysis after an edit: the editor reports what changed, the analyser re-reads and re-lowers
// only that, and the result equals a cold analysis of the same files.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { AnalysisCancelled } from '../../../src/core/analyse';
import { loadConfig } from '../../../src/core/config';
import { createAnalyser } from '../../../src/engine';
import { routeLines, withWorkspace } from '../workspace';

const FILES = {
  'app.js': `const express = require('express');
const users = require('./users');
const app = express();
app.use('/users', users);
app.listen(3000);
`,
  'users.js': `const { Router } = require('express');
const r = Router();
r.get('/', (req, res) => res.json([]));
module.exports = r;
`,
  'unrelated.js': 'module.exports = 1;\n',
};

describe('incremental re-analysis', () => {
  it('without reported changes, every run reads every file (the CLI case)', () => {
    withWorkspace(FILES, root => {
      const a = createAnalyser(root, loadConfig(root));
      assert.deepStrictEqual([a.analyse().stats.read, a.analyse().stats.lowered], [3, 0]);
    });
  });

  it('re-reads only the overlay and the files the watchers reported, and re-lowers only what changed', () => {
    withWorkspace(FILES, root => {
      const a = createAnalyser(root, loadConfig(root));
      // unrelated.js is read but never parsed: nothing that can register a route reaches it (core/closure.ts).
      assert.strictEqual(a.analyse().stats.lowered, 2);
      const users = path.join(root, 'users.js');
      a.invalidate({});
      const edited = a.analyse(new Map([[users, FILES['users.js'].replace("r.get('/'", "r.get('/:id'")]]));
      assert.deepStrictEqual([edited.stats.read, edited.stats.lowered], [1, 1]);
      assert.deepStrictEqual(routeLines(edited), ['GET /users/:id [] ⚠']);

      // The overlay is gone (the edit was discarded): the disk copy is read and lowered again.
      a.invalidate({});
      const back = a.analyse();
      assert.deepStrictEqual([back.stats.read, back.stats.lowered], [1, 1]);
      assert.deepStrictEqual(routeLines(back), ['GET /users [] ⚠']);

      fs.writeFileSync(path.join(root, 'app.js'), FILES['app.js'].replace("'/users'", "'/people'"));
      a.invalidate({ files: [path.join(root, 'app.js')] });
      const saved = a.analyse();
      assert.deepStrictEqual([saved.stats.read, saved.stats.lowered], [1, 1]);
      assert.deepStrictEqual(routeLines(saved), ['GET /people [] ⚠']);
    });
  });

  it('walks the folder again when files were created', () => {
    withWorkspace(FILES, root => {
      const a = createAnalyser(root, loadConfig(root));
      a.analyse();
      fs.writeFileSync(path.join(root, 'admin.js'), `const express = require('express');
const app = express();
app.get('/admin', (req, res) => res.send('hi'));
`);
      a.invalidate({});
      assert.strictEqual(a.analyse().routes.length, 1, 'a new file is not seen until rediscovery');
      a.invalidate({ rediscover: true });
      const r = a.analyse();
      assert.deepStrictEqual(r.routes.map(x => x.path).sort(), ['/admin', '/users']);
      assert.strictEqual(r.stats.lowered, 1);
    });
  });

  it('gives the same routes, findings and annotations as a cold run after an edit', () => {
    withWorkspace(FILES, root => {
      const a = createAnalyser(root, loadConfig(root));
      a.analyse();
      const users = path.join(root, 'users.js');
      const text = FILES['users.js'].replace('res.json([])', 'res.json(req.user)');
      a.invalidate({});
      const warm = a.analyse(new Map([[users, text]]));
      const cold = createAnalyser(root, loadConfig(root)).analyse(new Map([[users, text]]));
      // Router ids (`router`) are unique across runs, so a replayed module's routers keep theirs: compare without them.
      const strip = (r: typeof warm) => JSON.stringify({ routes: r.routes, findings: r.findings, annotations: r.annotations }, (k, v) => (k === 'router' ? undefined : v));
      assert.strictEqual(strip(warm), strip(cold));
    });
  });

  it('keeps the objects of the routes behind an edit that moved them, when the same edit is analysed again', () => {
    // Typing inside a route added above other routers re-analyses the same shift each time: the
    // later routers' routes and layers are then the objects of the last run, not new copies.
    const files = {
      'app.js': "const express = require('express');\nconst app = express();\napp.use('/a', require('./a'));\napp.use('/b', require('./b'));\n",
      'a.js': "const r = require('express').Router();\nr.get('/one', (req, res) => res.json({}));\nmodule.exports = r;\n",
      'b.js': "const r = require('express').Router();\nr.get('/x', (req, res) => res.json({}));\nr.get('/y', (req, res) => res.json({}));\nmodule.exports = r;\n",
    };
    withWorkspace(files, root => {
      const a = createAnalyser(root, loadConfig(root));
      a.analyse();
      const file = path.join(root, 'a.js');
      const run = (handler: string) => {
        a.invalidate({});
        return a.analyse(new Map([[file, files['a.js'].replace('module.exports', `r.get('/two', ${handler});\nmodule.exports`)]]));
      };
      const first = run('(req, res) => res.json({})');
      const second = run('(req, res) => res.json({ typed: 1 })');
      const later = (r: typeof first) => r.model.routes.filter(x => x.path.startsWith('/b/'));
      assert.deepStrictEqual(later(first).map(x => x.order), [4, 5], 'moved one layer down by the added route');
      assert.ok(later(second).every((x, i) => x === later(first)[i]), 'the same route objects');
      const layers = (r: typeof first) => r.model.stacks[0].filter(l => l.order >= 4);
      assert.ok(layers(second).every((l, i) => l === layers(first)[i]), 'the same layer objects');
    });
  });

  it('a cancelled run throws AnalysisCancelled and the next run still sees every change', () => {
    withWorkspace(FILES, root => {
      const a = createAnalyser(root, loadConfig(root));
      a.analyse();
      fs.writeFileSync(path.join(root, 'users.js'), FILES['users.js'].replace("r.get('/'", "r.post('/'"));
      a.invalidate({ files: [path.join(root, 'users.js')], rediscover: true });
      let polls = 0;
      assert.throws(() => a.analyse(new Map(), () => ++polls > 1), AnalysisCancelled);
      a.invalidate({});
      assert.deepStrictEqual(routeLines(a.analyse()), ['POST /users [] ⚠']);
    });
  });
});
