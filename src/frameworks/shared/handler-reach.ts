// The handler reach facts (model.ts HandlerReach): what a route's own functions call, followed into
// the workspace functions they call. Shared by the adapters: each says which parameter is the
// response or the context (ReachRoles); callees are read through the function's closure, as the
// program would find them once its modules ran.
import type { AdapterContext } from '../../core/adapter';
import type { Expr, FnIR, ParamUse, Pattern, Stmt } from '../../core/ir';
import type { HandlerReach, ReachedCall, ReachedPackage, ReachedWrite } from '../../core/model';
import { alternatives, type Value } from '../../core/values';

type FnValue = Extract<Value, { t: 'fn' }>;

/**
 * What a function's parameters are, by index: `response` (Express `res`, Fastify `reply`) or
 * `context` (Koa `ctx`, whose `res`, `response` and `body` are the response).
 */
export type ReachRoles = ReadonlyMap<number, 'response' | 'context'>;

export const RESPONSE_SECOND: ReachRoles = new Map([[1, 'response']]);
export const CONTEXT_FIRST: ReachRoles = new Map([[0, 'context']]);

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
  private readonly made = new Map<FnIR, Map<string, HandlerReach>>();
  private readonly path = new Set<FnIR>();

  constructor(private readonly ctx: AdapterContext) {}

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
    return out;
  }

  private reach(v: FnValue, roles: ReachRoles, depth: number): HandlerReach {
    const key = `${depth}:${[...roles].join(';')}`;
    let byKey = this.made.get(v.fn);
    const known = byKey?.get(key);
    if (known) return known;
    const own = this.ctx.memo(`reach.own.${[...roles].join(';')}`, v.fn, () => ownReach(v.fn, v.file, roles, this.ctx));
    const followed: HandlerReach['followed'] = [];
    const locals = localNames(v.fn);
    const reach: HandlerReach = { ...own, followed, packages: own.calls.map(c => packageOf(v, c.callee, locals)) };
    if (!byKey) this.made.set(v.fn, (byKey = new Map()));
    byKey.set(key, reach);
    if (depth > 0) {
      this.path.add(v.fn);
      try {
        for (const call of own.calls) {
          const callee = call.receiver === '' || DOTTED.test(call.callee) ? this.callee(v, call.callee, locals) : null;
          if (!callee || this.path.has(callee.fn)) continue;
          followed.push({ call, reach: this.reach(callee, passedRoles(call.args, v.fn, roles), depth - 1) });
        }
      } finally {
        this.path.delete(v.fn);
      }
    }
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
  for (let cur: typeof o | undefined = o, i = 0; cur && i < 8; cur = cur.proto, i++) {
    cur.lazy?.();
    const found = cur.props.get(prop);
    if (found) return found;
  }
  return undefined;
}

/** What one function does itself, read from its IR (depends on nothing but `fn` and the roles). */
function ownReach(fn: FnIR, file: string, roles: ReachRoles, ctx: AdapterContext): Omit<HandlerReach, 'followed' | 'packages'> {
  const names = paramNames(fn);
  const calls: ReachedCall[] = [];
  for (const c of fn.calls) {
    const dot = c.callee.lastIndexOf('.');
    calls.push({
      callee: c.callee, receiver: dot > 0 ? c.callee.slice(0, dot) : '', name: dot > 0 ? c.callee.slice(dot + 1) : c.callee,
      args: c.args, range: ctx.range(file, c.span), flow: c.flow ?? 0, response: argumentResponse(c.args, names, roles) ? 'argument' : null,
    });
  }
  const writes: ReachedWrite[] = [];
  for (const u of fn.uses) {
    const text = useText(u, names);
    if (u.write && roles.has(u.param)) writes.push({ target: text, value: u.write, range: ctx.range(file, u.span), flow: u.flow ?? 0 });
    if (!u.call) continue;
    const last = u.path.length ? u.path[u.path.length - 1] : '';
    const receiver = u.path.length ? text.slice(0, text.length - last.length - 1) : '';
    const onResponse = roles.get(u.param) === 'response' || (roles.get(u.param) === 'context' && CONTEXT_RESPONSE.has(u.path[0]) && u.path.length > 1);
    calls.push({
      callee: text, receiver, name: last || text, args: u.call, range: ctx.range(file, u.span), flow: u.flow ?? 0,
      response: onResponse ? 'receiver' : argumentResponse(u.call, names, roles) ? 'argument' : null,
    });
  }
  calls.sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
  const returns: HandlerReach['returns'] = [];
  const binds: NonNullable<HandlerReach['binds']> = [];
  const visit = (list: Stmt[]): void => {
    for (const st of list) {
      if (st.k === 'return' && st.e && st.span) returns.push({ value: st.e, range: ctx.range(file, st.span) });
      else if (st.k === 'bind' && st.target.k === 'name') binds.push({ name: st.target.name, value: st.e });
      else if (st.k === 'block' || st.k === 'loop') visit(st.body);
      else if (st.k === 'if') { visit(st.then); visit(st.else); }
    }
  };
  visit(fn.body);
  return {
    name: fn.name ?? (fn.async ? 'async function' : 'anonymous function'), range: ctx.range(file, fn.headSpan), async: fn.async,
    calls, writes, returns, ...(binds.length ? { binds } : {}),
  };
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
  const out = new Map<number, 'response' | 'context'>();
  args.forEach((a, i) => {
    if (a.k === 'ref') {
      const role = roles.get(names.indexOf(a.name));
      if (role) out.set(i, role);
    } else if (argumentResponse([a], names, roles)) out.set(i, 'response');
  });
  return out;
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
