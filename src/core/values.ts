// Abstract values produced by evaluating the IR. The analyser never runs workspace code: these are
// symbolic stand-ins (a string we could compute, a function closure, "something from package express").
import type { ClassIR, Expr, FnIR, Span } from './ir';

/** Where a value or an argument was written: a Span in an absolute file (positions: see model.ts). */
export interface Site {
  file: string;
  span: Span;
  /** A call the code awaits (`await app.register(plugin)`): what it queued has run when the next statement does. */
  awaited?: true;
}

/** A call argument: its value plus the source it came from (names chain entries, places annotations). */
export interface Arg {
  value: Value;
  /** Source text with call arguments dropped: `requireUser`, `express.json`, `requireRole`. */
  name: string;
  site: Site | null;
}

export type Value =
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'bool'; v: boolean }
  | { t: 'regex'; source: string; flags: string }
  /** `props`: properties set on the function (`App.create = function () {...}`, `F.prototype`). */
  | { t: 'fn'; owner?: Owner; fn: FnIR; env: Env; file: string; props?: Map<string, Value> }
  | { t: 'arr'; owner?: Owner; items: Arg[] }
  | ObjValue
  /** A class: `props` holds its static members, `proto` the prototype its instances read methods from. */
  | { t: 'class'; owner?: Owner; cls: ClassIR; env: Env; file: string; props: Map<string, Value>; proto: ObjValue; parent: Value | null; lazy?: () => void }
  /**
   * Something reached from a package import: `express`, `express.Router`, `passport.authenticate`.
   * `base`: the package call its path goes through last (`multer({ limits })` in `upload.single`), so
   * what that call was given stays readable.
   */
  | { t: 'pkg'; name: string; path: string[]; base?: PkgCall }
  /** The result of calling into a package: `express.json({...})`, `passport.authenticate('jwt')`. */
  | PkgCall
  /** An object owned by a framework adapter (an Express app, a router...). */
  | { t: 'host'; host: HostObject }
  /** A method of a host object, bound to it: `app.get`. */
  | { t: 'method'; host: HostObject; name: string }
  /** One of several values (`a || b`, `cond ? a : b`). */
  | { t: 'either'; alternatives: Value[] }
  /** `undef`: certainly `undefined` (an argument not passed, a property a known object lacks), so defaults apply. */
  | { t: 'unknown'; why: string; undef?: true };

/** The result of calling into a package; `base` as for a `pkg` value it was called through. */
export interface PkgCall {
  t: 'pkgcall';
  name: string;
  path: string[];
  args: Arg[];
  site: Site;
  base?: PkgCall;
}

/**
 * A plain object. `getters` are called when read (`get router() {...}`); `proto` is read when a
 * property is not the object's own (class instances); `esm` marks a module compiled from ESM
 * (`__esModule` set with Object.defineProperty, or a namespace object).
 */
export interface ObjValue {
  t: 'obj';
  owner?: Owner;
  props: Map<string, Value>;
  /**
   * For an object literal: each property written in it as a call argument is (its value, the source
   * name and site of its expression), so `{ preHandler: [auth], onRequest: app.authenticate }` can name
   * and point at each hook. A property assigned later has no entry. Read with `propArg`.
   */
  args?: Map<string, Arg>;
  getters?: Map<string, Extract<Value, { t: 'fn' }>>;
  proto?: ObjValue;
  esm?: true;
  /** Adds members not made yet (a class's methods, lowered on first read); call before reading. */
  lazy?: () => void;
}

/** Framework adapters subclass nothing: they tag their objects with `framework` and `kind`. */
export interface HostObject {
  framework: string;
  kind: string;
  id: number;
  site: Site;
  /** Set by the interpreter when the object is created (see Owner). */
  owner?: Owner;
}

/**
 * The module evaluation that created a mutable value (an object, array, function, class, scope or
 * host). Re-analysis reuses a module's evaluation from the previous run only when no other module
 * changed what it owns and it changed nothing another module owns (see Evaluator).
 */
export type Owner = object | null;

/**
 * A lexical scope. Its first four bindings are held in fields, the rest in a Map made only for scopes
 * that hold more: most scopes are a function call's (a parameter or two), and a Map per call was a
 * fifth of the interpreter's memory on 100,000 routes, whose route factories (`cache(60)`) each keep one.
 */
export class Env {
  private n0: string | null = null;
  private v0: Value | undefined = undefined;
  private n1: string | null = null;
  private v1: Value | undefined = undefined;
  private n2: string | null = null;
  private v2: Value | undefined = undefined;
  private n3: string | null = null;
  private v3: Value | undefined = undefined;
  private more: Map<string, Value> | null = null;

  /** `owner`: the module evaluation running when the scope was made (the interpreter's `owner`). */
  constructor(readonly parent: Env | null, readonly owner: Owner) {}

  lookup(name: string): Value | undefined {
    for (let e: Env | null = this; e; e = e.parent) {
      const v = e.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  define(name: string, v: Value): void {
    this.set(name, v);
  }

  /** The scope, this one or an enclosing one, that holds `name`; null when none does. */
  scopeOf(name: string): Env | null {
    for (let e: Env | null = this; e; e = e.parent) if (e.get(name) !== undefined) return e;
    return null;
  }

  /** This scope's own binding of `name` (undefined: it has none). */
  own(name: string): Value | undefined {
    return this.get(name);
  }

  /** Sets this scope's own binding of `name`, or removes it (undefined). */
  setOwn(name: string, v: Value | undefined): void {
    if (v === undefined) this.remove(name); else this.set(name, v);
  }

  /** Assignment to an existing binding (or a new one at this level when it does not exist); returns the scope written. */
  assign(name: string, v: Value): Env {
    for (let e: Env | null = this; e; e = e.parent) {
      if (e.get(name) !== undefined) { e.set(name, v); return e; }
    }
    this.set(name, v);
    return this;
  }

  private get(name: string): Value | undefined {
    if (this.n0 === name) return this.v0;
    if (this.n1 === name) return this.v1;
    if (this.n2 === name) return this.v2;
    if (this.n3 === name) return this.v3;
    return this.more?.get(name);
  }

  private set(name: string, v: Value): void {
    if (this.n0 === name) { this.v0 = v; return; }
    if (this.n1 === name) { this.v1 = v; return; }
    if (this.n2 === name) { this.v2 = v; return; }
    if (this.n3 === name) { this.v3 = v; return; }
    const more = this.more;
    if (more?.has(name)) { more.set(name, v); return; }
    if (this.n0 === null) { this.n0 = name; this.v0 = v; return; }
    if (this.n1 === null) { this.n1 = name; this.v1 = v; return; }
    if (this.n2 === null) { this.n2 = name; this.v2 = v; return; }
    if (this.n3 === null) { this.n3 = name; this.v3 = v; return; }
    (this.more ??= new Map()).set(name, v);
  }

  /** Removes the binding; a freed field is taken by the next new binding (set looks for the name everywhere first). */
  private remove(name: string): void {
    if (this.n0 === name) { this.n0 = null; this.v0 = undefined; return; }
    if (this.n1 === name) { this.n1 = null; this.v1 = undefined; return; }
    if (this.n2 === name) { this.n2 = null; this.v2 = undefined; return; }
    if (this.n3 === name) { this.n3 = null; this.v3 = undefined; return; }
    this.more?.delete(name);
  }
}

export const UNKNOWN = (why: string): Value => ({ t: 'unknown', why });

/**
 * An object's own property as a call argument: as the object literal wrote it (name and site of the
 * expression), else named by its key with no site; null when the object has no such own property.
 */
export function propArg(obj: ObjValue, key: string): Arg | null {
  const v = obj.props.get(key);
  if (v === undefined) return null;
  const a = obj.args?.get(key);
  return a && a.value === v ? a : { value: v, name: key, site: null };
}

/** A value that is certainly `undefined`: a default parameter or destructuring default replaces it. */
export const UNDEFINED = (why: string): Value => ({ t: 'unknown', why, undef: true });

/** The string a value certainly is, or null. */
export function asString(v: Value): string | null {
  if (v.t === 'str') return v.v;
  if (v.t === 'num') return String(v.v);
  return null;
}

/** Expands `either` into its alternatives (one level is enough: either-of-either is flattened on creation). */
export function alternatives(v: Value): Value[] {
  return v.t === 'either' ? v.alternatives : [v];
}

/** Whether a value is one of several functions (the sides of an undecided `if` or ternary). */
export function severalFunctions(v: Value): boolean {
  return v.t === 'either' && alternatives(v).filter(o => o.t === 'fn').length > 1;
}

/** The display name of an expression: source-like text with call arguments dropped. */
export function exprName(e: Expr): string {
  switch (e.k) {
    case 'ref': return e.name;
    case 'member': return `${exprName(e.obj)}.${typeof e.prop === 'string' ? e.prop : '[…]'}`;
    case 'call': return exprName(e.callee);
    case 'fn': return e.fn.name ?? (e.fn.async ? 'async function' : 'anonymous function');
    case 'str': return JSON.stringify(e.v);
    case 'require': return `require('${e.spec}')`;
    case 'import': return `import('${e.spec}')`;
    case 'arr': return '[…]';
    case 'spread': return `...${exprName(e.e)}`;
    case 'unknown': return e.text;
    default: return '…';
  }
}

/** A short description of a value for "unresolved" notes. */
export function describe(v: Value): string {
  switch (v.t) {
    case 'str': return JSON.stringify(v.v);
    case 'num': return String(v.v);
    case 'pkg': return [v.name, ...v.path].join('.');
    case 'pkgcall': return `${[v.name, ...v.path].join('.')}()`;
    case 'host': return `${v.host.framework} ${v.host.kind}`;
    case 'unknown': return v.why;
    case 'fn': return `function ${v.fn.name ?? ''}`.trim();
    case 'bool': return String(v.v);
    case 'regex': return `/${v.source}/${v.flags}`;
    case 'arr': return `[${v.items.map(i => i.name).join(', ')}]`;
    case 'obj': return 'an object';
    case 'class': return `class ${v.cls.name ?? ''}`.trim();
    case 'method': return v.host.framework ? `${v.host.framework} ${v.host.kind}.${v.name}` : `${v.host.kind}.${v.name}`;
    case 'either': return `one of ${v.alternatives.map(o => (o.t === 'str' ? `'${o.v}'` : describe(o))).join(', ')}`;
  }
}
