// The routes view, settings that apply without a reload, multi-root folders and SARIF export, in the
// real extension host on test/fixtures/integration.code-workspace (express-basic, express-fixes, fastify-basic,
// koa-basic).
import * as assert from 'assert';
import * as os from 'os';
import * as vscode from 'vscode';
import { api, folderUri, inFolder, poll, sevenStopsDiagnostics, withSetting } from './helpers';

suite('Routes view, settings, multi-root, SARIF', () => {
  test('one analysis per workspace folder', async () => {
    const a = await api();
    const basic = a.analysisFor(folderUri('src', 'server.js'));
    const fixes = a.analysisFor(inFolder('express-fixes', 'src', 'users.js'));
    assert.deepStrictEqual(basic?.routes.map(r => r.file).filter((f, i, all) => all.indexOf(f) === i), ['src/server.js']);
    assert.deepStrictEqual(fixes?.apps.map(x => x.file).sort(), ['src/accounts.js', 'src/bodies.js', 'src/errors.js', 'src/users.js']);
    assert.strictEqual(fixes?.apps[0].frameworkVersion, '5.1.0', 'version from the folder\'s own package.json');
  });

  test('the routes view lists folders, apps and routes with their verdicts, and badges unprotected routes', async () => {
    const a = await api();
    const { lines, badge } = a.routesView();
    assert.deepStrictEqual(lines.slice(0, 8), [
      'express-basic',
      '  express app — src/server.js:4',
      '    GET /health — no auth',
      '    GET /me — no auth',
      '    GET /users — requireUser',
      '    POST /users — requireUser',
      '    GET /users/:id — requireUser',
      'express-fixes',
    ]);
    assert.ok(lines.includes('    GET /users/me — unreachable'), lines.join('\n'));
    const unprotected = [basic(), fixes(), fastify(), koa()].flatMap(r => r?.model.routes ?? []).filter(r => !r.protected && !r.shadowedBy.length).length;
    assert.strictEqual(badge, unprotected);

    function basic() { return a.analysisFor(folderUri('src', 'server.js')); }
    function fixes() { return a.analysisFor(inFolder('express-fixes', 'src', 'users.js')); }
    function fastify() { return a.analysisFor(inFolder('fastify-basic', 'src', 'server.js')); }
    function koa() { return a.analysisFor(inFolder('koa-basic', 'src', 'server.js')); }
  });

  test('the routes filter keeps matching routes only', async () => {
    const a = await api();
    await vscode.commands.executeCommand('sevenStops.filterRoutes', 'users/:id');
    try {
      const routes = a.routesView().lines.filter(l => /^\s+(GET|POST|PUT|DELETE|PATCH|ALL) /.test(l)).map(l => l.trim());
      assert.deepStrictEqual(routes, ['GET /users/:id — requireUser', 'GET /users/:id — no auth']);
    } finally {
      await vscode.commands.executeCommand('sevenStops.clearRoutesFilter');
    }
  });

  test('sevenStops.rules changes a severity, and "off" removes the finding, without a reload', async () => {
    const users = inFolder('express-fixes', 'src', 'users.js');
    await api();
    assert.strictEqual((await poll(() => sevenStopsDiagnostics(users)[0])).severity, vscode.DiagnosticSeverity.Error);
    await withSetting('rules', { 'no-shadowed-route': 'warning' }, async () => {
      await poll(() => (sevenStopsDiagnostics(users)[0]?.severity === vscode.DiagnosticSeverity.Warning ? true : undefined));
    });
    await withSetting('rules', { 'no-shadowed-route': 'off' }, async () => {
      await poll(() => (sevenStopsDiagnostics(users).length === 0 ? true : undefined));
    });
    await poll(() => (sevenStopsDiagnostics(users).length === 1 ? true : undefined));
  });

  test('sevenStops.codeLens.stops chooses which stops get a lens, without a reload', async () => {
    const server = folderUri('src', 'server.js');
    await vscode.window.showTextDocument(server);
    const titles = async () => ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', server, 100)) ?? []).map(l => l.command?.title ?? '');
    await withSetting('codeLens.stops', [1, 5, 6], async () => {
      const t = await poll(async () => { const x = await titles(); return x.some(s => s.startsWith('⑤')) ? x : undefined; });
      assert.ok(t.every(s => /^[①⑤⑥]/.test(s)), JSON.stringify(t));
      assert.ok(t.includes('⑥ Serialize · res.json'), JSON.stringify(t));
    });
    await withSetting('codeLens.enabled', false, async () => {
      await poll(async () => ((await titles()).length === 0 ? true : undefined));
    });
  });

  test('sevenStops.exclude, when set, replaces the folder\'s exclude list without a reload', async () => {
    const a = await api();
    const paths = () => a.analysisFor(inFolder('express-fixes', 'src', 'users.js'))?.routes.map(r => r.path) ?? [];
    assert.ok(paths().includes('/users/me'));
    await withSetting('exclude', ['**/users.js'], async () => {
      await poll(() => (paths().length && !paths().includes('/users/me') ? true : undefined));
      assert.ok(paths().includes('/account'), 'the other files are still read');
    });
    await poll(() => (paths().includes('/users/me') ? true : undefined));
  });

  test('Export SARIF writes the CLI\'s SARIF for a folder', async () => {
    await api();
    const target = vscode.Uri.joinPath(vscode.Uri.file(os.tmpdir()), `seven-stops-${Date.now()}.sarif`);
    // Several folders: the command asks which; answer with the first by accepting the quick pick.
    const done = vscode.commands.executeCommand('sevenStops.exportSarif', target);
    await new Promise(r => setTimeout(r, 500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await done;
    const sarif = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8'));
    assert.strictEqual(sarif.version, '2.1.0');
    assert.strictEqual(sarif.runs[0].tool.driver.name, 'Seven Stops');
    assert.deepStrictEqual(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId), ['no-route-before-auth']);
  });
});
