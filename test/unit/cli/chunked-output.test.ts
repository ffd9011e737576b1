import * as assert from 'assert';
import { chunkedOutput } from '../../../src/cli/chunked-output';

describe('chunkedOutput', () => {
  it('hands on nothing until 64 KB are queued, then all of it in one piece', () => {
    const pieces: string[] = [];
    const { out, end } = chunkedOutput(t => pieces.push(t));
    out('a'.repeat(40000));
    assert.strictEqual(pieces.length, 0);
    out('b'.repeat(30000));
    assert.deepStrictEqual(pieces.map(p => p.length), [70000]);
    out('c');
    end();
    assert.deepStrictEqual(pieces.map(p => p.length), [70000, 1]);
  });

  it('keeps the text in order', () => {
    const pieces: string[] = [];
    const { out, end } = chunkedOutput(t => pieces.push(t));
    out('{');
    out('x'.repeat(65536));
    out('}\n');
    end();
    assert.strictEqual(pieces.join(''), `{${'x'.repeat(65536)}}\n`);
    assert.strictEqual(pieces.length, 2);
  });
});
