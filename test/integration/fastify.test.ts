// A Fastify workspace folder in the real extension host (test/fixtures/fastify-basic): CodeLens that
// name hooks by phase and their reach, the routes view by encapsulation context, Trace Request… by
// lifecycle phase.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Trace } from '../../src/core/trace';
import { api, codeLenses, inFolder, poll, quickFixes, sevenStopsDiagnostics } from './helpers';

suite('Fastify in the editor', () => {
  const server = () => inFolder('fastify-basic', 'src', 'server.js');
  // Errors and warnings: the info notes (fastify-missing-response-schema on routes without a response schema) are not the point here.
  const problems = () => sevenStopsDiagnostics(server()).filter(d => d.severity !== vscode.DiagnosticSeverity.Information);

  test('CodeLens over routes name their hooks by phase; over a hook, its phase and reach', async () => {
    await api();
    const { lines } = await codeLenses(server());
    assert.deepStrictEqual(lines, [
      '8:③ Route · GET /health · no hooks · ⚠ no auth',
      '9:③ Route · register orders at /api/orders',
      '10:④ onRequest · authenticate · 2 routes in this context',
      '11:③ Route · GET /api/orders · onRequest: authenticate · 🔒',
      '12:③ Route · GET /api/orders/:id · onRequest: authenticate · 🔒',
      '14:③ Route · register exports at /api/orders',
      '15:③ Route · GET /api/orders/export · no hooks · ⚠ no auth',
      '17:③ Route · register admin at /api/admin',
      '18:③ Route · GET /api/admin/stats · onRequest: authenticate · 🔒',
      '18:④ onRequest · authenticate · this route only',
      '20:① Accept · listen',
    ]);
  });

  test('no-route-outside-auth-scope is a Problems entry on the route in the sibling plugin, with its suggestions', async () => {
    await api();
    const diagnostics = await poll(async () => {
      const d = problems();
      return d.length ? d : undefined;
    });
    assert.deepStrictEqual(diagnostics.map(d => [(d.code as { value: string }).value, d.range.start.line + 1, d.severity]), [['no-route-outside-auth-scope', 15, vscode.DiagnosticSeverity.Error]]);
    assert.match(diagnostics[0].message, /^GET \/api\/orders\/export runs without authentication: it is registered in plugin exports \(src\/server\.js:15\), outside plugin orders/);
    // Its first suggestion puts the auth hook on the route; applied, the finding is gone.
    const doc = await vscode.workspace.openTextDocument(server());
    await vscode.window.showTextDocument(doc);
    const actions = await quickFixes(server(), diagnostics[0].range);
    assert.ok(actions[0]?.edit, `quick fixes: ${JSON.stringify(actions.map(a => a.title))}`);
    try {
      assert.ok(await vscode.workspace.applyEdit(actions[0].edit));
      assert.match(doc.lineAt(14).text, /onRequest/);
      const a = await api();
      await poll(async () => { await a.whenIdle(); return problems().length === 0 ? true : undefined; });
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await (await api()).whenIdle();
    }
  });

  test('the routes view lists a Fastify app by encapsulation context', async () => {
    const a = await api();
    const lines = a.routesView().lines;
    const start = lines.indexOf('fastify-basic');
    assert.ok(start >= 0, lines.join('\n'));
    assert.deepStrictEqual(lines.slice(start, start + 10), [
      'fastify-basic',
      '  fastify app — src/server.js:4',
      '    plugin orders — /api/orders · encapsulated',
      '      GET /api/orders — authenticate',
      '      GET /api/orders/:id — authenticate',
      '    plugin exports — /api/orders · encapsulated',
      '      GET /api/orders/export — no auth',
      '    plugin admin — /api/admin · encapsulated',
      '      GET /api/admin/stats — authenticate',
      '    GET /health — no auth',
    ]);
  });

  test('Trace Request… names each hook by phase with its file and line', async () => {
    await api();
    const t = await vscode.commands.executeCommand<Trace | undefined>('sevenStops.traceRequest', { method: 'GET', path: '/api/orders/7', folder: inFolder('fastify-basic').toString() });
    assert.ok(t);
    assert.strictEqual(t.summary, 'GET /api/orders/7 is answered by GET /api/orders/:id (src/server.js:12).');
    const sites = (n: number) => t.stops[n - 1].sites.map(s => `${s.name}@${s.file}:${s.line}`);
    assert.deepStrictEqual(sites(3), ['register orders at /api/orders@src/server.js:9', 'GET /api/orders/:id@src/server.js:12']);
    assert.deepStrictEqual(sites(4), ['onRequest · authenticate@src/server.js:6']);
    assert.strictEqual(t.stops[3].note, '1 hook runs before the handler, in lifecycle order: onRequest.');
  });
});
