import { unboundedBodyLimit } from '../../../src/rules/unbounded-body-limit';
import { runRuleTests } from './rule-tester';
import { FASTIFY } from './rule-apps';

const KOA = JSON.stringify({ dependencies: { koa: '^3.3.0', '@koa/router': '^15.7.0', 'koa-bodyparser': '^4.4.1', 'koa-body': '^6.0.1' } });
const EXPRESS_RAISED = "const express = require('express');\nconst app = express();\napp.use(express.json({ limit: '50mb' }));\napp.post('/import', (req, res) => res.json(req.body));\n";
const BODY_PARSER_INFINITY = "const express = require('express');\nconst bodyParser = require('body-parser');\nconst app = express();\napp.use(bodyParser.urlencoded({ extended: true, limit: Infinity }));\napp.post('/form', (req, res) => res.json(req.body));\n";
const MULTER = "const express = require('express');\nconst multer = require('multer');\nconst upload = multer({ dest: 'uploads/' });\nconst app = express();\napp.post('/avatar', upload.single('avatar'), (req, res) => res.end());\n";
const FASTIFY_APP = "const fastify = require('fastify');\nconst app = fastify({ bodyLimit: 100 * 1024 * 1024 });\napp.post('/import', async (request) => request.body);\n";
const MULTIPART = "const fastify = require('fastify');\nconst app = fastify();\napp.register(require('@fastify/multipart'), { limits: { fileSize: 104857600 } });\napp.post('/upload', async (request) => { const file = await request.file(); return file.filename; });\n";
const KOA_BODYPARSER = "const Koa = require('koa');\nconst Router = require('@koa/router');\nconst bodyParser = require('koa-bodyparser');\nconst app = new Koa();\nconst router = new Router();\nrouter.post('/import', ctx => { ctx.body = ctx.request.body; });\napp.use(bodyParser({ jsonLimit: '1gb' }));\napp.use(router.routes());\n";
const KOA_BODY = "const Koa = require('koa');\nconst Router = require('@koa/router');\nconst { koaBody } = require('koa-body');\nconst app = new Koa();\nconst router = new Router();\nrouter.post('/upload', koaBody({ multipart: true }), ctx => { ctx.body = ctx.request.files; });\napp.use(router.routes());\n";

runRuleTests(unboundedBodyLimit, {
  valid: [
    {
      name: "Express: express.json() with its default limit (100kb) and one raised to '10mb'",
      files: { 'app.js': "const express = require('express');\nconst app = express();\napp.use(express.json());\napp.post('/import', express.text({ limit: '10mb' }), (req, res) => res.json(req.body));\n" },
    },
    {
      name: 'Express: multer with limits.fileSize of 5 MB',
      files: { 'app.js': MULTER.replace("{ dest: 'uploads/' }", "{ dest: 'uploads/', limits: { fileSize: 5 * 1024 * 1024 } }") },
    },
    {
      name: 'Express: multer().none() accepts no files',
      files: { 'app.js': "const express = require('express');\nconst multer = require('multer');\nconst app = express();\napp.post('/form', multer().none(), (req, res) => res.json(req.body));\n" },
    },
    {
      name: "Fastify: the default bodyLimit (1 MiB, F17)",
      files: { 'package.json': FASTIFY, 'app.js': FASTIFY_APP.replace('{ bodyLimit: 100 * 1024 * 1024 }', '') },
    },
    {
      name: "Fastify: @fastify/multipart without limits (capped by bodyLimit, F21)",
      files: { 'package.json': FASTIFY, 'app.js': "const fastify = require('fastify');\nconst app = fastify();\napp.register(require('@fastify/multipart'));\napp.post('/upload', async (request) => { const file = await request.file(); return file.filename; });\n" },
    },
    {
      name: 'Koa: koa-bodyparser with its defaults (json 1mb, form 56kb)',
      files: { 'package.json': KOA, 'app.js': KOA_BODYPARSER.replace("{ jsonLimit: '1gb' }", '') },
    },
    {
      name: 'Koa: koa-body multipart with formidable.maxFileSize of 10 MB',
      files: { 'package.json': KOA, 'app.js': KOA_BODY.replace('{ multipart: true }', '{ multipart: true, formidable: { maxFileSize: 10 * 1024 * 1024 } }') },
    },
  ],
  invalid: [
    {
      name: "Express: express.json({ limit: '50mb' })",
      files: { 'app.js': EXPRESS_RAISED },
      errors: [{
        messageId: 'raised', file: 'app.js', line: 3, column: 9, data: { parser: 'express.json', option: 'limit', size: '50 MB', written: "'50mb'" },
        suggestionOutput: EXPRESS_RAISED.replace('50mb', '10mb'),
      }],
    },
    {
      name: 'Express: body-parser with limit: Infinity',
      files: { 'app.js': BODY_PARSER_INFINITY },
      errors: [{
        messageId: 'unlimited', file: 'app.js', line: 4, column: 56, data: { parser: 'bodyParser.urlencoded', option: 'limit', size: 'any size', written: 'Infinity' },
        suggestionOutput: BODY_PARSER_INFINITY.replace('limit: Infinity', "limit: '10mb'"),
      }],
    },
    {
      name: 'Express: multer without limits.fileSize',
      files: { 'app.js': MULTER },
      errors: [{
        messageId: 'noFileLimit', file: 'app.js', line: 3, column: 16, data: { parser: 'upload.single', option: 'limits.fileSize', size: 'any size' },
        suggestionOutput: MULTER.replace("{ dest: 'uploads/' }", "{ dest: 'uploads/', limits: { fileSize: 10 * 1024 * 1024 } }"),
      }],
    },
    {
      name: 'Fastify: bodyLimit of 100 MiB on the app',
      files: { 'package.json': FASTIFY, 'app.js': FASTIFY_APP },
      errors: [{
        messageId: 'raised', file: 'app.js', line: 2, column: 34, data: { parser: 'Fastify', option: 'bodyLimit', size: '100 MB', written: '100 * 1024 * 1024' },
        suggestionOutput: FASTIFY_APP.replace('100 * 1024 * 1024', '10 * 1024 * 1024'),
      }],
    },
    {
      name: 'Fastify: a route raising its own bodyLimit',
      files: { 'package.json': FASTIFY, 'app.js': "const fastify = require('fastify');\nconst app = fastify();\napp.post('/import', { bodyLimit: 1073741824 }, async (request) => request.body);\n" },
      errors: [{
        messageId: 'raised', file: 'app.js', line: 3, column: 1, data: { parser: 'This route', option: 'bodyLimit', size: '1 GB', written: '1073741824' },
        suggestionOutput: "const fastify = require('fastify');\nconst app = fastify();\napp.post('/import', { bodyLimit: 10 * 1024 * 1024 }, async (request) => request.body);\n",
      }],
    },
    {
      name: '@fastify/multipart with limits.fileSize raised to 100 MiB',
      files: { 'package.json': FASTIFY, 'app.js': MULTIPART },
      errors: [{
        messageId: 'raised', file: 'app.js', line: 3, column: 1, data: { parser: '@fastify/multipart', option: 'limits.fileSize', size: '100 MB', written: '104857600' },
        suggestionOutput: MULTIPART.replace('104857600', '10 * 1024 * 1024'),
      }],
    },
    {
      name: "Koa: koa-bodyparser jsonLimit '1gb'",
      files: { 'package.json': KOA, 'app.js': KOA_BODYPARSER },
      errors: [{
        messageId: 'raised', file: 'app.js', line: 7, column: 9, data: { parser: 'bodyParser', option: 'jsonLimit', size: '1 GB', written: "'1gb'" },
        suggestionOutput: KOA_BODYPARSER.replace('1gb', '10mb'),
      }],
    },
    {
      name: "Koa: koa-body multipart with formidable's default maxFileSize (200 MiB)",
      files: { 'package.json': KOA, 'app.js': KOA_BODY },
      errors: [{ messageId: 'largeDefault', file: 'app.js', line: 6, column: 24, data: { parser: 'koaBody', option: 'formidable.maxFileSize', size: '200 MB' } }],
    },
  ],
});
