// The Trace Request command and the lesson view in a real extension host, on test/fixtures/express-basic.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Trace } from '../../src/core/trace';
import { api } from './helpers';

const trace = (arg: unknown) => vscode.commands.executeCommand<Trace | undefined>('sevenStops.traceRequest', arg);
const names = (t: Trace, stop: number) => t.stops[stop - 1].sites.map(s => `${s.name}@${s.file}:${s.line}`);

suite('Trace Request and the lesson view', () => {
  test('traces a typed request through the parser, the auth layer and the handler', async () => {
    await api();
    const t = await trace('GET /users/7?expand=1');
    assert.ok(t, 'the command returns the trace');
    assert.strictEqual(t.summary, 'GET /users/7 is answered by GET /users/:id (src/server.js:13).');
    assert.deepStrictEqual(t.route?.params, { id: '7' });
    assert.deepStrictEqual(names(t, 4), ['express.json@src/server.js:7', 'requireUser@src/server.js:10']);
    assert.deepStrictEqual(names(t, 5), ['handler getUser@src/server.js:13']);
    assert.deepStrictEqual(names(t, 6), ['res.json@src/server.js:13', 'res.json@src/server.js:13']);
    assert.deepStrictEqual(names(t, 1), ['listen@src/server.js:15']);
  });

  test('takes { method, path } (as a CodeLens would pass it) and says why a route is unprotected', async () => {
    await api();
    const t = await trace({ method: 'get', path: '/me' });
    assert.ok(t);
    assert.strictEqual(t.verdict.protected, false);
    assert.deepStrictEqual(t.verdict.lateAuth.map(s => `${s.name}@${s.line}`), ['requireUser@10']);
    assert.deepStrictEqual(t.verdict.findings.map(f => f.ruleId), ['no-route-before-auth']);
  });

  test('a path no route matches is a 404 with the middleware that still runs', async () => {
    await api();
    const t = await trace('DELETE /nowhere');
    assert.ok(t);
    assert.strictEqual(t.outcome, 'not-found');
    assert.deepStrictEqual(names(t, 4), ['express.json@src/server.js:7', 'requireUser@src/server.js:10']);
  });

  test('input that is not a request gives no trace and does not throw', async () => {
    await api();
    assert.strictEqual(await trace('not a request'), undefined);
  });
});
