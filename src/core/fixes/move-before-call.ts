// `move-before-call`: a check moved above the call that hands the request on (`await next()`), so
// it runs on the way in rather than after the handler. The statement moves with its comments, as
// `move-statement` moves it, and never leaves its block: the call may sit deeper in that block
// (`try { await next() } ...`), and then the check goes above the statement that holds it.
import { Node } from 'ts-morph';
import type { Fix, Suggestion } from '../model';
import { moveEdits } from './move-statement';
import { isFunction, sourceFileOf, statementAt } from './syntax';

export function moveBeforeCall(fix: Extract<Fix, { kind: 'move-before-call' }>, text: string): Suggestion | null {
  const sf = sourceFileOf(fix.from.file, text);
  const from = statementAt(sf, fix.from);
  if (!from) return null;
  // The nearest earlier one: above an early `return next()` that exempts some requests, the check
  // would stop exempting them.
  const anchor = from.getPreviousSiblings().find(s => callsIn(s, fix.callee));
  const edits = anchor && moveEdits(fix.from.file, text, from, anchor, true);
  return edits ? { title: fix.title, edits } : null;
}

/** Whether `node` calls `callee` itself, not from a function it defines (a callback runs some other time). */
function callsIn(node: Node, callee: string): boolean {
  if (Node.isCallExpression(node) && node.getExpression().getText() === callee) return true;
  if (isFunction(node)) return false;
  return node.getChildren().some(child => callsIn(child, callee));
}
