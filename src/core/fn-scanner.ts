// Scans one function body for what the rules and adapters need without evaluating it: how the
// function uses its parameters (`res.status(401)`, `next()`, `req.user`), what it throws and what
// it calls. Walks raw TypeScript nodes like the lowerer (see lower.ts for why).
import type { ts } from 'ts-morph';
import { fit } from './compact';
import type { Expr, FnIR, ParamUse, Span } from './ir';
import { SK, tsp } from './ts-plain';

const MAX_CALLS_PER_FN = 200;
/** A callee's text is kept to about this length (a callee may be a whole function expression). */
const MAX_CALLEE = 60;
/** What a shortened callee keeps of its end, at least: the called name. */
const CALLEE_TAIL = 30;

/** What the scanner needs from the file's lowerer: source text, spans, and shallow expressions. */
export interface SourceLowering {
  text(node: ts.Node): string;
  span(node: ts.Node, endNode?: ts.Node): Span;
  /** An expression with callbacks left opaque (their bodies are lowered once, by the statement walk). */
  shallowExpr(node: ts.Expression): Expr;
  /** A call's arguments as shallowExpr lowers them (the list the call's own IR holds, where it is the same). */
  callArgs(call: ts.CallExpression): Expr[];
  /** `prefix` with `step` added, the same array for the same path in one file (uses are never written to). */
  path(prefix: string[], step: string): string[];
}

/** A use of the parameter itself. */
const NO_PATH: string[] = fit([]);

/** Records how a function body uses its parameters, what it throws and what it calls. */
export class FnScanner {
  private readonly paramIndex = new Map<string, number>();

  constructor(private readonly low: SourceLowering, private readonly fn: FnIR, params: readonly ts.ParameterDeclaration[]) {
    params.forEach((p, i) => { if (tsp.isIdentifier(p.name)) this.paramIndex.set(p.name.text, i); });
  }

  scan(body: ts.Node): void {
    this.visit(body);
  }

  private visit = (node: ts.Node): void => {
    if (tsp.isThrowStatement(node) && node.expression) {
      const t = skipOuter(node.expression);
      if (tsp.isNewExpression(t)) this.fn.throws.push(this.low.text(t.expression));
      else if (tsp.isCallExpression(t)) this.fn.throws.push(this.low.text(t.expression));
    }
    if (tsp.isBinaryExpression(node) && node.operatorToken.kind === SK.EqualsToken) {
      // `p.x = v`: the outermost access is written, not read (compound `+=`, `??=` also read: left as reads).
      const target = skipOuter(node.left);
      if (tsp.isPropertyAccessExpression(target) && this.chain(target, node.right)) { this.visit(node.right); return; }
    }
    if (tsp.isCallExpression(node) || tsp.isPropertyAccessExpression(node) || tsp.isIdentifier(node)) {
      if (this.chain(node)) return;
    }
    if (tsp.isCallExpression(node) && this.fn.calls.length < MAX_CALLS_PER_FN) {
      this.fn.calls.push({ callee: calleeText(this.low, node.expression), args: this.low.callArgs(node), span: this.low.span(node) });
    }
    tsp.forEachChild(node, this.visit);
  };

  /**
   * If `node` is an access chain rooted at a parameter (`res.status(401).json()`), records a use per
   * level and returns true (its call arguments are still visited for nested uses). With `written`,
   * the chain is the target of an assignment: its outermost level is a write of that value.
   */
  private chain(node: ts.Node, written?: ts.Expression): boolean {
    // Most chains are not rooted at a parameter: find the root first, allocating nothing.
    let base = skipOuter(node as ts.Expression);
    while (tsp.isPropertyAccessExpression(base) || tsp.isCallExpression(base)) base = skipOuter(base.expression);
    if (!tsp.isIdentifier(base) || !this.paramIndex.has(base.text)) return false;
    const levels: { path: string[]; call?: ts.CallExpression; node: ts.Node }[] = [];
    const walk = (n: ts.Node): { param: number; path: string[] } | null => {
      // skipOuter only unwraps expression kinds, so any node may go through it (ts.isExpression is a
      // long chain of kind checks).
      n = skipOuter(n as ts.Expression);
      if (tsp.isIdentifier(n)) {
        const i = this.paramIndex.get(n.text);
        return i === undefined ? null : { param: i, path: NO_PATH };
      }
      if (tsp.isPropertyAccessExpression(n)) {
        const inner = walk(n.expression);
        if (!inner) return null;
        const path = this.low.path(inner.path, n.name.text);
        levels.push({ path, node: n });
        return { param: inner.param, path };
      }
      if (tsp.isCallExpression(n)) {
        const inner = walk(n.expression);
        if (!inner) return null;
        levels.push({ path: inner.path, call: n, node: n });
        return { param: inner.param, path: this.low.path(inner.path, '()') };
      }
      return null;
    };
    const root = walk(node);
    if (!root) return false;
    if (levels.length === 0) this.push({ param: root.param, path: NO_PATH, span: this.low.span(node) });
    for (const lv of levels) {
      const use: ParamUse = { param: root.param, path: lv.path, span: this.low.span(lv.node) };
      if (lv.call) use.call = this.low.callArgs(lv.call);
      else if (written && lv === levels[levels.length - 1]) use.write = this.low.shallowExpr(written);
      this.push(use);
      if (lv.call) for (const a of lv.call.arguments) this.visit(a);
    }
    return true;
  }

  private push(use: ParamUse): void {
    if (this.fn.uses.length < MAX_CALLS_PER_FN * 2) this.fn.uses.push(use);
  }
}

/**
 * The callee's source text. A long one loses its middle, not its end: readers match the called name
 * at the end (`.pipe`, `jwt.verify`), which a long argument before it (a path template) pushed past a cut end.
 */
function calleeText(low: SourceLowering, e: ts.Expression): string {
  const t = low.text(e);
  if (t.length <= MAX_CALLEE) return t;
  const tail = tsp.isPropertyAccessExpression(e) ? Math.max(CALLEE_TAIL, e.name.text.length + 1) : CALLEE_TAIL;
  return `${t.slice(0, Math.max(0, MAX_CALLEE - 1 - tail))}…${t.slice(t.length - tail)}`;
}

/** The expression inside parentheses, `as`, `!`, `<T>` and `satisfies`. */
export function skipOuter(e: ts.Expression): ts.Expression {
  for (;;) {
    if (
      tsp.isParenthesizedExpression(e) || tsp.isAsExpression(e) || tsp.isNonNullExpression(e)
      || tsp.isTypeAssertionExpression(e) || tsp.isSatisfiesExpression(e)
    ) e = e.expression;
    else return e;
  }
}
