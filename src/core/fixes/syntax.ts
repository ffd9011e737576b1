// What every quick fix needs from the file it edits: a throwaway syntax tree of the text as it is
// now, the node a range of the analysis points at, and a statement's extent with its comments.
import { Node, Project, SourceFile, ts } from 'ts-morph';
import type { SourceRange } from '../model';

/** One file in a project of its own, in memory: nothing is read from disk, no program is built. */
export function sourceFileOf(file: string, text: string): SourceFile {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true, jsx: ts.JsxEmit.Preserve } });
  const name = /\.[cm]?[jt]sx?$/i.test(file) ? file.replace(/^.*\//, '') : 'file.ts';
  return project.createSourceFile(`/${name}`, text);
}

/** Whether `node` is a function of any form (ts-morph's isFunctionLikeDeclaration leaves out function expressions). */
export function isFunction(node: Node): boolean {
  return Node.isFunctionLikeDeclaration(node) || Node.isFunctionExpression(node);
}

/** The offset of a 1-based line and column, or null when the text has no such place (it changed since the analysis). */
export function offsetOf(sf: SourceFile, line: number, column: number): number | null {
  const starts = sf.compilerNode.getLineStarts();
  if (line < 1 || line > starts.length || column < 1) return null;
  const offset = starts[line - 1] + column - 1;
  // TypeScript asserts on a column past the line: a shorter line is the same news as a missing one.
  return offset < (starts[line] ?? sf.getFullText().length + 1) ? offset : null;
}

/** The statement of a block or file that holds the start of `range`. */
export function statementAt(sf: SourceFile, range: SourceRange): Node | null {
  const pos = offsetOf(sf, range.line, range.column);
  if (pos === null) return null;
  for (let node: Node | undefined = sf.getDescendantAtPos(pos); node; node = node.getParent()) {
    const parent = node.getParent();
    if (parent && holdsStatements(parent) && Node.isStatement(node)) return node;
  }
  return null;
}

/**
 * The node `accept` takes that starts where `range` starts and ends where it ends, else the innermost
 * one `fallback` takes that starts there (an edit inside it may have moved the end since the analysis).
 */
export function nodeAt(sf: SourceFile, range: SourceRange, accept: (node: Node) => boolean, fallback = accept): Node | null {
  const start = offsetOf(sf, range.line, range.column);
  if (start === null) return null;
  const end = offsetOf(sf, range.endLine, range.endColumn);
  let innermost: Node | null = null;
  for (let node: Node | undefined = sf.getDescendantAtPos(start); node && node.getStart() === start; node = node.getParent()) {
    if (accept(node) && node.getEnd() === end) return node;
    if (fallback(node)) innermost ??= node;
  }
  return innermost;
}

export interface Extent {
  start: number;
  end: number;
  /** Start of the first line and end of the last line (past its newline) when nothing else is on them. */
  lines: { start: number; end: number } | null;
}

/**
 * A statement with the comments that belong to it: those directly above (no blank line between) and
 * those after it on its last line.
 */
export function extentOf(stmt: Node, text: string): Extent {
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
  const lineStart = lineStartOf(text, start);
  const newline = text.indexOf('\n', end);
  const lineEnd = newline === -1 ? text.length : newline + 1;
  const alone = text.slice(lineStart, start).trim() === '' && text.slice(end, lineEnd).trim() === '';
  return { start, end, lines: alone ? { start: lineStart, end: lineEnd } : null };
}

/** The offset where the line holding `offset` starts. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Whether only blanks come before `offset` on its line. */
export function startsLine(text: string, offset: number): boolean {
  return text.slice(lineStartOf(text, offset), offset).trim() === '';
}

/** The blanks that start the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(lineStartOf(text, offset)))![0];
}

/** The line break the file uses. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Whether the file ends its statements in `;`, as `sample` does, else as its first simple statement does (yes when it has none). */
export function usesSemicolons(sf: SourceFile, sample?: Node): boolean {
  const simple = sample ?? sf.getStatements().find(s => Node.isVariableStatement(s) || Node.isExpressionStatement(s) || Node.isImportDeclaration(s));
  return simple ? simple.getText().endsWith(';') : true;
}

/** Where the top-level statement holding `node` starts: a binding added for it must come before. */
export function topLevelStart(node: Node): number {
  let top = node;
  for (let parent = top.getParent(); parent && !Node.isSourceFile(parent); parent = parent.getParent()) top = parent;
  return top.getStart();
}

/** A node whose children are a list of statements (a file, a block, a namespace body, a `case`). */
function holdsStatements(node: Node): boolean {
  return Node.isSourceFile(node) || Node.isBlock(node) || Node.isModuleBlock(node) || Node.isCaseClause(node) || Node.isDefaultClause(node);
}
