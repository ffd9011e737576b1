// Parsing a source file for lowering, and the spans the IR points back into it with.
import type { ts } from 'ts-morph';
import type { Span } from './ir';
import type { SourceRange } from './model';
import { tsp } from './ts-plain';

/**
 * setParentNodes=false: 14-25 % faster and nothing below needs parent pointers. JSDoc comments are
 * not parsed: nothing here reads them, and commented code bases pay for them otherwise.
 */
export function parse(fileName: string, text: string): ts.SourceFile {
  const options = { languageVersion: tsp.ScriptTarget.Latest, jsDocParsingMode: tsp.JSDocParsingMode.ParseNone };
  return tsp.createSourceFile(fileName, text, options, false, scriptKindFor(fileName));
}

function scriptKindFor(fileName: string): ts.ScriptKind {
  if (/\.tsx$/i.test(fileName)) return tsp.ScriptKind.TSX;
  if (/\.[mc]?ts$/i.test(fileName)) return tsp.ScriptKind.TS;
  if (/\.jsx$/i.test(fileName)) return tsp.ScriptKind.JSX;
  return tsp.ScriptKind.JS;
}

/**
 * A span whose line and column are worked out when read: most spans are never reported (only those
 * of routes, layers and stops are), and two searches of the line table per node were a tenth of the
 * lowering.
 */
export class LineSpan implements Span {
  /**
   * The last range made by `range()`. Kept as it is (no record of the file it was made for): its
   * `file` tells, since the relative name is all of the range that depends on the file.
   */
  private made: SourceRange | null = null;

  constructor(readonly start: number, readonly end: number, private readonly lines: readonly number[]) {}
  get line(): number { return lineOf(this.lines, this.start) + 1; }
  get column(): number { return this.start - this.lines[lineOf(this.lines, this.start)] + 1; }
  get endLine(): number { return lineOf(this.lines, this.end) + 1; }
  get endColumn(): number { return this.end - this.lines[lineOf(this.lines, this.end)] + 1; }

  /**
   * The span as a reported range of `file`, named by `rel`: frozen, since every route, layer and
   * annotation at this span shares it. Two searches of the line table where the getters take four,
   * once per span: the second call costs a lookup of the name.
   */
  range(file: string, rel: (file: string) => string): SourceRange {
    const name = rel(file);
    const made = this.made;
    if (made !== null && made.file === name) return made;
    const line = lineOf(this.lines, this.start);
    const endLine = lineOf(this.lines, this.end);
    const range = Object.freeze({
      file: name, line: line + 1, column: this.start - this.lines[line] + 1, endLine: endLine + 1, endColumn: this.end - this.lines[endLine] + 1,
    });
    this.made = range;
    return range;
  }
}

/**
 * The reported range of a span lowering made (a LineSpan, which keeps it), or null for a span made
 * elsewhere (tests build plain ones): the one place outside lowering that knows the class.
 */
export function loweredRange(span: Span, file: string, rel: (file: string) => string): SourceRange | null {
  return span instanceof LineSpan ? span.range(file, rel) : null;
}

/** The 0-based line holding `pos`. */
function lineOf(lines: readonly number[], pos: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid] <= pos) lo = mid; else hi = mid - 1;
  }
  return lo;
}
