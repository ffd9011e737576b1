// What a middleware does, read from its body (src/frameworks/express/middleware-body.ts): cases found on real apps, one construct each.
import { expectRoutes } from '../../workspace';

describe('express middleware bodies', () => {
  it("auth that rejects through a helper of its scope (`return invalidRequest(req, res)`, parse-server's handleParseHeaders)", () => {
    expectRoutes({
      'middlewares.js': `function invalidRequest(req, res) {
  res.status(403);
  res.end('{"error":"unauthorized"}');
}
function handleParseHeaders(req, res, next) {
  if (!req.get('X-Parse-Application-Id')) return invalidRequest(req, res);
  next();
}
module.exports = { handleParseHeaders };
`,
      'app.js': `const express = require('express');
const middlewares = require('./middlewares');
const app = express();
app.use(middlewares.handleParseHeaders);
app.get('/classes/:className', (req, res) => res.json([]));
`,
    }, ['GET /classes/:className [middlewares.handleParseHeaders] 🔒']);
  });

  it('a helper that answers 400 is no auth, nor is one that sets 403 on an argument that is not the response', () => {
    expectRoutes({
      'app.js': `const express = require('express');
function malformed(req, res) { res.status(400).json({ error: 'bad' }); }
function mark(res, other) { other.status(403); }
function checkContext(req, res, next) {
  if (!req.body) return malformed(req, res);
  mark(res, req);
  next();
}
const app = express();
app.use(checkContext);
app.get('/x', (req, res) => res.json([]));
`,
    }, ['GET /x [checkContext] ⚠']);
  });

  it("a 403 that reads no credential is no auth (json-server's read-only mode); one that reads the identity is", () => {
    expectRoutes({
      'app.js': `const express = require('express');
const app = express();
const readOnly = (req, res, next) => { if (req.method === 'GET') next(); else res.sendStatus(403); };
const adminsOnly = (req, res, next) => { if (req.user && req.user.admin) next(); else res.sendStatus(403); };
app.use('/db', readOnly);
app.get('/db', (req, res) => res.json({}));
app.use('/admin', adminsOnly);
app.get('/admin', (req, res) => res.json({}));
`,
    }, ['GET /db [readOnly] ⚠', 'GET /admin [adminsOnly] 🔒']);
  });

  it('a session check that calls next() only when someone is signed in, and redirects otherwise, is auth', () => {
    expectRoutes({
      'app.js': `const express = require('express');
const app = express();
function ensureSignedIn(req, res, next) {
  if (req.isAuthenticated()) return next();
  res.redirect('/login');
}
const loadUser = (req, res, next) => { if (req.session.userId) req.user = { id: req.session.userId }; next(); };
app.get('/account', ensureSignedIn, (req, res) => res.json(req.user));
app.get('/home', loadUser, (req, res) => res.json({}));
`,
    }, ['GET /account [ensureSignedIn] 🔒', 'GET /home [loadUser] ⚠']);
  });

  it('a check chosen by an undecided condition (`DISABLE_AUTH ? pass : requireUser`), or made by a factory so chosen, is auth when one of its values is', () => {
    expectRoutes({
      'app.js': `const express = require('express');
const app = express();
const pass = (req, res, next) => next();
function requireUser(req, res, next) { if (!req.headers.authorization) return res.sendStatus(401); next(); }
const check = process.env.DISABLE_AUTH ? pass : requireUser;
const makeCheck = process.env.DISABLE_AUTH ? () => pass : () => requireUser;
app.get('/orders', check, (req, res) => res.json([]));
app.get('/invoices', makeCheck(), (req, res) => res.json([]));
app.get('/open', pass, (req, res) => res.json([]));
`,
    }, ['GET /orders [check] 🔒', 'GET /invoices [makeCheck] 🔒', 'GET /open [pass] ⚠']);
  });
});
