// The CLI's contract: exit codes, the JSON schema v1 and SARIF 2.1.0, run as a real process.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { withWorkspace } from '../workspace';

const root = path.resolve(__dirname, '../../..');
const cli = (args: string[], cwd = root) => spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), ...args], { cwd, encoding: 'utf8' });
const sample = path.join(root, 'test/fixtures/express-basic');

describe('seven-stops scan', () => {
  it('exits 1 with findings at or above --fail-on, 0 with --fail-on none', () => {
    assert.strictEqual(cli(['scan', sample, '--no-color']).status, 1);
    assert.strictEqual(cli(['scan', sample, '--fail-on', 'none']).status, 0);
  });

  it('exits 2 with a one-line message for usage, configuration and I/O errors', () => {
    const missing = cli(['scan', 'no/such/dir']);
    assert.strictEqual(missing.status, 2);
    assert.strictEqual(missing.stderr, 'seven-stops: not a folder: no/such/dir\n');
    assert.strictEqual(cli(['scan', sample, '--format', 'xml']).status, 2);
    withWorkspace({ '.sevenstops.json': '{ "rules": { "no-route-before-auth": "loud" } }' }, dir => {
      const bad = cli(['scan', dir]);
      assert.strictEqual(bad.status, 2);
      assert.match(bad.stderr, /rule "no-route-before-auth" must be one of error, warning, info, off/);
    });
  });

  it('honours rule severities from .sevenstops.json', () => {
    withWorkspace({
      '.sevenstops.json': '{ "rules": { "no-route-before-auth": "warning" } }',
      'app.js': "const app = require('express')();\napp.get('/me', (req, res) => res.json(req.user));\n",
    }, dir => {
      assert.strictEqual(cli(['scan', dir]).status, 0);
      assert.strictEqual(cli(['scan', dir, '--fail-on', 'warning']).status, 1);
    });
  });

  it('prints the JSON contract, schema version 1', () => {
    const out = JSON.parse(cli(['scan', 'test/fixtures/express-basic', '--format', 'json']).stdout);
    assert.deepStrictEqual(Object.keys(out), ['schemaVersion', 'root', 'apps', 'routes', 'findings', 'annotations', 'skipped', 'stats']);
    assert.strictEqual(out.schemaVersion, 1);
    assert.strictEqual(out.root, 'test/fixtures/express-basic');
    assert.deepStrictEqual(out.apps, [{ framework: 'express', frameworkVersion: '4.21.0', file: 'src/server.js', line: 4 }]);
    assert.deepStrictEqual(out.routes[2], {
      framework: 'express', method: 'GET', path: '/users', file: 'src/server.js', line: 11, column: 1,
      handler: { file: 'src/server.js', line: 11 },
      chain: [
        { name: 'express.json', kind: 'parse', stop: 2, file: 'src/server.js', line: 7 },
        { name: 'requireUser', kind: 'auth', stop: 4, file: 'src/server.js', line: 10 },
      ],
      protected: true, authBy: ['requireUser'], unresolved: [],
    });
    assert.deepStrictEqual(out.findings.map((f: { ruleId: string; line: number }) => `${f.ruleId}:${f.line}`), ['no-route-before-auth:9']);
  });

  it('prints SARIF 2.1.0 with the rule catalogue and help URIs', () => {
    const sarif = JSON.parse(cli(['scan', sample, '--format', 'sarif']).stdout);
    assert.strictEqual(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.ok(run.tool.driver.rules.every((r: { helpUri: string; help: { text: string } }) => /docs\/rules\/.+\.md$/.test(r.helpUri) && r.help.text.length > 0));
    assert.deepStrictEqual(run.results[0].locations[0].physicalLocation, {
      artifactLocation: { uri: 'src/server.js', uriBaseId: '%SRCROOT%' },
      region: { startLine: 9, startColumn: 1, endLine: 9, endColumn: 62 },
    });
  });
});
