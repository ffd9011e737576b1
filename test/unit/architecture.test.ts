// The import directions of the house style, enforced: only src/extension imports vscode; core
// imports no framework or rule; frameworks and rules import only core (and shared helpers).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const src = path.resolve(__dirname, '../../src');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

function imports(file: string): string[] {
  // Comment lines mention imports in prose; skip them.
  const text = fs.readFileSync(file, 'utf8').split('\n').filter(l => !/^\s*(\/\/|\*|\/\*)/.test(l)).join('\n');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|require\(['"]([^'"$]+)['"]\)|import\s+['"]([^'"]+)['"]/g)].map(m => m[1] ?? m[2] ?? m[3]);
}

const area = (file: string) => path.relative(src, file).split(path.sep)[0];
const resolvedArea = (from: string, spec: string) => (spec.startsWith('.') ? area(path.resolve(path.dirname(from), spec)) : null);

describe('architecture', () => {
  it("only src/extension imports 'vscode'", () => {
    const offenders = files(src).filter(f => area(f) !== 'extension' && imports(f).includes('vscode')).map(f => path.relative(src, f));
    assert.deepStrictEqual(offenders, []);
  });

  it('core imports only core, ts-morph and Node', () => {
    const bad = files(path.join(src, 'core')).flatMap(f => imports(f).filter(s => (s.startsWith('.') ? resolvedArea(f, s) !== 'core' : !['ts-morph', 'fs', 'path', 'crypto', 'os', 'url', 'worker_threads', 'module', 'v8'].includes(s))).map(s => `${path.relative(src, f)} → ${s}`));
    assert.deepStrictEqual(bad, []);
  });

  it('frameworks and rules import only core and their own folder', () => {
    const bad = ['frameworks', 'rules'].flatMap(a => files(path.join(src, a)).flatMap(f => imports(f).filter(s => {
      const to = resolvedArea(f, s);
      return to === null ? s !== 'ts-morph' : to !== 'core' && to !== a;
    }).map(s => `${path.relative(src, f)} → ${s}`)));
    assert.deepStrictEqual(bad, []);
  });
});
