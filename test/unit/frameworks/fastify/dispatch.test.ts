// The trace over a Fastify app (dispatch.ts): the most specific route answers (F13), HEAD goes to
// GET unless a HEAD route exists (F12), a trailing slash is another path (F14).
import * as assert from 'assert';
import { trace } from '../../../../src/tracing';
import { analyse } from '../../workspace';

const APP = `const fastify = require('fastify');
const app = fastify();
app.get('/users/:id', async () => ({}));
app.get('/users/me', async () => ({}));
app.head('/files/:name', async () => '');
app.get('/files/:name', async () => 'file');
`;

describe('fastify dispatch', () => {
  it('a static route answers before a parametric one registered earlier (F13)', () => {
    const r = analyse({ 'app.js': APP });
    assert.deepStrictEqual(trace(r, 'GET', '/users/me').route?.path, '/users/me');
    assert.deepStrictEqual(trace(r, 'GET', '/users/7').route?.params, { id: '7' });
  });

  it('HEAD is answered by the GET route unless a HEAD route exists (F12)', () => {
    const r = analyse({ 'app.js': APP });
    assert.strictEqual(trace(r, 'HEAD', '/users/7').route?.path, '/users/:id');
    assert.strictEqual(trace(r, 'HEAD', '/files/a.txt').route?.line, 5);
  });

  it("'/users/7/' is not '/users/7' (F14)", () => {
    assert.strictEqual(trace(analyse({ 'app.js': APP }), 'GET', '/users/7/').outcome, 'not-found');
  });
});
