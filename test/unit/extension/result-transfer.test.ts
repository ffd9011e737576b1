// The worker sends each result as references into the one it sent before plus what is new
// (src/extension/result-transfer.ts). Whatever it sends, the host must rebuild exactly the result.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { FullAnalysis } from '../../../src/core/analyse';
import { loadConfig } from '../../../src/core/config';
import { createAnalyser } from '../../../src/engine';
import { ResultDecoder, ResultEncoder, TransferOutOfStep, type EncodedResult } from '../../../src/extension/result-transfer';
import { withWorkspace } from '../workspace';

const APP = path.resolve(__dirname, '../../../examples/shop-express');
/** A router file: editing it leaves the other routers' objects as they were. */
const EDITED = path.join(APP, 'src/routes/products.js');

/** As postMessage does it. */
const send = (e: EncodedResult): EncodedResult => structuredClone(e);

/** What the host is to rebuild: the result as postMessage copies it (a route's reach facts, under a symbol key, stay in the worker). */
const asSent = (r: FullAnalysis): FullAnalysis => structuredClone(r);

/** Every element as sent: a reference (number), or an object (whole lists count as their elements, whole). */
function items(e: EncodedResult): (number | object)[] {
  return [e.routes, e.findings, e.annotations, e.origins, ...e.stacks].flatMap(l => ('all' in l ? l.all.map(o => ({ new: o })) : l.items));
}

/** Results after editing one router file: a line at the top, one at the end, a path renamed, undone. */
function edits(): { first: FullAnalysis; next: FullAnalysis[] } {
  const a = createAnalyser(APP, loadConfig(APP));
  const first = a.analyse();
  const file = EDITED;
  const text = fs.readFileSync(file, 'utf8');
  const next: FullAnalysis[] = [];
  for (const edit of [`// a comment\n${text}`, `${text}\n// at the end\n`, text.replace(/'\/(\w+)/, "'/$1-renamed"), text]) {
    a.invalidate({});
    next.push(a.analyse(new Map([[file, edit]])));
  }
  return { first, next };
}

describe('result transfer from the analysis worker', () => {
  it('rebuilds every result exactly, whatever changed between them', () => {
    const { first, next } = edits();
    const enc = new ResultEncoder();
    const dec = new ResultDecoder();
    for (const r of [first, ...next]) {
      const got = dec.decode(send(enc.encode(r)));
      assert.deepStrictEqual(got, asSent(r));
      assert.strictEqual(got.routes, got.model.routes, 'routes and model.routes stay one list');
    }
  });

  it('rebuilds a Fastify result exactly after an edit: contexts, hook phases and reach, hooks after the handler', () => {
    const app = path.resolve(__dirname, '../../../examples/shop-fastify');
    const a = createAnalyser(app, loadConfig(app));
    const first = a.analyse();
    assert.ok(first.contexts?.length && first.annotations.some(x => x.reach), 'the sample has contexts and hooks');
    const file = path.join(app, 'src/routes/orders.js');
    const text = fs.readFileSync(file, 'utf8');
    a.invalidate({});
    const edited = a.analyse(new Map([[file, text.replace("fastify.addHook('onRequest', fastify.authenticate);", "fastify.addHook('onRequest', fastify.authenticate);\n  fastify.addHook('onSend', async () => {});")]]));
    assert.ok(edited.model.routes.some(r => r.afterHandler?.length), 'the edit adds a hook after the handler');
    const enc = new ResultEncoder();
    const dec = new ResultDecoder();
    for (const r of [first, edited]) assert.deepStrictEqual(dec.decode(send(enc.encode(r))), asSent(r));
  });

  it('sends unchanged objects as references, and most of a result after a small edit so', () => {
    const { first, next } = edits();
    const enc = new ResultEncoder();
    const whole = items(enc.encode(first));
    assert.ok(whole.every(i => typeof i === 'object' && 'new' in i), 'the first result goes whole');
    // An edit at the end of a router file: objects of code it cannot affect go as references (or as
    // like an old object at the same range); what is walked again goes whole.
    enc.encode(next[0]);
    const atEnd = items(enc.encode(next[1]));
    const whole1 = atEnd.filter(i => typeof i === 'object' && 'new' in i);
    assert.ok(whole1.length < atEnd.length / 2, `${whole1.length} of ${atEnd.length} sent whole`);
    // Renaming a path changes that file's routes and annotations; the other routers' go as references.
    const renamed = items(enc.encode(next[2]));
    assert.ok(renamed.some(i => typeof i === 'number') && renamed.some(i => typeof i === 'object'));
  });

  it('sends the routes and layers behind a route added or removed as one shifted run, and a repeated edit as references only', () => {
    // Two routers mounted one after the other: a route added to the first moves every later route and
    // layer of the app by one (`order`, `route`), the same shift for all of them.
    const many = Array.from({ length: 40 }, (_, i) => `r.get('/item${i}', (req, res) => res.json(req.user));`).join('\n');
    const files = {
      'app.js': "const express = require('express');\nconst app = express();\napp.use('/a', require('./a'));\napp.use('/b', require('./b'));\napp.listen(3000);\n",
      'a.js': "const r = require('express').Router();\nr.get('/one', (req, res) => res.json({}));\nmodule.exports = r;\n",
      'b.js': `const r = require('express').Router();\nconst auth = (req, res, next) => req.headers.authorization ? next() : res.status(401).end();\nr.use(auth);\n${many}\nmodule.exports = r;\n`,
    };
    withWorkspace(files, root => {
      const a = createAnalyser(root, loadConfig(root));
      const file = path.join(root, 'a.js');
      const added = files['a.js'].replace('module.exports', "r.get('/two', (req, res) => res.json({}));\nmodule.exports");
      const enc = new ResultEncoder();
      const dec = new ResultDecoder();
      const run = (text: string) => {
        a.invalidate({});
        const r = a.analyse(new Map([[file, text]]));
        const sent = send(enc.encode(r));
        assert.deepStrictEqual(dec.decode(sent), asSent(r));
        return sent;
      };
      run(files['a.js']);
      // Added, removed, added again: each time b's 40 routes and their layers change place.
      for (const text of [added, files['a.js'], added]) {
        const sent = run(text);
        const runs = [sent.routes, ...sent.stacks].flatMap(l => ('items' in l ? l.items : [])).filter(i => typeof i === 'object' && 'run' in i);
        assert.ok(runs.length >= 2 && runs.length <= 4, `routes and layers go as a few runs, got ${runs.length}`);
        const objects = items(sent).filter(i => typeof i === 'object');
        assert.ok(objects.length < 20, `${objects.length} objects sent for a one-line edit`);
      }
      // The same text again: nothing changed, so nothing but references.
      const again = run(added);
      assert.deepStrictEqual(items(again).filter(i => typeof i === 'object'), []);
    });
  });

  it('a host that lost the previous result says so, and a reset encoder sends the next one whole', () => {
    const { first, next } = edits();
    const enc = new ResultEncoder();
    enc.encode(first);
    const dec = new ResultDecoder();
    assert.throws(() => dec.decode(send(enc.encode(next[0]))), TransferOutOfStep);
    enc.reset();
    assert.deepStrictEqual(dec.decode(send(enc.encode(next[1]))), asSent(next[1]));
  });

  it('adopts a run equal to the result sent (a stored one): later results refer into the run, and the host rebuilds them', () => {
    const a = createAnalyser(APP, loadConfig(APP));
    const stored = structuredClone(a.analyse());
    const enc = new ResultEncoder();
    const dec = new ResultDecoder();
    dec.decode(send(enc.encode(stored)));
    // The worker's own run after sending the stored result: equal, but other objects.
    const b = createAnalyser(APP, loadConfig(APP));
    assert.strictEqual(enc.adopt(b.analyse()), true);
    b.invalidate({});
    const edited = b.analyse(new Map([[EDITED, `// a comment\n${fs.readFileSync(EDITED, 'utf8')}`]]));
    const sent = enc.encode(edited);
    assert.ok(items(sent).filter(i => typeof i === 'number').length > items(sent).length / 2, 'mostly references into the adopted run');
    assert.deepStrictEqual(dec.decode(send(sent)), asSent(edited));
  });

  it('does not adopt a run that differs from what was sent, and stays in step with the host', () => {
    const { first, next } = edits();
    const enc = new ResultEncoder();
    assert.strictEqual(enc.adopt(first), false, 'nothing sent yet');
    const dec = new ResultDecoder();
    dec.decode(send(enc.encode(first)));
    assert.strictEqual(enc.adopt({ ...first, findings: first.findings.slice(1) }), false, 'a finding fewer');
    assert.strictEqual(enc.adopt({ ...first, routes: first.routes.slice(1) }), false, 'a route fewer');
    assert.deepStrictEqual(dec.decode(send(enc.encode(next[0]))), asSent(next[0]));
  });
});
