// Helpers shared by rules: typing a rule, and building "move this statement" suggestions as text
// edits (the analysed code is never mutated; edits are suggestions the user applies).
import type { Rule } from '../core/rule';
import type { SourceRange, Suggestion, TextEdit } from '../core/model';

/** Identity function that checks a rule against the contract. */
export function defineRule(rule: Rule): Rule {
  return rule;
}

/** `file:line` for messages. */
export function at(r: { file: string; line: number }): string {
  return `${r.file}:${r.line}`;
}

/**
 * A use-prefix as an index key: lower case, no trailing slash ('/' becomes ''). Rules look layers up
 * by the keys of a path's leading segments, then ask the stack's path matcher (RuleContext.paths).
 */
export function prefixKey(prefix: string): string {
  return prefix.toLowerCase().replace(/\/$/, '');
}

interface LineTable {
  starts: number[];
  text: string;
}

function lineTable(text: string): LineTable {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return { starts, text };
}

/** The statement's whole lines, when it is alone on them (else null: we do not move half a line). */
function wholeLines(t: LineTable, r: SourceRange): { start: number; end: number } | null {
  const start = t.starts[r.line - 1];
  const endLineStart = t.starts[r.endLine - 1];
  if (start === undefined || endLineStart === undefined) return null;
  const before = t.text.slice(start, start + r.column - 1);
  const lineEnd = t.starts[r.endLine] ?? t.text.length;
  const after = t.text.slice(endLineStart + r.endColumn - 1, lineEnd);
  if (before.trim() !== '' || !/^\s*;?\s*(\/\/.*)?\s*$/.test(after)) return null;
  return { start, end: lineEnd };
}

/**
 * Moves the statement at `from` to just after the statement at `anchor` (same file), or, with
 * `before`, to just before it. Returns null when either is not alone on its lines.
 */
export function moveStatement(text: string, from: SourceRange, anchor: SourceRange, title: string, before = false): Suggestion | null {
  if (from.file !== anchor.file) return null;
  const t = lineTable(text);
  const src = wholeLines(t, from);
  const dst = wholeLines(t, anchor);
  if (!src || !dst || (src.start < dst.end && dst.start < src.end)) return null;
  let moved = text.slice(src.start, src.end);
  if (!moved.endsWith('\n')) moved += '\n';
  const at = before ? dst.start : dst.end;
  const insertText = at === text.length && !text.endsWith('\n') ? '\n' + moved.replace(/\n$/, '') : moved;
  const edits: TextEdit[] = [
    { file: from.file, start: at, end: at, newText: insertText },
    { file: from.file, start: src.start, end: src.end, newText: '' },
  ];
  return { title, edits };
}

/** The index of the first item (sorted by order) whose order is greater than `order`, by binary search. */
export function firstAfter(items: { order: number }[], order: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].order > order) hi = mid; else lo = mid + 1;
  }
  return lo;
}
