// `move-statement`: a statement moved beside another of its block, with the comments that belong
// to it. Statements are found in a real syntax tree (not by lines), so a statement that shares a
// line moves alone.
import type { Node } from 'ts-morph';
import type { Fix, Suggestion, TextEdit } from '../model';
import { extentOf, indentAt, sourceFileOf, statementAt, type Extent } from './syntax';

export function moveStatement(fix: Extract<Fix, { kind: 'move-statement' }>, text: string): Suggestion | null {
  if (fix.from.file !== fix.anchor.file) return null;
  const sf = sourceFileOf(fix.from.file, text);
  const from = statementAt(sf, fix.from);
  const anchor = statementAt(sf, fix.anchor);
  if (!from || !anchor) return null;
  const edits = moveEdits(fix.from.file, text, from, anchor, fix.before);
  return edits && { title: fix.title, edits };
}

/** The edits moving statement `from` to just after `anchor` (just before, with `before`); null unless both are in one block. */
export function moveEdits(file: string, text: string, from: Node, anchor: Node, before: boolean): TextEdit[] | null {
  // Only between statements of one block: moving code into another scope could change what it sees.
  if (from === anchor || from.getParent() !== anchor.getParent()) return null;
  const src = extentOf(from, text);
  const dst = extentOf(anchor, text);
  if (src.start < dst.end && dst.start < src.end) return null;
  const edits: TextEdit[] = [];
  if (src.lines) {
    let moved = text.slice(src.lines.start, src.lines.end);
    if (!moved.endsWith('\n')) moved += '\n';
    if (dst.lines) {
      edits.push(onOwnLines(file, text, moved, dst.lines, before));
    } else {
      edits.push(inline(file, text.slice(src.start, src.end), dst, before));
    }
    edits.push({ file, start: src.lines.start, end: src.lines.end, newText: '' });
  } else {
    const moved = text.slice(src.start, src.end);
    if (dst.lines) {
      edits.push(onOwnLines(file, text, `${indentAt(text, dst.lines.start)}${moved}\n`, dst.lines, before));
    } else {
      edits.push(inline(file, moved, dst, before));
    }
    // The statement and the blanks that separated it from its neighbour on the line (those before
    // it when it ends the line, so no line is left ending in blanks).
    const after = /^[ \t]*/.exec(text.slice(src.end))![0].length;
    const endsLine = /^[ \t]*(\r?\n|$)/.test(text.slice(src.end));
    const blanks = endsLine ? /[ \t]*$/.exec(text.slice(0, src.start))![0].length : 0;
    edits.push({ file, start: src.start - blanks, end: src.end + after, newText: '' });
  }
  return edits;
}

/**
 * `lines` (ending in a line break) inserted as lines of their own just before or just after the
 * anchor's lines; at the end of a file with no final line break, after a break of their own.
 */
function onOwnLines(file: string, text: string, lines: string, anchor: { start: number; end: number }, before: boolean): TextEdit {
  const at = before ? anchor.start : anchor.end;
  return { file, start: at, end: at, newText: at === text.length && !text.endsWith('\n') ? '\n' + lines.replace(/\n$/, '') : lines };
}

/** `moved` placed on the anchor's line, beside it. */
function inline(file: string, moved: string, dst: Extent, before: boolean): TextEdit {
  return before ? { file, start: dst.start, end: dst.start, newText: `${moved} ` } : { file, start: dst.end, end: dst.end, newText: ` ${moved}` };
}
