// The per-file IR cache on disk (core/ir-cache.ts): a reloaded IR equals a fresh lowering, spans
// included, and an entry that is stale, foreign or damaged is never used.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { IrCache } from '../../../src/core/ir-cache';
import type { Expr, Stmt } from '../../../src/core/ir';
import { lowerSource } from '../../../src/core/lower';
import { LineSpan } from '../../../src/core/parse-source';
import { withWorkspace } from '../workspace';

const TEXT = "import { Router } from 'express';\nconst r = Router();\nr.get('/a', (req, res) => res.json({ user: req.user }));\nexport default r;\n";

/** Every file under the cache folder (entries sit in two-character shards). */
function entries(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter(e => e.isFile()).map(e => path.join(e.parentPath, e.name));
}

/** The distinct span objects in an IR graph. */
function spansOf(root: object): Set<LineSpan> {
  const spans = new Set<LineSpan>();
  const seen = new Set<object>();
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (v instanceof LineSpan) { spans.add(v); return; }
    for (const x of Object.values(v)) walk(x);
  };
  walk(root);
  return spans;
}

describe('IrCache', () => {
  it('reloads the IR stored for the same text: equal to a fresh lowering, spans working as LineSpans', () => {
    withWorkspace({}, dir => {
      new IrCache(dir, 'v1').store('/w/routes.ts', TEXT, lowerSource('/w/routes.ts', TEXT));
      const ir = new IrCache(dir, 'v1').load('/w/routes.ts', TEXT);
      assert.ok(ir);
      assert.deepStrictEqual(JSON.parse(JSON.stringify(ir)), JSON.parse(JSON.stringify(lowerSource('/w/routes.ts', TEXT))));
      const call = (ir.body[0] as Extract<Stmt, { k: 'bind' }>).e as Extract<Expr, { k: 'call' }>;
      assert.ok(call.span instanceof LineSpan);
      assert.deepStrictEqual([call.span.line, call.span.column, call.span.endLine], [2, 11, 2]);
    });
  });

  it('keeps the objects lowering shares shared (one span per extent, one line table per file)', () => {
    withWorkspace({}, dir => {
      const text = "function f(req, res) {\n  if (!req.user) return res.status(401).json({});\n  next();\n}\nmodule.exports = f;\n";
      new IrCache(dir, 'v1').store('/w/f.js', text, lowerSource('/w/f.js', text));
      const reloaded = spansOf(new IrCache(dir, 'v1').load('/w/f.js', text)!);
      const fresh = spansOf(lowerSource('/w/f.js', text));
      assert.strictEqual(reloaded.size, fresh.size);
      assert.strictEqual(new Set([...reloaded].map(s => (s as unknown as { lines: number[] }).lines)).size, 1);
    });
  });

  it('finds nothing for an edited text (a file changed while no analyser ran)', () => {
    withWorkspace({}, dir => {
      new IrCache(dir, 'v1').store('/w/routes.ts', TEXT, lowerSource('/w/routes.ts', TEXT));
      assert.strictEqual(new IrCache(dir, 'v1').load('/w/routes.ts', TEXT.replace("'/a'", "'/b'")), null);
    });
  });

  it('finds nothing for the same text under another extension (parsed another way) or another analyser version', () => {
    withWorkspace({}, dir => {
      new IrCache(dir, 'v1').store('/w/routes.ts', TEXT, lowerSource('/w/routes.ts', TEXT));
      assert.strictEqual(new IrCache(dir, 'v1').load('/w/routes.tsx', TEXT), null);
      assert.strictEqual(new IrCache(dir, 'v2').load('/w/routes.ts', TEXT), null);
    });
  });

  it('ignores an entry cut short (a truncated write)', () => {
    withWorkspace({}, dir => {
      new IrCache(dir, 'v1').store('/w/routes.ts', TEXT, lowerSource('/w/routes.ts', TEXT));
      const [file] = entries(dir);
      fs.writeFileSync(file, fs.readFileSync(file).subarray(0, fs.statSync(file).size - 7));
      assert.strictEqual(new IrCache(dir, 'v1').load('/w/routes.ts', TEXT), null);
    });
  });

  it('ignores garbage bytes where the entry should be', () => {
    withWorkspace({}, dir => {
      new IrCache(dir, 'v1').store('/w/routes.ts', TEXT, lowerSource('/w/routes.ts', TEXT));
      const [file] = entries(dir);
      fs.writeFileSync(file, Buffer.from([0, 1, 2, 3, 255, 254, 7, 10, 13, 0]));
      assert.strictEqual(new IrCache(dir, 'v1').load('/w/routes.ts', TEXT), null);
    });
  });

  it('ignores an entry holding another file\'s IR under this file\'s name (its key does not match)', () => {
    withWorkspace({}, dir => {
      const other = 'module.exports = 1;\n';
      new IrCache(dir, 'v1').store('/w/routes.ts', TEXT, lowerSource('/w/routes.ts', TEXT));
      new IrCache(dir, 'v1').store('/w/other.ts', other, lowerSource('/w/other.ts', other));
      const [a, b] = entries(dir);
      const aBytes = fs.readFileSync(a);
      fs.writeFileSync(a, fs.readFileSync(b));
      fs.writeFileSync(b, aBytes);
      assert.strictEqual(new IrCache(dir, 'v1').load('/w/routes.ts', TEXT), null);
      assert.strictEqual(new IrCache(dir, 'v1').load('/w/other.ts', other), null);
    });
  });

  it('looks nothing up when its folder held no entries as it was opened (a first scan)', () => {
    withWorkspace({}, dir => {
      const cache = new IrCache(dir, 'v1');
      cache.store('/w/routes.ts', TEXT, lowerSource('/w/routes.ts', TEXT));
      assert.strictEqual(cache.load('/w/routes.ts', TEXT), null);
      assert.ok(new IrCache(dir, 'v1').load('/w/routes.ts', TEXT));
    });
  });

  it('writes one entry for files with the same text and extension (generated code, copies)', () => {
    withWorkspace({}, dir => {
      const cache = new IrCache(dir, 'v1');
      cache.store('/w/a/routes.ts', TEXT, lowerSource('/w/a/routes.ts', TEXT));
      cache.store('/w/b/routes.ts', TEXT, lowerSource('/w/b/routes.ts', TEXT));
      assert.strictEqual(entries(dir).length, 1);
      assert.ok(new IrCache(dir, 'v1').load('/w/b/routes.ts', TEXT));
    });
  });

  it('prunes the entries this process neither read nor wrote', () => {
    withWorkspace({}, dir => {
      const old = 'module.exports = 1;\n';
      new IrCache(dir, 'v1').store('/w/old.ts', old, lowerSource('/w/old.ts', old));
      const cache = new IrCache(dir, 'v1');
      cache.store('/w/routes.ts', TEXT, lowerSource('/w/routes.ts', TEXT));
      fs.writeFileSync(path.join(path.dirname(entries(dir)[0]), 'left.tmp'), 'a crashed write');
      cache.prune();
      assert.strictEqual(entries(dir).length, 1);
      assert.ok(new IrCache(dir, 'v1').load('/w/routes.ts', TEXT));
      assert.strictEqual(new IrCache(dir, 'v1').load('/w/old.ts', old), null);
    });
  });
});
