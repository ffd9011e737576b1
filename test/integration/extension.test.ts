// The extension in a real VS Code extension host, on test/fixtures/express-basic.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, codeLenses, folderUri, poll } from './helpers';

suite('Seven Stops in the real extension host', () => {
  const server = () => folderUri('src', 'server.js');

  test('runs in a Node extension host with the fixture folder open', async () => {
    console.log(`node ${process.versions.node}, vscode ${vscode.version}, uiKind=${vscode.env.uiKind === vscode.UIKind.Web ? 'Web' : 'Desktop'}, remote=${vscode.env.remoteName}`);
    const a = await api();
    const result = a.analysisFor(server());
    assert.ok(result, 'the folder was analysed');
    assert.deepStrictEqual(result.routes.map(r => `${r.method} ${r.path}`), ['GET /health', 'GET /me', 'GET /users', 'POST /users', 'GET /users/:id']);
  });

  test('CodeLens over each route names its stop, path, chain and verdict', async () => {
    await api();
    const { lines } = await codeLenses(server());
    assert.deepStrictEqual(lines, [
      '7:② Parse · express.json',
      '8:③ Route · GET /health · 1 layer · ⚠ no auth',
      '9:③ Route · GET /me · 1 layer · ⚠ no auth',
      '10:④ Middleware · requireUser',
      '11:③ Route · GET /users · 2 layers · 🔒 requireUser',
      '12:③ Route · POST /users · 2 layers · 🔒 requireUser',
      '13:③ Route · GET /users/:id · 2 layers · 🔒 requireUser',
      '15:① Accept · listen',
    ]);
  });

  test('clicking a route CodeLens traces that route in the lesson view', async () => {
    await api();
    const { lenses } = await codeLenses(server(), l => l.some(x => x.command?.title.includes('GET /me')));
    const me = lenses.find(l => l.command?.title.includes('GET /me'))!;
    assert.strictEqual(me.command?.command, 'sevenStops.traceRequest');
    const trace = await vscode.commands.executeCommand<{ route: { path: string; line: number } | null; verdict: { protected: boolean; lateAuth: { name: string }[] } }>(me.command!.command, ...(me.command!.arguments ?? []));
    assert.deepStrictEqual([trace.route?.path, trace.route?.line, trace.verdict.protected], ['/me', 9, false]);
    assert.deepStrictEqual(trace.verdict.lateAuth.map(s => s.name), ['requireUser']);
    const other = lenses.find(l => l.command?.title.startsWith('④'))!;
    assert.strictEqual(other.command?.command, 'sevenStops.showLesson');
  });

  test('the route registered before auth is an error in the Problems panel, pointing at the auth layer', async () => {
    await api();
    const diags = await poll(() => {
      const d = vscode.languages.getDiagnostics(server()).filter(x => x.source === 'Seven Stops');
      return d.length ? d : undefined;
    });
    assert.strictEqual(diags.length, 1);
    const d = diags[0];
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(d.range.start.line, 8);
    assert.match(d.message, /GET \/me runs without authentication but reads req\.user/);
    const code = d.code as { value: string; target: vscode.Uri };
    assert.strictEqual(code.value, 'no-route-before-auth');
    assert.match(code.target.toString(), /docs\/rules\/no-route-before-auth\.md$/);
    assert.strictEqual(d.relatedInformation?.[0].location.range.start.line, 9, 'related information points at app.use(requireUser)');
  });

  test('editing the file re-analyses it: moving the route below the auth clears the problem', async () => {
    await api();
    const doc = await vscode.workspace.openTextDocument(server());
    const editor = await vscode.window.showTextDocument(doc);
    const original = doc.getText();
    try {
      const me = doc.lineAt(8).text;
      await editor.edit(b => {
        b.delete(doc.lineAt(8).rangeIncludingLineBreak);
        b.insert(new vscode.Position(10, 0), me + '\n');
      });
      const a = await api();
      await poll(() => (vscode.languages.getDiagnostics(doc.uri).some(x => x.source === 'Seven Stops') ? undefined : true));
      const me2 = a.analysisFor(doc.uri)?.routes.find(r => r.path === '/me');
      assert.strictEqual(me2?.protected, true, 'GET /me is protected once registered after requireUser');
    } finally {
      await editor.edit(b => b.replace(new vscode.Range(0, 0, doc.lineCount, 0), original));
      await doc.save();
    }
  });
});
