// The call forms the interpreter reads by their shape (src/core/call-forms.ts), through whole workspaces.
import { expectRoutes } from '../workspace';

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
});
