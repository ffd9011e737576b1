import * as assert from 'assert';
import type { ChainEntry } from '../../../src/core/model';
import { hasPhases, phasedChain } from '../../../src/core/phased-chain';

const entry = (name: string, phase?: ChainEntry['phase']): ChainEntry => ({ name, kind: 'other', stop: 4, file: 'app.js', line: 1, ...(phase ? { phase } : {}) });

describe('phased-chain', () => {
  it('names each phase once, before its entries in run order', () => {
    const chain = [entry('tag', 'onRequest'), entry('authenticate', 'onRequest'), entry('inflate', 'preParsing'), entry('audit', 'preHandler')];
    assert.strictEqual(phasedChain(chain), 'onRequest: tag, authenticate → preParsing: inflate → preHandler: audit');
    assert.strictEqual(hasPhases(chain), true);
  });

  it('joins entries without a phase (Express) by arrows, as before', () => {
    const chain = [entry('cors'), entry('requireUser')];
    assert.strictEqual(phasedChain(chain), 'cors → requireUser');
    assert.strictEqual(hasPhases(chain), false);
  });

  it('shows each name through the given function', () => {
    assert.strictEqual(phasedChain([entry('a\u0007', 'onRequest')], s => s.replace('\u0007', '\\u0007')), 'onRequest: a\\u0007');
  });
});
