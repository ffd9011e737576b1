// Guard-only routes (E22): a route whose every function is middleware that calls next() when it
// succeeds has no handler. A request that passes it goes on to the next route with the same path,
// whose chain includes the guard; the guard lists those routes, or says its handler is elsewhere.
import * as assert from 'assert';
import { analyse, expectRoutes } from '../../workspace';

const JWT = "const { expressjwt } = require('express-jwt');\nconst isAuthorized = () => expressjwt({ secret: 'k', algorithms: ['HS256'] });\n";

describe('express routes: guards', () => {
  it('a route with only isAuthorized() guards the later route with the same path, which runs behind it', () => {
    const r = expectRoutes({
      'server.js': `const express = require('express');
${JWT}const app = express();
app.get('/api/Users', isAuthorized());
app.get('/api/Users', (req, res) => { res.json([]); });
`,
    }, ['GET /api/Users [isAuthorized] 🔒', 'GET /api/Users [isAuthorized] 🔒']);
    const [guard, route] = r.routes;
    assert.deepStrictEqual(guard.guards, [{ method: 'GET', path: '/api/Users', file: 'server.js', line: 6 }]);
    assert.strictEqual(guard.handler, null);
    assert.strictEqual(route.guards, undefined);
    assert.deepStrictEqual(route.handler, { file: 'server.js', line: 6 });
  });

  it('a guard whose handler is registered where the analyser cannot see (a REST generator) says so', () => {
    const r = expectRoutes({
      'server.js': `const express = require('express');
const finale = require('finale-rest');
${JWT}const app = express();
app.post('/api/Products', isAuthorized());
finale.initialize({ app });
`,
    }, ['POST /api/Products [isAuthorized] 🔒'], ['POST /api/Products: handler registered elsewhere: no later route for POST /api/Products found; this route only guards it']);
    assert.deepStrictEqual(r.routes[0].guards, []);
  });

  it('a guard registered before routes made in a loop guards each one its path matches', () => {
    const r = expectRoutes({
      'server.js': `const express = require('express');
${JWT}const app = express();
app.use('/api/Products/:id', isAuthorized());
app.delete('/api/Products/:id', isAuthorized());
for (const name of ['Products', 'Baskets']) {
  app.delete('/api/' + name + '/:id', (req, res) => { res.json({}); });
}
`,
    }, [
      'DELETE /api/Products/:id [isAuthorized > isAuthorized] 🔒',
      'DELETE /api/Products/:id [isAuthorized > isAuthorized] 🔒',
      'DELETE /api/Baskets/:id [] ⚠',
    ]);
    assert.deepStrictEqual(r.routes[0].guards, [{ method: 'DELETE', path: '/api/Products/:id', file: 'server.js', line: 8 }]);
  });

  it("a guard's own verdict: logging alone protects nothing, and neither it nor its route has auth", () => {
    const r = expectRoutes({
      'server.js': `const express = require('express');
const morgan = require('morgan');
const app = express();
app.get('/audit', morgan('tiny'));
app.get('/audit', (req, res) => { res.json([]); });
`,
    }, ['GET /audit [morgan] ⚠', 'GET /audit [morgan] ⚠']);
    assert.strictEqual(r.routes[0].guards?.length, 1);
  });

  it('a handler we can read that calls next() stays a handler (no guard): only middleware kinds make guards', () => {
    const r = expectRoutes({
      'server.js': `const express = require('express');
const app = express();
app.get('/x', function tryFirst(req, res, next) { next(); });
app.get('/x', (req, res) => { res.json({}); });
`,
    }, ['GET /x [] ⚠', 'GET /x [tryFirst] ⚠']);
    assert.strictEqual(r.routes[0].guards, undefined);
    assert.deepStrictEqual(r.routes[0].handler, { file: 'server.js', line: 3 });
  });

  it('a handler that refuses with 401 and passes errors on with next(err) is the handler, not a guard', () => {
    const r = expectRoutes({
      'server.js': `const express = require('express');
const app = express();
app.delete('/files/:name', async function deleteHandler(req, res, next) {
  if (!req.headers.authorization) return res.status(401).json({ error: 'unauthorized' });
  try { await remove(req.params.name); res.status(204).end(); } catch (err) { next(err); }
});
`,
    }, ['DELETE /files/:name [] ⚠']);
    assert.strictEqual(r.routes[0].guards, undefined);
    assert.deepStrictEqual(r.routes[0].handler, { file: 'server.js', line: 3 });
  });

  it("`app.options('*', cors())` is a handler (cors answers preflights), not a guard", () => {
    const r = analyse({
      'server.js': `const express = require('express');
const cors = require('cors');
const app = express();
app.options('*', cors());
`,
    });
    assert.strictEqual(r.routes[0].guards, undefined);
  });

  it('the guard function is not annotated as a handler (stop 5), but as middleware (stop 4)', () => {
    const r = analyse({
      'server.js': `const express = require('express');
${JWT}const app = express();
app.get('/api/Users', isAuthorized());
`,
    });
    assert.deepStrictEqual(r.annotations.filter(a => a.line === 5).map(a => `${a.stop} ${a.label}`), ['3 GET /api/Users', '4 isAuthorized']);
  });
});

describe('express routes: memory at scale', () => {
  it('a layer in front of many routes gives them one shared chain entry (not one object per route)', () => {
    const r = analyse({
      'app.js': `const express = require('express');
const app = express();
function requireUser(req, res, next) { if (!req.headers.authorization) return res.status(401).end(); next(); }
app.use(express.json());
app.use(requireUser);
app.get('/a', (req, res) => res.json({}));
app.get('/b', (req, res) => res.json({}));
`,
    });
    const [a, b] = r.routes;
    assert.strictEqual(a.chain[0], b.chain[0]);
    assert.strictEqual(a.chain[1], b.chain[1]);
  });
});

describe('real-world shapes (Node-RED, verdaccio, parse-server)', () => {
  describe('notes (G10, G11)', () => {
    it("a path chosen at run time (process.env.ROOT ? '/x' : '/y') is shown with a note naming both options, not silently the first", () => {
      expectRoutes({
        'app.js': `const express = require('express');
const app = express();
const root = process.env.ROOT ? '/x' : '/y';
app.get(root, function h(req, res) { res.end(); });
`,
      }, ['GET /x [] ⚠'], ["GET /x: path: one of '/x', '/y' (showing '/x')"]);
    });

    it("a default for an unknown prefix (process.env.BASE || '/api') mounts under the default, with a note", () => {
      expectRoutes({
        'app.js': `const express = require('express');
const app = express();
const router = express.Router();
router.get('/items', function items(req, res) { res.json([]); });
app.use(process.env.BASE || '/api', router);
`,
      }, ['GET /api/items [] ⚠'], ["GET /api/items: path: one of process.env.BASE, '/api' (showing '/api')"]);
    });

    it("an array of paths read from a package names its expressions, not an IR kind (verdaccio's WebUrls)", () => {
      expectRoutes({
        'app.js': `const express = require('express');
const { WebUrls } = require('@verdaccio/middleware');
const app = express();
app.get([WebUrls.a, WebUrls.b], function h(req, res) { res.end(); });
`,
      }, ['GET /{?} [] ⚠'], ['GET /{?}: path: [WebUrls.a, WebUrls.b]']);
    });
  });

  describe('apps built more than once', () => {
    it('parse-server: an app factory called from two start paths is reported once', () => {
      expectRoutes({
        'server.js': `const express = require('express');
function app() {
  const api = express();
  api.get('/health', (req, res) => res.json({ ok: true }));
  return api;
}
function start() { return app().listen(1337); }
function startApp() { return app(); }
module.exports = { app, start, startApp };
`,
        'cli.js': `const { start, startApp } = require('./server');
if (process.env.MODE === 'app') startApp(); else start();
`,
      }, ['GET /health [] ⚠']);
    });
  });
});
