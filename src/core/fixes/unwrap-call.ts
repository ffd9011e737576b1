// `unwrap-call`: a call replaced by its first argument as written (`JSON.stringify(user, null, 2)`
// → `user`), when the call at the range still has one.
import { Node } from 'ts-morph';
import type { Fix, Suggestion } from '../model';
import { nodeAt, sourceFileOf } from './syntax';

type UnwrapCall = Extract<Fix, { kind: 'unwrap-call' }>;

export function unwrapCall(fix: UnwrapCall, text: string): Suggestion | null {
  const call = nodeAt(sourceFileOf(fix.call.file, text), fix.call, Node.isCallExpression);
  if (!call || !Node.isCallExpression(call)) return null;
  const first = call.getArguments()[0];
  if (!first || Node.isSpreadElement(first)) return null;
  return { title: fix.title, edits: [{ file: fix.call.file, start: call.getStart(), end: call.getEnd(), newText: first.getText() }] };
}
