// `append-call`: `.name(args)` written right after the call at the range (`User.find({})` →
// `User.find({}).limit(100)`), the rest of its chain left as it is.
import { Node } from 'ts-morph';
import type { Fix, Suggestion } from '../model';
import { nodeAt, sourceFileOf } from './syntax';

type AppendCall = Extract<Fix, { kind: 'append-call' }>;

export function appendCall(fix: AppendCall, text: string): Suggestion | null {
  const call = nodeAt(sourceFileOf(fix.call.file, text), fix.call, Node.isCallExpression);
  if (!call || !Node.isCallExpression(call)) return null;
  const end = call.getEnd();
  return { title: fix.title, edits: [{ file: fix.call.file, start: end, end, newText: `.${fix.name}(${fix.args})` }] };
}
