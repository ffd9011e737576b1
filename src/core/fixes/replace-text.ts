// `replace-text`: a piece of text replaced where the analysis saw it: an option's whole value
// (`limit: '1gb'` → `'10mb'`), or a construct inside a string literal of a call (a route path's
// `:id?` → `{/:id}`) or a token of it (`52428800`). Read from the text as it is now: where it changed, no edit is offered.
import { Node } from 'ts-morph';
import type { Fix, Suggestion } from '../model';
import { offsetOf, sourceFileOf } from './syntax';

type ReplaceText = Extract<Fix, { kind: 'replace-text' }>;

export function replaceText(fix: ReplaceText, text: string): Suggestion | null {
  const sf = sourceFileOf(fix.at.file, text);
  const start = offsetOf(sf, fix.at.line, fix.at.column);
  const end = offsetOf(sf, fix.at.endLine, fix.at.endColumn) ?? (fix.at.endLine === sf.getEndLineNumber() ? text.length : null);
  if (start === null || end === null || end < start) return null;
  if (fix.from === undefined) return { title: fix.title, edits: [{ file: fix.at.file, start, end, newText: fix.to }] };
  const from = fix.from;
  // The first string literal in the range whose text holds `from` (not a comment, not a name), else
  // the first token that is `from` (a number, `Infinity`).
  const inRange = sf.getDescendants().filter(n => n.getStart() >= start && n.getEnd() <= end);
  const literal = inRange.find(n => (Node.isStringLiteral(n) || Node.isNoSubstitutionTemplateLiteral(n)) && n.getText().includes(from));
  const token = literal ?? inRange.find(n => n.getChildCount() === 0 && n.getText() === from);
  if (!token) return null;
  const at = token.getStart() + token.getText().indexOf(from);
  return { title: fix.title, edits: [{ file: fix.at.file, start: at, end: at + from.length, newText: fix.to }] };
}
