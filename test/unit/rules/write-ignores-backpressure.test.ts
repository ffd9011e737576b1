import { writeIgnoresBackpressure } from '../../../src/rules/write-ignores-backpressure';
import { runRuleTests } from './rule-tester';
import { EXPRESS } from './rule-apps';

const FASTIFY5 = JSON.stringify({ dependencies: { fastify: '^5.6.0' } });
const KOA3 = JSON.stringify({ dependencies: { koa: '^3.3.0', '@koa/router': '^15.7.0' } });

runRuleTests(writeIgnoresBackpressure, {
  valid: [
    {
      name: "Express: a loop that waits for 'drain' when write() returns false",
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const { once } = require('events');
const db = require('./db');
const app = express();
app.get('/export', async (req, res) => {
  for await (const row of db.rows()) {
    if (!res.write(JSON.stringify(row) + '\\n')) await once(res, 'drain');
  }
  res.end();
});
`,
        'db.js': 'exports.rows = async function* rows() {};\n',
      },
    },
    {
      name: "Express: a 'data' listener that pauses the source and resumes it on 'drain'",
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const app = express();
app.get('/proxy', (req, res) => {
  const upstream = require('./upstream').open();
  upstream.on('data', (chunk) => { if (!res.write(chunk)) upstream.pause(); });
  res.on('drain', () => upstream.resume());
  upstream.on('end', () => res.end());
});
`,
        'upstream.js': 'exports.open = function open() { return null; };\n',
      },
    },
    {
      name: 'Express: writes that run once, and a timer that writes (one event per tick: server-sent events)',
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const app = express();
app.get('/events', (req, res) => {
  res.write('retry: 1000\\n\\n');
  const timer = setInterval(() => res.write('data: ping\\n\\n'), 15000);
  req.on('close', () => clearInterval(timer));
});
`,
      },
    },
    {
      name: 'Fastify: a loop writing to something other than the response',
      files: {
        'package.json': FASTIFY5,
        'app.js': `const fastify = require('fastify')();
const fs = require('fs');
fastify.post('/log', async (request) => {
  const out = fs.createWriteStream('/tmp/log');
  for (const line of request.body.lines) out.write(line);
  return { ok: true };
});
`,
      },
    },
  ],
  invalid: [
    {
      name: 'Express: rows written in a loop',
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const db = require('./db');
const app = express();
app.get('/export.csv', async (req, res) => {
  const cursor = db.orders.find().cursor();
  for await (const order of cursor) {
    res.write(order.id + ',' + order.total + '\\n');
  }
  res.end();
});
`,
        'db.js': 'exports.orders = { find() { return { cursor() { return []; } }; } };\n',
      },
      errors: [{ messageId: 'loop', file: 'app.js', line: 7, column: 5, data: { callee: 'res.write' } }],
    },
    {
      name: "Express: a 'data' listener copying chunks into res, reported once for two routes",
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const http = require('http');
const app = express();
function relay(req, res) {
  http.get('http://backend/feed', (upstream) => {
    upstream.on('data', (chunk) => res.write(chunk));
    upstream.on('end', () => res.end());
  });
}
app.get('/feed', relay);
app.get('/v2/feed', relay);
`,
      },
      errors: [{ messageId: 'onData', file: 'app.js', line: 6, column: 36, data: { callee: 'res.write' } }],
    },
    {
      name: "Express: a write in a callback inside a 'data' listener (an access check per item) is per chunk too",
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const storage = require('./storage');
const app = express();
app.get('/-/all', (req, res) => {
  const stream = storage.search();
  stream.on('data', function each(pkg) {
    storage.allow(pkg, (err, allowed) => { if (allowed) res.write(JSON.stringify(pkg)); });
  });
  stream.on('end', () => res.end());
});
`,
        'storage.js': 'exports.search = function search() { return null; };\nexports.allow = function allow(p, cb) { cb(null, true); };\n',
      },
      errors: [{ messageId: 'onData', file: 'app.js', line: 7, column: 57, data: { callee: 'res.write' } }],
    },
    {
      name: 'Express: a helper called in a loop writes to the response it is given',
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const app = express();
function writeRow(out, row) { out.write(row.join(',') + '\\n'); }
app.get('/report', (req, res) => {
  for (const row of req.app.locals.rows) writeRow(res, row);
  res.end();
});
`,
      },
      errors: [{ messageId: 'loop', file: 'app.js', line: 3, column: 31, data: { callee: 'out.write' } }],
    },
    {
      name: 'Fastify: reply.raw written in a forEach',
      files: {
        'package.json': FASTIFY5,
        'app.js': `const fastify = require('fastify')();
fastify.get('/lines', (request, reply) => {
  reply.hijack();
  request.query.lines.split(',').forEach((line) => reply.raw.write(line + '\\n'));
  reply.raw.end();
});
`,
      },
      errors: [{ messageId: 'loop', file: 'app.js', line: 4, column: 52, data: { callee: 'reply.raw.write' } }],
    },
    {
      name: 'Koa: ctx.res written in a while loop',
      files: {
        'package.json': KOA3,
        'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
const app = new Koa();
const router = new Router();
router.get('/count', async (ctx) => {
  ctx.respond = false;
  let i = 0;
  while (i < 1e6) { ctx.res.write(String(i++) + '\\n'); }
  ctx.res.end();
});
app.use(router.routes());
`,
      },
      errors: [{ messageId: 'loop', file: 'app.js', line: 8, column: 21, data: { callee: 'ctx.res.write' } }],
    },
  ],
});
