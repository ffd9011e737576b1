// Re-analysis replays the modules an edit cannot have changed (core/module-reuse.ts). Whatever is
// replayed, the result must equal a cold analysis of the same files: checked on every fixture app
// with each of its files edited in turn, and on the shapes where modules share state.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { FullAnalysis } from '../../../src/core/analyse';
import { loadConfig } from '../../../src/core/config';
import { toJsonReport } from '../../../src/cli/format-json';
import { analyseFolder, createAnalyser } from '../../../src/engine';
import { withWorkspace } from '../workspace';

const FIXTURES = path.resolve(__dirname, '../../fixtures');

function report(r: FullAnalysis): string {
  const { stats: _stats, ...rest } = toJsonReport(r) as { stats: unknown };
  return JSON.stringify(rest, null, 1);
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(e => e.isFile() && /\.[cm]?[jt]s$/.test(e.name) && !e.parentPath.includes('node_modules'))
    .map(e => path.join(e.parentPath, e.name));
}

/** Edits each file in turn (as an unsaved overlay), re-analyses, and compares with a cold run; returns the replays seen. */
function checkEdits(root: string, edit: (text: string) => string): number {
  const analyser = createAnalyser(root, loadConfig(root));
  analyser.analyse();
  let replayed = 0;
  for (const file of sourceFiles(root)) {
    const overlay = new Map([[file, edit(fs.readFileSync(file, 'utf8'))]]);
    analyser.invalidate({});
    const incremental = analyser.analyse(overlay);
    replayed += incremental.stats.replayed ?? 0;
    assert.strictEqual(report(incremental), report(analyseFolder(root, { overlays: overlay })), `after editing ${path.relative(root, file)}`);
    // And back to the disk copy.
    analyser.invalidate({});
    assert.strictEqual(report(analyser.analyse()), report(analyseFolder(root)), `after reverting ${path.relative(root, file)}`);
  }
  return replayed;
}

describe('replaying unchanged modules after an edit', () => {
  const apps = [
    ...fs.readdirSync(path.join(FIXTURES, 'oracle')).map(d => path.join(FIXTURES, 'oracle', d)),
    path.join(FIXTURES, 'express-basic'),
    path.join(FIXTURES, 'express-fixes'),
    path.resolve(__dirname, '../../../examples/shop-express'),
  ];

  it('equals a cold run on every fixture app, whichever file is edited', function () {
    // A sweep over every oracle fixture of every framework (over a hundred apps, each edited file by file).
    this.timeout(60_000);
    let replayed = 0;
    for (const app of apps) replayed += checkEdits(app, text => `${text}\n// edited\n`);
    assert.ok(replayed > 100, `modules were replayed (${replayed})`);
  });

  const SHARED: Record<string, Record<string, string>> = {
    'a route table other modules push into': {
      'registry.js': 'module.exports = [];\n',
      'users.js': `const { Router } = require('express');
const table = require('./registry');
const r = Router();
r.get('/', (req, res) => res.json([]));
table.push({ path: '/users', router: r });
`,
      'orders.js': `const { Router } = require('express');
const table = require('./registry');
const r = Router();
r.get('/', (req, res) => res.json([]));
table.push({ path: '/orders', router: r });
`,
      'app.js': `const express = require('express');
require('./users');
require('./orders');
const table = require('./registry');
const app = express();
for (const { path, router } of table) app.use(path, router);
`,
    },
    'routes registered on an app another file created': {
      'app.js': `const express = require('express');
const app = express();
module.exports = app;
`,
      'routes.js': `const app = require('./app');
const { requireUser } = require('./auth');
app.use(requireUser);
app.get('/me', (req, res) => res.json(req.user));
`,
      'auth.js': `exports.requireUser = (req, res, next) => (req.user ? next() : res.sendStatus(401));
`,
      'server.js': `const app = require('./app');
require('./routes');
app.listen(3000);
`,
    },
    'a setting another module changes': {
      'config.js': `let prefix = '/api';
exports.setPrefix = p => { prefix = p; };
exports.prefix = () => prefix;
`,
      'boot.js': `require('./config').setPrefix('/v2');
`,
      'app.js': `const express = require('express');
require('./boot');
const config = require('./config');
const app = express();
app.get(config.prefix() + '/ping', (req, res) => res.send('pong'));
`,
    },
    'ESM default exports built in place': {
      'package.json': '{ "type": "module" }',
      'users.mjs': `import { Router } from 'express';
export default Router().get('/', (req, res) => res.json([]));
`,
      'app.mjs': `import express from 'express';
import users from './users.mjs';
import again from './users.mjs';
const app = express();
app.use('/users', users);
app.use('/again', again);
`,
    },
  };

  for (const [name, files] of Object.entries(SHARED)) {
    it(`equals a cold run with ${name}, whichever file changes meaning`, () => {
      withWorkspace(files, root => {
        // A change of meaning: every path string and status code differs.
        checkEdits(root, text => text.replace(/'\/(\w+)/g, "'/$1x").replace(/401/g, '403'));
      });
    });
  }
});
