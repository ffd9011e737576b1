// The handler reach facts (model.ts HandlerReach): what a route's own functions call, followed into
// the workspace functions they call. Shared by the adapters: each says which parameter is the
// response or the context (ReachRoles); callees are read through the function's closure, as the
// program would find them once its modules ran.
import type { AdapterContext } from '../../core/adapter';
import { fit } from '../../core/compact';
import type { Expr, FnIR, ParamUse, Pattern, Stmt } from '../../core/ir';
import type { HandlerReach, ReachedBind, ReachedCall, ReachedPackage, ReachedWrite } from '../../core/model';
import { callWrittenAt } from '../../core/reach';
import { alternatives, type Value } from '../../core/values';

type FnValue = Extract<Value, { t: 'fn' }>;

/**
 * What a function's parameters are, by index: `response` (Express `res`, Fastify `reply`) or
 * `context` (Koa `ctx`, whose `res`, `response` and `body` are the response).
 */
export interface ReachRoles {
  get(param: number): 'response' | 'context' | undefined;
  /** The roles as text (`1:response`), made once: reach is looked up by it for every route. */
  readonly key: string;
}

/** Roles from (parameter, role) pairs. */
function rolesOf(pairs: [number, 'response' | 'context'][]): ReachRoles {
  const map = new Map(pairs);
  return { get: i => map.get(i), key: pairs.map(([i, r]) => `${i}:${r}`).join(';') };
}

export const RESPONSE_SECOND: ReachRoles = rolesOf([[1, 'response']]);
export const CONTEXT_FIRST: ReachRoles = rolesOf([[0, 'context']]);

const NO_ROLES: ReachRoles = rolesOf([]);

/** How many calls deep workspace functions are followed from a route's function. */
const MAX_DEPTH = 3;
/** Koa context members that are the response. */
const CONTEXT_RESPONSE = new Set(['res', 'response']);
const DOTTED = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

/**
 * Builds the reach of route functions for one analysis run: one per function value and roles,
 * however many routes run it (the followed part depends on other files, so it lives for one run;
 * each function's own calls are remembered across runs with AdapterContext.memo).
 */
export class ReachBuilder {
  /**
   * By depth and roles (a handful), then function, then closure scope: one function made by a factory
   * twice reads different callees. Most functions are asked in one scope (a route handler in its
   * module's): that one is kept beside the reach, a table of scopes is made only for a second.
   * Weak by function and by scope: a one-run scan lets route functions and the scopes their
   * factories made go as soon as their router is walked (no table per function or per scope: a
   * workspace has 100,000 of them).
   */
  private readonly made = new Map<string, WeakMap<FnIR, MadeIn>>();
  private readonly path = new Set<FnIR>();
  /**
   * The texts of this run's calls, one string each (`res.json`, `res`, `json`): the same few are
   * written in every handler, and each made its own (10 MB on 100,000 routes).
   */
  private readonly texts = new Map<string, string>();
  /**
   * The reach each function had last run, by roles and depth: a run that finds the same facts hands
   * out the same object, so what rules derived from it (RuleContext.derived) is kept after an edit
   * elsewhere. Kept across runs (the analyser's state), weakly by IR: an edited file's functions go.
   */
  private readonly previous: WeakMap<FnIR, Map<string, HandlerReach>>;

  constructor(private readonly ctx: AdapterContext) {
    this.previous = ctx.state('reach.previous', () => new WeakMap<FnIR, Map<string, HandlerReach>>());
  }

  /** The reach of a function argument (the first function among its alternatives), or null. */
  of(value: Value, roles: ReachRoles): HandlerReach | null {
    const v = alternatives(value).find((o): o is FnValue => o.t === 'fn');
    return v ? this.reach(v, roles, MAX_DEPTH) : null;
  }

  /** The reach of each function argument the analyser can read (a route's own middleware), in order. */
  each(args: readonly { value: Value }[], roles: ReachRoles): HandlerReach[] {
    const out: HandlerReach[] = [];
    for (const a of args) {
      const r = this.of(a.value, roles);
      if (r) out.push(r);
    }
    return fit(out);
  }

  private reach(v: FnValue, roles: ReachRoles, depth: number): HandlerReach {
    const key = `${depth}:${roles.key}`;
    let byFn = this.made.get(key);
    if (!byFn) this.made.set(key, (byFn = new WeakMap()));
    const known = madeIn(byFn.get(v.fn), v.env);
    if (known) return known;
    const own = this.ctx.memo(`reach.own.${roles.key}`, v.fn, () => ownReach(v.fn, v.file, roles, this.ctx, this.texts));
    const followed: HandlerReach['followed'] = [];
    const locals = localNames(v.fn);
    const packages = own.calls.map(c => packageOf(v, c.callee, locals));
    const reach: HandlerReach = { ...own, followed, packages };
    keep(byFn, v, reach);
    if (depth > 0) {
      this.path.add(v.fn);
      try {
        for (const call of own.calls) {
          const callee = this.callee(v, call.callee, locals);
          if (!callee || this.path.has(callee.fn)) continue;
          followed.push({ call, reach: this.reach(callee, passedRoles(call.args, v.fn, roles), depth - 1) });
        }
      } finally {
        this.path.delete(v.fn);
      }
    }
    if (followed.length || packages.some(p => p !== null)) {
      reach.followed = fit(followed);
      return this.interned(v, key, reach, byFn);
    }
    // Nothing read through the closure: the function's own facts are its reach, the same object for
    // every closure of it (a factory's middleware made once per route, `cache(60)`) and every run
    // while the function lives, so it needs no interning. (Nothing can hold `reach` yet: only
    // following reads the table.)
    keep(byFn, v, own);
    return own;
  }

  /** Last run's object for these facts when they are the same (children compared by identity, as they are interned first). */
  private interned(v: FnValue, key: string, reach: HandlerReach, byFn: WeakMap<FnIR, MadeIn>): HandlerReach {
    let last = this.previous.get(v.fn);
    if (!last) this.previous.set(v.fn, (last = new Map()));
    const before = last.get(key);
    if (before && sameReach(before, reach)) {
      keep(byFn, v, before);
      return before;
    }
    last.set(key, reach);
    return reach;
  }

  /** The workspace function `text` (`hashPassword`, `users.create`) names in `from`'s closure, or null. */
  private callee(from: FnValue, text: string, locals: Set<string>): FnValue | null {
    if (!DOTTED.test(text)) return null;
    const [first, ...props] = text.split('.');
    const hoisted = from.fn.hoisted[first];
    if (hoisted && !props.length) return { t: 'fn', fn: hoisted, env: from.env, file: from.file };
    if (locals.has(first)) return null;
    let v: Value | undefined = from.env.lookup(first);
    for (const p of props) v = v && member(v, p);
    const fn = v && alternatives(v).find((o): o is FnValue => o.t === 'fn');
    return fn ?? null;
  }
}

/** A function's reach made in one closure scope, or by scope once it was asked in a second. */
type MadeIn = { env: object; reach: HandlerReach } | WeakMap<object, HandlerReach>;

/** The reach `made` holds for scope `env`, if any. */
function madeIn(made: MadeIn | undefined, env: object): HandlerReach | undefined {
  if (!made) return undefined;
  if (made instanceof WeakMap) return made.get(env);
  return made.env === env ? made.reach : undefined;
}

/** Keeps `reach` as the reach of `v`'s function in `v`'s scope. */
function keep(byFn: WeakMap<FnIR, MadeIn>, v: FnValue, reach: HandlerReach): void {
  const made = byFn.get(v.fn);
  if (!made) byFn.set(v.fn, { env: v.env, reach });
  else if (made instanceof WeakMap) made.set(v.env, reach);
  else if (made.env === v.env) made.reach = reach;
  else byFn.set(v.fn, new WeakMap<object, HandlerReach>([[made.env, made.reach], [v.env, reach]]));
}

/** The same facts: own parts (kept per function with memo) and children by identity, packages by value. */
function sameReach(a: HandlerReach, b: HandlerReach): boolean {
  if (a.calls !== b.calls || a.writes !== b.writes || a.returns !== b.returns || a.binds !== b.binds || a.range !== b.range) return false;
  if (a.followed.length !== b.followed.length || a.packages.length !== b.packages.length) return false;
  for (let i = 0; i < a.followed.length; i++) if (a.followed[i].call !== b.followed[i].call || a.followed[i].reach !== b.followed[i].reach) return false;
  for (let i = 0; i < a.packages.length; i++) if (JSON.stringify(a.packages[i]) !== JSON.stringify(b.packages[i])) return false;
  return true;
}

const REQUIRED = /^require\((['"])([^'"]+)\1\)((?:\.[A-Za-z_$][\w$]*)*)$/;

/** The package export `text` names in `from`'s closure (`fs.readFileSync`, `api.get` on an axios instance), or null. */
function packageOf(from: FnValue, text: string, locals: Set<string>): ReachedPackage | null {
  const required = REQUIRED.exec(text);
  if (required) return { module: required[2], path: required[3].split('.').filter(Boolean) };
  if (!DOTTED.test(text)) return null;
  const [first, ...props] = text.split('.');
  if (locals.has(first)) return null;
  let v: Value | undefined = from.env.lookup(first);
  // A name nothing binds is a global of the runtime (`fetch`, `JSON.stringify`).
  if (!v) return { module: 'global', path: [first, ...props] };
  for (let i = 0; v; i++) {
    const p = alternatives(v).find(a => a.t === 'pkg' || a.t === 'pkgcall');
    if (p?.t === 'pkg') return { module: p.name, path: [...p.path, ...props.slice(i)] };
    if (p?.t === 'pkgcall') {
      const options = p.args[0]?.value;
      return { module: p.name, path: props.slice(i), made: { path: p.path, keys: options?.t === 'obj' ? [...options.props.keys()] : [] } };
    }
    if (i === props.length) return null;
    v = member(v, props[i]);
  }
  return null;
}

/** A property of an object, a class (static) or a function, through prototypes; undefined when none. */
function member(v: Value, prop: string): Value | undefined {
  const o = alternatives(v).find(a => a.t === 'obj' || a.t === 'class' || a.t === 'fn');
  if (!o) return undefined;
  if (o.t === 'fn') return o.props?.get(prop);
  if (o.t === 'class') return o.props.get(prop);
  // Members not lowered yet (`lazy`: a class's methods the program never read) are not read here:
  // lowering them parses their file again.
  for (let cur: typeof o | undefined = o, i = 0; cur && i < 8; cur = cur.proto, i++) {
    const found = cur.props.get(prop);
    if (found) return found;
  }
  return undefined;
}

/**
 * What one function does itself, read from its IR (depends on nothing but `fn` and the roles): its
 * reach as far as it goes without its closure (nothing followed, no package known).
 */
function ownReach(fn: FnIR, file: string, roles: ReachRoles, ctx: AdapterContext, texts: Map<string, string>): HandlerReach {
  const one = (text: string) => {
    const known = texts.get(text);
    if (known !== undefined) return known;
    texts.set(text, text);
    return text;
  };
  const names = paramNames(fn);
  const calls: ReachedCall[] = [];
  for (const c of fn.calls) {
    const dot = c.callee.lastIndexOf('.');
    calls.push({
      callee: c.callee, receiver: dot > 0 ? one(c.callee.slice(0, dot)) : '', name: dot > 0 ? one(c.callee.slice(dot + 1)) : c.callee,
      args: c.args, range: ctx.range(file, c.span), flow: c.flow ?? 0, response: argumentResponse(c.args, names, roles) ? 'argument' : null,
    });
  }
  const writes: ReachedWrite[] = [];
  for (const u of fn.uses) {
    const text = one(useText(u, names));
    if (u.write && roles.get(u.param)) writes.push({ target: text, value: u.write, range: ctx.range(file, u.span), flow: u.flow ?? 0 });
    if (!u.call) continue;
    const last = u.path.length ? u.path[u.path.length - 1] : '';
    const receiver = u.path.length ? one(text.slice(0, text.length - last.length - 1)) : '';
    const onResponse = roles.get(u.param) === 'response' || (roles.get(u.param) === 'context' && CONTEXT_RESPONSE.has(u.path[0]) && u.path.length > 1);
    calls.push({
      callee: text, receiver, name: last || text, args: u.call, range: ctx.range(file, u.span), flow: u.flow ?? 0,
      response: onResponse ? 'receiver' : argumentResponse(u.call, names, roles) ? 'argument' : null,
    });
  }
  calls.sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
  const returns: HandlerReach['returns'] = [];
  const visit = (list: Stmt[]): void => {
    for (const st of list) {
      // A return of a call on the response (`return res.json(x)`, an arrow's `res.json(x)` body) gives
      // the response itself, which no fact reader takes for a value (sent values leave it out): not
      // kept, as its expression kept the body of every such handler (30 MB on 100,000 routes).
      if (st.k === 'return' && st.e && st.span && !(st.e.k === 'call' && callWrittenAt(calls, st.e.span)?.response === 'receiver')) {
        returns.push({ value: st.e, range: ctx.range(file, st.span) });
      }
      else if (st.k === 'block' || st.k === 'loop') visit(st.body);
      else if (st.k === 'if') { visit(st.then); visit(st.else); }
    }
  };
  visit(fn.body);
  const binds: ReachedBind[] = [];
  bindsIn(fn.body, binds);
  // Kept as long as the function is: at their size (see core/compact.ts).
  return {
    name: fn.name ?? (fn.async ? 'async function' : 'anonymous function'), range: ctx.range(file, fn.headSpan), async: fn.async,
    calls: fit(calls), writes: fit(writes), returns: fit(returns), binds: fit(binds), followed: fit([]), packages: noPackages(calls.length),
  };
}

/** Frozen lists of `n` nulls (no package known for any call), one per length: most functions make a call or two. */
const NO_PACKAGES: readonly (readonly null[])[] = Object.freeze(Array.from({ length: 8 }, (_, n) => Object.freeze(new Array<null>(n).fill(null))));

function noPackages(n: number): HandlerReach['packages'] {
  return (NO_PACKAGES[n] ?? new Array<null>(n).fill(null)) as HandlerReach['packages'];
}

/** The variables the statements bind, and those of the callbacks written in them with their parameters (ReachedBind). */
function bindsIn(list: Stmt[], out: ReachedBind[]): void {
  for (const st of list) {
    switch (st.k) {
      case 'bind': bindsOf(st.target, st.e, [], out); bindsInExpr(st.e, out); break;
      case 'expr':
        if (st.e.k === 'set' && st.e.obj === null && typeof st.e.prop === 'string') out.push({ name: st.e.prop, value: st.e.e, path: [] });
        bindsInExpr(st.e, out);
        break;
      case 'assign': bindsInExpr(st.e, out); break;
      case 'return': if (st.e) bindsInExpr(st.e, out); break;
      case 'loop': bindsInExpr(st.iter, out); bindsIn(st.body, out); break;
      case 'block': bindsIn(st.body, out); break;
      case 'if': bindsInExpr(st.test, out); bindsIn(st.then, out); bindsIn(st.else, out); break;
    }
  }
}

/** The callbacks an expression passes to calls: their parameters' values, and the variables their bodies bind. */
function bindsInExpr(e: Expr, out: ReachedBind[]): void {
  switch (e.k) {
    case 'call':
      bindsInExpr(e.callee, out);
      e.args.forEach((a, i) => {
        if (a.k !== 'fn') { bindsInExpr(a, out); return; }
        const [first, second] = a.fn.params;
        if (i === 0 && e.callee.k === 'member' && e.callee.prop === 'then' && first?.k === 'name') out.push({ name: first.name, value: e.callee.obj, path: [], from: 'then' });
        else if (i === e.args.length - 1 && i > 0 && second?.k === 'name') out.push({ name: second.name, value: { ...e, args: e.args.slice(0, i) }, path: [], from: 'callback' });
        bindsIn(a.fn.body, out);
      });
      break;
    case 'member': bindsInExpr(e.obj, out); break;
    case 'obj': for (const p of e.props) bindsInExpr('key' in p ? p.value : p.spread, out); break;
    case 'arr': case 'concat': for (const x of e.k === 'arr' ? e.items : e.parts) bindsInExpr(x, out); break;
    case 'cond': for (const x of e.alternatives) bindsInExpr(x, out); break;
    case 'spread': bindsInExpr(e.e, out); break;
    case 'set': bindsInExpr(e.e, out); break;
    default: break;
  }
}

/** The names a binding pattern gives `value` (or the member `path` of it), destructuring followed. */
function bindsOf(p: Pattern, value: Expr, path: string[], out: ReachedBind[]): void {
  switch (p.k) {
    case 'name': out.push({ name: p.name, value, path }); break;
    case 'object': for (const x of p.props) bindsOf(x.target, value, [...path, x.key], out); break;
    case 'array': p.items.forEach((x, i) => { if (x) bindsOf(x, value, [...path, String(i)], out); }); break;
    case 'default': bindsOf(p.target, value, path, out); break;
    default: break;
  }
}

/** `res.status().json`, `ctx.body`, `next`: a parameter use as source-like text. */
function useText(u: ParamUse, names: (string | null)[]): string {
  let text = names[u.param] ?? `arg${u.param}`;
  for (const step of u.path) text += step === '()' ? '()' : `.${step}`;
  return text;
}

function paramNames(fn: FnIR): (string | null)[] {
  return fn.params.map(p => (p.k === 'name' ? p.name : p.k === 'default' && p.target.k === 'name' ? p.target.name : null));
}

/**
 * Whether an argument is the response: a parameter that is, Fastify's `reply.raw` (the Node response
 * under a reply), or a Koa context's `ctx.res` / `ctx.response`.
 */
function argumentResponse(args: Expr[], names: (string | null)[], roles: ReachRoles): boolean {
  return args.some(a => {
    if (a.k === 'ref') return roles.get(names.indexOf(a.name)) === 'response';
    if (a.k === 'member' && a.obj.k === 'ref' && a.prop === 'raw' && roles.get(names.indexOf(a.obj.name)) === 'response') return true;
    return a.k === 'member' && a.obj.k === 'ref' && typeof a.prop === 'string' && CONTEXT_RESPONSE.has(a.prop)
      && roles.get(names.indexOf(a.obj.name)) === 'context';
  });
}

/** The roles a call hands on: the callee's parameter at each position where the caller passes its response or context. */
function passedRoles(args: Expr[], fn: FnIR, roles: ReachRoles): ReachRoles {
  const names = paramNames(fn);
  const out: [number, 'response' | 'context'][] = [];
  args.forEach((a, i) => {
    if (a.k === 'ref') {
      const role = roles.get(names.indexOf(a.name));
      if (role) out.push([i, role]);
    } else if (argumentResponse([a], names, roles)) out.push([i, 'response']);
  });
  return out.length ? rolesOf(out) : NO_ROLES;
}

/** Names a function binds itself (parameters, variables): a callee named so is not the closure's. */
function localNames(fn: FnIR): Set<string> {
  const out = new Set<string>();
  const bind = (p: Pattern): void => {
    switch (p.k) {
      case 'name': out.add(p.name); break;
      case 'object': for (const x of p.props) bind(x.target); break;
      case 'array': for (const x of p.items) if (x) bind(x); break;
      case 'default': case 'rest': bind(p.target); break;
      default: break;
    }
  };
  fn.params.forEach(bind);
  const visit = (list: Stmt[]): void => {
    for (const st of list) {
      if (st.k === 'bind') bind(st.target);
      else if (st.k === 'loop') { bind(st.target); visit(st.body); } else if (st.k === 'block') visit(st.body);
      else if (st.k === 'if') { visit(st.then); visit(st.else); }
    }
  };
  visit(fn.body);
  return out;
}
