// The function-body scanner (src/core/fn-scanner.ts): what a body calls, as callee text that the
// adapters match by the called name at its end (`….pipe`, `jwt.verify`).
import * as assert from 'assert';
import type { Expr } from '../../../src/core/ir';
import { lowerSource } from '../../../src/core/lower';

/** The callee text of the first (outermost) call in `function h(req, res) { <line> }`. */
const firstCallee = (line: string): string => {
  const ir = lowerSource('x.ts', `function h(req, res) {\n  ${line}\n}`);
  return Object.values(ir.hoisted)[0].calls[0].callee;
};

describe('FnScanner calls', () => {
  it('keeps a callee of up to 60 characters whole', () => {
    assert.strictEqual(firstCallee('createReadStream(`/s/${(req as any).user.id}.csv`).pipe(res);'), 'createReadStream(`/s/${(req as any).user.id}.csv`).pipe');
    assert.strictEqual(firstCallee('JSON.stringify(req.body);'), 'JSON.stringify');
  });

  it('cuts the middle of a longer callee, keeping its end: regex-like template text and an `as` cast', () => {
    assert.strictEqual(firstCallee('createReadStream(`/srv/data/${(req as any).user.id}.csv`).pipe(res);'), 'createReadStream(`/srv/data/$…eq as any).user.id}.csv`).pipe');
    assert.strictEqual(firstCallee('fs.createReadStream(`/a/g/${req.params.dir}/exports/${name}.csv`).pipe(res);'), 'fs.createReadStream(`/a/g/${r…ir}/exports/${name}.csv`).pipe');
    assert.strictEqual(firstCallee('fs.createReadStream(`/srv/${(req as any).user.id as string}.csv`).pipe(res);'), 'fs.createReadStream(`/srv/${(….user.id as string}.csv`).pipe');
  });

  it('cuts the middle of a longer callee, keeping its end: nested templates, `/` in strings, comments, divisions and regular expressions', () => {
    assert.strictEqual(firstCallee('fs.createReadStream(`${`/srv/${req.params.tenant}/data`}/${name}.csv`).pipe(res);'), 'fs.createReadStream(`${`/srv/…ant}/data`}/${name}.csv`).pipe');
    assert.strictEqual(firstCallee("fs.createReadStream('/srv/data/' /* a/b */ + req.params.name + '.csv').pipe(res);"), "fs.createReadStream('/srv/dat…req.params.name + '.csv').pipe");
    assert.strictEqual(firstCallee('fs.createReadStream(files[(page / size) | 0], { start: offset / 2 }).pipe(res);'), 'fs.createReadStream(files[(pa…], { start: offset / 2 }).pipe');
    assert.strictEqual(firstCallee("fs.createReadStream(req.params.name.replace(/[^a-z]/g, '') + '.csv').pipe(res);"), "fs.createReadStream(req.param…(/[^a-z]/g, '') + '.csv').pipe");
  });

  it('keeps the whole called name when it is longer than the kept end', () => {
    assert.strictEqual(firstCallee('services.exporter.streamTheCompleteMonthlyReportForTheSignedInUser(res);'), 'services.e….streamTheCompleteMonthlyReportForTheSignedInUser');
  });
});

/** A written value as the tests show it: a literal's value, else the expression's kind. */
const shown = (e: Expr): string => ('v' in e ? JSON.stringify(e.v) : e.k);

/** The parameter uses of `function h(req, res, next) { <body> }`: `param:path`, `()` for a call, `= value` for a write. */
const usesOf = (body: string): string[] => {
  const ir = lowerSource('x.ts', `function h(req, res, next) {\n  ${body}\n}`);
  return Object.values(ir.hoisted)[0].uses.map(u => `${u.param}:${u.path.join('.')}${u.call ? '()' : ''}${u.write ? ` = ${shown(u.write)}` : ''}`);
};

describe('FnScanner parameter uses', () => {
  it('records an assignment to a parameter member as a write of the value, not a read', () => {
    assert.deepStrictEqual(usesOf('res.status = 401;'), ['1:status = 401']);
    assert.deepStrictEqual(usesOf("req.user = 'x';"), ['0:user = "x"']);
    assert.deepStrictEqual(usesOf('(req as any).user = true;'), ['0:user = true']);
  });

  it('reads the members on the way to the written one', () => {
    assert.deepStrictEqual(usesOf('res.locals.user = 1;'), ['1:locals', '1:locals.user = 1']);
  });

  it('still records the reads on the right-hand side', () => {
    assert.deepStrictEqual(usesOf('req.body = req.body;'), ['0:body = member', '0:body']);
  });

  it('keeps calls and compound assignments as reads', () => {
    // `res.code(401)` records the member read and its call (a chain records each level).
    assert.deepStrictEqual(usesOf('res.code(401);'), ['1:code', '1:code()']);
    assert.deepStrictEqual(usesOf('req.count += 1;'), ['0:count']);
    assert.deepStrictEqual(usesOf('next();'), ['2:()']);
  });
});
