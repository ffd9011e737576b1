import { unboundedQueryResponse } from '../../../src/rules/unbounded-query-response';
import { runRuleTests } from './rule-tester';
import { EXPRESS, FASTIFY, KOA, fastify, koa } from './rule-apps';

const express = (body: string) => `const express = require('express');
const User = require('./user');
const app = express();
${body}
module.exports = app;
`;

runRuleTests(unboundedQueryResponse, {
  valid: [
    {
      name: 'Express: a limited find, a count of the rows, one row of a SQL result',
      files: {
        'package.json': EXPRESS,
        'app.js': express(`app.get('/a', async (req, res) => res.json(await User.find({}).sort({ name: 1 }).limit(20)));
app.get('/b', async (req, res) => { const users = await User.find(); res.json({ count: users.length }); });
app.get('/c', async (req, res) => { const r = await pool.query('SELECT * FROM users WHERE id = $1', [req.params.id]); res.json(r.rows[0]); });
app.get('/d', async (req, res) => res.json(await User.find({}, null, { limit: 10 })));`),
      },
    },
    {
      name: 'Express: Array.prototype.find, and a query whose options are passed by name',
      files: {
        'package.json': EXPRESS,
        'app.js': express(`app.get('/a', (req, res) => res.json(list.find(x => x.id === req.params.id)));
app.get('/b', async (req, res) => res.json(await Post.findAll(options)));`),
      },
    },
    {
      name: 'Fastify: Prisma findMany with take, knex with first(), SQL with LIMIT',
      files: {
        'package.json': FASTIFY,
        'app.js': fastify(`fastify.get('/a', async () => prisma.user.findMany({ take: 50 }));
fastify.get('/b', async () => fastify.knex('tasks').where({ id: 1 }).first());
fastify.get('/c', async () => (await pool.query('SELECT * FROM t LIMIT 10')).rows);
fastify.get('/d', async () => pool.query('SELECT count(*) FROM t'));`),
      },
    },
    {
      name: 'Koa: a query whose rows are never sent',
      files: { 'package.json': KOA, 'app.js': koa("router.get('/u', async ctx => { const users = await User.find(); ctx.body = { ok: users.length > 0 }; });") },
    },
  ],
  invalid: [
    {
      name: 'Express: find({}) through a variable into a field of res.json; .limit() appended',
      files: { 'package.json': EXPRESS, 'app.js': express("app.get('/users', async (req, res) => {\n  const users = await User.find({}).sort({ name: 1 }).lean();\n  res.json({ users });\n});") },
      errors: [{
        messageId: 'whole', file: 'app.js', line: 5, column: 23,
        data: { query: 'User.find({})', route: 'GET /users', sentAt: 'app.js:6', bound: '`.limit()`' },
        suggestionOutput: express("app.get('/users', async (req, res) => {\n  const users = await User.find({}).limit(100).sort({ name: 1 }).lean();\n  res.json({ users });\n});"),
      }],
    },
    {
      name: 'Express: a filtered find is info; a Node callback\'s result and a then() are followed',
      files: {
        'package.json': EXPRESS,
        'app.js': express(`app.get('/mine', async (req, res) => res.json(await User.find({ owner: req.user.id })));
app.get('/cb', (req, res) => { User.find({}, (err, docs) => res.json(docs)); });
app.get('/then', (req, res) => { Post.find().then(posts => res.send(posts)); });`),
      },
      errors: [
        { messageId: 'filtered', file: 'app.js', line: 4, column: 53, data: { query: 'User.find(…)', route: 'GET /mine', sentAt: 'app.js:4', bound: '`.limit()`' } },
        { messageId: 'whole', file: 'app.js', line: 5, column: 32, data: { query: 'User.find({})', route: 'GET /cb', sentAt: 'app.js:5', bound: '`.limit()`' } },
        { messageId: 'whole', file: 'app.js', line: 6, column: 34, data: { query: 'Post.find()', route: 'GET /then', sentAt: 'app.js:6', bound: '`.limit()`' } },
      ],
    },
    {
      name: 'Express: a Sequelize findAll returned by a service in another file; limit added to its options',
      files: {
        'package.json': EXPRESS,
        'app.js': express("const posts = require('./posts');\napp.get('/posts', async (req, res) => res.json(await posts.list()));"),
        'posts.js': "const { Post } = require('./models');\nexports.list = async function list() {\n  return Post.findAll({ order: [['id', 'DESC']] });\n};\n",
      },
      errors: [{
        messageId: 'whole', file: 'posts.js', line: 3, column: 10,
        data: { query: 'Post.findAll(…)', route: 'GET /posts', sentAt: 'app.js:5', bound: '`limit`' },
        suggestionOutput: "const { Post } = require('./models');\nexports.list = async function list() {\n  return Post.findAll({ order: [['id', 'DESC']], limit: 100 });\n};\n",
      }],
    },
    {
      name: 'Fastify: an async handler returning Prisma findMany without take; take added',
      files: { 'package.json': FASTIFY, 'app.js': fastify("fastify.get('/users', async () => prisma.user.findMany({ orderBy: { id: 'asc' } }));") },
      errors: [{
        messageId: 'whole', file: 'app.js', line: 2, column: 35,
        data: { query: 'prisma.user.findMany(…)', route: 'GET /users', sentAt: 'app.js:2', bound: '`take`' },
        suggestionOutput: fastify("fastify.get('/users', async () => prisma.user.findMany({ orderBy: { id: 'asc' }, take: 100 }));"),
      }],
    },
    {
      name: 'Fastify: knex builder without limit sent by reply.send',
      files: { 'package.json': FASTIFY, 'app.js': fastify("fastify.get('/tasks', async (request, reply) => {\n  const tasks = await fastify.knex('tasks').select('*').orderBy('id');\n  reply.send(tasks);\n});") },
      errors: [{
        messageId: 'whole', file: 'app.js', line: 3, column: 23,
        data: { query: 'fastify.knex(\'tasks\')', route: 'GET /tasks', sentAt: 'app.js:4', bound: '`.limit()`' },
        suggestionOutput: fastify("fastify.get('/tasks', async (request, reply) => {\n  const tasks = await fastify.knex('tasks').limit(100).select('*').orderBy('id');\n  reply.send(tasks);\n});"),
      }],
    },
    {
      name: 'Koa: pg rows of a SELECT without LIMIT set as ctx.body',
      files: { 'package.json': KOA, 'app.js': koa("router.get('/events', async ctx => {\n  const { rows } = await pool.query('SELECT * FROM events');\n  ctx.body = rows;\n});") },
      errors: [{ messageId: 'whole', file: 'app.js', line: 6, column: 26, data: { query: 'pool.query(\'SELECT * FROM events\')', route: 'GET /events', sentAt: 'app.js:7', bound: 'LIMIT' } }],
    },
  ],
});
