// The function-body scanner (src/core/fn-scanner.ts): what a body calls, as callee text that the
// adapters match by the called name at its end (`….pipe`, `jwt.verify`).
import * as assert from 'assert';
import { FLOW, type Expr } from '../../../src/core/ir';
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

  it('marks a read that only tests whether a member is there, and an optional chain, as guard', () => {
    const guarded = (body: string) => Object.values(lowerSource('x.ts', `function h(req, res, next) {\n  ${body}\n}`).hoisted)[0].uses
      .map(u => `${u.path.join('.')}${u.guard ? ' guard' : ''}`);
    assert.deepStrictEqual(guarded('if (req.user) res.end();'), ['user guard', 'end', 'end']);
    assert.deepStrictEqual(guarded('const id = req.user ? req.user.id : 0;'), ['user guard', 'user', 'user.id']);
    assert.deepStrictEqual(guarded('const id = req.session.user?.id;'), ['session guard', 'session.user guard', 'session.user.id guard']);
    assert.deepStrictEqual(guarded('return !req.user && res.redirect("/login");'), ['user guard', 'redirect', 'redirect']);
    assert.deepStrictEqual(guarded('res.json(req.user.id);'), ['json', 'json', 'user', 'user.id']);
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

/** `callee: flow names` of each call in `async function h(req, res, next) { <body> }` (uses too, as `param:path`). */
const flowsOf = (body: string): string[] => {
  const ir = lowerSource('x.ts', `async function h(req, res, next) {\n  ${body}\n}`);
  const fn = Object.values(ir.hoisted)[0];
  const names = (flow = 0) => Object.entries(FLOW).filter(([, bit]) => flow & bit).map(([name]) => name).join(' ');
  return [
    ...fn.calls.map(c => `${c.callee}: ${names(c.flow)}`),
    ...fn.uses.filter(u => u.call).map(u => `${u.param}:${u.path.join('.')}(): ${names(u.flow)}`),
  ];
};

describe('FnScanner flow (FLOW bits of calls and uses)', () => {
  it('marks calls in loop bodies and array-iteration callbacks, not the iterated expression', () => {
    assert.deepStrictEqual(flowsOf('for (const f of list()) fs.readFileSync(f);'), ['list: ', 'fs.readFileSync: loop']);
    assert.deepStrictEqual(flowsOf('while (more()) { step(); }'), ['more: loop', 'step: loop']);
    assert.deepStrictEqual(flowsOf('for (let i = init(); i < n; i++) res.write(i);'), ['init: ', '1:write(): loop']);
    assert.deepStrictEqual(flowsOf('rows.forEach(r => res.write(r));'), ['rows.forEach: ', '1:write(): loop nested returned']);
  });

  it('marks calls in a try block with a catch clause, not in the catch or finally, nor in a later callback', () => {
    assert.deepStrictEqual(flowsOf('try { await a(); } catch (e) { b(); } finally { c(); }'), ['a: caught awaited', 'b: ', 'c: ']);
    assert.deepStrictEqual(flowsOf('try { a(); } finally { c(); }'), ['a: ', 'c: ']);
    assert.deepStrictEqual(flowsOf('try { setTimeout(() => boom()); } catch (e) { next(e); }'), ['setTimeout: caught', 'boom: nested returned', '2:(): ']);
    assert.deepStrictEqual(flowsOf('try { items.map(i => parse(i)); } catch (e) {}'), ['items.map: caught', 'parse: loop caught nested returned']);
  });

  it('marks awaited calls, returned ones, and promise chains with or without a rejection handler', () => {
    assert.deepStrictEqual(flowsOf('const r = await fetch(u);'), ['fetch: awaited']);
    assert.deepStrictEqual(flowsOf('return db.find(q);'), ['db.find: returned']);
    assert.deepStrictEqual(flowsOf('load().then(send);'), ['load().then: chain', 'load: chain']);
    assert.deepStrictEqual(flowsOf('load().then(send).catch(next);'), ['load().then(send).catch: chain', 'load().then: chain chainCaught', 'load: chain chainCaught']);
    assert.deepStrictEqual(flowsOf('await load().then(ok, fail);'), ['load().then: awaited chain', 'load: awaited chain chainCaught']);
  });

  it("marks calls in a 'data' listener", () => {
    assert.deepStrictEqual(flowsOf("src.on('data', chunk => res.write(chunk));"), ['src.on: ', '1:write(): nested onData returned']);
    assert.deepStrictEqual(flowsOf("src.on('end', () => res.end());"), ['src.on: ', '1:end(): nested returned']);
  });
});
