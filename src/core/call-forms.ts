// The call shapes the interpreter treats by their form before calling anything: `require(spec)` and
// `import(spec)` with a computed specifier, `new URL(...)`, `super(...)`, `new Promise(executor)`,
// the `Object`/`Promise`/`Array` helpers, `.call`/`.apply`/`.bind`, pure and array methods and
// promise callbacks. Every other call goes to Evaluator.callValue (framework hooks, closures, classes).
import { either, pureMethod } from './builtins';
import type { Expr } from './ir';
import { urlValue } from './node-builtins';
import { Runtime, arrayMethod, globalCall, promiseMethod, superCall, superMember } from './objects';
import { Arg, Env, Site, UNKNOWN, Value, asString, describe } from './values';

/** What the call forms need of the interpreter, beyond what objects.ts does. */
export interface CallRuntime extends Runtime {
  args(items: Expr[], env: Env, file: string): Arg[];
  requireSpec(fromFile: string, spec: string): Value;
  /** Calls a value: framework hooks first, then closures, classes and packages. */
  callValue(callee: Value, args: Arg[], site: Site, calleeExpr: Expr, thisArg: Value | undefined, isNew: boolean | undefined): Value;
}

/** Globals whose calls the interpreter models (when the file does not shadow the name). */
const GLOBAL_HELPERS = new Set(['Object', 'Promise', 'Array']);

/** Values `.call`, `.apply` and `.bind` apply to. */
const CALLABLE = new Set<Value['t']>(['fn', 'method', 'pkg', 'class']);

/** A call expression: a form named above, else the callee evaluated and called with callValue. */
export function callExpression(rt: CallRuntime, e: Extract<Expr, { k: 'call' }>, env: Env, file: string): Value {
  const site: Site = e.awaited ? { file, span: e.span, awaited: true } : { file, span: e.span };
  const c = e.callee;
  // `require(spec)` with a non-literal spec (lowering keeps literal ones as `require` nodes): Node
  // loads whatever string the argument holds, so a constant specifier resolves like a literal one.
  // `import(spec)` likewise (promises are transparent: it gives what `await` would).
  if (((c.k === 'ref' && c.name === 'require' && !env.lookup('require')) || (c.k === 'unknown' && c.text === 'import')) && e.args[0]) {
    const spec = rt.eval(e.args[0], env, file);
    const s = asString(spec);
    return s !== null ? rt.requireSpec(file, s) : UNKNOWN(`${c.k === 'ref' ? 'require' : 'import'}(${describe(spec)})`);
  }
  if (c.k === 'ref' && c.name === 'URL' && e.isNew && !env.lookup('URL')) {
    return urlValue(rt.args(e.args, env, file), rt.owner) ?? UNKNOWN('a new URL');
  }
  if (c.k === 'ref' && c.name === 'super') return superCall(rt, rt.args(e.args, env, file), env);
  if (c.k === 'ref' && c.name === 'Promise' && e.isNew && !env.lookup('Promise')) {
    // The executor of `new Promise((resolve) => {...})` runs at once.
    const executor = rt.args(e.args, env, file)[0]?.value;
    if (executor?.t === 'fn') rt.invoke(executor, [UNKNOWN('resolve'), UNKNOWN('reject')]);
    return UNKNOWN('a new Promise');
  }
  if (c.k === 'member' && typeof c.prop === 'string' && c.obj.k === 'ref' && GLOBAL_HELPERS.has(c.obj.name) && !env.lookup(c.obj.name)) {
    return globalCall(rt, c.obj.name, c.prop, rt.args(e.args, env, file), site);
  }
  if (c.k !== 'member') {
    const callee = rt.eval(c, env, file);
    return rt.callValue(callee, rt.args(e.args, env, file), site, c, undefined, e.isNew);
  }
  if (c.obj.k === 'ref' && c.obj.name === 'super' && typeof c.prop === 'string') {
    // `super.expressRouter()`: the parent's method, called on this object.
    const self = env.lookup('this');
    return rt.callValue(superMember(rt, env.lookup('super'), self, c.prop), rt.args(e.args, env, file), site, c, self, false);
  }
  const obj = rt.eval(c.obj, env, file);
  const prop = typeof c.prop === 'string' ? c.prop : asString(rt.eval(c.prop, env, file));
  const args = rt.args(e.args, env, file);
  if (prop === null) return UNKNOWN(`result of a computed method of ${describe(obj)}`);
  // A method of one of several objects (a ternary, a variable an undecided `if` assigned): the call
  // is made on each, each its own `this` (`server.listen()` on an http or an https server).
  if (obj.t === 'either') return either(obj.alternatives.map(o => methodCall(rt, o, prop, args, site, c, e.isNew)));
  return methodCall(rt, obj, prop, args, site, c, e.isNew);
}

/** `obj.prop(...args)` for one object `obj`. */
function methodCall(
  rt: CallRuntime, obj: Value, prop: string, args: Arg[], site: Site, c: Extract<Expr, { k: 'member' }>, isNew: boolean | undefined,
): Value {
  const pure = pureMethod(obj, prop, args);
  if (pure) return pure;
  if (obj.t === 'arr') {
    const r = arrayMethod(rt, obj, prop, args);
    if (r) return r;
  }
  // `app.get.call(app, '/d', h)`, `router.use.apply(router, args)`, `handler.bind(this)`.
  if (CALLABLE.has(obj.t) && (prop === 'call' || prop === 'apply' || prop === 'bind')) {
    if (prop === 'bind') return obj;
    const list = args[1]?.value;
    const rest = prop === 'call' ? args.slice(1) : list?.t === 'arr' ? list.items : [];
    return rt.callValue(obj, rest, site, c.obj, args[0]?.value, false);
  }
  const callee = rt.member(obj, prop, site);
  if (callee.t !== 'fn' && (prop === 'then' || prop === 'catch' || prop === 'finally')) {
    const r = promiseMethod(rt, obj, prop, args);
    if (r) return r;
  }
  return rt.callValue(callee, args, site, c, obj, isNew);
}
