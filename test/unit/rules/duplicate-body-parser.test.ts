import { duplicateBodyParser } from '../../../src/rules/duplicate-body-parser';
import { runRuleTests } from './rule-tester';

const KOA = JSON.stringify({ dependencies: { koa: '^3.3.0', '@koa/router': '^15.7.0', 'koa-bodyparser': '^4.4.1' } });
const EXPRESS_ROUTE = "const express = require('express');\nconst app = express();\napp.use(express.json());\napp.post('/import', express.json({ limit: '5mb' }), (req, res) => res.json(req.body));\n";
const EXPRESS_ROUTER = "const express = require('express');\nconst bodyParser = require('body-parser');\nconst app = express();\nconst api = express.Router();\napp.use(bodyParser.urlencoded({ extended: false }));\napi.use(express.urlencoded({ extended: true }));\napi.post('/form', (req, res) => res.json(req.body));\napp.use('/api', api);\n";
const KOA_TWICE = "const Koa = require('koa');\nconst Router = require('@koa/router');\nconst bodyParser = require('koa-bodyparser');\nconst app = new Koa();\nconst router = new Router();\napp.use(bodyParser());\nrouter.post('/import', bodyParser({ jsonLimit: '5mb' }), ctx => { ctx.body = ctx.request.body; });\napp.use(router.routes());\n";

runRuleTests(duplicateBodyParser, {
  valid: [
    {
      name: 'Express: one parser per content type (json and urlencoded)',
      files: { 'app.js': "const express = require('express');\nconst app = express();\napp.use(express.json());\napp.use(express.urlencoded({ extended: false }));\napp.post('/x', (req, res) => res.json(req.body));\n" },
    },
    {
      name: 'Express: a second json parser with its own `type` reads other requests',
      files: { 'app.js': "const express = require('express');\nconst app = express();\napp.use(express.json());\napp.post('/hook', express.json({ type: 'application/vnd.api+json' }), (req, res) => res.json(req.body));\n" },
    },
    {
      name: 'Express: the raised limit on the route alone, no app-level parser',
      files: { 'app.js': "const express = require('express');\nconst app = express();\napp.post('/import', express.json({ limit: '5mb' }), (req, res) => res.json(req.body));\napp.post('/x', express.json(), (req, res) => res.json(req.body));\n" },
    },
    {
      name: 'Koa: koa-bodyparser once, before the router',
      files: { 'package.json': KOA, 'app.js': KOA_TWICE.replace("bodyParser({ jsonLimit: '5mb' }), ", '') },
    },
  ],
  invalid: [
    {
      name: 'Express: express.json() on the app and again on the route',
      files: { 'app.js': EXPRESS_ROUTE },
      errors: [{ messageId: 'duplicate', file: 'app.js', line: 4, column: 21, data: { first: 'express.json', second: 'express.json', firstAt: 'app.js:3', route: 'POST /import', how: 'read the json body' } }],
    },
    {
      name: 'Express: bodyParser.urlencoded() on the app and express.urlencoded() on a router (both body-parser)',
      files: { 'app.js': EXPRESS_ROUTER },
      errors: [{ messageId: 'duplicate', file: 'app.js', line: 6, column: 9, data: { first: 'bodyParser.urlencoded', second: 'express.urlencoded', firstAt: 'app.js:5', route: 'POST /api/form', how: 'read the urlencoded body' } }],
    },
    {
      name: 'Koa: koa-bodyparser on the app and again on a route',
      files: { 'package.json': KOA, 'app.js': KOA_TWICE },
      errors: [{ messageId: 'duplicate', file: 'app.js', line: 7, column: 24, data: { first: 'bodyParser', second: 'bodyParser', firstAt: 'app.js:6', route: 'POST /import', how: 'set ctx.request.body' } }],
    },
  ],
});
