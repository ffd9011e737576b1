import { bufferedFileResponse } from '../../../src/rules/buffered-file-response';
import { runRuleTests } from './rule-tester';
import { EXPRESS } from './rule-apps';

const FASTIFY5 = JSON.stringify({ dependencies: { fastify: '^5.6.0' } });
const KOA3 = JSON.stringify({ dependencies: { koa: '^3.3.0', '@koa/router': '^15.7.0' } });

runRuleTests(bufferedFileResponse, {
  valid: [
    {
      name: 'Express: res.sendFile streams the file',
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const app = express();
app.get('/files/:name', (req, res) => res.sendFile(req.params.name, { root: '/srv/files' }));
`,
      },
    },
    {
      name: 'Express: a file whose path is written in the code (an app asset)',
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const fs = require('fs');
const path = require('path');
const INDEX = path.join(__dirname, 'public', 'index.html');
const app = express();
app.get('/', (req, res) => res.send(fs.readFileSync(INDEX)));
app.get('/robots.txt', (req, res) => { const file = path.join(__dirname, 'robots.txt'); res.end(fs.readFileSync(file)); });
`,
      },
    },
    {
      name: 'Express: a template read then rendered, and a JSON file parsed, are not file responses',
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const fs = require('fs');
const app = express();
app.get('/page/:name', async (req, res) => {
  const template = await fs.promises.readFile(req.params.name + '.html', 'utf8');
  res.send(template.replace('{{user}}', req.user.name));
});
app.get('/settings/:name', (req, res) => {
  const settings = JSON.parse(fs.readFileSync(req.params.name + '.json', 'utf8'));
  res.json(settings.public);
});
`,
      },
    },
    {
      name: 'Fastify: reply.send(stream)',
      files: {
        'package.json': FASTIFY5,
        'app.js': `const fastify = require('fastify')();
const fs = require('fs');
fastify.get('/files/:name', (request, reply) => reply.send(fs.createReadStream(request.params.name)));
`,
      },
    },
    {
      name: 'Koa: ctx.body = stream',
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
      name: 'Express: fs.promises.readFile bound to a local, then sent',
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const fs = require('fs');
const app = express();
app.get('/files/:name', async (req, res) => {
  const data = await fs.promises.readFile('/srv/files/' + req.params.name);
  res.type('application/octet-stream').send(data);
});
`,
      },
      errors: [{
        messageId: 'buffered', file: 'app.js', line: 5, column: 22,
        data: {
          read: 'fs.promises.readFile', path: '', send: 'res.type().send()',
          instead: 'express',
        },
      }],
    },
    {
      name: "Express: readFile's callback sends its data; readFileSync from a destructured require sent inline",
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const fs = require('fs');
const { readFileSync } = require('fs');
const app = express();
app.get('/a/:name', (req, res) => {
  fs.readFile(req.params.name, (err, buf) => { if (err) return res.sendStatus(404); res.end(buf); });
});
app.get('/b', (req, res) => res.send(readFileSync(req.query.file).toString()));
`,
      },
      errors: [
        { messageId: 'buffered', file: 'app.js', line: 6, column: 3, data: { read: 'fs.readFile', path: '(req.params.name)', send: 'res.end()', instead: 'express' } },
        { messageId: 'buffered', file: 'app.js', line: 8, column: 38 },
      ],
    },
    {
      name: 'Fastify: an async handler returns the file',
      files: {
        'package.json': FASTIFY5,
        'app.js': `const fastify = require('fastify')();
const fsp = require('fs/promises');
fastify.get('/files/:name', async (request, reply) => {
  reply.type('application/pdf');
  return fsp.readFile(request.params.name);
});
`,
      },
      errors: [{ messageId: 'buffered', file: 'app.js', line: 5, column: 10, data: { read: 'fsp.readFile', path: '(request.params.name)', send: 'return', instead: 'fastify' } }],
    },
    {
      name: 'Koa: ctx.body = await readFile(path from the request)',
      files: {
        'package.json': KOA3,
        'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
const { readFile } = require('fs/promises');
const app = new Koa();
const router = new Router();
router.get('/files/:name', async (ctx) => {
  const filePath = '/srv/files/' + ctx.params.name;
  ctx.body = await readFile(filePath);
});
app.use(router.routes());
`,
      },
      errors: [{ messageId: 'buffered', file: 'app.js', line: 8, column: 20, data: { read: 'readFile', path: '(filePath)', send: 'ctx.body =', instead: 'koa' } }],
    },
  ],
});
