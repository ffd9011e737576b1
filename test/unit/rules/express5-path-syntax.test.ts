import * as assert from 'assert';
import { express5PathSyntax, problemsOf } from '../../../src/rules/express5-path-syntax';
import { runRuleTests } from './rule-tester';

const EXPRESS5 = JSON.stringify({ dependencies: { express: '^5.1.0' } });
const EXPRESS4 = JSON.stringify({ dependencies: { express: '^4.21.0' } });
const KOA15 = JSON.stringify({ dependencies: { koa: '^3.3.0', '@koa/router': '^15.7.0' } });
const KOA13 = JSON.stringify({ dependencies: { koa: '^2.16.0', '@koa/router': '^13.1.1' } });
const OPTIONAL = "const express = require('express');\nconst app = express();\nconst users = express.Router();\nusers.get('/:id?', (req, res) => res.json({ id: req.params.id }));\napp.use('/users', users);\n";
const CATCH_ALL = "const express = require('express');\nconst app = express();\napp.get('/health', (req, res) => res.end());\napp.get('*', (req, res) => res.sendFile('index.html'));\n";
const REGEX_PARAM = "const express = require('express');\nconst app = express();\napp.get('/orders/:id(\\\\d+)', (req, res) => res.json({ id: req.params.id }));\n";
const KOA_ROUTES = "const Koa = require('koa');\nconst Router = require('@koa/router');\nconst app = new Koa();\nconst router = new Router();\nrouter.get('/files/:path*', ctx => { ctx.body = ctx.params.path; });\nrouter.all('(.*)', ctx => { ctx.status = 404; });\napp.use(router.routes());\n";

runRuleTests(express5PathSyntax, {
  valid: [
    {
      name: 'Express 5: v8 syntax (optional segment, named wildcard, plain params)',
      files: { 'package.json': EXPRESS5, 'app.js': "const express = require('express');\nconst app = express();\napp.get('/users{/:id}', (req, res) => res.end());\napp.get('/files/:name.:ext', (req, res) => res.end());\napp.get('/{*splat}', (req, res) => res.end());\n" },
    },
    {
      name: 'Express 4: plain paths and RegExp objects',
      files: { 'package.json': EXPRESS4, 'app.js': "const express = require('express');\nconst app = express();\napp.get('/users/:id', (req, res) => res.end());\napp.get(/^\\/legacy\\/.*$/, (req, res) => res.end());\napp.get('/x/:a-:b', (req, res) => res.end());\n" },
    },
    {
      name: '@koa/router 15: v8 syntax',
      files: { 'package.json': KOA15, 'app.js': "const Koa = require('koa');\nconst Router = require('@koa/router');\nconst app = new Koa();\nconst router = new Router({ prefix: '/api' });\nrouter.get('/files/{*path}', ctx => { ctx.body = ctx.params.path; });\napp.use(router.routes());\n" },
    },
    {
      name: '@koa/router 13: plain params read the same in v6 and v8',
      files: { 'package.json': KOA13, 'app.js': "const Koa = require('koa');\nconst Router = require('@koa/router');\nconst app = new Koa();\nconst router = new Router();\nrouter.get('/users/:id', ctx => { ctx.body = 'x'; });\napp.use(router.routes());\n" },
    },
  ],
  invalid: [
    {
      name: 'Express 5: an optional parameter in a router mounted under a prefix',
      files: { 'package.json': EXPRESS5, 'app.js': OPTIONAL },
      errors: [{
        messageId: 'rejected', file: 'app.js', line: 4, column: 1,
        data: { path: '/:id?', construct: '`:id?`', why: 'optional', router: 'Express 5' },
        suggestionOutput: OPTIONAL.replace("'/:id?'", "'{/:id}'"),
      }],
    },
    {
      name: "Express 5: app.get('*') (an SPA fallback)",
      files: { 'package.json': EXPRESS5, 'app.js': CATCH_ALL },
      errors: [{
        messageId: 'rejected', file: 'app.js', line: 4, column: 1,
        data: { path: '*', construct: '`*`', why: 'wildcard', router: 'Express 5' },
        suggestionOutput: CATCH_ALL.replace("'*'", "'/{*splat}'"),
      }],
    },
    {
      name: 'Express 4: the same catch-all, to prepare the upgrade (info)',
      files: { 'package.json': EXPRESS4, 'app.js': CATCH_ALL },
      errors: [{
        messageId: 'upgrade', file: 'app.js', line: 4, column: 1,
        data: { path: '*', construct: '`*`', why: 'wildcard', target: 'express5' },
        suggestionOutput: CATCH_ALL.replace("'*'", "'/{*splat}'"),
      }],
    },
    {
      name: 'Express 4: a parameter constrained by a RegExp (info); the fix drops the constraint',
      files: { 'package.json': EXPRESS4, 'app.js': REGEX_PARAM },
      errors: [{
        messageId: 'upgrade', file: 'app.js', line: 3, column: 1,
        data: { path: '/orders/:id(\\d+)', construct: '`:id(\\d+)`', why: 'regex-param', target: 'express5' },
        suggestionOutput: REGEX_PARAM.replace(':id(\\\\d+)', ':id'),
      }],
    },
    {
      name: 'Express 4: braces are literal text, an optional part on Express 5 (info)',
      files: { 'package.json': EXPRESS4, 'app.js': "const express = require('express');\nconst app = express();\napp.get('/brace{x}', (req, res) => res.end());\n" },
      errors: [{ messageId: 'differs', file: 'app.js', line: 3, column: 1, data: { path: '/brace{x}', construct: '`{x}`', target: 'express5', why: 'braces' } }],
    },
    {
      name: '@koa/router 15: `:path*` and `(.*)` throw at registration',
      files: { 'package.json': KOA15, 'app.js': KOA_ROUTES },
      errors: [
        {
          messageId: 'rejected', file: 'app.js', line: 5, column: 1,
          data: { path: '/files/:path*', construct: '`:path*`', why: 'repeat-zero', router: '@koa/router 15.7.0' },
          suggestionOutput: KOA_ROUTES.replace('/:path*', '{/*path}'),
        },
        {
          messageId: 'rejected', file: 'app.js', line: 6, column: 1,
          data: { path: '(.*)', construct: '`(.*)`', why: 'regex-group', router: '@koa/router 15.7.0' },
          suggestionOutput: KOA_ROUTES.replace("'(.*)'", "'{*path}'"),
        },
      ],
    },
    {
      name: '@koa/router 13: the same paths work on path-to-regexp 6 (info)',
      files: { 'package.json': KOA13, 'app.js': KOA_ROUTES },
      errors: [
        { messageId: 'upgrade', file: 'app.js', line: 5, column: 1, data: { path: '/files/:path*', construct: '`:path*`', why: 'repeat-zero', target: 'koa' } },
        { messageId: 'upgrade', file: 'app.js', line: 6, column: 1, data: { path: '(.*)', construct: '`(.*)`', why: 'regex-group', target: 'koa' } },
      ],
    },
    {
      name: "@koa/router 13: v6's `{…}?` optional group: v8 reserves the `?` (info)",
      files: { 'package.json': KOA13, 'app.js': "const Koa = require('koa');\nconst Router = require('@koa/router');\nconst app = new Koa();\nconst router = new Router();\nrouter.get('/users{/:id}?', ctx => { ctx.body = 'x'; });\napp.use(router.routes());\n" },
      errors: [{ messageId: 'upgrade', file: 'app.js', line: 5, column: 1, data: { path: '/users{/:id}?', construct: '`?`', why: 'reserved', target: 'koa' } }],
    },
  ],
});

describe('express5-path-syntax: problemsOf', () => {
  it('names each construct path-to-regexp 8 refuses, and leaves what it accepts', () => {
    assert.deepStrictEqual(problemsOf('/ab+cd').map(p => p.construct), ['+']);
    assert.deepStrictEqual(problemsOf('/ab?cd').map(p => p.construct), ['?']);
    assert.deepStrictEqual(problemsOf('/-/all(/since)?').map(p => p.construct), ['(/since)?']);
    assert.deepStrictEqual(problemsOf('/star*').map(p => [p.construct, p.fix]), [['*', undefined]]);
    assert.deepStrictEqual(problemsOf('/:1st').map(p => p.construct), [':1st']);
    assert.deepStrictEqual(problemsOf('/lit\\(x\\)'), []);
    assert.deepStrictEqual(problemsOf('/:"quoted name"/x'), []);
    assert.deepStrictEqual(problemsOf('/*splat'), []);
    assert.deepStrictEqual(problemsOf('/:id+').map(p => p.fix), [{ from: '/:id+', to: '/*id' }]);
    assert.deepStrictEqual(problemsOf('/key/:id/:key(*)').map(p => p.fix), [{ from: ':key(*)', to: '*key' }]);
  });
});
