import { bodyParserBeforeRoutes } from '../../../src/rules/body-parser-before-routes';
import { runRuleTests } from './rule-tester';

const KOA = JSON.stringify({ dependencies: { koa: '^3.3.0', '@koa/router': '^15.7.0', 'koa-bodyparser': '^4.4.1' } });
const KOA_LATE_PARSER = `const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');
async function createNote(ctx) { const { text } = ctx.request.body; ctx.status = 201; ctx.body = { text }; }
const app = new Koa();
const notes = new Router();
notes.post('/notes', createNote);
app.use(notes.routes());
app.use(bodyParser());
`;

runRuleTests(bodyParserBeforeRoutes, {
  valid: [
    {
      name: 'a wrapper that hands every request but the webhook to express.json() (the raw body is kept for its signature) parses',
      files: {
        'app.js': `const express = require('express');
const app = express();
app.use((req, res, next) => {
  if (req.originalUrl === '/webhook') return next();
  return express.json({ limit: '1mb' })(req, res, next);
});
app.post('/users', (req, res) => res.json(req.body));
`,
      },
    },
    {
      name: "a route's own wrapper delegating to a parser made earlier (parse-server's upload route)",
      files: {
        'app.js': `const express = require('express');
const app = express();
const raw = express.raw({ type: () => true });
const parseUpload = (req, res, next) => (req.get('X-Upload-Mode') === 'stream' ? next() : raw(req, res, next));
app.post('/files/:name', parseUpload, (req, res) => res.json({ size: req.body.length }));
app.use(express.urlencoded({ extended: false }));
`,
      },
    },
    {
      name: 'express.json() registered before the route',
      files: { 'app.js': "const express = require('express');\nconst app = express();\napp.use(express.json());\napp.post('/users', (req, res) => res.json(req.body));\n" },
    },
    {
      name: 'route-level multer parser',
      files: { 'app.js': "const express = require('express');\nconst multer = require('multer');\nconst upload = multer();\nconst app = express();\napp.post('/upload', upload.single('file'), (req, res) => res.json(req.body));\n" },
    },
    {
      name: 'a handler that never reads req.body',
      files: { 'app.js': "const express = require('express');\nconst app = express();\napp.get('/users', (req, res) => res.json([]));\napp.use(express.json());\n" },
    },
    {
      name: 'Koa: app.use(bodyParser()) before the router (K13)',
      files: { 'package.json': KOA, 'app.js': KOA_LATE_PARSER.replace('app.use(notes.routes());\napp.use(bodyParser());', 'app.use(bodyParser());\napp.use(notes.routes());') },
    },
  ],
  invalid: [
    {
      name: 'the parser registered after the route',
      files: { 'app.js': "const express = require('express');\nconst app = express();\napp.post('/users', (req, res) => res.json(req.body));\napp.use(express.json());\n" },
      errors: [{
        messageId: 'parserAfter', file: 'app.js', line: 3, column: 1,
        data: { route: 'POST /users', body: 'req.body', parser: 'express.json', parserAt: 'app.js:4' },
        suggestionOutput: "const express = require('express');\nconst app = express();\napp.use(express.json());\napp.post('/users', (req, res) => res.json(req.body));\n",
      }],
    },
    {
      name: 'no parser at all (cookie-parser does not parse bodies)',
      files: { 'app.js': "const express = require('express');\nconst cookieParser = require('cookie-parser');\nconst app = express();\napp.use(cookieParser());\napp.post('/login', (req, res) => res.json({ user: req.body.user }));\n" },
      errors: [{ messageId: 'noParser', file: 'app.js', line: 5, column: 1, data: { route: 'POST /login', body: 'req.body' } }],
    },
    {
      name: "Koa: a router's routes() used before app.use(bodyParser()) (K13)",
      files: { 'package.json': KOA, 'app.js': KOA_LATE_PARSER },
      errors: [{
        messageId: 'parserAfter', file: 'app.js', line: 7, column: 1,
        data: { route: 'POST /notes', body: 'ctx.request.body', parser: 'bodyParser', parserAt: 'app.js:9' },
        suggestionOutput: KOA_LATE_PARSER.replace('app.use(notes.routes());\napp.use(bodyParser());', 'app.use(bodyParser());\napp.use(notes.routes());'),
      }],
    },
    {
      name: 'Koa: no body parser at all (K13)',
      files: { 'package.json': KOA, 'app.js': KOA_LATE_PARSER.replace('app.use(bodyParser());\n', '') },
      errors: [{ messageId: 'noParser', file: 'app.js', line: 7, column: 1, data: { route: 'POST /notes', body: 'ctx.request.body' } }],
    },
  ],
});
