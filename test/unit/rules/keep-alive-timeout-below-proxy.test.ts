import { keepAliveTimeoutBelowProxy } from '../../../src/rules/keep-alive-timeout-below-proxy';
import { runRuleTests } from './rule-tester';
import { FASTIFY } from './rule-apps';

const KOA = JSON.stringify({ dependencies: { koa: '^3.3.0' } });
const EXPRESS_SET = "const express = require('express');\nconst app = express();\napp.set('trust proxy', 1);\napp.get('/', (req, res) => res.end());\nconst server = app.listen(3000);\nserver.keepAliveTimeout = 5000;\n";
const FASTIFY_SET = "const fastify = require('fastify');\nconst app = fastify({ trustProxy: true, keepAliveTimeout: 30000 });\napp.get('/', async () => 'ok');\napp.listen({ port: 3000 });\n";
const KOA_SET = "const Koa = require('koa');\nconst http = require('http');\nconst app = new Koa({ proxy: true });\napp.use(async ctx => { ctx.body = 'ok'; });\nconst server = http.createServer(app.callback());\nserver.keepAliveTimeout = 30000;\nserver.listen(3000);\n";

runRuleTests(keepAliveTimeoutBelowProxy, {
  valid: [
    {
      name: 'Express: behind a proxy with keepAliveTimeout above 60 s',
      files: { 'app.js': EXPRESS_SET.replace('= 5000', '= 65000') },
    },
    {
      name: 'Express: no proxy trusted (Node closes idle connections after 5 s, nothing reuses them)',
      files: { 'app.js': "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => res.end());\napp.listen(3000);\n" },
    },
    {
      name: "Express: trust proxy turned off (app.set('trust proxy', false))",
      files: { 'app.js': "const express = require('express');\nconst app = express();\napp.set('trust proxy', false);\napp.listen(3000);\n" },
    },
    {
      name: 'Express: trusts a proxy but makes no server here (the app is exported)',
      files: { 'app.js': "const express = require('express');\nconst app = express();\napp.enable('trust proxy');\nmodule.exports = app;\n" },
    },
    {
      name: 'Express: one variable holding an https or an http server, then one keepAliveTimeout for it',
      files: { 'app.js': "const http = require('http');\nconst https = require('https');\nconst express = require('express');\nconst app = express();\napp.set('trust proxy', true);\nlet server;\nif (process.env.TLS) {\n  server = https.createServer({}, app);\n} else {\n  server = http.createServer(app);\n}\nserver.keepAliveTimeout = 65000;\nserver.listen(3000);\n" },
    },
    {
      name: "Fastify: trustProxy with Fastify's own keepAliveTimeout (72 s, F20)",
      files: { 'package.json': FASTIFY, 'app.js': FASTIFY_SET.replace(', keepAliveTimeout: 30000', '') },
    },
    {
      name: 'Koa: app.proxy with keepAliveTimeout above 60 s on the app.listen() server',
      files: { 'package.json': KOA, 'app.js': "const Koa = require('koa');\nconst app = new Koa();\napp.proxy = true;\nconst server = app.listen(3000);\nserver.keepAliveTimeout = 65000;\n" },
    },
  ],
  invalid: [
    {
      name: "Express: trust proxy and app.listen() with Node's default (5 s)",
      files: { 'app.js': "const express = require('express');\nconst app = express();\napp.set('trust proxy', 1);\napp.get('/', (req, res) => res.end());\napp.listen(3000);\n" },
      errors: [{ messageId: 'byDefault', file: 'app.js', line: 5, column: 1, data: { seconds: '5', framework: 'node', trustAt: 'app.js:3' } }],
    },
    {
      name: "Express: app.enable('trust proxy') and http.createServer(app)",
      files: { 'app.js': "const http = require('http');\nconst express = require('express');\nconst app = express();\napp.enable('trust proxy');\nhttp.createServer(app).listen(3000);\n" },
      errors: [{ messageId: 'byDefault', file: 'app.js', line: 5, column: 1, data: { seconds: '5', framework: 'node', trustAt: 'app.js:4' } }],
    },
    {
      name: 'Express: keepAliveTimeout set below 60 s',
      files: { 'app.js': EXPRESS_SET },
      errors: [{
        messageId: 'set', file: 'app.js', line: 6, column: 1, data: { ms: '5000', trustAt: 'app.js:3' },
        suggestionOutput: EXPRESS_SET.replace('= 5000', '= 65000'),
      }],
    },
    {
      name: 'Fastify: trustProxy with keepAliveTimeout lowered to 30 s',
      files: { 'package.json': FASTIFY, 'app.js': FASTIFY_SET },
      errors: [{
        messageId: 'set', file: 'app.js', line: 2, column: 13, data: { ms: '30000', trustAt: 'app.js:2' },
        suggestionOutput: FASTIFY_SET.replace('30000', '65000'),
      }],
    },
    {
      name: "Koa: app.proxy = true and app.listen() with Node's default",
      files: { 'package.json': KOA, 'app.js': "const Koa = require('koa');\nconst app = new Koa();\napp.proxy = true;\napp.use(async ctx => { ctx.body = 'ok'; });\napp.listen(3000);\n" },
      errors: [{ messageId: 'byDefault', file: 'app.js', line: 5, column: 1, data: { seconds: '5', framework: 'node', trustAt: 'app.js:3' } }],
    },
    {
      name: 'Koa: new Koa({ proxy: true }) served by http.createServer(app.callback()) with keepAliveTimeout 30 s',
      files: { 'package.json': KOA, 'app.js': KOA_SET },
      errors: [{
        messageId: 'set', file: 'app.js', line: 6, column: 1, data: { ms: '30000', trustAt: 'app.js:3' },
        suggestionOutput: KOA_SET.replace('30000', '65000'),
      }],
    },
  ],
});
