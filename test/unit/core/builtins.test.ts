// What the interpreter knows of JavaScript's own objects (src/core/builtins.ts): the CommonJS interop
// helpers TypeScript and Babel emit, recognised by name, and string methods that build method names.
// The cases are shapes found in open-source Express apps (Node-RED, verdaccio, parse-server), each
// reduced to a few lines and asserting the exact route lines. String tests (`endsWith`) decide
// file-name filters.
import * as assert from 'assert';
import { pureMethod } from '../../../src/core/builtins';
import { type Arg, UNKNOWN, type Value } from '../../../src/core/values';
import { BABEL_INTEROP, TSC_IMPORT_DEFAULT } from '../compiled-helpers';
import { expectRoutes } from '../workspace';

describe('real-world shapes (Node-RED, verdaccio, parse-server)', () => {
  describe('CommonJS interop helpers (G1)', () => {
    it("tsc: __importDefault(require('express')) and (0, express_1.default)() give an app (TypeScript apps compiled with esModuleInterop)", () => {
      expectRoutes({
        'app.js': `"use strict";
${TSC_IMPORT_DEFAULT}Object.defineProperty(exports, "__esModule", { value: true });
const express_1 = __importDefault(require("express"));
const app = (0, express_1.default)();
app.get('/a', function a(req, res) { res.end(); });
app.listen(3000);
`,
      }, ['GET /a [] ⚠']);
    });

    it("tsc: __importDefault(require('./users')).default is the router of a file compiled from `export default router`", () => {
      expectRoutes({
        'users.js': `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const express_1 = require("express");
const router = (0, express_1.Router)();
router.get('/', function listUsers(req, res) { res.json([]); });
exports.default = router;
`,
        'app.js': `"use strict";
${TSC_IMPORT_DEFAULT}Object.defineProperty(exports, "__esModule", { value: true });
const express_1 = __importDefault(require("express"));
const users_1 = __importDefault(require("./users"));
const app = (0, express_1.default)();
app.use('/users', users_1.default);
`,
      }, ['GET /users [] ⚠']);
    });

    it('tsc: __importDefault of a plain CommonJS router (module.exports = router) wraps it, so .default is the router', () => {
      expectRoutes({
        'users.js': `const { Router } = require('express');
const router = Router();
router.get('/', function listUsers(req, res) { res.json([]); });
module.exports = router;
`,
        'app.js': `"use strict";
${TSC_IMPORT_DEFAULT}const express_1 = __importDefault(require("express"));
const users_1 = __importDefault(require("./users"));
const app = (0, express_1.default)();
app.use('/users', users_1.default);
`,
      }, ['GET /users [] ⚠']);
    });

    it("tsc: __importStar(require('express')) with __createBinding and __setModuleDefault (import * as express)", () => {
      expectRoutes({
        'app.js': `"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
const express = __importStar(require("express"));
const router = express.Router();
router.get('/', function listUsers(req, res) { res.json([]); });
const app = (0, express.default)();
app.use('/users', router);
`,
      }, ['GET /users [] ⚠']);
    });

    it("tslib: tslib_1.__importDefault(require('express')) (tsc with importHelpers)", () => {
      expectRoutes({
        'app.js': `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const tslib_1 = require("tslib");
const express_1 = tslib_1.__importDefault(require("express"));
const app = (0, express_1.default)();
app.get('/a', function a(req, res) { res.end(); });
`,
      }, ['GET /a [] ⚠']);
    });

    it("Babel: _interopRequireDefault(require('express')) and (0, _express.default)() (parse-server's lib)", () => {
      expectRoutes({
        'app.js': `"use strict";
var _express = _interopRequireDefault(require("express"));
${BABEL_INTEROP}const app = (0, _express.default)();
app.get('/health', function health(req, res) { res.end(); });
`,
      }, ['GET /health [] ⚠']);
    });
  });

  describe('computed method names (G7)', () => {
    it("app[r.method.toLowerCase()](r.path, h) over a constant table of routes (parse-server's PromiseRouter)", () => {
      expectRoutes({
        'app.js': `const express = require('express');
const app = express();
const table = [{ method: 'GET', path: '/a' }, { method: 'POST', path: '/b' }];
for (const r of table) app[r.method.toLowerCase()](r.path, function h(req, res) { res.end(); });
`,
      }, ['GET /a [] ⚠', 'POST /b [] ⚠']);
    });
  });
});

const str = (v: string): Value => ({ t: 'str', v });
const arg = (value: Value): Arg => ({ value, name: 'x', site: null });

describe('pureMethod', () => {
  it('string tests on known strings answer true or false (file-name filters)', () => {
    assert.deepStrictEqual(pureMethod(str('users.js'), 'endsWith', [arg(str('.js'))]), { t: 'bool', v: true });
    assert.deepStrictEqual(pureMethod(str('index.ts'), 'endsWith', [arg(str('.js'))]), { t: 'bool', v: false });
    assert.deepStrictEqual(pureMethod(str('_helpers.js'), 'startsWith', [arg(str('_'))]), { t: 'bool', v: true });
    assert.deepStrictEqual(pureMethod(str('users.test.js'), 'includes', [arg(str('.test.'))]), { t: 'bool', v: true });
  });

  it('an unknown argument, or a second one (a position), leaves the call unanswered', () => {
    assert.strictEqual(pureMethod(str('users.js'), 'endsWith', [arg(UNKNOWN('suffix'))]), undefined);
    assert.strictEqual(pureMethod(str('users.js'), 'startsWith', [arg(str('s')), arg({ t: 'num', v: 1 })]), undefined);
  });
});
