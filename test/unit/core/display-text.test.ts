import * as assert from 'assert';
import { markdownCode, markdownText, printable } from '../../../src/core/display-text';

describe('printable', () => {
  it('writes colour codes, bell, carriage return, newline and a right-to-left override as escapes', () => {
    assert.strictEqual(printable('/\u001b[31mred\u001b[0m\u0007\r\n\u202eevil'), '/\\u001b[31mred\\u001b[0m\\u0007\\u000d\\u000a\\u202eevil');
  });

  it('escapes an OSC sequence that would set the terminal title or a hyperlink', () => {
    assert.strictEqual(printable('\u001b]0;pwned\u0007'), '\\u001b]0;pwned\\u0007');
    assert.strictEqual(printable('\u001b]8;;https://evil.example\u001b\\x'), '\\u001b]8;;https://evil.example\\u001b\\x');
  });

  it('escapes NUL, tab, DEL and the C1 controls (CSI U+009B, NEL U+0085)', () => {
    assert.strictEqual(printable('a\u0000b\tc\u007fd\u009b31m\u0085'), 'a\\u0000b\\u0009c\\u007fd\\u009b31m\\u0085');
  });

  it('escapes bidi embeddings, overrides, isolates and marks', () => {
    assert.strictEqual(printable('\u202a\u202b\u202c\u202d\u202e'), '\\u202a\\u202b\\u202c\\u202d\\u202e');
    assert.strictEqual(printable('\u2066\u2067\u2068\u2069'), '\\u2066\\u2067\\u2068\\u2069');
    assert.strictEqual(printable('\u200e\u200f\u061c'), '\\u200e\\u200f\\u061c');
  });

  it('escapes zero-width characters, the BOM, soft hyphen and the line and paragraph separators', () => {
    assert.strictEqual(printable('/ad\u200bmin\u200c\u200d\ufeff\u00ad'), '/ad\\u200bmin\\u200c\\u200d\\ufeff\\u00ad');
    assert.strictEqual(printable('a\u2028b\u2029c'), 'a\\u2028b\\u2029c');
  });

  it('writes characters above U+FFFF with braces (tag characters) and escapes lone surrogates', () => {
    assert.strictEqual(printable('/x\u{e0041}\u{e007f}'), '/x\\u{e0041}\\u{e007f}');
    assert.strictEqual(printable('a\ud800b\udc00'), 'a\\ud800b\\udc00');
  });

  it('leaves ordinary text alone: letters of any script, emoji, spaces, backslashes, the stop glyphs', () => {
    assert.strictEqual(printable('/users/:id'), '/users/:id');
    assert.strictEqual(printable('/café/日本/مرحبا 😀 ③ 🔒 ⚠'), '/café/日本/مرحبا 😀 ③ 🔒 ⚠');
    assert.strictEqual(printable('/^\\/ab+c$/i'), '/^\\/ab+c$/i');
    assert.strictEqual(printable(''), '');
  });

  it('is idempotent: escaping twice changes nothing more', () => {
    assert.strictEqual(printable(printable('/\u001b[31m\u202e')), '/\\u001b[31m\\u202e');
  });
});

describe('markdownText', () => {
  it('backslash-escapes Markdown punctuation so a name cannot become a link, emphasis or HTML', () => {
    assert.strictEqual(markdownText('[click](https://evil.example)'), '\\[click\\]\\(https\\:\\/\\/evil\\.example\\)');
    assert.strictEqual(markdownText('*a* _b_ <img src=x> `c`'), '\\*a\\* \\_b\\_ \\<img src\\=x\\> \\`c\\`');
  });

  it('escapes hidden characters first, then the backslash of each escape', () => {
    assert.strictEqual(markdownText('/a\u001b'), '\\/a\\\\u001b');
  });
});

describe('markdownCode', () => {
  it('wraps a name in a code span', () => {
    assert.strictEqual(markdownCode('requireUser'), '`requireUser`');
  });

  it('uses a longer fence than any backtick run inside, padded where the name starts or ends with one', () => {
    assert.strictEqual(markdownCode('a`b'), '``a`b``');
    assert.strictEqual(markdownCode('`x``'), '``` `x`` ```');
  });

  it('escapes hidden characters inside the span', () => {
    assert.strictEqual(markdownCode('auth\u202e'), '`auth\\u202e`');
  });

  it('gives nothing for an empty name', () => {
    assert.strictEqual(markdownCode(''), '');
  });
});
