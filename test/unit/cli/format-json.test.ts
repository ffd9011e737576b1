// The JSON output contract, schema version 1 (src/cli/format-json.ts). The CLI end to end: main.test.ts.
import * as assert from 'assert';
import { formatJson, toJsonReport, writeJson } from '../../../src/cli/format-json';
import type { AnalysisResult, Route } from '../../../src/core/model';
import { analyse } from '../workspace';

const result = analyse({
  'package.json': '{"dependencies":{"express":"^4.21.0"}}',
  'app.js': "const app = require('express')();\napp.get('/me', (req, res) => res.json(req.user));\n",
});

describe('format-json', () => {
  it('has the contract fields in order, and leaves the model\'s internal fields out', () => {
    const report = toJsonReport(result) as Record<string, unknown> & { routes: Record<string, unknown>[] };
    assert.deepStrictEqual(Object.keys(report), ['schemaVersion', 'root', 'apps', 'routes', 'findings', 'annotations', 'skipped', 'stats']);
    assert.deepStrictEqual(Object.keys(report.routes[0]), ['framework', 'method', 'path', 'file', 'line', 'column', 'handler', 'chain', 'protected', 'authBy', 'unresolved']);
  });

  it('writes in pieces exactly the text formatJson makes', () => {
    const pieces: string[] = [];
    writeJson(result, t => pieces.push(t));
    assert.strictEqual(pieces.join(''), formatJson(result));
  });
});

const range = { file: 'app.js', line: 3, column: 1, endLine: 3, endColumn: 20 };

function route(extra: Partial<Route>): Route {
  return {
    framework: 'express', method: 'GET', path: '/x', file: 'app.js', line: 3, column: 1, range,
    handler: { file: 'app.js', line: 3 }, chain: [{ name: 'auth', kind: 'auth', stop: 4, file: 'app.js', line: 2 }],
    protected: true, authBy: ['auth'], unresolved: [], ...extra,
  };
}

function resultOf(routes: Route[], extra: Partial<AnalysisResult> = {}): AnalysisResult {
  return { root: '.', apps: [], routes, findings: [], annotations: [], skipped: [], stats: { files: 1, ms: 0 }, ...extra };
}

const written = (r: AnalysisResult) => {
  let text = '';
  writeJson(r, t => { text += t; });
  return text;
};

describe('format-json: fields only some frameworks fill', () => {
  it('leaves phase, when, level, context and contexts out where the adapter does not set them (Express)', () => {
    const json = JSON.parse(formatJson(resultOf([route({})])));
    assert.deepStrictEqual(Object.keys(json), ['schemaVersion', 'root', 'apps', 'routes', 'findings', 'annotations', 'skipped', 'stats']);
    assert.deepStrictEqual(json.routes[0].chain[0], { name: 'auth', kind: 'auth', stop: 4, file: 'app.js', line: 2 });
    assert.ok(!('context' in json.routes[0]));
  });

  it('writes the chain entry fields, the route context and the contexts list when an adapter sets them', () => {
    const r = resultOf([route({
      framework: 'fastify', context: 'c1',
      chain: [
        { name: 'auth', kind: 'auth', stop: 4, file: 'app.js', line: 2, phase: 'onRequest', level: 'context' },
        { name: 'audit', kind: 'logging', stop: 4, file: 'app.js', line: 4, when: 'after', level: 'route' },
      ],
    })], { contexts: [{ id: 'c1', parent: null, prefix: '/v1', encapsulated: true, file: 'app.js', line: 1 }] });
    const json = JSON.parse(formatJson(r));
    assert.deepStrictEqual(Object.keys(json), ['schemaVersion', 'root', 'apps', 'routes', 'contexts', 'findings', 'annotations', 'skipped', 'stats']);
    assert.deepStrictEqual(json.routes[0].chain, [
      { name: 'auth', kind: 'auth', stop: 4, file: 'app.js', line: 2, phase: 'onRequest', level: 'context' },
      { name: 'audit', kind: 'logging', stop: 4, file: 'app.js', line: 4, when: 'after', level: 'route' },
    ]);
    assert.strictEqual(json.routes[0].context, 'c1');
    assert.deepStrictEqual(json.contexts, [{ id: 'c1', parent: null, prefix: '/v1', encapsulated: true, file: 'app.js', line: 1 }]);
  });

  it('writes the same text in pieces as in one go, with and without the new fields', () => {
    const plain = resultOf([route({})]);
    const rich = resultOf([route({ context: 'c1' })], { contexts: [{ id: 'c1', parent: null, prefix: '', encapsulated: false, file: 'app.js', line: 1 }] });
    assert.strictEqual(written(plain), formatJson(plain));
    assert.strictEqual(written(rich), formatJson(rich));
  });

  it('writes a context name, and the phase and reach of a hook annotation, when the adapter sets them', () => {
    const hook = { file: 'app.js', line: 2, column: 1, endLine: 2, endColumn: 9, stop: 4 as const, label: 'onRequest · auth' };
    const r = resultOf([route({ context: 'c1' })], {
      contexts: [{ id: 'c1', parent: null, prefix: '', encapsulated: false, name: 'fastify()', file: 'app.js', line: 1 }],
      annotations: [{ ...hook, phase: 'onRequest', reach: { routes: 3, level: 'context' } }, { ...hook, line: 5, label: 'GET /x', stop: 3 }],
    });
    const json = JSON.parse(formatJson(r));
    assert.deepStrictEqual(json.contexts[0], { id: 'c1', parent: null, prefix: '', encapsulated: false, name: 'fastify()', file: 'app.js', line: 1 });
    assert.deepStrictEqual(json.annotations, [
      { ...hook, phase: 'onRequest', reach: { routes: 3, level: 'context' } },
      { ...hook, line: 5, label: 'GET /x', stop: 3 },
    ]);
    assert.strictEqual(written(r), formatJson(r));
  });
});
