import { asyncHandlerWithoutCatch } from '../../../src/rules/async-handler-without-catch';
import { runRuleTests } from './rule-tester';

const EXPRESS4 = JSON.stringify({ dependencies: { express: '^4.21.0' } });
const EXPRESS5 = JSON.stringify({ dependencies: { express: '^5.1.0' } });

const HANDLER = `const express = require('express');
const db = require('./db');
const app = express();
app.get('/users/:id', async (req, res) => {
  const user = await db.findUser(req.params.id);
  res.json(user);
});
`;
const DB = 'exports.findUser = async (id) => ({ id });\n';

runRuleTests(asyncHandlerWithoutCatch, {
  valid: [
    { name: 'Express 5 passes the rejection to the error handler', files: { 'package.json': EXPRESS5, 'app.js': HANDLER, 'db.js': DB } },
    {
      name: 'Express 4 with express-async-errors installed',
      files: { 'package.json': JSON.stringify({ dependencies: { express: '^4.21.0', 'express-async-errors': '^3.1.1' } }), 'app.js': `require('express-async-errors');\n${HANDLER}`, 'db.js': DB },
    },
    {
      name: 'Express 4: the body is wrapped in try/catch',
      files: {
        'package.json': EXPRESS4,
        'app.js': `const express = require('express');
const db = require('./db');
const app = express();
app.get('/users/:id', async (req, res, next) => {
  try {
    res.json(await db.findUser(req.params.id));
  } catch (err) {
    next(err);
  }
});
`,
        'db.js': DB,
      },
    },
    {
      name: 'Express 4: a catchAsync wrapper in the workspace, and the express-async-handler package',
      files: {
        'package.json': EXPRESS4,
        'app.js': `const express = require('express');
const asyncHandler = require('express-async-handler');
const db = require('./db');
const catchAsync = fn => (req, res, next) => fn(req, res, next).catch(next);
const app = express();
app.get('/a/:id', catchAsync(async (req, res) => { res.json(await db.findUser(req.params.id)); }));
app.get('/b/:id', asyncHandler(async (req, res) => { res.json(await db.findUser(req.params.id)); }));
`,
        'db.js': DB,
      },
    },
    {
      name: 'Express 4: the awaited promise handles its own rejection',
      files: {
        'package.json': EXPRESS4,
        'app.js': `const express = require('express');
const db = require('./db');
const app = express();
app.get('/users/:id', async (req, res, next) => {
  const user = await db.findUser(req.params.id).catch(next);
  if (user) res.json(user);
});
`,
        'db.js': DB,
      },
    },
  ],
  invalid: [
    {
      name: 'Express 4: an async handler awaiting outside try/catch',
      files: { 'package.json': EXPRESS4, 'app.js': HANDLER, 'db.js': DB },
      errors: [{ messageId: 'hangs', data: { fn: 'This async function', awaited: 'db.findUser', awaitedAt: 'app.js:5', route: 'GET /users/:id' }, file: 'app.js', line: 4, column: 23 }],
    },
    {
      name: 'Express 4: async route middleware (the E20 fixture\'s shape), reported once for two routes',
      files: {
        'package.json': EXPRESS4,
        'app.js': `const express = require('express');
const db = require('./db');
async function requireUser(req, res, next) {
  req.user = await db.findUser(req.headers.authorization);
  next();
}
const app = express();
app.get('/me', requireUser, (req, res) => res.json(req.user));
app.get('/orders', requireUser, (req, res) => res.json([]));
`,
        'db.js': DB,
      },
      errors: [{ messageId: 'hangs', data: { fn: 'async requireUser', awaited: 'db.findUser', awaitedAt: 'app.js:4', route: 'GET /me' }, file: 'app.js', line: 3, column: 1 }],
    },
    {
      name: 'Express 4: an await in the catch clause can still reject',
      files: {
        'package.json': EXPRESS4,
        'app.js': `const express = require('express');
const db = require('./db');
const app = express();
app.post('/audit', async function audit(req, res) {
  try { res.json(await db.findUser(1)); } catch (err) { await db.findUser(2); res.status(500).end(); }
});
`,
        'db.js': DB,
      },
      errors: [{ messageId: 'hangs', data: { fn: 'async audit', awaited: 'db.findUser', awaitedAt: 'app.js:5', route: 'POST /audit' }, file: 'app.js', line: 4, column: 20 }],
    },
  ],
});
