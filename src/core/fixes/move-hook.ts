// `move-hook`: a lifecycle hook moved to another phase where it is written: the phase argument of
// `addHook('onRequest', fn)`, or the key of a route option `onRequest: fn` (quotes and layout kept).
// A route option is renamed only when it holds that hook alone and the route has no option of the
// new phase yet: merging two hook lists is a choice of order the user should make.
import { Node, type SourceFile } from 'ts-morph';
import type { Fix, Suggestion, TextEdit } from '../model';
import { nodeAt, sourceFileOf } from './syntax';

type MoveHook = Extract<Fix, { kind: 'move-hook' }>;

export function moveHook(fix: MoveHook, text: string): Suggestion | null {
  const file = fix.hook.file;
  const sf = sourceFileOf(file, text);
  const edits = phaseArgument(sf, fix) ?? optionKey(sf, fix);
  return edits && { title: fix.title, edits: edits.map(e => ({ ...e, file })) };
}

/** `addHook(from, fn)` at the range: its first argument, a string literal, gets the new phase. */
function phaseArgument(sf: SourceFile, fix: MoveHook): Omit<TextEdit, 'file'>[] | null {
  const call = nodeAt(sf, fix.hook, Node.isCallExpression);
  if (!call || !Node.isCallExpression(call)) return null;
  const phase = call.getArguments()[0];
  if (!phase || !Node.isStringLiteral(phase) || phase.getLiteralText() !== fix.from) return null;
  const quote = phase.getText()[0];
  return [{ start: phase.getStart(), end: phase.getEnd(), newText: `${quote}${fix.to}${quote}` }];
}

/** `{ from: fn }` where the range is `fn`: the key becomes the new phase. */
function optionKey(sf: SourceFile, fix: MoveHook): Omit<TextEdit, 'file'>[] | null {
  const value = nodeAt(sf, fix.hook, Node.isExpression);
  const property = value?.getParent();
  if (!property || !Node.isPropertyAssignment(property) || property.getInitializer() !== value) return null;
  const name = property.getNameNode();
  const key = Node.isIdentifier(name) ? name.getText() : Node.isStringLiteral(name) ? name.getLiteralText() : null;
  if (key !== fix.from) return null;
  const object = property.getParent();
  if (!Node.isObjectLiteralExpression(object) || object.getProperty(fix.to)) return null;
  const newKey = Node.isStringLiteral(name) ? `${name.getText()[0]}${fix.to}${name.getText()[0]}` : fix.to;
  return [{ start: name.getStart(), end: name.getEnd(), newText: newKey }];
}
