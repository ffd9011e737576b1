// Lowers one source file to the IR in ir.ts. This is the per-file hot path, so it walks the raw
// TypeScript nodes (ts-morph's `compilerNode` level) directly: ts-morph's wrapper walks cost 3-24x
// more (shared/docs/performance-notes.md). Never throws on bad input: unknown syntax becomes `unknown`.
import type { ts } from 'ts-morph';
import { fit } from './compact';
import { FnScanner, skipOuter, type SourceLowering } from './fn-scanner';
import type { ClassIR, Expr, FnIR, ModuleIR, ObjProp, Pattern, Span, Stmt } from './ir';
import { exportAssignment, exportDeclaration, exportDefault, importDeclaration, importEquals, type ModuleLowering } from './lower-modules';
import { elementKey, hasModifier, literalKey, nameOf, patternNames, syntaxErrorCount } from './lower-syntax';
import { LineSpan, parse } from './parse-source';
import { LOADS_MODULES, preparse } from './preparse';
import { SK, tsp } from './ts-plain';

const UNKNOWN_TEXT_MAX = 80;

/** A function's hoisted declarations when it has none (most): one frozen object instead of one each. */
const NO_HOISTED: Record<string, FnIR> = Object.freeze({});

/**
 * Lowers the methods of a class lowered earlier from the same text (see ClassMember): parses the
 * file again, once per class whose methods the program reads. Never throws.
 */
export function lowerClassMembers(fileName: string, text: string, cls: ClassIR): void {
  try {
    const sf = parse(fileName, text);
    new Lowerer(sf, text, null).classMembers(cls);
  } catch {
    // A member left without `fn` reads as undefined.
  }
}

/** Parses and lowers a file; `fileName` only picks the script kind (ts/tsx/js/jsx). */
export function lowerSource(fileName: string, text: string): ModuleIR {
  return lowerPreparsed(fileName, text) ?? lowerWhole(fileName, text);
}

/**
 * The file lowered from its text with method bodies blanked (preparse.ts), or null when there was
 * nothing to blank or TypeScript's parse does not agree on every blanked body.
 */
export function lowerPreparsed(fileName: string, text: string): ModuleIR | null {
  const pre = preparse(fileName, text);
  if (!pre) return null;
  const sf = parse(fileName, pre.text);
  if (syntaxErrorCount(sf) > 0) return null;
  const low = new Lowerer(sf, text, pre.bodies);
  const ir = low.module();
  return low.unmatchedBodies === 0 ? ir : null;
}

/** The file lowered from its whole text, every method body parsed (tests compare it with lowerPreparsed). */
export function lowerWhole(fileName: string, text: string): ModuleIR {
  return new Lowerer(parse(fileName, text), text, null).module();
}

const IGNORE_RE = /seven-stops-ignore-next-line\b([^\n]*)/g;

class Lowerer implements SourceLowering, ModuleLowering {
  readonly ir: ModuleIR = {
    imports: {}, hoisted: {}, body: [], exports: {}, reexports: [], deps: [], ignores: {}, syntaxErrors: 0, esm: false,
  };

  /**
   * Set while lowering the arguments FnScanner records: those need literals, names and call shapes,
   * never the bodies of callbacks, which the enclosing statement lowering already lowered once.
   * Lowering them again doubled the work at every level of nesting.
   */
  private shallow = false;
  exportEquals = false;
  /** TypeScript sources: their compilers erase import lines that bind no value (set in the constructor). */
  readonly typeScript: boolean;
  /** Whether the file calls require() or import() anywhere (see collectDeps). */
  private loads: boolean | undefined;

  /**
   * `sf` may have been parsed from a text with method bodies blanked (`blanked`: their `{` offset →
   * end); `source` is the file's own text, which source snippets and comments are read from.
   */
  constructor(private readonly sf: ts.SourceFile, private readonly source: string, private readonly blanked: Map<number, number> | null) {
    this.typeScript = /\.[cm]?tsx?$/i.test(sf.fileName);
  }

  /** Blanked bodies (preparse.ts) not found as the body of a class method, getter or setter. */
  get unmatchedBodies(): number {
    return this.blanked?.size ?? 0;
  }

  /** An expression for a recorded use or call argument: callbacks stay opaque. */
  shallowExpr(node: ts.Expression): Expr {
    const was = this.shallow;
    this.shallow = true;
    try { return this.expr(node); } finally { this.shallow = was; }
  }

  module(): ModuleIR {
    this.ir.syntaxErrors = syntaxErrorCount(this.sf);
    this.ir.body = this.statements(this.sf.statements, this.ir.hoisted, true);
    // A file with `export =` is CommonJS even when it also has `import` lines (TS forbids other exports).
    if (this.exportEquals) this.ir.esm = false;
    this.collectIgnores();
    this.ir.deps = [...new Set(this.ir.deps)];
    return this.ir;
  }

  // ---- spans -------------------------------------------------------------------------------------

  span(node: ts.Node, endNode: ts.Node = node): Span {
    return this.spanAt(node.getStart(this.sf), endNode.end);
  }

  /**
   * A span from offsets; the file's line table is made once, on the first span. One object per
   * extent: a node's span is asked for again by the scanner (a use, a call) and by enclosing nodes
   * that end where it does, and the IR keeps every span for as long as the file is unchanged.
   */
  private spanAt(start: number, end: number): Span {
    // start × (length + 1) + end is exact below 2⁵³ for any file under 90 MB (files are capped far below).
    const key = start * (this.source.length + 1) + end;
    let span = this.spans.get(key);
    if (!span) this.spans.set(key, (span = new LineSpan(start, end, this.lineStarts ??= this.sf.getLineStarts())));
    return span;
  }

  private lineStarts: readonly number[] | undefined;
  private readonly spans = new Map<number, LineSpan>();

  text(node: ts.Node): string {
    return this.source.slice(node.getStart(this.sf), node.end);
  }

  // ---- statements --------------------------------------------------------------------------------

  statements(list: readonly ts.Statement[], hoisted: Record<string, FnIR>, topLevel: boolean): Stmt[] {
    const out: Stmt[] = [];
    for (const st of list) this.statement(st, out, hoisted, topLevel);
    return fit(out);
  }

  /** One statement, by family: module links (lower-modules.ts), declarations, expressions, control flow. */
  private statement(st: ts.Statement, out: Stmt[], hoisted: Record<string, FnIR>, topLevel: boolean): void {
    switch (st.kind) {
      case SK.ImportDeclaration: return importDeclaration(this, st as ts.ImportDeclaration);
      case SK.ExportDeclaration: return exportDeclaration(this, st as ts.ExportDeclaration);
      case SK.ExportAssignment: return exportAssignment(this, st as ts.ExportAssignment, out);
      case SK.ImportEqualsDeclaration: return importEquals(this, st as ts.ImportEqualsDeclaration, out);
      case SK.FunctionDeclaration:
      case SK.VariableStatement:
      case SK.ClassDeclaration:
        return this.declaration(st, out, hoisted, topLevel && hasModifier(st, SK.ExportKeyword));
      case SK.ExpressionStatement: return this.expressionStatement((st as ts.ExpressionStatement).expression, out, hoisted);
      default: return this.controlFlow(st, out, hoisted);
    }
  }

  /** A function, variable or class declaration, and what it exports when `exported`. */
  private declaration(st: ts.Statement, out: Stmt[], hoisted: Record<string, FnIR>, exported: boolean): void {
    const isDefault = exported && hasModifier(st, SK.DefaultKeyword);
    if (tsp.isFunctionDeclaration(st)) {
      const fn = this.fn(st, st.name?.text ?? null);
      if (st.name) hoisted[st.name.text] = fn;
      if (exported) {
        this.ir.esm = true;
        this.ir.exports[isDefault ? 'default' : st.name!.text] = st.name ? this.refTo(st.name) : { k: 'fn', fn };
      }
      return;
    }
    if (tsp.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const target = this.pattern(d.name);
        const init: Expr = d.initializer ? this.expr(d.initializer, nameOf(d.name)) : { k: 'unknown', text: 'undefined', span: this.span(d) };
        out.push({ k: 'bind', target, e: init });
        if (exported) {
          this.ir.esm = true;
          for (const n of patternNames(target)) this.ir.exports[n] = { k: 'ref', name: n, span: this.span(d.name) };
        }
      }
      return;
    }
    const cls = st as ts.ClassDeclaration;
    const e: Expr = { k: 'class', cls: this.classIR(cls) };
    if (cls.name) out.push({ k: 'bind', target: { k: 'name', name: cls.name.text }, e });
    if (exported) {
      this.ir.esm = true;
      if (cls.name) this.ir.exports[isDefault ? 'default' : cls.name.text] = this.refTo(cls.name);
      else if (isDefault) exportDefault(this, out, e, cls);
    }
  }

  /**
   * Blocks, branches, loops and `return`: their bodies lowered in place (a loop over a known array
   * runs its body per item; other loops and `try` run theirs once, marked for rules: `loop`, `try`).
   */
  private controlFlow(st: ts.Statement, out: Stmt[], hoisted: Record<string, FnIR>): void {
    if (tsp.isIfStatement(st)) {
      const then: Stmt[] = [];
      const otherwise: Stmt[] = [];
      this.statement(st.thenStatement, then, hoisted, false);
      if (st.elseStatement) this.statement(st.elseStatement, otherwise, hoisted, false);
      out.push({ k: 'if', test: this.shallowExpr(st.expression), then: fit(then), else: fit(otherwise) });
      return;
    }
    if (tsp.isBlock(st)) {
      out.push({ k: 'block', body: this.statements(st.statements, hoisted, false) });
      return;
    }
    if (tsp.isTryStatement(st)) {
      const body = [...this.statements(st.tryBlock.statements, hoisted, false)];
      const catchAt = st.catchClause ? body.length : null;
      if (st.catchClause) body.push(...this.statements(st.catchClause.block.statements, hoisted, false));
      const finallyAt = st.finallyBlock ? body.length : null;
      if (st.finallyBlock) body.push(...this.statements(st.finallyBlock.statements, hoisted, false));
      out.push({ k: 'block', body: fit(body), try: { catchAt, finallyAt } });
      return;
    }
    if (tsp.isForOfStatement(st)) {
      const init = st.initializer;
      const target: Pattern = tsp.isVariableDeclarationList(init)
        ? (init.declarations[0] ? this.pattern(init.declarations[0].name) : { k: 'ignore' })
        : tsp.isIdentifier(init) ? { k: 'name', name: init.text } : { k: 'ignore' };
      const body: Stmt[] = [];
      this.statement(st.statement, body, hoisted, false);
      out.push({ k: 'loop', target, iter: this.expr(st.expression), body: fit(body) });
      return;
    }
    if (tsp.isIterationStatement(st, false) || tsp.isLabeledStatement(st)) {
      const inner = tsp.isLabeledStatement(st) ? st.statement : (st as ts.IterationStatement).statement;
      const body: Stmt[] = [];
      this.statement(inner, body, hoisted, false);
      out.push(tsp.isLabeledStatement(st) ? { k: 'block', body: fit(body) } : { k: 'block', body: fit(body), loop: true });
      return;
    }
    if (tsp.isSwitchStatement(st)) {
      const body: Stmt[] = [];
      for (const clause of st.caseBlock.clauses) for (const s of clause.statements) this.statement(s, body, hoisted, false);
      out.push({ k: 'block', body: fit(body) });
      return;
    }
    if (tsp.isReturnStatement(st)) {
      out.push(st.expression ? { k: 'return', e: this.expr(st.expression), span: this.span(st) } : { k: 'return', e: null });
      return;
    }
    // Type declarations, empty statements, throw, debugger...: no routing effect.
  }

  private expressionStatement(e: ts.Expression, out: Stmt[], hoisted: Record<string, FnIR>): void {
    e = skipOuter(e);
    if (tsp.isBinaryExpression(e) && e.operatorToken.kind === SK.EqualsToken) {
      const left = skipOuter(e.left);
      if (tsp.isIdentifier(left)) {
        // `x = e` assigns the binding where it was declared (a function setting a module variable).
        out.push({ k: 'expr', e: { k: 'set', obj: null, prop: left.text, e: this.expr(e.right, left.text), span: this.span(e) } });
        return;
      }
      if (tsp.isPropertyAccessExpression(left) || tsp.isElementAccessExpression(left)) {
        const prop = tsp.isPropertyAccessExpression(left) ? left.name.text : elementKey(left.argumentExpression);
        if (prop !== null) {
          out.push({ k: 'assign', obj: this.expr(left.expression), prop, e: this.expr(e.right, prop), span: this.span(e) });
          return;
        }
      }
    }
    // `list.forEach((item) => { ... })` is a loop over a (possibly known) array.
    if (tsp.isCallExpression(e) && tsp.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'forEach') {
      const cb = e.arguments[0] ? skipOuter(e.arguments[0]) : undefined;
      if (cb && (tsp.isArrowFunction(cb) || tsp.isFunctionExpression(cb)) && cb.parameters[0]) {
        const body: Stmt[] = tsp.isBlock(cb.body) ? this.statements(cb.body.statements, hoisted, false) : [{ k: 'expr', e: this.expr(cb.body) }];
        out.push({ k: 'loop', target: this.pattern(cb.parameters[0].name), iter: this.expr(e.expression.expression), body });
        return;
      }
    }
    out.push({ k: 'expr', e: this.expr(e) });
  }

  private refTo(id: ts.Identifier): Expr {
    return { k: 'ref', name: id.text, span: this.span(id) };
  }

  // ---- patterns ----------------------------------------------------------------------------------

  private readonly names = new Map<string, Pattern>();
  private readonly paramLists = new Map<string, Pattern[]>();

  /** Parameter lists of plain names, one per list in the file (most handlers take `(req, res)`). */
  private params(list: Pattern[]): Pattern[] {
    if (!list.every(p => p.k === 'name')) return list;
    const key = list.map(p => (p as { name: string }).name).join(',');
    const known = this.paramLists.get(key);
    if (known) return known;
    this.paramLists.set(key, list);
    return list;
  }

  pattern(name: ts.BindingName): Pattern {
    if (tsp.isIdentifier(name)) {
      // Patterns are never written to: one per name in the file (every handler binds `req` and `res`).
      let p = this.names.get(name.text);
      if (!p) this.names.set(name.text, (p = { k: 'name', name: name.text }));
      return p;
    }
    if (tsp.isObjectBindingPattern(name)) {
      const props: { key: string; target: Pattern }[] = [];
      for (const el of name.elements) {
        if (el.dotDotDotToken) continue;
        const key = el.propertyName ? literalKey(el.propertyName) : tsp.isIdentifier(el.name) ? el.name.text : null;
        if (key !== null) props.push({ key, target: this.withDefault(this.pattern(el.name), el.initializer) });
      }
      return { k: 'object', props: fit(props) };
    }
    return { k: 'array', items: name.elements.map(el => (tsp.isOmittedExpression(el) ? null : this.withDefault(this.pattern(el.name), el.initializer))) };
  }

  private withDefault(target: Pattern, init: ts.Expression | undefined): Pattern {
    return init ? { k: 'default', target, init: this.expr(init, target.k === 'name' ? target.name : null) } : target;
  }

  // ---- expressions -------------------------------------------------------------------------------

  /**
   * Expressions with no function or class inside, by node. The scanner lowers call arguments again
   * (shallowly) for a function's uses and calls; where nothing inside is a function, both ways give
   * the same IR, so the uses and calls share the body's objects instead of holding copies.
   */
  private readonly plain = new Map<ts.Node, Expr>();
  /** Functions and classes lowered, or left opaque by a shallow lowering, so far (see `plain`). */
  private opaque = 0;

  expr(node: ts.Expression, nameHint: string | null = null): Expr {
    const e = skipOuter(node);
    const known = this.plain.get(e);
    if (known) return known;
    const opaque = this.opaque;
    const ir = this.lowerExpr(e, nameHint);
    if (this.opaque === opaque) this.plain.set(e, ir);
    return ir;
  }

  private lowerExpr(e: ts.Expression, nameHint: string | null): Expr {
    // One switch on the kind: the chain of tsp.isX calls it replaces was a tenth of lowering.
    switch (e.kind) {
      case SK.StringLiteral:
      case SK.NoSubstitutionTemplateLiteral:
        return { k: 'str', v: (e as ts.StringLiteralLike).text };
      case SK.NumericLiteral: return { k: 'num', v: Number((e as ts.NumericLiteral).text) };
      case SK.TrueKeyword: return { k: 'bool', v: true };
      case SK.FalseKeyword: return { k: 'bool', v: false };
      case SK.RegularExpressionLiteral: {
        const m = /^\/(.*)\/([a-z]*)$/s.exec((e as ts.RegularExpressionLiteral).text);
        return m ? { k: 'regex', source: m[1], flags: m[2] } : this.unknown(e);
      }
      case SK.TemplateExpression: {
        const t = e as ts.TemplateExpression;
        const parts: Expr[] = [{ k: 'str', v: t.head.text }];
        for (const sp of t.templateSpans) parts.push(this.expr(sp.expression), { k: 'str', v: sp.literal.text });
        return { k: 'concat', parts: fit(parts) };
      }
      case SK.BinaryExpression: {
        const b = e as ts.BinaryExpression;
        const op = b.operatorToken.kind;
        if (op === SK.PlusToken) return this.plusChain(b);
        const logical = op === SK.BarBarToken ? '||' : op === SK.QuestionQuestionToken ? '??' : op === SK.AmpersandAmpersandToken ? '&&' : null;
        if (logical) return { k: 'cond', op: logical, alternatives: [this.expr(b.left, nameHint), this.expr(b.right, nameHint)] };
        if (op === SK.CommaToken) return this.expr(b.right, nameHint);
        if (op === SK.EqualsToken) return this.assignment(b) ?? this.unknown(e);
        return this.unknown(e);
      }
      case SK.ConditionalExpression: {
        const c = e as ts.ConditionalExpression;
        return { k: 'cond', op: '?:', test: this.expr(c.condition), alternatives: [this.expr(c.whenTrue, nameHint), this.expr(c.whenFalse, nameHint)] };
      }
      case SK.Identifier: {
        const name = (e as ts.Identifier).text;
        return name === 'undefined' ? this.unknown(e) : { k: 'ref', name, span: this.span(e) };
      }
      case SK.ThisKeyword: return { k: 'ref', name: 'this', span: this.span(e) };
      case SK.SuperKeyword: return { k: 'ref', name: 'super', span: this.span(e) };
      case SK.ClassExpression: return this.shallow ? this.opaqueUnknown(e) : { k: 'class', cls: this.classIR(e as ts.ClassExpression, nameHint) };
      case SK.PropertyAccessExpression: {
        const p = e as ts.PropertyAccessExpression;
        return { k: 'member', obj: this.expr(p.expression), prop: p.name.text, span: this.span(e) };
      }
      case SK.ElementAccessExpression: {
        const el = e as ts.ElementAccessExpression;
        const key = elementKey(el.argumentExpression);
        return { k: 'member', obj: this.expr(el.expression), prop: key ?? this.expr(el.argumentExpression), span: this.span(e) };
      }
      case SK.CallExpression: return this.call(e as ts.CallExpression);
      case SK.NewExpression: {
        const n = e as ts.NewExpression;
        return { k: 'call', callee: this.expr(n.expression), args: (n.arguments ?? []).map(a => this.arg(a)), span: this.span(e), isNew: true };
      }
      case SK.ArrowFunction:
      case SK.FunctionExpression: {
        if (this.shallow) return this.opaqueUnknown(e);
        const f = e as ts.ArrowFunction | ts.FunctionExpression;
        return { k: 'fn', fn: this.fn(f, (tsp.isFunctionExpression(f) && f.name?.text) || nameHint) };
      }
      case SK.ArrayLiteralExpression: return { k: 'arr', items: (e as ts.ArrayLiteralExpression).elements.map(a => this.arg(a)) };
      case SK.ObjectLiteralExpression: return { k: 'obj', props: this.objectProps(e as ts.ObjectLiteralExpression) };
      case SK.AwaitExpression: {
        const operand = this.expr((e as ts.AwaitExpression).expression, nameHint);
        return operand.k === 'call' ? { ...operand, awaited: true } : operand;
      }
      default: return this.unknown(e);
    }
  }

  /** `a = b` used as a value (chained `x = exports.y = e`); null for targets we do not model. */
  private assignment(e: ts.BinaryExpression): Expr | null {
    const left = skipOuter(e.left);
    if (tsp.isIdentifier(left)) return { k: 'set', obj: null, prop: left.text, e: this.expr(e.right, left.text), span: this.span(e) };
    if (tsp.isPropertyAccessExpression(left)) {
      return { k: 'set', obj: this.expr(left.expression), prop: left.name.text, e: this.expr(e.right, left.name.text), span: this.span(e) };
    }
    if (tsp.isElementAccessExpression(left)) {
      const key = elementKey(left.argumentExpression);
      return { k: 'set', obj: this.expr(left.expression), prop: key ?? this.expr(left.argumentExpression), e: this.expr(e.right, key), span: this.span(e) };
    }
    return null;
  }

  /** A class declaration or expression: constructor and fields lowered, methods kept for later (ClassMember). */
  private classIR(node: ts.ClassLikeDeclaration, nameHint: string | null = null): ClassIR {
    this.opaque++;
    const name = node.name?.text ?? nameHint;
    const ext = node.heritageClauses?.find(h => h.token === SK.ExtendsKeyword)?.types[0]?.expression;
    const cls: ClassIR = {
      name, span: this.span(node.name ?? node), at: node.getStart(this.sf), ext: ext ? this.expr(ext) : null,
      ctor: null, members: [], staticFields: [], fields: [],
    };
    for (const m of node.members) {
      if (tsp.isConstructorDeclaration(m)) { if (m.body) cls.ctor = this.fn(m, name); continue; }
      const accessor = tsp.isMethodDeclaration(m) || tsp.isGetAccessorDeclaration(m) || tsp.isSetAccessorDeclaration(m);
      // A blanked body loads nothing (preparse keeps those): no dependencies to collect from it.
      const blanked = accessor && !!m.body && this.wasBlanked(m.body);
      const key = m.name ? literalKey(m.name) : null;
      if (key === null || tsp.isSetAccessorDeclaration(m)) continue;
      const isStatic = hasModifier(m, SK.StaticKeyword);
      if (tsp.isMethodDeclaration(m) || tsp.isGetAccessorDeclaration(m)) {
        if (!m.body) continue;
        cls.members.push({
          key, at: m.getStart(this.sf),
          ...(isStatic ? { static: true as const } : {}), ...(tsp.isGetAccessorDeclaration(m) ? { get: true as const } : {}),
        });
        if (!blanked) this.collectDeps(m.body);
      } else if (tsp.isPropertyDeclaration(m)) {
        const init: Expr = m.initializer ? this.expr(m.initializer, key) : { k: 'unknown', text: 'undefined', span: this.span(m) };
        (isStatic ? cls.staticFields : cls.fields).push({ key, init });
      }
    }
    return cls;
  }

  /** Whether a method body is one preparse blanked, counting it as found. */
  private wasBlanked(body: ts.Block): boolean {
    const start = body.getStart(this.sf);
    if (this.blanked?.get(start) !== body.end) return false;
    this.blanked.delete(start);
    return true;
  }

  /** The require() and import() specifiers in a body that is not lowered now (a class method's). */
  private collectDeps(body: ts.Node): void {
    // Most files load nothing outside their import lines: then there is nothing to walk for.
    this.loads ??= LOADS_MODULES.test(this.source);
    if (!this.loads) return;
    const visit = (n: ts.Node): void => {
      if (tsp.isCallExpression(n)) {
        const first = n.arguments[0];
        const callee = n.expression;
        const isLoad = (tsp.isIdentifier(callee) && callee.text === 'require') || callee.kind === SK.ImportKeyword;
        if (first && tsp.isStringLiteralLike(first) && isLoad) this.ir.deps.push(first.text);
      }
      tsp.forEachChild(n, visit);
    };
    visit(body);
  }

  /** Lowers the methods and getters of the class that starts at `cls.at`, filling in each member's `fn`. */
  classMembers(cls: ClassIR): void {
    const byStart = new Map(cls.members.map(m => [m.at, m]));
    const visit = (n: ts.Node): void => {
      if (cls.at < n.pos || cls.at >= n.end) return;
      if ((tsp.isClassDeclaration(n) || tsp.isClassExpression(n)) && n.getStart(this.sf) === cls.at) {
        for (const m of n.members) {
          const entry = byStart.get(m.getStart(this.sf));
          if (entry && (tsp.isMethodDeclaration(m) || tsp.isGetAccessorDeclaration(m))) entry.fn = this.fn(m, entry.key);
        }
        return;
      }
      tsp.forEachChild(n, visit);
    };
    visit(this.sf);
  }

  private arg(a: ts.Expression): Expr {
    return tsp.isSpreadElement(a) ? { k: 'spread', e: this.expr(a.expression) } : this.expr(a);
  }

  private call(e: ts.CallExpression): Expr {
    const callee = skipOuter(e.expression);
    const first = e.arguments[0];
    if (tsp.isIdentifier(callee) && callee.text === 'require' && first && tsp.isStringLiteralLike(first)) {
      this.ir.deps.push(first.text);
      return { k: 'require', spec: first.text };
    }
    if (callee.kind === SK.ImportKeyword && first && tsp.isStringLiteralLike(first)) {
      this.ir.deps.push(first.text);
      return { k: 'import', spec: first.text };
    }
    return { k: 'call', callee: this.expr(callee), args: e.arguments.map(a => this.arg(a)), span: this.span(e) };
  }

  private objectProps(e: ts.ObjectLiteralExpression): ObjProp[] {
    const props: ObjProp[] = [];
    for (const p of e.properties) {
      if (tsp.isSpreadAssignment(p)) { props.push({ spread: this.expr(p.expression) }); continue; }
      const key = p.name ? literalKey(p.name) : null;
      if (key === null) continue;
      if (tsp.isPropertyAssignment(p)) props.push({ key, value: this.expr(p.initializer, key) });
      else if (tsp.isShorthandPropertyAssignment(p)) props.push({ key, value: { k: 'ref', name: p.name.text, span: this.span(p.name) } });
      else if (tsp.isMethodDeclaration(p)) props.push({ key, value: this.shallow ? this.opaqueUnknown(p) : { k: 'fn', fn: this.fn(p, key) } });
      else if (tsp.isGetAccessorDeclaration(p)) {
        if (this.shallow) this.opaque++;
        else props.push({ key, value: { k: 'fn', fn: this.fn(p, key) }, get: true });
      }
    }
    return fit(props);
  }

  /** Member paths of parameter uses (`['user', 'id']`), one array per path in the file: most handlers read the same few. */
  path(prefix: string[], step: string): string[] {
    let steps = this.paths.get(prefix);
    if (!steps) this.paths.set(prefix, (steps = new Map()));
    let path = steps.get(step);
    if (!path) steps.set(step, (path = fit([...prefix, step])));
    return path;
  }

  private readonly paths = new Map<string[], Map<string, string[]>>();

  callArgs(call: ts.CallExpression): Expr[] {
    // A spread argument is `{ k: 'spread' }` in the call's list and opaque here; otherwise they agree.
    const lowered = this.plain.get(call);
    if (lowered?.k === 'call' && !call.arguments.some(a => tsp.isSpreadElement(a))) return lowered.args;
    return call.arguments.map(a => this.shallowExpr(a));
  }

  /** A function or class a shallow lowering leaves opaque. */
  private opaqueUnknown(e: ts.Node): Expr {
    this.opaque++;
    return this.unknown(e);
  }


  /**
   * `a + b + c` parses left-deep: lowered as one flat list, so a long chain (generated code, a
   * 2,000-term string) costs no recursion here or when the interpreter joins it.
   */
  private plusChain(b: ts.BinaryExpression): Expr {
    const rights: ts.Expression[] = [];
    let left: ts.Expression = b;
    while (left.kind === SK.BinaryExpression && (left as ts.BinaryExpression).operatorToken.kind === SK.PlusToken) {
      rights.push((left as ts.BinaryExpression).right);
      left = (left as ts.BinaryExpression).left;
    }
    const parts = [this.expr(left)];
    for (let i = rights.length - 1; i >= 0; i--) parts.push(this.expr(rights[i]));
    return { k: 'concat', parts };
  }

  private unknown(e: ts.Node): Expr {
    const text = this.text(e);
    return { k: 'unknown', text: text.length > UNKNOWN_TEXT_MAX ? text.slice(0, UNKNOWN_TEXT_MAX) + '…' : text, span: this.span(e) };
  }

  // ---- functions ---------------------------------------------------------------------------------

  fn(node: ts.FunctionLikeDeclaration, name: string | null): FnIR {
    this.opaque++;
    const params = this.params(node.parameters.map((p): Pattern => (
      p.dotDotDotToken ? { k: 'rest', target: this.pattern(p.name) } : this.withDefault(this.pattern(p.name), p.initializer)
    )));
    let length = 0;
    for (const p of node.parameters) {
      if (p.initializer || p.dotDotDotToken) break; // fn.length stops at the first default or rest (E19)
      if (tsp.isIdentifier(p.name) && p.name.text === 'this') continue;
      length++;
    }
    const hoisted: Record<string, FnIR> = {};
    const body = node.body;
    let stmts: Stmt[] = [];
    if (body && tsp.isBlock(body)) stmts = this.statements(body.statements, hoisted, false);
    else if (body) stmts = [{ k: 'return', e: this.expr(body as ts.Expression), span: this.span(body) }];
    const headEnd = body ? body.getStart(this.sf) : node.end;
    const start = node.getStart(this.sf);
    const fn: FnIR = {
      name,
      params,
      length,
      async: hasModifier(node, SK.AsyncKeyword),
      generator: !!node.asteriskToken,
      ...(tsp.isArrowFunction(node) ? { arrow: true as const } : {}),
      span: this.span(node),
      headSpan: this.spanAt(start, headEnd),
      body: stmts,
      hoisted,
      uses: [],
      throws: [],
      calls: [],
    };
    if (body) new FnScanner(this, fn, node.parameters).scan(body);
    // Complete now, and kept as long as the file is unchanged: at their size (see compact.ts).
    fn.uses = fit(fn.uses);
    fn.throws = fit(fn.throws);
    fn.calls = fit(fn.calls);
    if (Object.keys(hoisted).length === 0) fn.hoisted = NO_HOISTED;
    return fn;
  }

  private collectIgnores(): void {
    const text = this.source;
    if (!text.includes('seven-stops-ignore')) return;
    IGNORE_RE.lastIndex = 0;
    for (let m = IGNORE_RE.exec(text); m; m = IGNORE_RE.exec(text)) {
      const line = this.sf.getLineAndCharacterOfPosition(m.index).line + 1;
      const ids = m[1].replace(/\*\/.*$/, '').split(/[\s,]+/).filter(Boolean);
      this.ir.ignores[line + 1] = ids.length ? ids : ['*'];
    }
  }
}
