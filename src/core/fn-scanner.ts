// Scans one function body for what the rules and adapters need without evaluating it: how the
// function uses its parameters (`res.status(401)`, `next()`, `req.user`), what it throws and what
// it calls. Walks raw TypeScript nodes like the lowerer (see lower.ts for why).
import type { ts } from 'ts-morph';
import { fit } from './compact';
import { FLOW, type Expr, type FnIR, type ParamUse, type Span } from './ir';
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

/** Array methods that call their callback once per element, before they return. */
const ITERATIONS = new Set(['forEach', 'map', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'flatMap']);
/** Promise methods that continue a chain. */
const CHAIN_LINKS = new Set(['then', 'catch', 'finally']);
/** What an enclosing `await`, `return` or chain link passes on to the call it is made of. */
const INHERITED = FLOW.awaited | FLOW.returned | FLOW.chainCaught;

/** Records how a function body uses its parameters, what it throws and what it calls. */
export class FnScanner {
  private readonly paramIndex = new Map<string, number>();

  constructor(private readonly low: SourceLowering, private readonly fn: FnIR, params: readonly ts.ParameterDeclaration[]) {
    params.forEach((p, i) => { if (tsp.isIdentifier(p.name)) this.paramIndex.set(p.name.text, i); });
  }

  /** How the statements visited now run (FLOW bits), set around loops, try blocks and nested functions. */
  private flow = 0;
  /** FLOW bits that one node gets from where its parent puts it (an await's operand, a listener callback). */
  private readonly marks = new Map<ts.Node, number>();
  /** Expressions read only to test them (ParamUse.guard): noted at their parent, which is visited first. */
  private readonly tests = new Set<ts.Node>();

  /** Notes the expression a node tests: an `if`'s or a ternary's condition, the operand of `!`, the left of `&&`, `||`, `??`. */
  private noteTest(node: ts.Node): void {
    let tested: ts.Expression | undefined;
    if (tsp.isIfStatement(node)) tested = node.expression;
    else if (tsp.isConditionalExpression(node)) tested = node.condition;
    else if (tsp.isPrefixUnaryExpression(node) && node.operator === SK.ExclamationToken) tested = node.operand;
    else if (tsp.isBinaryExpression(node)) {
      const op = node.operatorToken.kind;
      if (op === SK.AmpersandAmpersandToken || op === SK.BarBarToken || op === SK.QuestionQuestionToken) tested = node.left;
    }
    if (tested) this.tests.add(skipOuter(tested));
  }

  scan(body: ts.Node): void {
    // An arrow's expression body is its return value.
    if (!tsp.isBlock(body)) this.mark(body, FLOW.returned);
    this.visit(body);
  }

  private visit = (node: ts.Node): void => {
    this.noteTest(node);
    if (this.controlFlow(node)) return;
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
    if (tsp.isCallExpression(node)) this.noteCall(node);
    if (tsp.isCallExpression(node) || tsp.isPropertyAccessExpression(node) || tsp.isIdentifier(node)) {
      if (this.chain(node)) return;
    }
    if (tsp.isCallExpression(node) && this.fn.calls.length < MAX_CALLS_PER_FN) {
      const flow = this.flowOf(node);
      const call = { callee: calleeText(this.low, node.expression), args: this.low.callArgs(node), span: this.low.span(node) };
      this.fn.calls.push(flow ? { ...call, flow } : call);
    }
    tsp.forEachChild(node, this.visit);
  };

  /**
   * Visits the parts of a loop, a try statement, a nested function, an `await` or a `return` with the
   * flow each part runs in; false for other nodes.
   */
  private controlFlow(node: ts.Node): boolean {
    switch (node.kind) {
      case SK.AwaitExpression:
      case SK.ReturnStatement: {
        const operand = (node as ts.AwaitExpression | ts.ReturnStatement).expression;
        if (operand) this.mark(operand, node.kind === SK.AwaitExpression ? FLOW.awaited | ((this.marks.get(node) ?? 0) & INHERITED) : FLOW.returned);
        return false;
      }
      case SK.TryStatement: {
        const t = node as ts.TryStatement;
        if (!t.catchClause) return false;
        this.within(this.flow | FLOW.caught, () => this.visit(t.tryBlock));
        this.visit(t.catchClause);
        if (t.finallyBlock) this.visit(t.finallyBlock);
        return true;
      }
      case SK.ForStatement: {
        const f = node as ts.ForStatement;
        if (f.initializer) this.visit(f.initializer);
        this.within(this.flow | FLOW.loop, () => { for (const part of [f.condition, f.incrementor, f.statement]) if (part) this.visit(part); });
        return true;
      }
      case SK.ForOfStatement:
      case SK.ForInStatement: {
        // In the order forEachChild visits them (uses and calls are recorded in source order).
        const f = node as ts.ForOfStatement | ts.ForInStatement;
        const loop = this.flow | FLOW.loop;
        this.within(loop, () => this.visit(f.initializer));
        this.visit(f.expression);
        this.within(loop, () => this.visit(f.statement));
        return true;
      }
      case SK.WhileStatement:
      case SK.DoStatement:
        this.within(this.flow | FLOW.loop, () => tsp.forEachChild(node, this.visit));
        return true;
      case SK.ArrowFunction:
      case SK.FunctionExpression:
      case SK.FunctionDeclaration:
      case SK.MethodDeclaration:
      case SK.GetAccessor:
      case SK.SetAccessor:
      case SK.Constructor: {
        // A callback runs when it is called: an array iteration calls it now, once per element (inside
        // the enclosing loop and try); anything else later, outside both.
        const mark = (this.marks.get(node) ?? 0) & (FLOW.loop | FLOW.onData);
        const iteration = (mark & FLOW.loop) !== 0;
        const body = (node as ts.FunctionLikeDeclaration).body;
        if (body && !tsp.isBlock(body)) this.mark(body, FLOW.returned);
        this.within(FLOW.nested | mark | (iteration ? this.flow & (FLOW.loop | FLOW.caught) : 0), () => tsp.forEachChild(node, this.visit));
        return true;
      }
      default: return false;
    }
  }

  /** Runs `visit` with `flow` as the current flow. */
  private within(flow: number, visit: () => void): void {
    const saved = this.flow;
    this.flow = flow;
    try { visit(); } finally { this.flow = saved; }
  }

  private mark(node: ts.Node, bits: number): void {
    const target = skipOuter(node as ts.Expression);
    this.marks.set(target, (this.marks.get(target) ?? 0) | bits);
  }

  /** The flow a call or use at `node` runs in: where it is, and what its parent made of it. */
  private flowOf(node: ts.Node): number {
    return this.flow | (this.marks.get(node) ?? 0);
  }

  /**
   * What a call makes of the nodes it is made of: its callbacks (an array iteration's run once per
   * element, a `'data'` listener once per chunk) and, for a promise chain link, the call it continues.
   */
  private noteCall(call: ts.CallExpression): void {
    const callee = skipOuter(call.expression);
    if (!tsp.isPropertyAccessExpression(callee)) return;
    const name = callee.name.text;
    if (ITERATIONS.has(name)) {
      for (const a of call.arguments) if (isFunction(a)) this.mark(a, FLOW.loop);
    } else if (name === 'on' || name === 'once' || name === 'addListener') {
      const [event, listener] = call.arguments;
      if (listener && isFunction(listener) && event && tsp.isStringLiteralLike(event) && event.text === 'data') this.mark(listener, FLOW.onData);
    } else if (CHAIN_LINKS.has(name)) {
      const handles = name === 'catch' || (name === 'then' && call.arguments.length >= 2);
      const own = (this.marks.get(call) ?? 0) & INHERITED;
      this.mark(call, FLOW.chain);
      this.mark(callee.expression, FLOW.chain | own | (handles ? FLOW.chainCaught : 0));
    }
  }

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
    // Outermost first: a chain link or an await passes its marks on to the calls it is made of.
    for (let i = levels.length - 1; i >= 0; i--) if (levels[i].call) this.noteCall(levels[i].call!);
    const guard = !written && (levels.some(lv => optionalLink(lv.node)) || this.tests.has(node));
    if (levels.length === 0) this.push({ param: root.param, path: NO_PATH, span: this.low.span(node) }, node);
    for (const lv of levels) {
      const use: ParamUse = { param: root.param, path: lv.path, span: this.low.span(lv.node) };
      if (lv.call) use.call = this.low.callArgs(lv.call);
      else if (written && lv === levels[levels.length - 1]) use.write = this.low.shallowExpr(written);
      if (guard) use.guard = true;
      this.push(use, lv.node);
      if (lv.call) for (const a of lv.call.arguments) this.visit(a);
    }
    return true;
  }

  private push(use: ParamUse, node: ts.Node): void {
    const flow = this.flowOf(node);
    if (flow) use.flow = flow;
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

function isFunction(e: ts.Expression): boolean {
  const f = skipOuter(e);
  return tsp.isArrowFunction(f) || tsp.isFunctionExpression(f);
}

/** The expression inside parentheses, `as`, `!`, `<T>` and `satisfies`. */
/** `a?.b` or `a?.()`: a link that gives undefined when what it reads is missing. */
function optionalLink(n: ts.Node): boolean {
  return (tsp.isPropertyAccessExpression(n) || tsp.isCallExpression(n)) && !!n.questionDotToken;
}

export function skipOuter(e: ts.Expression): ts.Expression {
  for (;;) {
    if (
      tsp.isParenthesizedExpression(e) || tsp.isAsExpression(e) || tsp.isNonNullExpression(e)
      || tsp.isTypeAssertionExpression(e) || tsp.isSatisfiesExpression(e)
    ) e = e.expression;
    else return e;
  }
}
