// A large result goes to the extension host in parts it asks for one by one (src/extension/result-parts.ts),
// so no single message blocks the host's event loop for long. Joined again, the parts must give back
// exactly what was split, and a small result must stay one message.
import * as assert from 'assert';
import * as path from 'path';
import { loadConfig } from '../../../src/core/config';
import { createAnalyser } from '../../../src/engine';
import { joinPart, splitResult, type ResultPart } from '../../../src/extension/result-parts';
import { ResultDecoder, ResultEncoder, type EncodedResult } from '../../../src/extension/result-transfer';

const APP = path.resolve(__dirname, '../../../examples/shop-express');

/** As postMessage does it: every message is a separate copy. */
const send = <T>(x: T): T => structuredClone(x);

function objectsIn(list: unknown[]): number {
  return list.filter(x => x !== null && typeof x === 'object').length;
}

function firstResult(): { encoded: EncodedResult; analysis: ReturnType<ReturnType<typeof createAnalyser>['analyse']> } {
  const analysis = createAnalyser(APP, loadConfig(APP)).analyse();
  return { encoded: new ResultEncoder().encode(analysis), analysis };
}

describe('result parts from the analysis worker', () => {
  it('splits a result over the limit into parts of at most that many objects, and joins them back to the same result', () => {
    const { encoded, analysis } = firstResult();
    const before = JSON.stringify(encoded);
    const { head, parts } = splitResult(encoded, 5);
    assert.strictEqual(JSON.stringify(encoded), before, 'the encoded result itself is left as it was');
    assert.ok(parts.length > 3, `${parts.length} parts`);
    for (const p of parts) {
      assert.ok(objectsIn(p.elements) <= 5, `a part of ${p.list} holds ${objectsIn(p.elements)} objects`);
      assert.ok(p.elements.length > 0, 'no empty parts');
    }
    const lists = [head.routes, head.findings, head.annotations, head.origins, ...head.stacks];
    assert.ok(lists.reduce((n, l) => n + objectsIn('all' in l ? l.all : l.items), 0) <= 5, 'the head holds at most the limit too');
    const received = send(head);
    for (const p of parts) joinPart(received, send(p));
    // As postMessage copies them: a route's reach facts (a symbol key) stay in the worker.
    assert.deepStrictEqual(received, send(encoded));
    assert.deepStrictEqual(new ResultDecoder().decode(received), structuredClone(analysis));
  });

  it('keeps a result under the limit as one message', () => {
    const { encoded } = firstResult();
    const { head, parts } = splitResult(encoded, 1_000_000);
    assert.strictEqual(head, encoded);
    assert.deepStrictEqual(parts, []);
  });

  it('does not count references into the last result (numbers) against the limit', () => {
    const refs: EncodedResult = {
      rest: { root: '/x', apps: [], skipped: [], stats: { files: 0, ms: 0 } } as unknown as EncodedResult['rest'],
      routes: { items: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] },
      findings: { items: [{ new: { id: 'a' } }, 0, { new: { id: 'b' } }] },
      annotations: { all: [] },
      origins: { all: [] },
      stacks: [{ items: [3, 2, 1] }],
      seq: 2,
      base: 1,
    };
    assert.deepStrictEqual(splitResult(refs, 2).parts, [], 'two objects in all: one message');
    const { head, parts } = splitResult(refs, 1);
    assert.deepStrictEqual(head.routes, refs.routes, 'references stay in the head');
    assert.deepStrictEqual(head.stacks, refs.stacks, 'references after a full head stay in it too');
    assert.deepStrictEqual(parts, [{ list: 'findings', elements: [{ new: { id: 'b' } }] }] satisfies ResultPart[]);
    const joined = send(head);
    for (const p of parts) joinPart(joined, p);
    assert.deepStrictEqual(joined, refs);
  });
});
