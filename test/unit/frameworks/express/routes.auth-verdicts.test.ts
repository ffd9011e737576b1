// Whether the walk counts a route as protected (src/frameworks/express/routes.ts, with middleware-kind.ts's classification).
// Auth verdicts that depend on how a middleware ends its paths: a 401 followed by next() (E23), and
// next('route') / next('router') that send the request on instead of refusing it (E17).
import * as assert from 'assert';
import { analyse, routeLines } from '../../workspace';

const app = (auth: string, routes: string) => ({
  'package.json': '{"dependencies":{"express":"^4.21.0"}}',
  'app.js': `const express = require('express');\nconst app = express();\n${auth}\n${routes}\nfunction h(req, res) { res.send('x'); }\nmodule.exports = app;\n`,
});

describe('express auth verdicts (E17, E23)', () => {
  const e23 = (body: string) => analyse(app(`function requireUser(req, res, next) {\n${body}\n}`, "app.get('/x', requireUser, h);"));

  it('a 401 that is not followed by a return does not protect (E23)', () => {
    for (const body of [
      "  if (req.headers.authorization !== 'ok') res.status(401).json({ error: 'no' });\n  next();",
      "  if (!req.user) res.sendStatus(403);\n  return next();",
      "  res.status(401).end();\n  next();",
      "  if (req.query.strict) {\n    if (!req.user) res.status(401).end();\n    next();\n  } else next();",
      "  if (!req.user) {\n    res.status(401).json({ error: 'sign in' });\n  }\n  next();",
      "  if (!req.user) {\n    console.warn('rejected');\n    res.sendStatus(403);\n  } else {\n    req.seen = true;\n  }\n  next();",
    ]) {
      const r = e23(body);
      assert.deepStrictEqual(routeLines(r), ['GET /x [requireUser] ⚠'], body);
      assert.strictEqual(r.routes[0].chain[0].kind, 'auth', 'still shown as an auth layer');
    }
  });

  it('a 401 that ends its path protects (E23 counter-cases)', () => {
    for (const body of [
      "  if (req.headers.authorization !== 'ok') return res.status(401).json({ error: 'no' });\n  next();",
      "  if (req.headers.authorization !== 'ok') {\n    res.status(401).end();\n    return;\n  }\n  next();",
      "  if (req.user) next();\n  else res.status(401).end();",
      "  if (!req.user) res.status(401).end();\n  else next();",
      "  if (!req.user) {\n    res.status(401).end();\n  } else {\n    next();\n  }",
      "  if (!req.user) {\n    res.status(401).end();\n    return;\n  } else if (req.user.banned) {\n    res.sendStatus(403);\n    return;\n  }\n  next();",
    ]) assert.deepStrictEqual(routeLines(e23(body)), ['GET /x [requireUser] 🔒'], body);
  });

  it("next('route') protects its own route's handler, not the next route it falls through to (E17)", () => {
    const r = analyse(app(
      "function requireAdmin(req, res, next) { if (!req.user) return next('route'); next(); }",
      "app.get('/r', requireAdmin, h);\napp.get('/r', h);",
    ));
    assert.deepStrictEqual(routeLines(r), ['GET /r [requireAdmin] 🔒', 'GET /r [requireAdmin] ⚠']);
    assert.deepStrictEqual(r.model.routes[1].shadowedBy, []);
  });

  it("next('route') in a use() layer is plain next(): no protection (E17)", () => {
    const r = analyse(app("function requireAdmin(req, res, next) { if (!req.user) return next('route'); next(); }\napp.use(requireAdmin);", "app.get('/r', h);"));
    assert.deepStrictEqual(routeLines(r), ['GET /r [requireAdmin] ⚠']);
  });

  it("next('router') protects the router's routes only; later app routes on the same path stay reachable (E17)", () => {
    const r = analyse(app(
      "function requireStaff(req, res, next) { if (!req.user) return next('router'); next(); }\nconst staff = express.Router();\nstaff.use(requireStaff);\nstaff.get('/d', h);\napp.use(staff);",
      "app.get('/d', h);",
    ));
    assert.deepStrictEqual(routeLines(r), ['GET /d [requireStaff] 🔒', 'GET /d [requireStaff] ⚠']);
    assert.deepStrictEqual(r.model.routes[1].shadowedBy, []);
  });

  it('a variable an undecided `if` reassigns is either value: the auth layer it may swap out still protects, and a path it may change is not guessed', () => {
    const r = analyse(app(
      "function requireUser(req, res, next) { if (!req.user) return res.sendStatus(401); next(); }\nlet guard = requireUser;\nif (process.env.OPEN) guard = function open(req, res, next) { next(); };\nlet base = '/v1';\nif (process.env.V2) { base = '/v2'; }",
      "app.get('/me', guard, h);\napp.get(base + '/items', h);",
    ));
    assert.deepStrictEqual(r.routes.map(x => `${x.method} ${x.path} ${x.protected ? '🔒' : '⚠'}`), ['GET /me 🔒', 'GET /{?} ⚠']);
  });
});
