// The CLI's contract: exit codes, the JSON schema v1 and SARIF 2.1.0, run as a real process.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { withWorkspace } from '../workspace';

const root = path.resolve(__dirname, '../../..');
// An English locale unless a case says otherwise: the CLI follows LC_ALL, LC_MESSAGES and LANG.
const ENGLISH = { LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' };
const cli = (args: string[], cwd = root, env: NodeJS.ProcessEnv = ENGLISH) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
const sample = path.join(root, 'test/fixtures/express-basic');

describe('seven-stops scan', function () {
  // Each case starts the CLI as real processes (through tsx, which compiles the sources first): a few
  // seconds each on a busy 2-core machine, more than mocha's unit default allows.
  this.timeout(60000);
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

  it('names the frameworks it understands in its help and when a folder holds no app', () => {
    assert.match(cli(['--help']).stdout, /^Shows every Express, Fastify or Koa route with its middleware chain/m);
    withWorkspace({ 'index.js': 'module.exports = 1;\n' }, dir => {
      assert.match(cli(['scan', dir, '--no-color']).stdout, /^No Express, Fastify or Koa app found\.$/m);
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

  it('parses only the files that can matter, and every file with --no-closure, with the same report', () => {
    withWorkspace({
      'server/app.js': "const app = require('express')();\napp.get('/me', (req, res) => res.json(req.user));\napp.listen(3000);\n",
      'web/App.jsx': 'export const App = () => <p>hi</p>;\n',
    }, dir => {
      const on = JSON.parse(cli(['scan', dir, '--format', 'json']).stdout);
      const off = JSON.parse(cli(['scan', dir, '--format', 'json', '--no-closure']).stdout);
      assert.deepStrictEqual([on.stats.files, on.stats.notNeeded, off.stats.notNeeded], [2, 1, undefined]);
      assert.deepStrictEqual({ ...on, stats: null }, { ...off, stats: null });
    });
  });

  it('keeps its cache in node_modules/.cache/seven-stops, or --cache-dir, or nowhere with --no-cache; the report is the same', () => {
    withWorkspace({
      'app.js': "const app = require('express')();\napp.get('/me', (req, res) => res.json(req.user));\napp.listen(3000);\n",
    }, dir => {
      const report = (args: string[]) => cli(['scan', dir, '--format', 'json', '--fail-on', 'none', ...args]).stdout.replace(/"ms": \d+/, '"ms": 0');
      const none = report(['--no-cache']);
      assert.strictEqual(fs.existsSync(path.join(dir, 'node_modules')), false);
      assert.strictEqual(report([]), none);
      assert.ok(fs.readdirSync(path.join(dir, 'node_modules', '.cache', 'seven-stops')).includes('run.bin'));
      assert.strictEqual(report(['--cache-dir', path.join(dir, 'elsewhere')]), none);
      assert.ok(fs.readdirSync(path.join(dir, 'elsewhere')).includes('run.bin'));
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

  it('speaks Russian with --lang ru: its own words and the rule messages; JSON keeps messageId and data', () => {
    const text = cli(['scan', sample, '--no-color', '--lang', 'ru']);
    assert.strictEqual(text.status, 1);
    assert.match(text.stdout, /^приложение express 4\.21\.0 {2}src\/server\.js:4$/m);
    assert.match(text.stdout, /^Находок: 1$/m);
    assert.match(text.stdout, /src\/server\.js:9:1 {2}ошибка {2}GET \/me работает без аутентификации, но читает req\.user: он зарегистрирован в src\/server\.js:9, раньше requireUser \(src\/server\.js:10\)\. {2}④ no-route-before-auth$/m);
    const json = JSON.parse(cli(['scan', sample, '--format', 'json', '--lang=ru']).stdout);
    const english = JSON.parse(cli(['scan', sample, '--format', 'json']).stdout);
    assert.deepStrictEqual(json.findings.map((f: { messageId: string; data: object }) => [f.messageId, f.data]), english.findings.map((f: { messageId: string; data: object }) => [f.messageId, f.data]));
    assert.strictEqual(json.findings[0].messageId, 'readsIdentity');
    assert.match(json.findings[0].message, /^GET \/me работает без аутентификации, но читает req\.user/);
    assert.match(english.findings[0].message, /^GET \/me runs without authentication but reads req\.user/);
  });

  it('takes the language from LC_ALL, then LANG; --lang wins, and a language it does not speak is a usage error', () => {
    assert.match(cli(['--help'], root, { LC_ALL: '', LANG: 'ru_RU.UTF-8' }).stdout, /^Использование: seven-stops scan/);
    assert.match(cli(['--help'], root, { LC_ALL: 'en_US.UTF-8', LANG: 'ru_RU.UTF-8' }).stdout, /^Usage: seven-stops scan/);
    assert.match(cli(['--help', '--lang', 'en'], root, { LC_ALL: 'ru_RU.UTF-8' }).stdout, /^Usage: seven-stops scan/);
    const missing = cli(['scan', 'no/such/dir'], root, { LANG: 'ru_RU.UTF-8' });
    assert.strictEqual(missing.stderr, 'seven-stops: это не папка: no/such/dir\n');
    const bad = cli(['scan', sample, '--lang', 'de']);
    assert.strictEqual(bad.status, 2);
    assert.match(bad.stderr, /^seven-stops: --lang must be en or ru \(got 'de'\)$/m);
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

  describe('text from the analysed code that would drive a terminal', () => {
    // test/fixtures/hostile-text/app.js under a file name holding a colour code and a right-to-left override.
    const file = 'src/evil\u001b[31m\u202esj.js';
    const app = fs.readFileSync(path.join(root, 'test/fixtures/hostile-text/app.js'), 'utf8');
    /** Any control, format (bidi, zero-width) or separator character other than the newlines between lines. */
    const hidden = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

    it('prints them as escapes in the text report', () => {
      withWorkspace({ [file]: app }, dir => {
        const out = cli(['scan', dir, '--no-color']);
        assert.strictEqual(out.status, 1);
        const lines = out.stdout.split('\n');
        assert.deepStrictEqual(lines.filter(l => hidden.test(l)), []);
        assert.ok(lines.includes('express app  src/evil\\u001b[31m\\u202esj.js:4'), out.stdout);
        assert.ok(lines.includes('  ③ GET    /\\u001b[31mred\\u001b[0m\\u0007\\u000d\\u000a\\u202eevil  ⚠ no auth  src/evil\\u001b[31m\\u202esj.js:6'), out.stdout);
        assert.ok(lines.includes('  /\\u001b]0;pwned\\u0007'), out.stdout);
        assert.ok(lines.some(l => l.startsWith('  src/evil\\u001b[31m\\u202esj.js:6:1  error  GET /\\u001b[31mred\\u001b[0m\\u0007\\u000d\\u000a\\u202eevil runs without authentication')), out.stdout);
      });
    });

    it('keeps the exact text in --format json', () => {
      withWorkspace({ [file]: app }, dir => {
        const out = JSON.parse(cli(['scan', dir, '--format', 'json']).stdout);
        assert.strictEqual(out.routes[0].path, '/\u001b[31mred\u001b[0m\u0007\r\n\u202eevil');
        assert.strictEqual(out.routes[0].file, file);
        assert.strictEqual(out.routes[1].path, '/\u001b]0;pwned\u0007/x');
      });
    });

    it('escapes SARIF message texts and keeps the exact file in the URI', () => {
      withWorkspace({ [file]: app }, dir => {
        const results: { ruleId: string; message: { text: string } }[] = JSON.parse(cli(['scan', dir, '--format', 'sarif']).stdout).runs[0].results;
        const result = results.find(r => r.ruleId === 'no-route-before-auth') as any;
        assert.ok(result, JSON.stringify(results.map(r => r.ruleId)));
        assert.match(result.message.text, /^GET \/\\u001b\[31mred\\u001b\[0m\\u0007\\u000d\\u000a\\u202eevil runs without authentication/);
        assert.doesNotMatch(result.message.text, hidden);
        assert.doesNotMatch(result.relatedLocations[0].message.text, hidden);
        assert.strictEqual(result.locations[0].physicalLocation.artifactLocation.uri, 'src/evil%1B%5B31m%E2%80%AEsj.js');
      });
    });

    it('escapes arguments quoted in error messages on stderr', () => {
      assert.strictEqual(cli(['scan', 'no/\u001b[2J\u202edir']).stderr, 'seven-stops: not a folder: no/\\u001b[2J\\u202edir\n');
      assert.match(cli(['scan', '--\u001b]0;x\u0007']).stderr, /^seven-stops: unknown option --\\u001b\]0;x\\u0007\n/);
    });
  });
});
