// `seven-stops mcp` driven by the official MCP client over stdio, as a coding agent would drive it:
// the server is the real CLI process (through tsx), the answers are read from structuredContent.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

const root = path.resolve(__dirname, '../../..');
const shop = path.join(root, 'examples/shop-express');

/** A client connected to `seven-stops mcp <dir>`; its stderr is collected. */
async function connect(dir: string): Promise<{ client: Client; stderr: () => string }> {
  const transport = new StdioClientTransport({
    command: process.execPath, args: ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), 'mcp', dir], cwd: root, stderr: 'pipe',
  });
  let err = '';
  transport.stderr?.on('data', (d: Buffer) => { err += d.toString(); });
  const client = new Client({ name: 'seven-stops-test', version: '1.0.0' });
  await client.connect(transport);
  return { client, stderr: () => err };
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  return await client.callTool({ name, arguments: args }) as CallToolResult;
}

/** The structured answer of a call that must succeed. */
async function answer<T = Record<string, any>>(client: Client, name: string, args: Record<string, unknown> = {}): Promise<T> {
  const r = await call(client, name, args);
  assert.ok(!r.isError, `${name} failed: ${JSON.stringify(r.content)}`);
  return r.structuredContent as T;
}

/** The message of a call that must fail as a tool error. */
async function failure(client: Client, name: string, args: Record<string, unknown>): Promise<string> {
  const r = await call(client, name, args);
  assert.strictEqual(r.isError, true, `${name} should fail`);
  return (r.content[0] as { text: string }).text;
}

const routeNames = (d: Record<string, any>) => d.routes.map((r: { method: string; path: string }) => `${r.method} ${r.path}`);

describe('seven-stops mcp', function () {
  // The server starts through tsx (compiling the sources) on a busy 2-core machine: seconds, not milliseconds.
  this.timeout(60000);

  describe('on examples/shop-express', () => {
    let client: Client;
    before(async () => { ({ client } = await connect(shop)); });
    after(async () => { await client.close(); });

    it('lists its five tools, each with an input and an output schema and read-only', async () => {
      const { tools } = await client.listTools();
      assert.deepStrictEqual(tools.map(t => t.name), ['list_routes', 'explain_route', 'trace_request', 'list_findings', 'stops_of_file']);
      for (const t of tools) {
        assert.strictEqual(t.inputSchema.type, 'object');
        assert.strictEqual(t.outputSchema?.type, 'object');
        assert.strictEqual(t.annotations?.readOnlyHint, true);
      }
    });

    it('list_routes: every route with its verdict, and a short text summary', async () => {
      const r = await call(client, 'list_routes');
      const text = (r.content[0] as { text: string }).text;
      assert.match(text, /^12 routes; 4 reachable without auth\.\n/);
      const data = r.structuredContent as { routes: Record<string, unknown>[]; matched: number; total: number };
      assert.strictEqual(data.total, 12);
      assert.strictEqual(data.matched, 12);
      assert.deepStrictEqual(data.routes[4], {
        method: 'GET', path: '/api/v1/orders/export', framework: 'express', file: 'src/server.js', line: 24,
        protected: false, authBy: [], unreachable: false, layers: 2, handler: { file: 'src/routes/orders.js', line: 86 },
      });
    });

    it('list_routes: filters by method, path prefix, path pattern, framework and protection', async () => {
      assert.deepStrictEqual(routeNames(await answer(client, 'list_routes', { method: 'patch' })), ['PATCH /api/v1/admin/orders/:id/status']);
      assert.deepStrictEqual(routeNames(await answer(client, 'list_routes', { pathPrefix: '/api/v1/products' })),
        ['GET /api/v1/products', 'GET /api/v1/products/:id', 'GET /api/v1/products/featured']);
      assert.deepStrictEqual(routeNames(await answer(client, 'list_routes', { pathPattern: '^/api/v\\d+/admin/reports/' })),
        ['GET /api/v1/admin/reports/sales', 'GET /api/v1/admin/reports/top-products']);
      assert.deepStrictEqual(routeNames(await answer(client, 'list_routes', { protected: false, method: 'GET', pathPrefix: '/api/' })),
        ['GET /api/v1/products', 'GET /api/v1/products/:id', 'GET /api/v1/products/featured', 'GET /api/v1/orders/export']);
      assert.deepStrictEqual(routeNames(await answer(client, 'list_routes', { framework: 'koa' })), []);
    });

    it('list_routes and list_findings: limit cuts the list, says so, and still counts every match', async () => {
      const r = await call(client, 'list_routes', { pathPrefix: '/api/v1/orders', limit: 2 });
      assert.match((r.content[0] as { text: string }).text, /^5 routes \(of 12\); 1 reachable without auth\. Showing the first 2; narrow the filters or raise limit\.\n/);
      const data = r.structuredContent as Record<string, any>;
      assert.deepStrictEqual([routeNames(data), data.matched, data.total], [['GET /api/v1/orders/export', 'GET /api/v1/orders'], 5, 12]);
      const f = await answer(client, 'list_findings', { severity: 'warning', limit: 1 });
      assert.deepStrictEqual([f.findings.length, f.matched, f.total], [1, 5, 7]);
      assert.match(await failure(client, 'list_routes', { limit: 0 }), /Input validation error/);
    });

    it('list_routes: a bad pattern is a tool error that says why', async () => {
      assert.match(await failure(client, 'list_routes', { pathPattern: '(' }), /^pathPattern is not a valid regular expression: .*Unterminated group/);
    });

    it('refuses arguments outside the input schema', async () => {
      assert.match(await failure(client, 'list_findings', { stop: 9 }), /Input validation error/);
      assert.match(await failure(client, 'list_routes', { framework: 'hapi' }), /Input validation error/);
    });

    it('explain_route: the chain in run order with kinds, stops and file:line, and the verdict with its evidence', async () => {
      const d = await answer(client, 'explain_route', { method: 'GET', path: '/api/v1/orders/export' });
      assert.deepStrictEqual(d.chain, [
        { order: 1, name: 'requestLogger', kind: 'logging', stop: 4, stopName: 'Middleware', file: 'src/server.js', line: 15 },
        { order: 2, name: 'express.json', kind: 'parse', stop: 2, stopName: 'Parse', file: 'src/server.js', line: 17 },
      ]);
      assert.deepStrictEqual(d.verdict, {
        status: 'unprotected', protected: false, authBy: [],
        evidence: [
          'No auth layer runs before the handler.',
          'requireUser (src/server.js:27) is an auth layer for this path, but registered after the route: it runs only for routes registered after it.',
        ],
      });
      assert.deepStrictEqual(d.findings.map((f: { ruleId: string; line: number }) => `${f.ruleId}:${f.line}`), ['no-route-before-auth:24']);
      assert.strictEqual(d.matchedBy, 'path');
    });

    it('explain_route: a concrete request path finds the route that answers it; an unreachable route says what answers first', async () => {
      const byRequest = await answer(client, 'explain_route', { method: 'get', path: '/api/v1/orders/42' });
      assert.strictEqual(byRequest.matchedBy, 'request');
      assert.strictEqual(byRequest.route.path, '/api/v1/orders/:id');
      assert.deepStrictEqual(byRequest.verdict.evidence, ['requireUser (src/server.js:27) is an auth layer that runs before the handler.']);
      const shadowed = await answer(client, 'explain_route', { method: 'GET', path: '/api/v1/products/featured' });
      assert.strictEqual(shadowed.verdict.status, 'unreachable');
      assert.match(shadowed.verdict.evidence[0], /^Unreachable: GET \/api\/v1\/products\/:id \(src\/routes\/products\.js:15\) answers first/);
    });

    it('explain_route: a route no request reaches is an error naming list_routes', async () => {
      assert.strictEqual(await failure(client, 'explain_route', { method: 'DELETE', path: '/nowhere' }),
        'No route answers DELETE /nowhere. Call list_routes to see the routes (12 routes in this analysis).');
    });

    it('trace_request: a URL through the app, stop by stop, as the lesson traces it', async () => {
      const t = await answer(client, 'trace_request', { method: 'get', url: 'http://localhost:3000/api/v1/orders/42?expand=items' });
      assert.strictEqual(t.summary, 'GET /api/v1/orders/42 is answered by GET /api/v1/orders/:id (src/routes/orders.js:22).');
      assert.deepStrictEqual(t.route.params, { id: '42' });
      assert.deepStrictEqual(t.stops.map((s: { stop: number; name: string }) => `${s.stop} ${s.name}`),
        ['1 Accept', '2 Parse', '3 Route', '4 Middleware', '5 Handle', '6 Serialize', '7 Drain']);
      const missing = await answer(client, 'trace_request', { url: '/nowhere' });
      assert.strictEqual(missing.outcome, 'not-found');
      assert.match(await failure(client, 'trace_request', { url: 'nowhere' }), /^A path starts with "\/"/);
    });

    it('list_findings: every finding, and filters by rule, stop, severity and file or folder', async () => {
      const all = await answer(client, 'list_findings');
      assert.strictEqual(all.total, 7);
      assert.strictEqual(all.matched, 7);
      assert.deepStrictEqual(all.findings[5], {
        ruleId: 'no-route-before-auth', severity: 'error', stop: 4, stopName: 'Middleware',
        message: 'GET /api/v1/orders/export runs without authentication but reads req.user: it is registered at src/server.js:24, before requireUser (src/server.js:27).',
        file: 'src/server.js', line: 24, column: 1, endLine: 24, endColumn: 53,
        related: all.findings[5].related, docs: 'docs/rules/no-route-before-auth.md', fixable: true,
      });
      const ids = (d: Record<string, any>) => d.findings.map((f: { ruleId: string }) => f.ruleId);
      assert.deepStrictEqual(ids(await answer(client, 'list_findings', { rule: 'no-shadowed-route' })), ['no-shadowed-route']);
      assert.deepStrictEqual(ids(await answer(client, 'list_findings', { stop: 7 })), ['pipe-without-error-handling']);
      assert.deepStrictEqual(ids(await answer(client, 'list_findings', { severity: 'error' })), ['no-shadowed-route', 'no-route-before-auth']);
      assert.deepStrictEqual(ids(await answer(client, 'list_findings', { file: 'src/routes' })),
        ['double-json-encoding', 'sync-call-in-handler', 'pipe-without-error-handling', 'no-shadowed-route']);
      assert.deepStrictEqual(ids(await answer(client, 'list_findings', { file: path.join(shop, 'src/routes/admin.js') })), ['double-json-encoding']);
    });

    it('stops_of_file: the annotations of one file, with its routes and findings', async () => {
      const d = await answer(client, 'stops_of_file', { file: 'src/server.js' });
      assert.deepStrictEqual(d.annotations.map((a: { line: number; stop: number; label: string }) => `${a.line} ${a.stop} ${a.label}`), [
        '15 4 requestLogger', '17 2 express.json', '20 3 mount routes.health', '21 3 mount routes.products', '24 3 GET /api/v1/orders/export',
        '27 4 requireUser', '28 3 mount routes.orders', '29 3 mount routes.admin', '31 4 anonymous function',
        '36 4 error handler anonymous function', '44 1 listen', '49 1 server.keepAliveTimeout',
      ]);
      assert.deepStrictEqual(routeNames(d), ['GET /api/v1/orders/export']);
      assert.strictEqual(d.findings.length, 3);
      const none = await answer(client, 'stops_of_file', { file: 'src/db.js' });
      assert.deepStrictEqual(none.annotations, []);
      assert.match(await failure(client, 'stops_of_file', { file: '/etc/passwd' }), /^\/etc\/passwd is outside the analysed folder /);
    });
  });

  describe('on a folder that changes', () => {
    let dir: string;
    let client: Client;
    before(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seven-stops-mcp-'));
      fs.cpSync(path.join(root, 'test/fixtures/express-basic'), dir, { recursive: true });
      ({ client } = await connect(dir));
    });
    after(async () => {
      await client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('answers from the changed files on the next call: an edit, a new file, a deleted folder', async () => {
      const server = path.join(dir, 'src/server.js');
      assert.deepStrictEqual(routeNames(await answer(client, 'list_routes', { protected: false })), ['GET /health', 'GET /me']);
      // The bug fixed: /me moved below requireUser.
      const text = fs.readFileSync(server, 'utf8');
      const me = "app.get('/me', function me(req, res) { res.json(req.user); });\n";
      fs.writeFileSync(server, text.replace(me, '').replace('app.use(requireUser);\n', `app.use(requireUser);\n${me}`));
      assert.deepStrictEqual(routeNames(await answer(client, 'list_routes', { protected: false })), ['GET /health']);
      assert.deepStrictEqual((await answer(client, 'list_findings', { rule: 'no-route-before-auth' })).findings, []);
      // A new router file, required from the server.
      fs.writeFileSync(path.join(dir, 'src/extra.js'), "const r = require('express').Router();\nr.get('/extra', (req, res) => res.end());\nmodule.exports = r;\n");
      fs.appendFileSync(server, "app.use(require('./extra'));\n");
      assert.deepStrictEqual(routeNames(await answer(client, 'list_routes', { pathPrefix: '/extra' })), ['GET /extra']);
      // The whole folder gone: the call says so.
      fs.rmSync(dir, { recursive: true, force: true });
      assert.match(await failure(client, 'list_routes', {}), /^Seven Stops cannot analyse .*seven-stops-mcp-.*: the folder .* does not exist/);
    });
  });

  it('exits 2 with a message for a folder that does not exist or an option of scan, before speaking the protocol', async () => {
    const { spawnSync } = await import('child_process');
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), 'mcp', 'no/such/dir'], { cwd: root, encoding: 'utf8', input: '' });
    assert.strictEqual(r.status, 2);
    assert.strictEqual(r.stdout, '');
    assert.strictEqual(r.stderr, 'seven-stops: not a folder: no/such/dir\n');
    const format = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), 'mcp', shop, '--format', 'json'], { cwd: root, encoding: 'utf8', input: '' });
    assert.strictEqual(format.status, 2);
    assert.match(format.stderr, /^seven-stops: --format is an option of scan, not of mcp\n/);
  });
});
