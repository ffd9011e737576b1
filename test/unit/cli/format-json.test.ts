// The JSON output contract, schema version 1 (src/cli/format-json.ts). The CLI end to end: main.test.ts.
import * as assert from 'assert';
import { formatJson, toJsonReport, writeJson } from '../../../src/cli/format-json';
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
