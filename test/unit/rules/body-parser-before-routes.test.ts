import { bodyParserBeforeRoutes } from '../../../src/rules/body-parser-before-routes';
import { runRuleTests } from './rule-tester';

runRuleTests(bodyParserBeforeRoutes, {
  valid: [
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
  ],
  invalid: [
    {
      name: 'the parser registered after the route',
      files: { 'app.js': "const express = require('express');\nconst app = express();\napp.post('/users', (req, res) => res.json(req.body));\napp.use(express.json());\n" },
      errors: [{
        messageId: 'parserAfter', file: 'app.js', line: 3, column: 1,
        data: { route: 'POST /users', parser: 'express.json', parserAt: 'app.js:4' },
        suggestionOutput: "const express = require('express');\nconst app = express();\napp.use(express.json());\napp.post('/users', (req, res) => res.json(req.body));\n",
      }],
    },
    {
      name: 'no parser at all (cookie-parser does not parse bodies)',
      files: { 'app.js': "const express = require('express');\nconst cookieParser = require('cookie-parser');\nconst app = express();\napp.use(cookieParser());\napp.post('/login', (req, res) => res.json({ user: req.body.user }));\n" },
      errors: [{ messageId: 'noParser', file: 'app.js', line: 5, column: 1, data: { route: 'POST /login' } }],
    },
  ],
});
