// What the Express adapter keeps across one analyser's runs (src/frameworks/express/analyser-state.ts).
import * as assert from 'assert';
import { expressState } from '../../../../src/frameworks/express/analyser-state';

/** An AdapterContext's `state`, as one analyser gives it. */
function analyserStore() {
  const kept = new Map<string, unknown>();
  return { state<T>(name: string, make: () => T): T { if (!kept.has(name)) kept.set(name, make()); return kept.get(name) as T; } };
}

describe('expressState', () => {
  it('is made once per analyser and starts with no ids or walks', () => {
    const store = analyserStore();
    const state = expressState(store);
    assert.strictEqual(expressState(store), state);
    assert.deepStrictEqual([state.lastHostId, state.lastWalk], [0, 0]);
  });

  it('two analysers have two states', () => {
    const a = expressState(analyserStore());
    a.lastHostId = 5;
    assert.strictEqual(expressState(analyserStore()).lastHostId, 0);
  });
});
