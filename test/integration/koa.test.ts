// A Koa workspace folder in the real extension host (test/fixtures/koa-basic): CodeLens that count
// what runs after await next(), the routes view by router, Trace Request… the way in and back out.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Trace } from '../../src/core/trace';
import { api, codeLenses, inFolder, poll, sevenStopsDiagnostics } from './helpers';

suite('Koa in the editor', () => {
  const server = () => inFolder('koa-basic', 'src', 'server.js');

  test('CodeLens over routes count their layers and what runs after next()', async () => {
    await api();
    const { lines } = await codeLenses(server());
    assert.deepStrictEqual(lines, [
      '10:③ Route · GET /api/orders/status · 2 layers · ⚠ no auth · 1 after next()',
      '11:④ Middleware · router.use · requireUser',
      '12:③ Route · GET /api/orders · 3 layers · 🔒 requireUser · 1 after next()',
      '13:③ Route · POST /api/orders · 3 layers · 🔒 requireUser · 1 after next()',
      '15:③ Route · GET /health · 2 layers · ⚠ no auth · 1 after next()',
      '17:④ Middleware · app.use · timing',
      '18:② Parse · app.use · bodyParser',
      '19:③ Route · app.use · router.routes()',
      '20:③ Route · app.use · router.routes()',
      '21:① Accept · listen',
    ]);
  });

  test('the routes view lists a Koa app by router, with its prefix', async () => {
    const a = await api();
    const lines = a.routesView().lines;
    const start = lines.indexOf('koa-basic');
    assert.ok(start >= 0, lines.join('\n'));
    assert.deepStrictEqual(lines.slice(start, start + 8), [
      'koa-basic',
      '  koa app — src/server.js:8',
      '    router health — no prefix',
      '      GET /health — no auth',
      '    router orders — /api/orders',
      '      GET /api/orders/status — no auth',
      '      GET /api/orders — requireUser',
      '      POST /api/orders — requireUser',
    ]);
  });

  test('Trace Request… shows the way in and the way back out, file:line each', async () => {
    await api();
    const t = await vscode.commands.executeCommand<Trace | undefined>('sevenStops.traceRequest', { method: 'GET', path: '/api/orders', folder: inFolder('koa-basic').toString() });
    assert.ok(t);
    assert.strictEqual(t.summary, 'GET /api/orders is answered by GET /api/orders (src/server.js:12).');
    const sites = (n: number) => t.stops[n - 1].sites.map(s => `${s.name}@${s.file}:${s.line}`);
    assert.deepStrictEqual(sites(3), ['router /api/orders@src/server.js:9', 'GET /api/orders@src/server.js:12']);
    assert.deepStrictEqual(sites(4), ['bodyParser@src/server.js:18', 'requireUser@src/server.js:11']);
    assert.deepStrictEqual(sites(7), ['timing (after next())@src/server.js:17']);
    assert.match(t.stops[6].note, /On the way back out, 1 middleware runs its code after await next\(\), innermost first\.$/);
  });

  test('Problems: koa-router-case-bypass on the path-less use(auth), no-route-before-auth on the route above it', async () => {
    await api();
    const diagnostics = await poll(async () => {
      const d = sevenStopsDiagnostics(server());
      return d.length >= 2 ? d : undefined;
    });
    assert.deepStrictEqual(
      diagnostics.map(d => [(d.code as { value: string }).value, d.range.start.line + 1]).sort(),
      [['koa-router-case-bypass', 11], ['no-route-before-auth', 10]],
    );
    const bypass = diagnostics.find(d => (d.code as { value: string }).value === 'koa-router-case-bypass')!;
    assert.match(bypass.message, /@koa\/router 15\.0\.0 \(read from package\.json's range\)/);
  });
});
