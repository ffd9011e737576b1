// The function-body scanner (src/core/fn-scanner.ts): what a body calls, as callee text that the
// adapters match by the called name at its end (`….pipe`, `jwt.verify`).
import * as assert from 'assert';
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
