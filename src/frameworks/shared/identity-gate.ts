// A middleware that lets a request on only when someone is signed in: an `if` on who is asking
// whose one side calls next() and whose other side ends the request without it (a redirect to the
// login page, an error thrown, a body set and a return). Home-made session checks are written this
// way far more often than with an explicit 401: `if (ctx.session.user) return next(); throw new
// AppError(NO_LOGIN)` (an app's error handler turns it into its own answer), `if
// (!req.isAuthenticated()) return res.redirect('/login'); next();`.
import type { Expr, FnIR, Stmt } from '../../core/ir';
import { callsName } from '../../core/stmt-calls';

/** How a framework names who is asking, read from the text of an `if` test (`req` or `ctx` given as `p`). */
export type IdentityTest = (text: string, p: string) => boolean;

/**
 * The identity test of a gate in the function's own statements (not its callbacks'), or null: the
 * first `if` reading the identity where next() is called on one side only, the other side ending
 * its path (a return, or a throw the IR keeps only in `fn.throws`).
 */
export function identityGate(fn: FnIR, request: string, next: string, isIdentity: IdentityTest): string | null {
  if (!request || !next) return null;
  const scan = (list: Stmt[]): string | null => {
    for (let i = 0; i < list.length; i++) {
      const st = list[i];
      if (st.k !== 'if') continue;
      const text = exprText(st.test);
      if (!isIdentity(text, request)) continue;
      const rest = list.slice(i + 1);
      const thenNext = st.then.some(s => callsName(s, next));
      const elseNext = st.else.some(s => callsName(s, next));
      const restNext = rest.some(s => callsName(s, next));
      // `if (user) return next(); <refuse>`: next() only when the test holds.
      if (thenNext && !elseNext && !restNext) return text;
      // `if (!user) { <refuse>; return; } next()`: the refusing side ends before next().
      if (!thenNext && (elseNext || restNext) && ends(st.then, fn)) return text;
    }
    return null;
  };
  return scan(fn.body);
}

/** The list ends its path: its last statement returns (or ends a block that does), or it throws (an empty list in a throwing function). */
function ends(list: Stmt[], fn: FnIR): boolean {
  const last = list[list.length - 1];
  if (!last) return fn.throws.length > 0;
  if (last.k === 'return') return true;
  if (last.k === 'block' && !last.try && !last.loop) return ends(last.body, fn);
  return false;
}

/** Source-like text of a test expression: member paths, calls, and the text of what the IR keeps as is (`!x`, `a && b`). */
function exprText(e: Expr): string {
  switch (e.k) {
    case 'ref': return e.name;
    case 'member': return `${exprText(e.obj)}.${typeof e.prop === 'string' ? e.prop : '[…]'}`;
    case 'call': return `${exprText(e.callee)}()`;
    case 'cond': return e.alternatives.map(exprText).join(' ');
    case 'unknown': return e.text;
    default: return '';
  }
}
