// The `seven-stops` command as built (src/cli/bin.ts → dist/cli.js): it loads the engine bundle
// with the code cache beside it and runs it, and runs it just the same without a usable cache.
// Built here with esbuild into a temporary folder, as esbuild.mjs builds dist/.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '../../..');
const sample = path.join(root, 'test/fixtures/express-basic');

describe('seven-stops command (bin.ts)', function () {
  // Two bundles (the engine holds ts-morph) and a few processes on a busy 2-core machine.
  this.timeout(120000);
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seven-stops-bin-'));
    const common: esbuild.BuildOptions = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], logLevel: 'silent' };
    await esbuild.build({ ...common, entryPoints: [path.join(root, 'src/cli/bin.ts')], outfile: path.join(dir, 'cli.js') });
    await esbuild.build({ ...common, entryPoints: [path.join(root, 'src/cli/main.ts')], outfile: path.join(dir, 'cli-main.js') });
    const made = spawnSync(process.execPath, ['-e', "require('./cli.js').writeEngineCodeCache()"], { cwd: dir, encoding: 'utf8' });
    assert.strictEqual(made.status, 0, made.stderr);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (args: string[]) => spawnSync(process.execPath, [path.join(dir, 'cli.js'), ...args], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' } });
  const routes = (stdout: string) => (JSON.parse(stdout) as { routes: { method: string; path: string }[] }).routes.map(r => `${r.method} ${r.path}`);

  it('writeEngineCodeCache leaves the engine\'s code cache beside it', () => {
    assert.ok(fs.statSync(path.join(dir, 'cli-main.js.v8cache')).size > 1000);
  });

  it('scans with the cache: the report and exit code of the engine', () => {
    const r = run(['scan', sample, '--format', 'json', '--fail-on', 'none']);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.ok(routes(r.stdout).length > 0);
    assert.strictEqual(run(['scan', 'no/such/dir']).status, 2);
  });

  it('scans the same without a usable cache (another bundle\'s, or none)', () => {
    const withCache = run(['scan', sample, '--format', 'json', '--fail-on', 'none']);
    fs.writeFileSync(path.join(dir, 'cli-main.js.v8cache'), 'not a cache');
    const damaged = run(['scan', sample, '--format', 'json', '--fail-on', 'none']);
    fs.rmSync(path.join(dir, 'cli-main.js.v8cache'));
    const none = run(['scan', sample, '--format', 'json', '--fail-on', 'none']);
    for (const r of [damaged, none]) {
      assert.strictEqual(r.status, 0, r.stderr);
      assert.deepStrictEqual(routes(r.stdout), routes(withCache.stdout));
    }
  });
});
