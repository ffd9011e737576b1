import * as assert from 'assert';
import type { Fix } from '../../../../src/core/model';
import { fixed, rangeOf } from './fix-tester';

function pipeline(text: string, call: string): Fix {
  return { kind: 'pipe-to-pipeline', title: 'Use stream.pipeline', call: rangeOf(text, call) };
}

const CALLBACK = "(err) => { if (err) console.error('stream failed', err); }";

describe('pipe-to-pipeline fix', () => {
  it('rewrites a chain of pipes, every link, and reuses the stream binding the file has', () => {
    const text = "const stream = require('stream');\nfunction send(src, res) { src.pipe(zlib.createGzip()).pipe(res); }\n";
    assert.strictEqual(fixed(pipeline(text, 'src.pipe(zlib.createGzip()).pipe(res)'), text),
      `const stream = require('stream');\nfunction send(src, res) { stream.pipeline(src, zlib.createGzip(), res, ${CALLBACK}); }\n`);
  });

  it("requires stream below the file's requires when it has none", () => {
    const text = "const fs = require('fs');\n\nfunction send(res) { fs.createReadStream('a').pipe(res); }\n";
    assert.strictEqual(fixed(pipeline(text, "fs.createReadStream('a').pipe(res)"), text),
      `const fs = require('fs');\nconst stream = require('stream');\n\nfunction send(res) { stream.pipeline(fs.createReadStream('a'), res, ${CALLBACK}); }\n`);
  });

  it('reuses a node:stream import', () => {
    const text = "import stream from 'node:stream';\nexport function send(src, res) { src.pipe(res); }\n";
    assert.strictEqual(fixed(pipeline(text, 'src.pipe(res)'), text),
      `import stream from 'node:stream';\nexport function send(src, res) { stream.pipeline(src, res, ${CALLBACK}); }\n`);
  });

  it('offers nothing when the call is not a one-argument pipe any more', () => {
    const text = "function send(src, res) { src.pipe(res, { end: false }); }\n";
    assert.strictEqual(fixed(pipeline(text, 'src.pipe(res, { end: false })'), text), null);
  });
});
