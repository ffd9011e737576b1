import * as assert from 'assert';
import { literalIcons, routeTitle, routeTooltip, stopTitle } from '../../../src/extension/labels';
import { analyse } from '../workspace';

describe('labels', () => {
  // The route path holds colour codes, a bell, CR LF and a right-to-left override; the mount prefix an icon.
  const r = analyse({
    'app.js': String.raw`const express = require('express');
const app = express();
const requireUser = (req, res, next) => { if (!req.headers.authorization) return res.status(401).end(); req.user = {}; next(); };
app.use(requireUser);
app.get('/\u001b[31mred\u001b[0m\u0007\r\n\u202eevil', (req, res) => res.json(req.user));
app.use('/$(debug-start)', express.Router().get('/[x](https://evil.example)', (req, res) => res.end()));
`,
  });
  const hostile = r.model.routes[0];
  const icon = r.model.routes[1];

  it('a route CodeLens title shows the path printable', () => {
    assert.strictEqual(routeTitle(hostile), '③ Route · GET /\\u001b[31mred\\u001b[0m\\u0007\\u000d\\u000a\\u202eevil · 1 layer · 🔒 requireUser');
  });

  it('a route CodeLens title shows $(icon) from the code as written', () => {
    assert.strictEqual(routeTitle(icon), '③ Route · GET /\\$(debug-start)/[x](https://evil.example) · 1 layer · 🔒 requireUser');
  });

  it('a stop CodeLens title shows its label printable, $(icon) as written', () => {
    assert.strictEqual(stopTitle(r.annotations[1]), '③ Route · GET /\\u001b[31mred\\u001b[0m\\u0007\\u000d\\u000a\\u202eevil');
    assert.strictEqual(stopTitle(r.annotations[5]), '③ Route · GET /\\$(debug-start)/[x](https://evil.example)');
  });

  it('the routes-view tooltip escapes Markdown, so a path cannot become a link', () => {
    assert.strictEqual(routeTooltip(icon).split('\n')[0], '**GET \\/\\$\\(debug\\-start\\)\\/\\[x\\]\\(https\\:\\/\\/evil\\.example\\)** — 🔒 requireUser');
    assert.strictEqual(routeTooltip(hostile).split('\n')[0], '**GET \\/\\\\u001b\\[31mred\\\\u001b\\[0m\\\\u0007\\\\u000d\\\\u000a\\\\u202eevil** — 🔒 requireUser');
    assert.strictEqual(routeTooltip(hostile).split('\n')[2], '1. `requireUser` \\(auth\\, app\\.js\\:4\\)');
  });

  describe('guards', () => {
    const g = analyse({
      'app.js': `const express = require('express');
const { expressjwt } = require('express-jwt');
const app = express();
app.get('/api/Users', expressjwt({ secret: 'k', algorithms: ['HS256'] }));
app.get('/api/Users', (req, res) => res.json([]));
app.post('/api/Products', expressjwt({ secret: 'k', algorithms: ['HS256'] }));
`,
    });
    const [guard, , lone] = g.model.routes;

    it('a guard CodeLens title says how many routes it guards, or that its handler is elsewhere', () => {
      assert.strictEqual(routeTitle(guard), '③ Route · GET /api/Users · guard of 1 route · 🔒 expressjwt');
      assert.strictEqual(routeTitle(lone), '③ Route · POST /api/Products · guard, handler elsewhere · 🔒 expressjwt');
    });

    it('a guard tooltip names the routes it lets requests through to', () => {
      assert.ok(routeTooltip(guard).endsWith('\n\nA guard\\: a request it lets through goes on to GET \\/api\\/Users \\(app\\.js\\:5\\)\\.'), routeTooltip(guard));
    });
  });

  it('literalIcons escapes only what VS Code would render as an icon', () => {
    assert.strictEqual(literalIcons('$(zap) $(alert~spin) $(not an icon) $'), '\\$(zap) \\$(alert~spin) $(not an icon) $');
  });
});
