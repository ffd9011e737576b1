// The language-model tools in the real extension host: invoked through vscode.lm.invokeTool as agent
// mode invokes them, answering from the live analysis of the multi-root fixture workspace.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, inFolder } from './helpers';

// vscode.lm's tool API is newer than the typings the extension builds against (@types/vscode 1.90).
interface ToolResult { content: { value?: unknown }[] }
interface LmToolsApi {
  tools: readonly { name: string; inputSchema?: object }[];
  invokeTool(name: string, options: { input: object; toolInvocationToken: undefined }, token?: vscode.CancellationToken): Thenable<ToolResult>;
}
const lm = (vscode as unknown as { lm?: Partial<LmToolsApi> }).lm;

/** The tool's text answer: `folder (path): summary`, a blank line, then the JSON data. */
async function invoke(name: string, input: object): Promise<{ head: string; data: Record<string, any> }> {
  const r = await lm!.invokeTool!(name, { input, toolInvocationToken: undefined });
  const text = r.content.map(p => (typeof p.value === 'string' ? p.value : '')).join('');
  const cut = text.indexOf('\n\n');
  return { head: text.slice(0, cut), data: JSON.parse(text.slice(cut + 2)) };
}

suite('language-model tools', function () {
  suiteSetup(async function () {
    if (typeof lm?.invokeTool !== 'function') this.skip(); // VS Code before 1.95: the tools are not registered (registration is feature-detected)
    await api();
  });

  test('the five tools are registered with their input schemas', () => {
    const ours = lm!.tools!.filter(t => t.name.startsWith('sevenStops_'));
    assert.deepStrictEqual(ours.map(t => t.name).sort(), [
      'sevenStops_explain_route', 'sevenStops_list_findings', 'sevenStops_list_routes', 'sevenStops_stops_of_file', 'sevenStops_trace_request',
    ]);
    assert.ok(ours.every(t => t.inputSchema && 'properties' in t.inputSchema));
  });

  test('list_routes answers from the named folder, with its filters', async () => {
    const { head, data } = await invoke('sevenStops_list_routes', { folder: 'express-basic', protected: false });
    assert.match(head, /^express-basic \(.*express-basic\): 2 routes \(of 5\); 2 reachable without auth\.$/);
    assert.deepStrictEqual(data.routes.map((r: { method: string; path: string }) => `${r.method} ${r.path}`), ['GET /health', 'GET /me']);
  });

  test('explain_route gives a Koa route\'s chain with when each layer runs, and its verdict', async () => {
    const { data } = await invoke('sevenStops_explain_route', { folder: 'koa-basic', method: 'GET', path: '/api/orders' });
    assert.deepStrictEqual(data.chain.map((c: { name: string; when: string }) => `${c.name} ${c.when}`), ['timing after', 'bodyParser before', 'requireUser before']);
    assert.deepStrictEqual(data.verdict.authBy, ['requireUser']);
  });

  test('trace_request traces a URL through a Fastify app', async () => {
    const { data } = await invoke('sevenStops_trace_request', { folder: 'fastify-basic', url: '/api/orders/7' });
    assert.strictEqual(data.outcome, 'handled');
    assert.deepStrictEqual(data.route.params, { id: '7' });
  });

  test('list_findings and stops_of_file: an absolute file picks its folder', async () => {
    const file = inFolder('express-basic', 'src', 'server.js').fsPath;
    const { data } = await invoke('sevenStops_list_findings', { folder: 'express-basic', rule: 'no-route-before-auth' });
    assert.deepStrictEqual(data.findings.map((f: { file: string; line: number }) => `${f.file}:${f.line}`), ['src/server.js:9']);
    const stops = await invoke('sevenStops_stops_of_file', { file });
    assert.match(stops.head, /^express-basic /);
    assert.ok(stops.data.annotations.some((a: { label: string }) => a.label === 'requireUser'));
  });

  test('an unknown folder or a bad pattern fails with a message the model can act on', async () => {
    await assert.rejects(invoke('sevenStops_list_routes', { folder: 'nowhere' }), /No workspace folder is named nowhere; the folders are express-basic, /);
    await assert.rejects(invoke('sevenStops_list_routes', { folder: 'express-basic', pathPattern: '[' }), /pathPattern is not a valid regular expression/);
  });
});
