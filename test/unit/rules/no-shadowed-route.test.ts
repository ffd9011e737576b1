import { noShadowedRoute } from '../../../src/rules/no-shadowed-route';
import { runRuleTests } from './rule-tester';

runRuleTests(noShadowedRoute, {
  valid: [
    {
      name: 'the static route registered first',
      files: { 'app.js': "const app = require('express')();\napp.get('/users/me', (req, res) => res.end());\napp.get('/users/:id', (req, res) => res.end());\n" },
    },
    {
      name: 'an earlier route that calls next() lets the later one run (E22)',
      files: { 'app.js': "const app = require('express')();\napp.get('/users/:id', (req, res, next) => next());\napp.get('/users/me', (req, res) => res.end());\n" },
    },
    {
      name: 'a handler we cannot read is not assumed to end the request',
      files: { 'app.js': "const app = require('express')();\nconst { show } = require('some-package');\napp.get('/users/:id', show);\napp.get('/users/me', (req, res) => res.end());\n" },
    },
  ],
  invalid: [
    {
      name: 'a param route before a static one (E22)',
      files: { 'app.js': "const app = require('express')();\napp.get('/users/:id', (req, res) => res.end());\napp.get('/users/me', (req, res) => res.end());\n" },
      errors: [{
        messageId: 'shadowed', file: 'app.js', line: 3, column: 1,
        data: { route: 'GET /users/me', by: 'GET /users/:id', byAt: 'app.js:2', why: 'matches first and does not call next()' },
        suggestionOutput: "const app = require('express')();\napp.get('/users/me', (req, res) => res.end());\napp.get('/users/:id', (req, res) => res.end());\n",
      }],
    },
    {
      name: 'a catch-all that never calls next() (E21)',
      files: { 'app.js': "const app = require('express')();\napp.use(function notFound(req, res) { res.status(404).end(); });\napp.get('/after', (req, res) => res.end());\n" },
      errors: [{ messageId: 'shadowed', file: 'app.js', line: 3, column: 1, data: { route: 'GET /after', by: 'notFound', byAt: 'app.js:2', why: 'ends every response under / without calling next()' } }],
    },
  ],
});
