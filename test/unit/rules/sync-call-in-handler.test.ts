import { syncCallInHandler } from '../../../src/rules/sync-call-in-handler';
import { runRuleTests } from './rule-tester';
import { EXPRESS, FASTIFY, KOA } from './rule-apps';

runRuleTests(syncCallInHandler, {
  valid: [
    {
      name: 'Express: fs.promises in the handler, readFileSync at startup',
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const fs = require('fs');
const template = fs.readFileSync('./page.html', 'utf8');
const app = express();
app.get('/page', async (req, res) => { res.send(template + await fs.promises.readFile('./extra.html', 'utf8')); });
`,
      },
    },
    {
      name: 'a local function named like a sync call is not the package',
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
function readFileSync(p) { return p; }
const app = express();
app.get('/x', (req, res) => { res.send(readFileSync('x')); });
`,
      },
    },
    {
      name: 'bcrypt.hash (async) in a Fastify handler',
      files: {
        'package.json': FASTIFY,
        'app.js': `const fastify = require('fastify')();
const bcrypt = require('bcrypt');
fastify.post('/users', async (request) => ({ hash: await bcrypt.hash(request.body.password, 12) }));
`,
      },
    },
  ],
  invalid: [
    {
      name: 'Express: readFileSync in the handler',
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const fs = require('fs');
const app = express();
app.get('/report', (req, res) => {
  res.send(fs.readFileSync('/data/report.csv'));
});
`,
      },
      errors: [{ messageId: 'blocking', data: { callee: 'fs.readFileSync', route: 'GET /report', through: '' }, file: 'app.js', line: 5, column: 12 }],
    },
    {
      name: 'Express: destructured execSync in a route-level middleware, one finding for the two routes that run it',
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const { execSync } = require('child_process');
function gitInfo(req, res, next) { req.rev = execSync('git rev-parse HEAD').toString(); next(); }
const app = express();
app.get('/version', gitInfo, (req, res) => res.json({ rev: req.rev }));
app.get('/health', gitInfo, (req, res) => res.end());
`,
      },
      errors: [{ messageId: 'blocking', data: { callee: 'execSync', route: 'GET /version (and 1 other route)', through: '' }, file: 'app.js', line: 3, column: 46 }],
    },
    {
      name: 'Express: bcrypt.hashSync in a service the handler calls, in another file',
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const users = require('./users');
const app = express();
app.post('/signup', express.json(), (req, res) => { res.json(users.create(req.body)); });
`,
        'users.js': `const bcrypt = require('bcrypt');
function hashPassword(pw) { return bcrypt.hashSync(pw, 12); }
exports.create = (body) => ({ name: body.name, hash: hashPassword(body.password) });
`,
      },
      errors: [{ messageId: 'blocking', data: { callee: 'bcrypt.hashSync', route: 'POST /signup', through: ' (reached through users.create → hashPassword)' }, file: 'users.js', line: 2, column: 36 }],
    },
    {
      name: 'Fastify: crypto.pbkdf2Sync in an async handler (ESM import)',
      files: {
        'package.json': FASTIFY,
        'app.mjs': `import Fastify from 'fastify';
import crypto from 'node:crypto';
const app = Fastify();
app.post('/login', async (request) => {
  const key = crypto.pbkdf2Sync(request.body.password, 'salt', 100000, 64, 'sha512');
  return { ok: key.length > 0 };
});
`,
      },
      errors: [{ messageId: 'blocking', data: { callee: 'crypto.pbkdf2Sync', route: 'POST /login', through: '' }, file: 'app.mjs', line: 5, column: 15 }],
    },
    {
      name: 'Koa: zlib.gzipSync in a loop of the handler',
      files: {
        'package.json': KOA,
        'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
const zlib = require('zlib');
const app = new Koa();
const router = new Router();
router.get('/bundle', async ctx => {
  ctx.body = ['a', 'b'].map(part => zlib.gzipSync(part));
});
app.use(router.routes());
`,
      },
      errors: [{ messageId: 'blocking', data: { callee: 'zlib.gzipSync', route: 'GET /bundle', through: '' }, file: 'app.js', line: 7, column: 37 }],
    },
  ],
});
