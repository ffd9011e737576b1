// The interpreter on inputs no lowering of a real file makes easily: IR built by hand.
import * as assert from 'assert';
import { EvaluationHooks, Evaluator } from '../../../src/core/evaluate';
import type { Expr, ModuleIR } from '../../../src/core/ir';
import { lowerSource } from '../../../src/core/lower';
import { ModuleResolver } from '../../../src/core/resolve-module';
import { UNKNOWN } from '../../../src/core/values';
import { expectRoutes } from '../workspace';

const module = (body: ModuleIR['body'], imports: ModuleIR['imports'] = {}): ModuleIR => ({
  imports, hoisted: {}, body, exports: {}, reexports: [], deps: Object.values(imports).map(b => b.spec), ignores: {}, syntaxErrors: 0, esm: true,
});

describe('Evaluator', () => {
  it('a module nested deeper than the stack is cut short and listed; the module that imported it runs on', () => {
    // 100,000 nested conditionals: deeper than any stack evaluates, and built without recursion.
    let deep: Expr = { k: 'str', v: '/d' };
    for (let i = 0; i < 100_000; i++) deep = { k: 'cond', op: '?:', test: { k: 'ref', name: 'a', span: SPAN }, alternatives: [{ k: 'str', v: '/c' }, deep] };
    const modules = new Map<string, ModuleIR>([
      ['/w/main.js', module([{ k: 'bind', target: { k: 'name', name: 'after' }, e: { k: 'str', v: 'ran' } }], { 'side effect: ./deep': { spec: './deep', name: '' } })],
      ['/w/deep.js', module([{ k: 'expr', e: deep }])],
    ]);
    const ev = new Evaluator(modules, new ModuleResolver('/nonexistent-root', f => modules.has(f)), []);
    ev.evaluateModule('/w/main.js');
    assert.deepStrictEqual(ev.skipped, [{ file: '/w/deep.js', reason: 'nested too deeply to evaluate: only its code before that point was followed' }]);
    const main = ev.moduleRecords.get('/w/main.js')!;
    assert.strictEqual(main.state, 'done');
    assert.deepStrictEqual(main.env.lookup('after'), { t: 'str', v: 'ran' });
    assert.strictEqual(ev.moduleRecords.get('/w/deep.js')!.tainted, true, 'a partial record is never replayed');
  });

  it('two interpreters interleaved keep their own owners (no state shared through the module)', () => {
    const lowered = (file: string, text: string) => new Map<string, ModuleIR>([[file, lowerSource(file, text)]]);
    const second = lowered('/v/b.js', 'const inside = {};\n');
    let inner: Evaluator | null = null;
    // A hook of the first run that runs a whole second one (another workspace folder in the same worker).
    const hooks: EvaluationHooks = {
      call(callee) {
        if (callee.t !== 'pkg' || callee.name !== 'nested') return undefined;
        inner = new Evaluator(second, new ModuleResolver('/nonexistent-root', f => second.has(f)), []);
        inner.evaluateModule('/v/b.js');
        return UNKNOWN('nested run');
      },
      member: () => undefined,
      assign() {},
    };
    const first = lowered('/w/a.js', "require('nested')();\nconst after = {};\n");
    const ev = new Evaluator(first, new ModuleResolver('/nonexistent-root', f => first.has(f)), [hooks]);
    ev.evaluateModule('/w/a.js');
    const a = ev.moduleRecords.get('/w/a.js')!;
    const b = inner!.moduleRecords.get('/v/b.js')!;
    assert.strictEqual((a.env.lookup('after') as { owner?: object }).owner, a, 'made after the nested run: still owned by the first run\'s module');
    assert.strictEqual((b.env.lookup('inside') as { owner?: object }).owner, b);
    assert.strictEqual(a.env.owner, a);
    assert.strictEqual(ev.tracer.untracked, false);
  });
});

const SPAN = { start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };

describe('Evaluator: variables assigned in an if it cannot decide', () => {
  /** The module's top-level bindings after running `text` (process.env is unknown: every `if` on it is undecided). */
  function run(text: string): (name: string) => unknown {
    const modules = new Map<string, ModuleIR>([['/w/m.js', lowerSource('/w/m.js', text)]]);
    const ev = new Evaluator(modules, new ModuleResolver('/nonexistent-root', f => modules.has(f)), []);
    ev.evaluateModule('/w/m.js');
    const env = ev.moduleRecords.get('/w/m.js')!.env;
    const plain = (v: unknown): unknown => {
      const x = v as { t: string; v?: unknown; alternatives?: unknown[] };
      return x.t === 'either' ? x.alternatives!.map(plain) : x.t === 'str' ? x.v : x.t;
    };
    // Either's alternatives in a stable order (which arm comes first says nothing).
    return name => { const v = plain(env.lookup(name)); return Array.isArray(v) ? [...v].sort() : v; };
  }

  it('without else: either the value from before or the one the if assigned', () => {
    const get = run("let mode = 'strict';\nif (process.env.OPEN) mode = 'open';\n");
    assert.deepStrictEqual(get('mode'), ['open', 'strict']);
  });

  it('with else: either arm\'s value, and the else arm starts from the value before the if', () => {
    const get = run("let a = 'before';\nlet seen;\nif (process.env.X) { a = 'then'; } else { seen = a; a = 'else'; }\n");
    assert.deepStrictEqual(get('a'), ['else', 'then']);
    // The else arm read 'before', not 'then'; on the then path `seen` stays unset.
    assert.deepStrictEqual(get('seen'), ['before', 'unknown']);
  });

  it('an arm that leaves a variable keeps the value from before for that path; nested ifs merge inward out', () => {
    const get = run("let a = 'a0';\nlet b = 'b0';\nif (process.env.X) { a = 'a1'; if (process.env.Y) b = 'b1'; } else { b = 'b2'; }\n");
    assert.deepStrictEqual(get('a'), ['a0', 'a1']);
    assert.deepStrictEqual(get('b'), ['b0', 'b1', 'b2']);
  });

  it('a decided if assigns as it did; a function called in an arm keeps what it did to its own variables', () => {
    const get = run([
      "let a = 'a0';", "if (true) a = 'a1';",
      'let getter;', "function make() { let h = 'h0'; h = 'h1'; getter = () => h; }",
      'if (process.env.X) make();', 'const got = getter();',
    ].join('\n'));
    assert.deepStrictEqual(get('a'), 'a1');
    // getter is the module's (either the closure or nothing: a call reads the closure); h is make's own and stays 'h1'.
    assert.deepStrictEqual(get('got'), 'h1');
  });
});

describe('real-world shapes (Node-RED, verdaccio, parse-server)', () => {
  describe('assignments as values (G2)', () => {
    it("var _default = exports.default = ParseServer: both names get the value (parse-server's ParseServer.js, Babel)", () => {
      expectRoutes({
        'build.js': `const express = require('express');
var _default = exports.default = function build() {
  const app = express();
  app.get('/a', function a(req, res) { res.end(); });
  return app;
};
exports.create = _default;
`,
        'main.js': `const { default: build, create } = require('./build');
const app = build();
app.get('/c', function c(req, res) { res.end(); });
const admin = create();
admin.get('/d', function d(req, res) { res.end(); });
`,
      }, ['GET /a [] ⚠', 'GET /c [] ⚠', 'GET /a [] ⚠', 'GET /d [] ⚠']);
    });
  });

  describe('computed method names (G7)', () => {
    it("app[m]('/c', h) for m from a loop over a literal array of method names", () => {
      expectRoutes({
        'app.js': `const express = require('express');
const app = express();
for (const m of ['put', 'delete']) app[m]('/c', function h(req, res) { res.end(); });
`,
      }, ['PUT /c [] ⚠', 'DELETE /c [] ⚠']);
    });
  });

  describe("parse-server's PromiseRouter: route tables built by classes", () => {
    it('a ...rest parameter keeps the names of the middleware handed on (register(path, ...middleware))', () => {
      expectRoutes({
        'app.js': `const express = require('express');
const app = express();
function requireUser(req, res, next) { if (!req.user) return res.status(401).end(); next(); }
function register(path, ...middleware) {
  app.get(path, ...middleware);
}
register('/me', requireUser, function me(req, res) { res.json(req.user); });
`,
      }, ['GET /me [requireUser] 🔒']);
    });
  });
});
