import { pipeWithoutErrorHandling } from '../../../src/rules/pipe-without-error-handling';
import { runRuleTests } from './rule-tester';
import { EXPRESS } from './rule-apps';

const FASTIFY5 = JSON.stringify({ dependencies: { fastify: '^5.6.0' } });
const KOA3 = JSON.stringify({ dependencies: { koa: '^3.3.0', '@koa/router': '^15.7.0' } });

runRuleTests(pipeWithoutErrorHandling, {
  valid: [
    {
      name: 'Express: stream.pipeline destroys both ends when the read fails',
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const fs = require('fs');
const { pipeline } = require('stream');
const app = express();
app.get('/files/:name', (req, res, next) => {
  pipeline(fs.createReadStream(req.params.name), res, (err) => { if (err) next(err); });
});
`,
      },
    },
    {
      name: "Express: an 'error' listener on the same stream that ends the response",
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const fs = require('fs');
const app = express();
app.get('/files/:name', (req, res) => {
  const file = fs.createReadStream(req.params.name);
  file.on('error', (err) => { res.statusCode = 404; res.end(); });
  file.pipe(res);
});
`,
      },
    },
    {
      name: "Express: an 'error' listener written in the source's own chain, and a named listener",
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const fs = require('fs');
const app = express();
app.get('/a', (req, res, next) => { fs.createReadStream('a.txt').on('error', next).pipe(res); });
app.get('/b', (req, res, next) => { const b = fs.createReadStream('b.txt'); b.once('error', next); b.pipe(res); });
`,
      },
    },
    {
      name: 'Express: a pipe into something other than the response',
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const fs = require('fs');
const app = express();
app.post('/upload', (req, res) => { req.pipe(fs.createWriteStream('/tmp/upload')); res.end(); });
`,
      },
    },
    {
      name: 'Fastify: reply.send(stream) answers 500 before the first byte and aborts after it (measured)',
      files: {
        'package.json': FASTIFY5,
        'app.js': `const fastify = require('fastify')();
const fs = require('fs');
fastify.get('/files/:name', (request, reply) => reply.send(fs.createReadStream(request.params.name)));
`,
      },
    },
    {
      name: 'Koa: ctx.body = stream, whose errors Koa handles itself',
      files: {
        'package.json': KOA3,
        'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
const fs = require('fs');
const app = new Koa();
const router = new Router();
router.get('/files/:name', async (ctx) => { ctx.body = fs.createReadStream(ctx.params.name); });
app.use(router.routes());
`,
      },
    },
  ],
  invalid: [
    {
      name: 'Express: a file stream piped into res with no error listener',
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const fs = require('fs');
const app = express();
app.get('/files/:name', (req, res) => {
  const file = fs.createReadStream(req.params.name);
  file.pipe(res);
});
`,
      },
      errors: [{
        messageId: 'noListener', file: 'app.js', line: 6, column: 3, data: { source: 'file', destination: 'res' },
        suggestionOutput: `const express = require('express');
const fs = require('fs');
const stream = require('stream');
const app = express();
app.get('/files/:name', (req, res) => {
  const file = fs.createReadStream(req.params.name);
  stream.pipeline(file, res, (err) => { if (err) console.error('stream failed', err); });
});
`,
      }],
    },
    {
      name: 'Express: a chain through gzip, reported once for two routes sharing the handler; the file binds stream already',
      files: {
        'package.json': EXPRESS,
        'app.js': `import express from 'express';
import fs from 'fs';
import stream from 'node:stream';
import zlib from 'zlib';
const app = express();
function download(req, res) {
  fs.createReadStream(req.params.name).pipe(zlib.createGzip()).pipe(res);
}
app.get('/a/:name', download);
app.get('/b/:name', download);
`,
      },
      errors: [{
        messageId: 'noListener', file: 'app.js', line: 7, column: 3, data: { source: 'fs.createReadStream(req.params.name)', destination: 'res' },
        suggestionOutput: `import express from 'express';
import fs from 'fs';
import stream from 'node:stream';
import zlib from 'zlib';
const app = express();
function download(req, res) {
  stream.pipeline(fs.createReadStream(req.params.name), zlib.createGzip(), res, (err) => { if (err) console.error('stream failed', err); });
}
app.get('/a/:name', download);
app.get('/b/:name', download);
`,
      }],
    },
    {
      name: "Express: an 'error' listener that only logs leaves the response open",
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const fs = require('fs');
const app = express();
app.get('/files/:name', (req, res) => {
  const file = fs.createReadStream(req.params.name);
  file.on('error', (err) => console.error(err));
  file.pipe(res);
});
`,
      },
      errors: [{ messageId: 'listenerLeavesOpen', file: 'app.js', line: 7, column: 3, data: { source: 'file', destination: 'res', listenerAt: 'app.js:6' } }],
    },
    {
      name: 'Fastify: a stream piped into reply.raw',
      files: {
        'package.json': FASTIFY5,
        'app.js': `const fastify = require('fastify')();
const fs = require('fs');
fastify.get('/files/:name', (request, reply) => {
  fs.createReadStream(request.params.name).pipe(reply.raw);
});
`,
      },
      errors: [{
        messageId: 'noListener', file: 'app.js', line: 4, column: 3, data: { source: 'fs.createReadStream(request.params.name)', destination: 'reply.raw' },
        suggestionOutput: `const fastify = require('fastify')();
const fs = require('fs');
const stream = require('stream');
fastify.get('/files/:name', (request, reply) => {
  stream.pipeline(fs.createReadStream(request.params.name), reply.raw, (err) => { if (err) console.error('stream failed', err); });
});
`,
      }],
    },
    {
      name: 'Koa: a stream piped into ctx.res',
      files: {
        'package.json': KOA3,
        'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
const fs = require('fs');
const app = new Koa();
const router = new Router();
router.get('/files/:name', async (ctx) => {
  ctx.respond = false;
  const file = fs.createReadStream(ctx.params.name);
  file.pipe(ctx.res);
});
app.use(router.routes());
`,
      },
      errors: [{ messageId: 'noListener', file: 'app.js', line: 9, column: 3, data: { source: 'file', destination: 'ctx.res' } }],
    },
  ],
});
