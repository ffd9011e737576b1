// Turns a rule's quick fix (an intent: "move this statement above that one") into text edits, when
// someone asks for them: VS Code's code actions, a rule test. Rules run on every keystroke and most
// fixes are never looked at, so nothing here runs during analysis. Off the hot path, ts-morph's own
// API earns its place: statements are found in a real syntax tree (not by lines), so a statement that
// shares a line moves alone and its comments move with it.
import { Node, Project, ts } from 'ts-morph';
import type { Fix, SourceRange, Suggestion, TextEdit } from './model';

/** The edits of `fix` on the file's current text, or null when the code no longer has that shape. */
export function suggestionFor(fix: Fix, text: string): Suggestion | null {
  switch (fix.kind) {
    case 'move-statement': return moveStatement(fix, text);
  }
}

/** One file in a project of its own, in memory: nothing is read from disk, no program is built. */
function sourceFileOf(file: string, text: string) {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true, jsx: ts.JsxEmit.Preserve } });
  const name = /\.[cm]?[jt]sx?$/i.test(file) ? file.replace(/^.*\//, '') : 'file.ts';
  return project.createSourceFile(`/${name}`, text);
}

interface Extent {
  start: number;
  end: number;
  /** Start of the first line and end of the last line (past its newline) when nothing else is on them. */
  lines: { start: number; end: number } | null;
}

function moveStatement(fix: Extract<Fix, { kind: 'move-statement' }>, text: string): Suggestion | null {
  if (fix.from.file !== fix.anchor.file) return null;
  const sf = sourceFileOf(fix.from.file, text);
  const from = statementAt(sf, fix.from);
  const anchor = statementAt(sf, fix.anchor);
  // Only between statements of one block: moving code into another scope could change what it sees.
  if (!from || !anchor || from === anchor || from.getParent() !== anchor.getParent()) return null;
  const src = extentOf(from, text);
  const dst = extentOf(anchor, text);
  if (src.start < dst.end && dst.start < src.end) return null;
  const file = fix.from.file;
  const edits: TextEdit[] = [];
  if (src.lines) {
    let moved = text.slice(src.lines.start, src.lines.end);
    if (!moved.endsWith('\n')) moved += '\n';
    if (dst.lines) {
      const at = fix.before ? dst.lines.start : dst.lines.end;
      edits.push({ file, start: at, end: at, newText: at === text.length && !text.endsWith('\n') ? '\n' + moved.replace(/\n$/, '') : moved });
    } else {
      edits.push(inline(file, text.slice(src.start, src.end), dst, fix.before));
    }
    edits.push({ file, start: src.lines.start, end: src.lines.end, newText: '' });
  } else {
    const moved = text.slice(src.start, src.end);
    if (dst.lines) {
      const indent = /^[ \t]*/.exec(text.slice(dst.lines.start))![0];
      const at = fix.before ? dst.lines.start : dst.lines.end;
      const line = `${indent}${moved}\n`;
      edits.push({ file, start: at, end: at, newText: at === text.length && !text.endsWith('\n') ? '\n' + line.replace(/\n$/, '') : line });
    } else {
      edits.push(inline(file, moved, dst, fix.before));
    }
    // The statement and the blanks that separated it from its neighbour on the line (those before
    // it when it ends the line, so no line is left ending in blanks).
    const after = /^[ \t]*/.exec(text.slice(src.end))![0].length;
    const endsLine = /^[ \t]*(\r?\n|$)/.test(text.slice(src.end));
    const before = endsLine ? /[ \t]*$/.exec(text.slice(0, src.start))![0].length : 0;
    edits.push({ file, start: src.start - before, end: src.end + after, newText: '' });
  }
  return { title: fix.title, edits };
}

/** `moved` placed on the anchor's line, beside it. */
function inline(file: string, moved: string, dst: Extent, before: boolean): TextEdit {
  return before ? { file, start: dst.start, end: dst.start, newText: `${moved} ` } : { file, start: dst.end, end: dst.end, newText: ` ${moved}` };
}

/** The statement of a block or file that holds the start of `range`. */
function statementAt(sf: ReturnType<typeof sourceFileOf>, range: SourceRange): Node | null {
  const compiler = sf.compilerNode;
  if (range.line - 1 >= compiler.getLineStarts().length) return null;
  const pos = compiler.getPositionOfLineAndCharacter(range.line - 1, range.column - 1);
  for (let node: Node | undefined = sf.getDescendantAtPos(pos); node; node = node.getParent()) {
    const parent = node.getParent();
    if (parent && (Node.isSourceFile(parent) || Node.isBlock(parent) || Node.isModuleBlock(parent) || Node.isCaseClause(parent) || Node.isDefaultClause(parent)) && Node.isStatement(node)) return node;
  }
  return null;
}

/**
 * A statement with the comments that belong to it: those directly above (no blank line between) and
 * those after it on its last line.
 */
function extentOf(stmt: Node, text: string): Extent {
  let start = stmt.getStart();
  const leading = stmt.getLeadingCommentRanges();
  for (let i = leading.length - 1; i >= 0; i--) {
    const gap = text.slice(leading[i].getEnd(), start);
    if (/\n[ \t]*\n/.test(gap)) break;
    start = leading[i].getPos();
  }
  let end = stmt.getEnd();
  for (const c of stmt.getTrailingCommentRanges()) {
    if (text.slice(end, c.getPos()).includes('\n')) break;
    end = c.getEnd();
  }
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline === -1 ? text.length : newline + 1;
  const alone = text.slice(lineStart, start).trim() === '' && text.slice(end, lineEnd).trim() === '';
  return { start, end, lines: alone ? { start: lineStart, end: lineEnd } : null };
}
