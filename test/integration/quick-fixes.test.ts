// Every quick fix, applied for real in the extension host: the finding it targets disappears after
// re-analysis and no other finding appears. Fixture: test/fixtures/express-fixes (one problem per file).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, inFolder, poll, quickFixes, sevenStopsDiagnostics } from './helpers';

/** Findings of the whole fixture folder as `file:line ruleId` lines. */
async function folderFindings(): Promise<string[]> {
  const a = await api();
  const r = a.analysisFor(inFolder('express-fixes', 'package.json'));
  assert.ok(r, 'express-fixes was analysed');
  return r.findings.map(f => `${f.file}:${f.line} ${f.ruleId}`);
}

async function applyFix(file: string, title: RegExp, expectedBefore: string): Promise<{ after: string[]; before: string[]; text: string }> {
  const uri = inFolder('express-fixes', 'src', file);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  const diag = await poll(() => sevenStopsDiagnostics(uri)[0]);
  const before = await folderFindings();
  assert.ok(before.includes(expectedBefore), `${expectedBefore} in ${JSON.stringify(before)}`);
  const actions = await quickFixes(uri, diag.range);
  const action = actions.find(x => title.test(x.title));
  assert.ok(action?.edit, `a quick fix matching ${title} among ${JSON.stringify(actions.map(x => x.title))}`);
  assert.ok(await vscode.workspace.applyEdit(action.edit));
  const a = await api();
  // The edit schedules a re-analysis (debounced); wait until the finding is gone from the Problems data.
  await poll(async () => { await a.whenIdle(); return sevenStopsDiagnostics(uri).length === 0 ? true : undefined; });
  return { before, after: await folderFindings(), text: doc.getText() };
}

async function revert(file: string): Promise<void> {
  const uri = inFolder('express-fixes', 'src', file);
  await vscode.window.showTextDocument(uri);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await (await api()).whenIdle();
}

suite('Quick fixes (applied in the extension host)', () => {
  teardown(async () => {
    for (const f of ['accounts.js', 'users.js', 'errors.js', 'bodies.js']) {
      const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === inFolder('express-fixes', 'src', f).toString());
      if (doc?.isDirty) await revert(f);
    }
  });

  test('no-route-before-auth: moving the route below the auth layer protects it', async () => {
    const { before, after, text } = await applyFix('accounts.js', /^Move GET \/account below requireUser$/, 'src/accounts.js:6 no-route-before-auth');
    assert.deepStrictEqual(after, before.filter(f => f !== 'src/accounts.js:6 no-route-before-auth'));
    assert.match(text, /app\.use\(requireUser\);\napp\.get\('\/account', /);
    const r = (await api()).analysisFor(inFolder('express-fixes', 'package.json'));
    assert.strictEqual(r?.routes.find(x => x.path === '/account')?.protected, true);
  });

  test('no-shadowed-route: moving the static route above the param route makes it reachable', async () => {
    const { before, after, text } = await applyFix('users.js', /^Move GET \/users\/me above GET \/users\/:id$/, 'src/users.js:6 no-shadowed-route');
    assert.deepStrictEqual(after, before.filter(f => f !== 'src/users.js:6 no-shadowed-route'));
    assert.ok(text.indexOf("'/users/me'") < text.indexOf("'/users/:id'"));
  });

  test('error-handler-last: moving the error handler after the last layer', async () => {
    const { before, after, text } = await applyFix('errors.js', /^Move .* after the last layer$/, 'src/errors.js:5 error-handler-last');
    assert.deepStrictEqual(after, before.filter(f => f !== 'src/errors.js:5 error-handler-last'));
    assert.ok(text.indexOf("app.get('/boom'") < text.indexOf('(err, req, res, next)'));
    // The comment after it on its line goes with it (the fix is built from the syntax tree, not by lines).
    assert.match(text, /err\.message \}\)\); \/\/ answers the errors the routes throw\napp\.listen/);
  });

  test('body-parser-before-routes: moving express.json() above the route', async () => {
    const { before, after, text } = await applyFix('bodies.js', /^Move express\.json above POST \/notes$/, 'src/bodies.js:5 body-parser-before-routes');
    assert.deepStrictEqual(after, before.filter(f => f !== 'src/bodies.js:5 body-parser-before-routes'));
    assert.ok(text.indexOf('express.json()') < text.indexOf("app.post('/notes'"));
  });

  test('ignore this line: a seven-stops-ignore-next-line comment silences only that finding', async () => {
    const { before, after, text } = await applyFix('users.js', /^Ignore no-shadowed-route on this line$/, 'src/users.js:6 no-shadowed-route');
    assert.match(text, /\/\/ seven-stops-ignore-next-line no-shadowed-route\napp\.get\('\/users\/me'/);
    assert.deepStrictEqual(after, before.filter(f => f !== 'src/users.js:6 no-shadowed-route'));
  });
});
