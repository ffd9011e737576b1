// The per-file intermediate representation ("facts"). Lowering a file's AST to this IR is the only
// per-file work; it is plain JSON, cached by content hash, so an edit costs one re-parse of that file.
// Everything cross-file (imports, mounts, chains) is computed from the IR, never from AST nodes.

/** An extent in the file being lowered: 0-based offsets plus 1-based line/column (positions: see model.ts). */
export interface Span {
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** An expression, reduced to what routing analysis needs. */
export type Expr =
  | { k: 'str'; v: string }
  | { k: 'num'; v: number }
  | { k: 'bool'; v: boolean }
  | { k: 'regex'; source: string; flags: string }
  /** String concatenation (template literal or `+`); parts are evaluated and joined. */
  | { k: 'concat'; parts: Expr[] }
  | { k: 'ref'; name: string; span: Span }
  | { k: 'member'; obj: Expr; prop: string | Expr; span: Span }
  /** `awaited`: the operand of an `await` (`await app.register(plugin)`): the code goes on once the promise settles. */
  | { k: 'call'; callee: Expr; args: Expr[]; span: Span; isNew?: boolean; awaited?: true }
  | { k: 'fn'; fn: FnIR }
  | { k: 'arr'; items: Expr[] }
  | { k: 'spread'; e: Expr }
  | { k: 'obj'; props: ObjProp[] }
  | { k: 'require'; spec: string }
  | { k: 'import'; spec: string }
  /**
   * One of two values. `op` says how the running program picks: `||` and `??` keep the left one when it
   * is truthy / not nullish, `&&` when it is falsy, `?:` by `test`. The interpreter picks when it knows
   * the deciding value, else keeps both.
   */
  | { k: 'cond'; alternatives: Expr[]; op?: '||' | '??' | '&&' | '?:'; test?: Expr }
  /** An assignment used as a value (`var a = exports.default = fn`); `obj` null assigns the variable `prop`. */
  | { k: 'set'; obj: Expr | null; prop: string | Expr; e: Expr; span: Span }
  | { k: 'class'; cls: ClassIR }
  | { k: 'unknown'; text: string; span: Span };

/** `get` marks a getter (`get name() {...}`): reading the property calls it. */
export type ObjProp = { key: string; value: Expr; get?: true } | { spread: Expr };

/** A class: its constructor, instance and static members, and the class it extends. */
export interface ClassIR {
  name: string | null;
  span: Span;
  /** Start offset of the class in its file, where lowerClassMembers finds it again. */
  at: number;
  ext: Expr | null;
  ctor: FnIR | null;
  /**
   * Methods and getters, on the prototype or (`static`) on the class. Their bodies are lowered on
   * first use (`fn` is filled in then): most classes in a workspace (services, models) never have
   * a method read while the program is replayed, and lowering them all cost a third more memory.
   */
  members: ClassMember[];
  /** Static fields (`static router = Router()`), evaluated when the class is. */
  staticFields: { key: string; init: Expr }[];
  /** Instance fields (`router = Router()`), initialised on `this` before the constructor body runs. */
  fields: { key: string; init: Expr }[];
}

export interface ClassMember {
  key: string;
  /** Start offset of the member in its file. */
  at: number;
  static?: true;
  get?: true;
  fn?: FnIR;
}

/** Destructuring target: a plain name, or properties picked from an object. */
export type Pattern =
  | { k: 'name'; name: string }
  | { k: 'object'; props: { key: string; target: Pattern }[] }
  | { k: 'array'; items: (Pattern | null)[] }
  /** `target = init` (a parameter or destructured property with a default value). */
  | { k: 'default'; target: Pattern; init: Expr }
  /** `...rest` parameter: an array of the remaining arguments. */
  | { k: 'rest'; target: Pattern }
  | { k: 'ignore' };

/** A statement, reduced to the effects that matter: bindings, calls, exports, loops and returns. */
export type Stmt =
  | { k: 'expr'; e: Expr }
  | { k: 'bind'; target: Pattern; e: Expr }
  /** `obj.prop = e` (module.exports, exports.x, server.keepAliveTimeout...). */
  | { k: 'assign'; obj: Expr; prop: string; e: Expr; span: Span }
  /** `for (const x of iter)` and `iter.forEach((x) => ...)`: body runs once per known element. */
  | { k: 'loop'; target: Pattern; iter: Expr; body: Stmt[] }
  /**
   * A plain `{ }`, a try statement, a switch, or a loop other than for-of (while, for, for-in, do): its
   * statements may or may not run; we assume they run once. Evaluation reads `body` alone; `try` and
   * `loop` say what was written, for rules (a try's clauses are one list in `body`: see TryClauses).
   */
  | { k: 'block'; body: Stmt[]; try?: TryClauses; loop?: true }
  /**
   * `if`: evaluation runs the branch a test it knows picks (a literal flag: `if (options.admin)`),
   * else both (we assume they run); rules read them apart (E23).
   */
  | { k: 'if'; test: Expr; then: Stmt[]; else: Stmt[] }
  /**
   * `e` is null for a bare `return;`: no value, but the end of that path (E23). `span` (the whole
   * statement) only when it returns a value: an async Fastify handler's `return obj` is serialized (stop 6).
   */
  | { k: 'return'; e: Expr | null; span?: Span };

/**
 * Where a try statement's clauses start in its block's `body`, which holds the try block's statements,
 * then the catch clause's, then the finally block's: `body.slice(0, catchAt ?? finallyAt ?? body.length)`
 * is the try block. `catchAt` is null without a catch clause (try/finally), `finallyAt` without a finally.
 */
export interface TryClauses {
  catchAt: number | null;
  finallyAt: number | null;
}

/**
 * How a call or a parameter use runs within the function that records it (FnIR.calls and uses,
 * `flow`): bits, absent when none is set. Read by rules through the handler reach facts.
 */
export const FLOW = {
  /** In a loop's body (for, while, do, for-in, for-of) or a callback of an array iteration (forEach, map, reduce...). */
  loop: 1,
  /** In the try block of a try statement that has a catch clause (a synchronous array-iteration callback inside it too). */
  caught: 2,
  /** Its value is awaited: the operand of `await`, or the head of a promise chain whose end is. */
  awaited: 4,
  /** In a function written inside this one (a callback): it runs when that function is called. */
  nested: 8,
  /** The head or a link of a promise chain: `f().then(...)`, `f().catch(...)`. */
  chain: 16,
  /** A later link of its promise chain handles a rejection: `.catch(fn)` or `.then(ok, fail)`. */
  chainCaught: 32,
  /** In a listener of a stream's `'data'` event (`src.on('data', chunk => ...)`): runs once per chunk. */
  onData: 64,
  /** Its value is the value its function returns (`return f()`, an arrow's expression body), through await and a promise chain. */
  returned: 128,
} as const;

/** How a function uses one of its parameters (`res.status(401)`, `next()`, `req.user`). */
export interface ParamUse {
  param: number;
  /** Member path from the parameter: [] is the parameter itself, ['status'] is `p.status`. */
  path: string[];
  /** Set when the access is called: `p.status(401)` has call args `[401]`. */
  call?: Expr[];
  /** Set when a call result is chained: `res.status(401).json(...)` records ['status'] then ['status','()','json']. */
  span: Span;
  /**
   * Set when the member is assigned to (`ctx.status = 401`, `ctx.body = stream`, `req.user = x`): the
   * value written. Such a use is a write, not a read (`reply.code(401)` is a call: `call`, no `write`).
   */
  write?: Expr;
  /** How the use runs in its function (FLOW bits); absent when none is set. */
  flow?: number;
  /**
   * Read to test whether it is there (`if (req.user)`, `req.user ? a : b`, `!req.user`, `req.user &&
   * …`) or through optional chaining (`req.user?.id`): the code expects it may be missing.
   */
  guard?: true;
}

export interface FnIR {
  /** Declared name (function name, or the variable it was assigned to). */
  name: string | null;
  params: Pattern[];
  /** What `fn.length` would be at run time: parameters before the first default or rest. */
  length: number;
  async: boolean;
  generator: boolean;
  /** Arrow functions take `this` from where they are written. */
  arrow?: true;
  span: Span;
  /** Span of the header (`function name(a, b)` / `(a, b) =>`), for compact annotations. */
  headSpan: Span;
  body: Stmt[];
  /** Function declarations inside the body (hoisted). */
  hoisted: Record<string, FnIR>;
  uses: ParamUse[];
  /** Names of constructors thrown (`throw new UnauthorizedError()`), and literal statuses thrown via http-errors. */
  throws: string[];
  /** Every call made inside the body, with its callee's source text (`createError`, `jwt.verify`). */
  calls: CallIR[];
}

/** A call made inside a function body, with its callee's source text (`createError`, `jwt.verify`). */
export interface CallIR {
  callee: string;
  args: Expr[];
  span: Span;
  /** How the call runs in the function (FLOW bits); absent when none is set. */
  flow?: number;
}

export interface ImportBinding {
  spec: string;
  /** 'default', '*' (namespace), a named export, or '' for a side-effect import. */
  name: string;
  /**
   * Set on what is left of `import { type A } from 'x'` (every name a type) or, in TypeScript,
   * `import {} from 'x'`: compilers erase the line, so the module is not loaded, unless tsconfig's
   * `verbatimModuleSyntax` (or `preserveValueImports` / `importsNotUsedAsValues: "preserve"`) keeps it
   * as a side-effect import. (`import type ...` leaves nothing at all.)
   */
  erased?: true;
}

export interface ModuleIR {
  /**
   * Local name → where it is imported from (ESM `import`), in source order. CommonJS `require` stays in
   * expressions. A side-effect import (`import './routes'`) has the key `side effect: ./routes` (never an
   * identifier) and name ''. Type-only imports bind nothing: types are erased before the code runs.
   */
  imports: Record<string, ImportBinding>;
  /** Top-level function declarations (hoisted). */
  hoisted: Record<string, FnIR>;
  /** Top-level statements in source order. */
  body: Stmt[];
  /** ESM exports: export name → expression (a `ref` for `export { a as b }`). */
  exports: Record<string, Expr>;
  /** `export * from 'x'` and `export { a } from 'x'`. */
  reexports: { spec: string; names: { from: string; as: string }[] | '*' }[];
  /** Module specifiers this file depends on (import, require, re-export). */
  deps: string[];
  /** `// seven-stops-ignore-next-line <rule>`: line (1-based) → rule ids ('*' for all). */
  ignores: Record<number, string[]>;
  /** Parse diagnostics count (syntax errors); the IR is still produced from what parsed. */
  syntaxErrors: number;
  /** Whether the file is ESM syntax (import/export present). */
  esm: boolean;
}
