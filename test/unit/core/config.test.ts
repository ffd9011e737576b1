// The configuration file: one function validates it and fills defaults (src/core/config.ts).
import * as assert from 'assert';
import { ALWAYS_EXCLUDE, DEFAULT_EXCLUDE, normaliseConfig } from '../../../src/core/config';
import { expectRoutes } from '../workspace';

describe('configuration', () => {
  it('without exclude, the default list applies (build/, dist/, coverage/ ... are not read)', () => {
    assert.deepStrictEqual(normaliseConfig({}, 'test').exclude, DEFAULT_EXCLUDE);
  });

  it('an explicit exclude replaces the defaults; node_modules and .git stay excluded', () => {
    assert.deepStrictEqual(normaliseConfig({ exclude: ['legacy/**'] }, 'test').exclude, ['**/node_modules/**', '**/.git/**', 'legacy/**']);
  });

  it('"exclude": [] reads build/ and dist/ but still not node_modules or .git', () => {
    assert.deepStrictEqual(normaliseConfig({ exclude: [] }, 'test').exclude, ALWAYS_EXCLUDE);
  });
});

describe('real-world shapes (Node-RED, verdaccio, parse-server)', () => {
  describe('configuration (G12)', () => {
    it('"sevenStops": { "exclude": [] } in package.json scans an app that runs from build/ (compiled apps started as require("./build/app.js")())', () => {
      expectRoutes({
        'package.json': JSON.stringify({ sevenStops: { exclude: [] } }),
        'index.js': `require('./build/app.js')().listen(3000);
`,
        'build/app.js': `const express = require('express');
module.exports = function createApp() {
  const app = express();
  app.get('/a', function a(req, res) { res.end(); });
  return app;
};
`,
      }, ['GET /a [] ⚠']);
    });
  });
});
