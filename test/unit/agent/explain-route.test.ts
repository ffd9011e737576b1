// explain_route's answer where the frameworks differ: Fastify layers name their lifecycle phase,
// Koa layers whether they run before or after `await next()`.
import * as assert from 'assert';
import * as path from 'path';
import { explainRoute } from '../../../src/agent/explain-route';
import { AgentInputError } from '../../../src/agent/answer';
import { analyseFolder } from '../../../src/engine';
import { analyse } from '../workspace';

const fixture = (name: string) => analyseFolder(path.resolve(__dirname, '../../fixtures', name));

describe('explainRoute', () => {
  it('Fastify: each layer with its phase and level; the verdict names the phase it protects in', () => {
    const { summary, data } = explainRoute(fixture('fastify-basic'), { method: 'GET', path: '/api/orders/7' });
    assert.strictEqual(summary, 'GET /api/orders/:id (src/server.js:12): 1 layer before the handler; protected by authenticate; 1 finding.');
    assert.deepStrictEqual(data.chain, [
      { order: 1, name: 'authenticate', kind: 'auth', stop: 4, stopName: 'Middleware', phase: 'onRequest', level: 'context', file: 'src/server.js', line: 6 },
    ]);
    assert.deepStrictEqual(data.verdict.evidence, ['authenticate (src/server.js:6) is an auth layer that runs before the handler in onRequest.']);
  });

  it('Koa: a layer says when it runs; a route before its router\'s auth is unprotected, with the finding that says why', () => {
    const { data } = explainRoute(fixture('koa-basic'), { method: 'GET', path: '/api/orders/status' });
    assert.deepStrictEqual(data.chain.map(c => `${c.name} ${c.when} ${c.level}`), ['timing after app', 'bodyParser before app']);
    assert.strictEqual(data.verdict.status, 'unprotected');
    assert.deepStrictEqual(data.findings.map(f => f.ruleId), ['no-route-before-auth']);
  });

  it('an unreachable route says what answers first and why, in the words of the trace', () => {
    const r = analyse({ 'app.js': `const app = require('express')();
app.get('/users/:id', (req, res) => res.json({}));
app.get('/users/me', (req, res) => res.json({}));
app.use((req, res) => res.status(404).end());
app.get('/late', (req, res) => res.json({}));
` });
    assert.deepStrictEqual(explainRoute(r, { method: 'GET', path: '/users/me', file: 'app.js' }).data.verdict.evidence, [
      'Unreachable: GET /users/:id (app.js:2) answers first: GET /users/:id matches first and does not call next().',
    ]);
    assert.deepStrictEqual(explainRoute(r, { method: 'GET', path: '/late' }).data.verdict.evidence.slice(0, 1), [
      'Unreachable: anonymous function (app.js:4) answers first: ends every response under / without calling next().',
    ]);
  });

  it('picks one of several registrations by file, and refuses a file outside the folder', () => {
    const a = fixture('express-basic');
    assert.strictEqual(explainRoute(a, { method: 'GET', path: '/users', file: 'src/server.js' }).data.route.line, 11);
    assert.throws(() => explainRoute(a, { method: 'GET', path: '/users', file: 'src/other.js' }),
      (e: Error) => e instanceof AgentInputError && e.message === 'No route answers GET /users in src/other.js. Call list_routes to see the routes (5 routes in this analysis).');
  });
});
