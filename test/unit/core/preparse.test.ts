// Preparsing (src/core/preparse.ts): long class method bodies are blanked before TypeScript parses a
// file, and lowered from the original text when the program first reads the method. The blanked
// lowering must equal the whole one; where the scanner guesses wrong, TypeScript's parse overrules it.
import * as assert from 'assert';
import type { ModuleIR } from '../../../src/core/ir';
import { lowerPreparsed, lowerSource, lowerWhole } from '../../../src/core/lower';
import { preparse } from '../../../src/core/preparse';
import { expectRoutes } from '../workspace';

const LONG = "const rows = await this.db.query('select * from orders where id = $1', [id]);\n    return rows.map(r => ({ ...r }));";

/** The source with each blanked body shown as `{…}`: what the scanner chose, readable. */
function blanked(src: string, file = 'x.ts'): string | null {
  const pre = preparse(file, src);
  if (!pre) return null;
  let out = '';
  let last = 0;
  for (const [open, end] of pre.bodies) {
    out += src.slice(last, open) + '{…}';
    last = end;
  }
  return out + src.slice(last);
}

/** IR as comparable JSON: spans as their offsets. */
function json(ir: ModuleIR | null): string {
  return JSON.stringify(ir, (_k, v: unknown) => (v && typeof v === 'object' && 'start' in v && 'end' in v && 'lines' in v ? [(v as { start: number }).start, (v as { end: number }).end] : v));
}

describe('preparse', () => {
  it('blanks a long method body, keeping every offset and line break', () => {
    const src = `export class Orders {\n  async find(id: string) {\n    ${LONG}\n  }\n}\n`;
    const pre = preparse('x.ts', src)!;
    assert.strictEqual(pre.text.length, src.length);
    assert.deepStrictEqual([...pre.text].map((c, i) => (c === '\n' ? i : -1)).filter(i => i >= 0), [...src].map((c, i) => (c === '\n' ? i : -1)).filter(i => i >= 0));
    assert.strictEqual(blanked(src), 'export class Orders {\n  async find(id: string) {…}\n}\n');
  });

  it('keeps constructors, short bodies, bodies that load modules, and field initialisers', () => {
    const src = `class A {
  constructor(private db: any) { ${LONG} }
  short() { return 1; }
  load() { const m = require('./m'); ${LONG} }
  lazy() { return import('./m').then(() => { ${LONG} }); }
  handler = async (req, res) => { ${LONG} };
  get total() { ${LONG} }
  set total(v) { ${LONG} }
}`;
    const kept = src.slice(0, src.indexOf('  get total'));
    assert.strictEqual(blanked(src), `${kept}  get total() {…}\n  set total(v) {…}\n}`);
  });

  it('finds the body after a return type: generic, object type, function type', () => {
    const src = `class A {
  a(): Promise<Row[]> { ${LONG} }
  b(): { ok: boolean } { ${LONG} }
  c(): () => { ok: boolean } { ${LONG} }
  d(x: string): x is 'y' { ${LONG} }
  e(): void;
  e(): void { ${LONG} }
}`;
    assert.strictEqual(blanked(src), `class A {
  a(): Promise<Row[]> {…}
  b(): { ok: boolean } {…}
  c(): () => { ok: boolean } {…}
  d(x: string): x is 'y' {…}
  e(): void;
  e(): void {…}
}`);
  });

  it('reads strings, templates, regular expressions and comments inside a body without losing its end', () => {
    const src = `class A {
  m(s) {
    const a = '}'; const b = "{"; const c = \`}\${ { x: '}' }.x }{\`; // }
    /* } */ if (/[}/]\\}/.test(s)) return s.length / 2 / 1; ${LONG}
  }
  n() { ${LONG} }
}`;
    assert.strictEqual(blanked(src), 'class A {\n  m(s) {…}\n  n() {…}\n}');
  });

  it('reads regex-like template text, nested templates, `/` in strings and comments, divisions and `as` casts (IR equal to a whole parse)', () => {
    const src = `import { createReadStream } from 'fs';
export class Files {
  exportCsv(req, res) {
    createReadStream(\`/srv/data/\${(req as any).user.id}.csv\`).pipe(res); const g = \`/a/g \${req.query.q} /}/\`;
    const n = \`\${\`a/\${req.params.b}/c\`}/d\`; const s = '/' + "//" + '/*'; // a /regex/ { in a comment
    /* } / */ const q = (n.length) / 2 / (s.length) + n.length / q + this.size / 2 + [1][0] / 2;
    if (!q) return /}/.test(n); const p = \`\${(req as any).user.id as string}/\${req.params.x!}\`;
  }
  n() { ${LONG} }
}
`;
    assert.strictEqual(blanked(src), "import { createReadStream } from 'fs';\nexport class Files {\n  exportCsv(req, res) {…}\n  n() {…}\n}\n");
    assert.strictEqual(json(lowerPreparsed('x.ts', src)), json(lowerWhole('x.ts', src)));
  });

  it('gives up on a regular expression after `)` or `}` (it would read a division there)', () => {
    assert.strictEqual(preparse('x.ts', `class A {\n  m(s) {\n    if (s) /}/.test(s);\n    ${LONG}\n  }\n}`), null);
    assert.strictEqual(preparse('x.ts', `class A {\n  m(s) {\n    { }\n    /{/.test(s);\n    ${LONG}\n  }\n}`), null);
  });

  it('leaves classes inside functions alone (a function\'s facts include its nested classes\' methods)', () => {
    assert.strictEqual(blanked(`function make(p) {\n  return class { m() { ${LONG} return p.user; } };\n}`), null);
  });

  it('gives up on JSX, a string running off its line, and unbalanced brackets', () => {
    assert.strictEqual(preparse('x.tsx', `class A { m() { ${LONG} } }`), null);
    assert.strictEqual(preparse('x.ts', `class A { m() { const s = 'open\n${LONG} } }`), null);
    assert.strictEqual(preparse('x.ts', `class A { m() { ${LONG} }`), null);
  });

  it('lowers to the same IR as a whole parse (members lowered later from the original text)', () => {
    const src = `import { Router } from 'express';
// seven-stops-ignore-next-line no-shadowed-route
export class UsersController {
  router = Router();
  static base = '/users';
  constructor(private svc: any) { this.router.get('/', this.list); }
  async list(req, res) {
    // seven-stops-ignore-next-line body-parser-before-routes
    ${LONG}
  }
}
`;
    const pre = lowerPreparsed('x.ts', src);
    assert.ok(pre, 'the blanked text was kept');
    assert.strictEqual(json(pre), json(lowerWhole('x.ts', src)));
    assert.deepStrictEqual(Object.keys(pre.ignores), ['3', '9']);
  });

  it('parses the whole text when the blanked one has a syntax error (it is then counted as before)', () => {
    const src = `class A {\n  m() { ${LONG} }\n}\nconst = 1;\n`;
    assert.strictEqual(lowerPreparsed('x.ts', src), null);
    assert.ok(lowerSource('x.ts', src).syntaxErrors > 0);
  });

  it('routes registered in a blanked method are found when the program calls it', () => {
    const orders = `const express = require('express');
class OrdersRouter {
  mount() {
    const router = express.Router();
    router.get('/orders', (req, res) => res.json([]));
    router.post('/orders', (req, res) => res.status(201).json(req.body));
    return router;
  }
}
module.exports = { OrdersRouter };
`;
    assert.ok(lowerPreparsed('orders.js', orders), 'mount() was blanked');
    expectRoutes({
      'app.js': `const express = require('express');
const { OrdersRouter } = require('./orders');
const app = express();
app.use('/api', new OrdersRouter().mount());
app.listen(3000);
`,
      'orders.js': orders,
    }, ['GET /api/orders [] ⚠', 'POST /api/orders [] ⚠']);
  });
});
