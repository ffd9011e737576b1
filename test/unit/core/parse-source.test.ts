// Parsing for lowering and the spans the IR points back with (src/core/parse-source.ts).
import * as assert from 'assert';
import { LineSpan, loweredRange, parse } from '../../../src/core/parse-source';

describe('parse-source', () => {
  it('parses TypeScript syntax in .ts files and JSX in .jsx files', () => {
    assert.strictEqual((parse('a.ts', 'const x: number = 1;') as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length, 0);
    assert.strictEqual((parse('a.jsx', 'const x = <div />;') as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length, 0);
  });

  it('a LineSpan works out 1-based lines and columns from the line starts', () => {
    // "ab\ncdef\n": lines start at 0 and 3; the span covers "de".
    const span = new LineSpan(5, 7, [0, 3, 8]);
    assert.deepStrictEqual([span.line, span.column, span.endLine, span.endColumn], [2, 3, 2, 5]);
  });

  it('a LineSpan gives the same frozen range for the same file, and a new one for another name', () => {
    const span = new LineSpan(0, 2, [0, 3]);
    const rel = (f: string) => f.replace('/w/', '');
    const first = span.range('/w/app.js', rel);
    assert.strictEqual(span.range('/w/app.js', rel), first);
    assert.ok(Object.isFrozen(first));
    assert.deepStrictEqual(span.range('/w/other.js', rel), { file: 'other.js', line: 1, column: 1, endLine: 1, endColumn: 3 });
  });

  it('loweredRange reads a lowered span\'s range, and gives null for a span made elsewhere', () => {
    const rel = (f: string) => f.replace('/w/', '');
    const span = new LineSpan(0, 2, [0, 3]);
    assert.strictEqual(loweredRange(span, '/w/app.js', rel), span.range('/w/app.js', rel));
    assert.strictEqual(loweredRange({ start: 0, end: 2, line: 1, column: 1, endLine: 1, endColumn: 3 }, '/w/app.js', rel), null);
  });
});
