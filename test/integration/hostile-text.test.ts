// Text from the analysed code that would reorder or drive what the editor shows: a file whose name and
// route path hold colour codes, a bell, CR LF, an OSC title sequence and a right-to-left override
// (test/fixtures/hostile-text/app.js, plain ASCII with JS escapes) is written into express-fixes for
// this suite only.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, inFolder, poll, quickFixes, sevenStopsDiagnostics } from './helpers';

const NAME = 'evil\u001b[31m\u202esj.js';
const SOURCE = fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures/hostile-text/app.js'));
/** Any control, format (bidi, zero-width) or separator character. */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

suite('Control and bidi characters from the code', () => {
  const uri = () => inFolder('express-fixes', 'src', NAME);

  suiteSetup(async () => {
    const a = await api();
    await vscode.workspace.fs.writeFile(uri(), SOURCE);
    await poll(() => a.analysisFor(uri())?.routes.find(r => r.file === `src/${NAME}`));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri());
    const a = await api();
    await poll(() => (a.analysisFor(inFolder('express-fixes', 'package.json'))?.routes.some(r => r.file === `src/${NAME}`) ? undefined : true));
  });

  test('the model keeps the exact path and file name', async () => {
    const r = (await api()).analysisFor(uri());
    const route = r?.routes.find(x => x.file === `src/${NAME}`);
    assert.strictEqual(route?.path, '/\u001b[31mred\u001b[0m\u0007\r\n\u202eevil');
  });

  test('CodeLens titles show them as escapes', async () => {
    await vscode.window.showTextDocument(uri());
    const titles = await poll(async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri(), 100);
      const t = (lenses ?? []).map(l => l.command?.title ?? '');
      return t.some(x => x.includes('evil')) ? t : undefined;
    });
    assert.deepStrictEqual(titles.filter(t => HIDDEN.test(t)), []);
    assert.ok(titles.includes('③ Route · GET /\\u001b[31mred\\u001b[0m\\u0007\\u000d\\u000a\\u202eevil · 0 layers · ⚠ no auth'), JSON.stringify(titles));
  });

  test('the routes view shows them as escapes', async () => {
    const lines = (await api()).routesView().lines;
    assert.deepStrictEqual(lines.filter(l => HIDDEN.test(l)), []);
    assert.ok(lines.includes('  express app — src/evil\\u001b[31m\\u202esj.js:4'), lines.join('\n'));
    assert.ok(lines.includes('    /\\u001b]0;pwned\\u0007'), lines.join('\n'));
    assert.ok(lines.includes('    GET /\\u001b[31mred\\u001b[0m\\u0007\\u000d\\u000a\\u202eevil — no auth'), lines.join('\n'));
  });

  test('diagnostics and their quick fixes show them as escapes', async () => {
    const diag = await poll(() => sevenStopsDiagnostics(uri()).find(d => (d.code as { value: string }).value === 'no-route-before-auth'));
    assert.match(diag.message, /^GET \/\\u001b\[31mred\\u001b\[0m\\u0007\\u000d\\u000a\\u202eevil runs without authentication/);
    assert.doesNotMatch(diag.message, HIDDEN);
    assert.deepStrictEqual(diag.relatedInformation?.filter(i => HIDDEN.test(i.message)), []);
    await vscode.window.showTextDocument(uri());
    const titles = (await quickFixes(uri(), diag.range)).map(x => x.title);
    assert.ok(titles.includes('Move GET /\\u001b[31mred\\u001b[0m\\u0007\\u000d\\u000a\\u202eevil below requireUser'), JSON.stringify(titles));
  });
});
