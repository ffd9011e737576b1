// Loading a CommonJS bundle with a V8 code cache (src/cli/code-cache.ts), as the `seven-stops`
// command loads the CLI's engine: the cache is used only when it was made from the same text, and
// the module runs as Node's own loader would run it either way.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { requireWithCodeCache, writeCodeCache } from '../../../src/cli/code-cache';

const ENGINE = `const dep = require('./dep');
module.exports = { answer: dep.value * 2, file: __filename, dir: __dirname, isMain: require.main === module, self: this === exports };
`;

const root = path.resolve(__dirname, '../../..');

describe('CLI code cache', function () {
  // One case starts two processes (through tsx).
  this.timeout(60000);
  let dir: string;
  let file: string;
  let cache: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'code-cache-'));
    file = path.join(dir, 'engine.js');
    cache = `${file}.v8cache`;
    fs.writeFileSync(file, ENGINE);
    fs.writeFileSync(path.join(dir, 'dep.js'), 'exports.value = 21;\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const expected = () => ({ answer: 42, file, dir, isMain: false, self: true });

  it('runs the module from the cache made of it, as a CommonJS module of its own folder', () => {
    writeCodeCache(file, cache, module);
    const loaded = requireWithCodeCache(file, cache, module);
    assert.strictEqual(loaded.cached, true);
    assert.deepStrictEqual(loaded.exports, expected());
  });

  it('compiles from source without a cache', () => {
    const loaded = requireWithCodeCache(file, cache, module);
    assert.strictEqual(loaded.cached, false);
    assert.deepStrictEqual(loaded.exports, expected());
  });

  it('turns down the cache of another text of the same length (V8 would take it: it checks only the length)', () => {
    writeCodeCache(file, cache, module);
    const other = ENGINE.replace('dep.value * 2', 'dep.value + 2');
    assert.strictEqual(other.length, ENGINE.length);
    fs.writeFileSync(file, other);
    const loaded = requireWithCodeCache(file, cache, module);
    assert.strictEqual(loaded.cached, false);
    assert.strictEqual((loaded.exports as { answer: number }).answer, 23);
  });

  it('compiles from source when the data is damaged or cut short (V8 would deserialize it and crash)', () => {
    writeCodeCache(file, cache, module);
    const whole = fs.readFileSync(cache);
    const damaged = Buffer.from(whole);
    damaged.fill(7, 80);
    for (const data of [damaged, whole.subarray(0, whole.length - 100), whole.subarray(0, 40)]) {
      fs.writeFileSync(cache, data);
      const loaded = requireWithCodeCache(file, cache, module);
      assert.strictEqual(loaded.cached, false);
      assert.deepStrictEqual(loaded.exports, expected());
    }
  });

  it('compiles from source when V8 turns the data down (made by another Node or under other V8 flags)', () => {
    writeCodeCache(file, cache, module);
    // In a process of its own: V8 answers a second compile of the same text in one process from memory.
    const load = (flags: string[]) => {
      const script = `const r = require(${JSON.stringify(path.join(root, 'src/cli/code-cache.ts'))}).requireWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(cache)}, module);
console.log(JSON.stringify({ cached: r.cached, answer: r.exports.answer }));`;
      const r = spawnSync(process.execPath, [...flags, '-r', 'tsx/cjs', '-e', script], { cwd: root, encoding: 'utf8' });
      assert.strictEqual(r.status, 0, r.stderr);
      return JSON.parse(r.stdout);
    };
    assert.deepStrictEqual(load([]), { cached: true, answer: 42 });
    assert.deepStrictEqual(load(['--stack-size=900']), { cached: false, answer: 42 });
  });
});
