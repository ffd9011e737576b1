// A one-run scan lets each router's recorded layers go once its last walk is over (walkApps `done`,
// src/frameworks/express/routes.ts): routers walked more than once (mounted twice, inside a router
// mounted twice, inside themselves) must keep them until then. The one-run result must equal what a
// long-lived (editor) analyser, which lets nothing go, finds.
import * as assert from 'assert';
import type { FullAnalysis } from '../../../../src/core/analyse';
import { loadConfig } from '../../../../src/core/config';
import { analyseFolder, createAnalyser } from '../../../../src/engine';
import { routeLines, withWorkspace } from '../../workspace';

const PKG = '{"dependencies":{"express":"^4.21.0"}}';

/** Routes, chains and annotations: what letting go could change. */
function shown(r: FullAnalysis): unknown {
  return { routes: routeLines(r), annotations: r.annotations.map(a => `${a.file}:${a.line}:${a.column} ${a.stop} ${a.label}`), findings: r.findings.map(f => f.ruleId) };
}

function bothWays(files: Record<string, string>): { oneRun: FullAnalysis; editor: FullAnalysis } {
  return withWorkspace({ 'package.json': PKG, ...files }, root => ({
    oneRun: analyseFolder(root),
    editor: createAnalyser(root, loadConfig(root)).analyse(),
  }));
}

describe('express walk: letting routers go after their last walk (one-run scans)', () => {
  it('a router mounted twice, and one inside it, keep their routes at every mount', () => {
    const { oneRun, editor } = bothWays({
      'app.js': `const express = require('express');
const items = require('./items');
const auth = (req, res, next) => (req.headers.authorization ? next() : res.status(401).end());
const app = express();
app.use('/v1', items);
app.use('/v2', auth, items);
app.listen(3000);
`,
      'items.js': `const { Router } = require('express');
const tags = require('./tags');
const router = Router();
router.param('id', (req, res, next, id) => next());
router.get('/items/:id', (req, res) => res.json({ id: req.params.id }));
router.route('/items').get((req, res) => res.json([])).post((req, res) => res.status(201).end());
router.use(['/tags', '/labels'], tags);
module.exports = router;
`,
      'tags.js': `const { Router } = require('express');
const router = Router();
router.get('/', (req, res) => res.json([]));
module.exports = router;
`,
    });
    assert.deepStrictEqual(routeLines(oneRun), [
      'GET /v1/items/:id [anonymous function] ⚠',
      'GET /v1/items [] ⚠',
      'POST /v1/items [] ⚠',
      'GET /v1/tags [] ⚠',
      'GET /v1/labels [] ⚠',
      'GET /v2/items/:id [auth > anonymous function] 🔒',
      'GET /v2/items [auth] 🔒',
      'POST /v2/items [auth] 🔒',
      'GET /v2/tags [auth] 🔒',
      'GET /v2/labels [auth] 🔒',
    ]);
    assert.deepStrictEqual(shown(oneRun), shown(editor));
  });

  it('a router mounted inside itself keeps its layers (the walk skips the inner mount)', () => {
    const { oneRun, editor } = bothWays({
      'app.js': `const express = require('express');
const app = express();
const router = express.Router();
router.get('/a', (req, res) => res.send('a'));
router.use('/again', router);
app.use('/r', router);
app.use('/s', router);
`,
    });
    assert.deepStrictEqual(routeLines(oneRun), ['GET /r/a [] ⚠', 'GET /s/a [] ⚠']);
    assert.deepStrictEqual(shown(oneRun), shown(editor));
  });
});
