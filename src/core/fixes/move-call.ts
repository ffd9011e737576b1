// `move-call`: a registering call moved into another block, beside another call (a Fastify route
// moved into the plugin whose hooks should reach it). Its receiver becomes the anchor call's
// (`app.get` → `instance.get`) and its path argument may change (the target plugin adds its own
// prefix). Offered only for statements that hold the call alone, each on lines of its own, when the
// moved code names nothing declared in the function it leaves (it would not see it any more).
import { Node, type CallExpression, type SourceFile } from 'ts-morph';
import type { Fix, Suggestion, TextEdit } from '../model';
import { eolOf, extentOf, indentAt, isFunction, nodeAt, sourceFileOf } from './syntax';

type MoveCall = Extract<Fix, { kind: 'move-call' }>;

export function moveCall(fix: MoveCall, text: string): Suggestion | null {
  if (fix.from.file !== fix.anchor.file) return null;
  const file = fix.from.file;
  const sf = sourceFileOf(file, text);
  const from = callStatement(sf, fix.from);
  const anchor = callStatement(sf, fix.anchor);
  if (!from || !anchor || from.statement.getParent() === anchor.statement.getParent()) return null;
  const src = extentOf(from.statement, text);
  const dst = extentOf(anchor.statement, text);
  if (!src.lines || !dst.lines || (src.start < dst.end && dst.start < src.end)) return null;
  if (namesLocalOf(from.statement, anchor.statement)) return null;
  const receiver = from.call.getExpression();
  const target = anchor.call.getExpression();
  if (!Node.isPropertyAccessExpression(receiver) || !Node.isPropertyAccessExpression(target)) return null;
  // The moved text, with the receiver and the path replaced (offsets relative to the statement's extent).
  const replace: { start: number; end: number; text: string }[] = [
    { start: receiver.getExpression().getStart(), end: receiver.getExpression().getEnd(), text: target.getExpression().getText() },
  ];
  if (fix.path) {
    const first = from.call.getArguments()[0];
    if (!first || !(Node.isStringLiteral(first) || Node.isNoSubstitutionTemplateLiteral(first)) || first.getLiteralText() !== fix.path.from) return null;
    const quote = first.getText()[0];
    replace.push({ start: first.getStart(), end: first.getEnd(), text: `${quote}${fix.path.to}${quote}` });
  }
  let moved = text.slice(src.lines.start, src.lines.end);
  for (const r of replace.sort((a, b) => b.start - a.start)) {
    moved = moved.slice(0, r.start - src.lines.start) + r.text + moved.slice(r.end - src.lines.start);
  }
  const edits: TextEdit[] = [
    { file, start: dst.lines.end, end: dst.lines.end, newText: reindent(moved, indentAt(text, src.start), indentAt(text, dst.start), eolOf(text)) },
    { file, start: src.lines.start, end: src.lines.end, newText: '' },
  ];
  return { title: fix.title, edits };
}

/** The expression statement at `range` that is a call and nothing else. */
function callStatement(sf: SourceFile, range: MoveCall['from']): { call: CallExpression; statement: Node } | null {
  const call = nodeAt(sf, range, Node.isCallExpression);
  if (!call || !Node.isCallExpression(call)) return null;
  const statement = call.getParent();
  return statement && Node.isExpressionStatement(statement) ? { call, statement } : null;
}

/**
 * Whether `moved` uses a name declared in a function that holds it but not `anchor` (a parameter,
 * a local): after the move it would name something else, or nothing. The receiver counts, but is
 * replaced; it is left out by name.
 */
function namesLocalOf(moved: Node, anchor: Node): boolean {
  const call = moved.getFirstDescendant(Node.isCallExpression);
  const receiver = call && Node.isPropertyAccessExpression(call.getExpression()) ? call.getExpression().getFirstChild()?.getText() : undefined;
  const left = new Set<string>();
  const shared = new Set(anchor.getAncestors());
  for (const fn of moved.getAncestors().filter(isFunction)) {
    if (shared.has(fn)) break;
    for (const d of fn.getDescendants()) {
      if ((Node.isParameterDeclaration(d) || Node.isVariableDeclaration(d) || Node.isFunctionDeclaration(d) || Node.isClassDeclaration(d)) && !moved.containsRange(d.getPos(), d.getEnd())) {
        const name = d.getNameNode();
        if (name && Node.isIdentifier(name)) left.add(name.getText());
        else if (name) for (const id of name.getDescendants().filter(Node.isIdentifier)) left.add(id.getText());
      }
    }
  }
  left.delete(receiver ?? '');
  return moved.getDescendants().some(d => Node.isIdentifier(d) && left.has(d.getText()) && !isPropertyName(d));
}

/** `b` in `a.b` or `{ b: 1 }`: a name that is not a variable reference. */
function isPropertyName(id: Node): boolean {
  const parent = id.getParent();
  return (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === id) || (Node.isPropertyAssignment(parent) && parent.getNameNode() === id);
}

/** Lines written at indentation `from`, moved to `to`. */
function reindent(lines: string, from: string, to: string, eol: string): string {
  const out = lines.split(/\r?\n/).map(l => (l.trim() && l.startsWith(from) ? to + l.slice(from.length) : l)).join(eol);
  return out.endsWith(eol) ? out : out + eol;
}
