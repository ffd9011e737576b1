import * as assert from 'assert';
import { formatJson, writeJson } from '../../../src/cli/format-json';
import type { AnalysisResult, Route } from '../../../src/core/model';

const range = { file: 'app.js', line: 3, column: 1, endLine: 3, endColumn: 20 };

function route(extra: Partial<Route>): Route {
  return {
    framework: 'express', method: 'GET', path: '/x', file: 'app.js', line: 3, column: 1, range,
    handler: { file: 'app.js', line: 3 }, chain: [{ name: 'auth', kind: 'auth', stop: 4, file: 'app.js', line: 2 }],
    protected: true, authBy: ['auth'], unresolved: [], ...extra,
  };
}

function result(routes: Route[], extra: Partial<AnalysisResult> = {}): AnalysisResult {
  return { root: '.', apps: [], routes, findings: [], annotations: [], skipped: [], stats: { files: 1, ms: 0 }, ...extra };
}

const written = (r: AnalysisResult) => {
  let text = '';
  writeJson(r, t => { text += t; });
  return text;
};

describe('formatJson', () => {
  it('leaves phase, when, level, context and contexts out where the adapter does not set them (Express)', () => {
    const json = JSON.parse(formatJson(result([route({})])));
    assert.deepStrictEqual(Object.keys(json), ['schemaVersion', 'root', 'apps', 'routes', 'findings', 'annotations', 'skipped', 'stats']);
    assert.deepStrictEqual(json.routes[0].chain[0], { name: 'auth', kind: 'auth', stop: 4, file: 'app.js', line: 2 });
    assert.ok(!('context' in json.routes[0]));
  });

  it('writes the chain entry fields, the route context and the contexts list when an adapter sets them', () => {
    const r = result([route({
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
    const plain = result([route({})]);
    const rich = result([route({ context: 'c1' })], { contexts: [{ id: 'c1', parent: null, prefix: '', encapsulated: false, file: 'app.js', line: 1 }] });
    assert.strictEqual(written(plain), formatJson(plain));
    assert.strictEqual(written(rich), formatJson(rich));
  });
});
