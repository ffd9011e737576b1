// The handler reach facts (shared/handler-reach.ts, read with core/reach.ts): what a route's own
// functions call, followed into the workspace functions they call, per framework.
import * as assert from 'assert';
import { REACH, type ModelRoute } from '../../../../src/core/model';
import { FLOW, has, reachedCalls } from '../../../../src/core/reach';
import * as path from 'path';
import { loadConfig } from '../../../../src/core/config';
import { createAnalyser } from '../../../../src/engine';
import { analyse, withWorkspace } from '../../workspace';

/** `callee [flags] (response) <- via` for each call the route's handler reaches. */
function lines(route: ModelRoute): string[] {
  const handler = route[REACH]?.handler;
  if (!handler) return [];
  return reachedCalls(handler).map(({ call, via }) => {
    const flags = Object.entries(FLOW).filter(([, bit]) => has(call, bit)).map(([name]) => name);
    const where = `${call.range.file}:${call.range.line}`;
    return `${call.callee}${flags.length ? ` [${flags.join(' ')}]` : ''}${call.response ? ` (response ${call.response})` : ''} ${where}${via.length ? ` <- ${via.map(v => v.call.callee).join(' <- ')}` : ''}`;
  });
}

const EXPRESS = JSON.stringify({ dependencies: { express: '^4.21.0' } });

describe('handler reach facts', () => {
  it('Express: follows a handler into workspace functions across files, with the response handed on', () => {
    const r = analyse({
      'package.json': EXPRESS,
      'app.js': `const express = require('express');
const report = require('./report');
const app = express();
app.get('/report', async (req, res) => {
  const rows = await report.load(req.query.day);
  report.send(res, rows);
});
`,
      'report.js': `const fs = require('fs');
function readAll(files) { return files.map(f => fs.readFileSync(f)); }
exports.load = async function load(day) { return readAll(fs.readdirSync('/data/' + day)); };
exports.send = function send(out, rows) { for (const row of rows) out.write(row); out.end(); };
`,
    });
    assert.deepStrictEqual(lines(r.model.routes[0]), [
      'report.load [awaited] app.js:5',
      'readAll [returned] report.js:3 <- report.load',
      'files.map [returned] report.js:2 <- report.load <- readAll',
      'fs.readFileSync [loop nested returned] report.js:2 <- report.load <- readAll',
      'fs.readdirSync report.js:3 <- report.load',
      'report.send (response argument) app.js:6',
      'out.write [loop] (response receiver) report.js:4 <- report.send',
      'out.end (response receiver) report.js:4 <- report.send',
    ]);
    assert.strictEqual(r.model.routes[0][REACH]?.handler?.async, true);
  });

  it('does not follow a name the function binds itself, and stops at recursion', () => {
    const r = analyse({
      'package.json': EXPRESS,
      'app.js': `const express = require('express');
function load() { return walk(); }
function walk() { return walk(); }
const app = express();
app.get('/x', (req, res) => { const load = () => 1; load(); res.json(walk()); });
`,
    });
    assert.deepStrictEqual(lines(r.model.routes[0]), [
      'load app.js:5',
      'res.json (response receiver) app.js:5',
      'walk app.js:5',
      'walk [returned] app.js:3 <- walk',
    ]);
  });

  it('reads the callees of each closure a factory makes in its own scope', () => {
    const r = analyse({
      'package.json': EXPRESS,
      'app.js': `const express = require('express');
const fs = require('fs');
const makeList = (load) => (req, res) => res.json(load());
const app = express();
app.get('/a', makeList(function loadA() { return fs.readFileSync('a'); }));
app.get('/b', makeList(function loadB() { return []; }));
`,
    });
    assert.deepStrictEqual(r.model.routes.map(route => route[REACH]?.handler?.followed.map(f => f.reach.name)), [['loadA'], ['loadB']]);
  });

  it('shares one reach among the closures of a factory that read nothing through their scope', () => {
    const r = analyse({
      'package.json': EXPRESS,
      'app.js': `const express = require('express');
const cache = (seconds) => (req, res, next) => { res.set('Cache-Control', 'max-age=' + seconds); next(); };
const app = express();
app.get('/a', cache(60), (req, res) => res.end());
app.get('/b', cache(30), (req, res) => res.end());
`,
    });
    const [a, b] = r.model.routes.map(route => route[REACH]!.middleware[0]);
    assert.deepStrictEqual(a.calls.map(c => c.callee), ['res.set', 'next']);
    assert.deepStrictEqual(a.packages, [null, null]);
    assert.strictEqual(a, b);
  });

  it('Express: route-level middleware comes before the handler', () => {
    const r = analyse({
      'package.json': EXPRESS,
      'app.js': `const express = require('express');
function check(req, res, next) { require('bcrypt').compareSync(req.body.pw, 'x'); next(); }
const app = express();
app.post('/login', check, (req, res) => res.end());
`,
    });
    const reach = r.model.routes[0][REACH]!;
    assert.deepStrictEqual(reach.middleware.map(m => [m.name, m.calls.map(c => c.callee)]), [['check', ["require('bcrypt').compareSync", 'require', 'next']]]);
    assert.deepStrictEqual(reach.handler?.calls.map(c => c.callee), ['res.end']);
  });

  it('Koa: ctx.body writes and ctx.res calls are the response; a pipe into ctx.res has it as an argument', () => {
    const r = analyse({
      'package.json': JSON.stringify({ dependencies: { koa: '^3.3.0', '@koa/router': '^15.7.0' } }),
      'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
const fs = require('fs');
const app = new Koa();
const router = new Router();
router.get('/a', async ctx => { ctx.body = fs.createReadStream('a'); });
router.get('/b', async ctx => { fs.createReadStream('b').pipe(ctx.res); ctx.res.setHeader('x', '1'); });
app.use(router.routes());
`,
    });
    const [a, b] = r.model.routes;
    assert.deepStrictEqual(a[REACH]?.handler?.writes.map(w => `${w.target} = ${w.value.k}`), ['ctx.body = call']);
    assert.deepStrictEqual(lines(b), [
      "fs.createReadStream('b').pipe (response argument) app.js:7",
      'fs.createReadStream app.js:7',
      'ctx.res.setHeader (response receiver) app.js:7',
    ]);
  });

  it('names the package export each callee is, read through the closure (destructured, an instance a package made, a global)', () => {
    const r = analyse({
      'package.json': EXPRESS,
      'app.js': `const express = require('express');
const { readFileSync } = require('node:fs');
const axios = require('axios');
const api = axios.create({ baseURL: 'https://x.example', timeout: 1000 });
const app = express();
app.get('/x', async (req, res) => {
  const local = { get: () => 1 };
  res.json([readFileSync('a'), await api.get('/y'), await fetch('https://z.example'), JSON.stringify(local.get()), require('zlib').gzipSync('x')]);
});
`,
    });
    const pkgs = reachedCalls(r.model.routes[0][REACH]!.handler!).map(h => `${h.call.callee}: ${h.pkg ? `${h.pkg.module} ${h.pkg.path.join('.')}${h.pkg.made ? ` (made by ${h.pkg.made.path.join('.')} {${h.pkg.made.keys.join(', ')}})` : ''}` : '-'}`);
    assert.deepStrictEqual(pkgs, [
      'res.json: -',
      'readFileSync: fs readFileSync',
      'api.get: axios get (made by create {baseURL, timeout})',
      'fetch: global fetch',
      'JSON.stringify: global JSON.stringify',
      'local.get: -',
      "require('zlib').gzipSync: zlib gzipSync",
      'require: global require',
    ]);
  });

  it('Fastify: what an async handler returns', () => {
    const r = analyse({
      'package.json': JSON.stringify({ dependencies: { fastify: '^5.6.0' } }),
      'app.js': `const fastify = require('fastify')();
const db = require('./db');
fastify.get('/users', async (request, reply) => { if (request.query.none) return []; return db.users.findMany(); });
`,
      'db.js': 'exports.users = { findMany() { return []; } };\n',
    });
    const h = r.model.routes[0][REACH]?.handler;
    assert.deepStrictEqual(h?.returns.map(x => `${x.value.k} ${x.range.line}:${x.range.column}`), ['arr 3:75', 'call 3:86']);
    assert.deepStrictEqual(lines(r.model.routes[0]), ['db.users.findMany [returned] app.js:3']);
    assert.deepStrictEqual(h?.followed.map(f => f.reach.name), ['findMany']);
  });

  it('a return of a call on the response is the response, not a value: not kept (an arrow whose body is res.json(x))', () => {
    const r = analyse({
      'package.json': EXPRESS,
      'app.js': `const express = require('express');
const app = express();
app.get('/a', (req, res) => res.json({ id: req.params.id }));
app.get('/b', (req, res) => { if (req.query.x) return res.status(400).json({}); return req.query.y; });
app.get('/c', (req, res) => String(res.json([])));
`,
    });
    const returns = r.model.routes.map(x => x[REACH]?.handler?.returns.map(ret => `${ret.value.k} ${ret.range.line}:${ret.range.column}`));
    assert.deepStrictEqual(returns, [[], ['member 4:81'], ['call 5:29']]);
    assert.deepStrictEqual(r.model.routes.map(x => lines(x)), [
      ['res.json [returned] (response receiver) app.js:3'],
      ['res.status (response receiver) app.js:4', 'res.status().json [returned] (response receiver) app.js:4'],
      ['String [returned] app.js:5', 'res.json (response receiver) app.js:5'],
    ]);
  });

  it('the values its variables hold: bindings, destructuring, assignments, callback parameters', () => {
    const r = analyse({
      'package.json': EXPRESS,
      'app.js': `const express = require('express');
const app = express();
app.get('/x', async (req, res) => {
  const users = await User.find({});
  const { rows } = await pool.query('SELECT 1');
  let out;
  out = JSON.stringify(users);
  Post.find().then(posts => { const n = posts.length; res.json({ n }); });
  pool.query('SELECT 2', (err, result) => res.json(result.rows));
  res.send(out);
});
`,
    });
    const text = (e: { k: string; callee?: { k: string; prop?: unknown } }): string => (e.k === 'call' && e.callee?.k === 'member' ? `call .${String(e.callee.prop)}` : e.k);
    assert.deepStrictEqual(r.model.routes[0][REACH]?.handler?.binds?.map(b => `${b.name}${b.path.length ? `[${b.path.join('.')}]` : ''} = ${text(b.value as never)}${b.from ? ` (${b.from})` : ''}`), [
      'users = call .find',
      'rows[rows] = call .query',
      'out = unknown',
      'out = call .stringify',
      'posts = call .find (then)',
      'n = member',
      'result = call .query (callback)',
    ]);
  });

  it('Fastify: a pipe into reply.raw has the response as an argument', () => {
    const r = analyse({
      'package.json': JSON.stringify({ dependencies: { fastify: '^5.6.0' } }),
      'app.js': `const fastify = require('fastify')();
const fs = require('fs');
fastify.get('/file', (request, reply) => { fs.createReadStream('f').pipe(reply.raw); });
`,
    });
    assert.deepStrictEqual(lines(r.model.routes[0]), ["fs.createReadStream('f').pipe (response argument) app.js:3", 'fs.createReadStream app.js:3']);
  });

  it('Fastify: after an edit elsewhere, an unchanged handler has the same reach object (what rules derived from it is kept); an edited one a new one', () => {
    withWorkspace({
      'package.json': JSON.stringify({ dependencies: { fastify: '^5.6.0' } }),
      'app.js': `const fastify = require('fastify')();
const db = require('./db');
fastify.get('/users', async () => db.users());
fastify.register(require('./orders'));
`,
      'db.js': 'exports.users = () => [];\n',
      'orders.js': "module.exports = async function (app) { app.get('/orders', async () => []); };\n",
    }, root => {
      const analyser = createAnalyser(root, loadConfig(root));
      const reachOf = (r: ReturnType<typeof analyser.analyse>, p: string) => r.model.routes.find(x => x.path === p)?.[REACH]?.handler;
      const first = analyser.analyse();
      const edited = analyser.analyse(new Map([[path.join(root, 'orders.js'), "module.exports = async function (app) { app.get('/orders', async () => [1]); };\n"]]));
      assert.ok(reachOf(first, '/users'));
      assert.strictEqual(reachOf(edited, '/users'), reachOf(first, '/users'));
      assert.notStrictEqual(reachOf(edited, '/orders'), reachOf(first, '/orders'));
    });
  });
});
