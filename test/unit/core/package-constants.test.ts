// Route paths from constants in installed packages (src/core/package-constants.ts): a shared
// package linked into node_modules, a library's compiled endpoint enum. Read, never run; only
// constants are taken, and what cannot be read keeps its `unresolved` note.
import { expectRoutes } from '../workspace';

const APP = (importLine: string, path: string) => `const express = require('express');
${importLine}
const app = express();
app.get(${path}, (req, res) => res.send('ok'));
`;

describe('route paths from installed packages', () => {
  it('a CommonJS constant (exports.X = ...)', () => {
    expectRoutes({
      'node_modules/@acme/routes/package.json': '{ "name": "@acme/routes", "main": "lib/index.js" }',
      'node_modules/@acme/routes/lib/index.js': "exports.HEALTH = '/healthz';\nexports.API = { users: '/api/users' };\n",
      'app.js': APP("const { HEALTH, API } = require('@acme/routes');", 'HEALTH'),
    }, ['GET /healthz [] ⚠']);
  });

  it('a member of a constant object, and a constant joined with +', () => {
    expectRoutes({
      'node_modules/@acme/routes/package.json': '{ "name": "@acme/routes" }',
      'node_modules/@acme/routes/index.js': "module.exports = { API: { users: '/users' }, PREFIX: '/v1' };\n",
      'app.js': `const express = require('express');
const routes = require('@acme/routes');
const app = express();
app.get(routes.API.users, (req, res) => res.send('ok'));
app.get(routes.PREFIX + '/ping', (req, res) => res.send('pong'));
`,
    }, ['GET /users [] ⚠', 'GET /v1/ping [] ⚠']);
  });

  it('a compiled enum re-exported through getters (Babel output, as in @verdaccio/middleware)', () => {
    expectRoutes({
      'node_modules/endpoints/package.json': '{ "name": "endpoints", "exports": { ".": { "require": "./build/index.js" } } }',
      'node_modules/endpoints/build/urls.js': `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.USER = void 0;
let USER = exports.USER = /*#__PURE__*/function (USER) {
  USER["whoami"] = "/-/whoami";
  return USER;
}({});
`,
      'node_modules/endpoints/build/index.js': `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
var _urls = require("./urls");
Object.keys(_urls).forEach(function (key) {
  if (key === "default" || key === "__esModule") return;
  Object.defineProperty(exports, key, { enumerable: true, get: function () { return _urls[key]; } });
});
`,
      'app.js': APP("const { USER } = require('endpoints');", 'USER.whoami'),
    }, ['GET /-/whoami [] ⚠']);
  });

  it('an ES module package (export const)', () => {
    expectRoutes({
      'node_modules/paths-esm/package.json': '{ "name": "paths-esm", "type": "module", "exports": "./index.js" }',
      'node_modules/paths-esm/index.js': "export const ORDERS = '/orders';\n",
      'app.mjs': `import express from 'express';
import { ORDERS } from 'paths-esm';
const app = express();
app.get(ORDERS, (req, res) => res.send('ok'));
`,
    }, ['GET /orders [] ⚠']);
  });

  it('a function from a package stays a package value (middleware is recognised by its package)', () => {
    expectRoutes({
      'node_modules/mw/package.json': '{ "name": "mw" }',
      'node_modules/mw/index.js': "module.exports = function (req, res, next) { next(); };\n",
      'app.js': APP("const mw = require('mw');", "'/x', mw"),
    }, ['GET /x [mw] ⚠']);
  });

  it('a package that is not installed, or whose value is computed at run time, keeps its note', () => {
    expectRoutes({
      'node_modules/runtime/package.json': '{ "name": "runtime" }',
      'node_modules/runtime/index.js': 'exports.BASE = process.env.BASE;\n',
      'app.js': `const express = require('express');
const { BASE } = require('runtime');
const { OTHER } = require('not-installed');
const app = express();
app.get(BASE, (req, res) => res.send('a'));
app.get(OTHER, (req, res) => res.send('b'));
`,
    }, ['GET /{?} [] ⚠', 'GET /{?} [] ⚠'], ['GET /{?}: path: runtime.BASE', 'GET /{?}: path: not-installed.OTHER']);
  });

  it('a broken package (bad package.json, an entry outside its folder) is not read and does not stop the scan', () => {
    expectRoutes({
      'node_modules/broken/package.json': '{ "name": "broken", ',
      'node_modules/outside/package.json': '{ "name": "outside", "main": "../../secret.js" }',
      'secret.js': "exports.X = '/leaked';\n",
      'app.js': `const express = require('express');
const { A } = require('broken');
const { X } = require('outside');
const app = express();
app.get(A, (req, res) => res.send('a'));
app.get(X, (req, res) => res.send('x'));
app.get('/ok', (req, res) => res.send('ok'));
`,
    }, ['GET /{?} [] ⚠', 'GET /{?} [] ⚠', 'GET /ok [] ⚠'], ['GET /{?}: path: broken.A', 'GET /{?}: path: outside.X']);
  });
});
