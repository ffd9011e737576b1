// Helpers for the fix-kind tests: a range found by its text (as the analysis would report it) and
// the text a fix turns the file into.
import { suggestionFor } from '../../../../src/core/fix-edits';
import type { Fix, SourceRange } from '../../../../src/core/model';
import { applyEdits } from '../../rules/rule-tester';

/** The range of the first occurrence of `snippet` in `text` (after `after`): 1-based lines and columns, end exclusive. */
export function rangeOf(text: string, snippet: string, file = 'app.js', after = ''): SourceRange {
  const start = text.indexOf(snippet, text.indexOf(after) + after.length);
  if (start < 0) throw new Error(`no ${JSON.stringify(snippet)} in the text`);
  const at = (offset: number) => {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1 };
  };
  const from = at(start);
  const to = at(start + snippet.length);
  return { file, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

/** The text after `fix`'s edits, or null when it offers none. */
export function fixed(fix: Fix, text: string): string | null {
  const s = suggestionFor(fix, text);
  return s && applyEdits(text, s.edits);
}
