// The call forms the interpreter reads by their shape (src/core/call-forms.ts), through whole workspaces.
import * as assert from 'assert';
import { analyse, expectRoutes } from '../workspace';

describe('call forms', () => {
  it("expressApp[method].call(expressApp, path, handler) and router.get.apply(router, [path, handler]) (parse-server's PromiseRouter.mountOnto)", () => {
    expectRoutes({
      'app.js': `const express = require('express');
const app = express();
const method = 'GET'.toLowerCase();
app[method].call(app, '/d', function d(req, res) { res.end(); });
const router = express.Router();
router.post.apply(router, ['/e', function e(req, res) { res.end(); }]);
app.use('/r', router);
`,
    }, ['GET /d [] ⚠', 'POST /r/e [] ⚠']);
  });

  it('require() of a constant specifier loads that file, as a literal one would', () => {
    expectRoutes({
      'app.js': `const express = require('express');
const app = express();
const where = './routes';
require(where)(app);
`,
      'routes.js': `module.exports = function (app) { app.get('/r', function r(req, res) { res.end(); }); };
`,
    }, ['GET /r [] ⚠']);
  });

  it('the executor of new Promise(...) runs at once', () => {
    expectRoutes({
      'app.js': `const express = require('express');
const app = express();
new Promise((resolve) => { app.get('/p', function p(req, res) { res.end(); }); resolve(); });
`,
    }, ['GET /p [] ⚠']);
  });

  it('a method of one of several objects (a ternary, an undecided if) is called on each: a route on either router, listen() on either server', () => {
    const r = analyse({
      'package.json': '{"dependencies":{"express":"^4.21.0"}}',
      'app.js': `const express = require('express');
const http = require('http');
const https = require('https');
const app = express();
const api = express.Router();
const admin = express.Router();
const target = process.env.ADMIN ? admin : api;
target.get('/both', function both(req, res) { res.end(); });
app.use('/api', api);
app.use('/admin', admin);
let server;
if (process.env.TLS) { server = https.createServer({}, app); } else { server = http.createServer(app); }
server.listen(3000);
`,
    });
    assert.deepStrictEqual(r.routes.map(x => `${x.method} ${x.path}`), ['GET /api/both', 'GET /admin/both']);
    assert.deepStrictEqual(r.annotations.filter(a => a.stop === 1).map(a => `${a.line} ${a.label}`), ['12 https.createServer', '12 http.createServer', '13 listen']);
  });
});
