// The JavaScript objects the interpreter models beyond plain values: classes and constructor
// functions (`new`, `super`, prototypes, getters), the globals routing code calls (`Object.entries`,
// `Object.defineProperty`, `Promise.resolve`), promise callbacks, and the CommonJS interop helpers
// compilers emit. Each is a function of the running interpreter (Runtime), which stays in evaluate.ts.
import { InteropHelper, truthy } from './builtins';
import type { ClassIR, Expr, FnIR } from './ir';
import { Arg, Env, ObjValue, Site, UNDEFINED, UNKNOWN, Value, asString, Owner, describe } from './values';

export type FnValue = Extract<Value, { t: 'fn' }>;
export type ClassValue = Extract<Value, { t: 'class' }>;

/** What these objects need of the interpreter. */
export interface Runtime {
  /** The module evaluation that owns values created now (see Owner). */
  readonly owner: Owner;
  eval(e: Expr, env: Env, file: string): Value;
  member(obj: Value, prop: string, site: Site | null): Value;
  /** `full`: the arguments with their names and sites, for a `...rest` parameter. */
  invoke(callee: FnValue, args: Value[], thisArg?: Value, full?: Arg[]): Value;
  /** Runs a closure's body: what it returns, or undefined. `parent` is what `super` means in it. */
  run(callee: FnValue, args: Value[], thisArg: Value | undefined, parent?: Value, full?: Arg[]): Value | undefined;
  setProp(obj: Value, prop: string, v: Value, site: Site): void;
  /** Call before changing a value in place (see Evaluator.touch). */
  touch(value: { owner?: object | null }): void;
  /** Lowers the methods of a class (see ClassMember); members it cannot lower stay without `fn`. */
  lowerClass(file: string, cls: ClassIR): void;
  /** Runs `body` unless `key` is running already or calls are nested too deep (then `fallback`). */
  guard<T>(key: FnIR | ClassIR, fallback: T, body: () => T): T;
}

const MAX_PROTO = 32;

/** An object's own property, else its getter (called on the object), else its prototype's. */
export function objMember(rt: Runtime, obj: ObjValue, prop: string): Value {
  for (let o: ObjValue | undefined = obj, i = 0; o && i < MAX_PROTO; o = o.proto, i++) {
    o.lazy?.();
    const v = o.props.get(prop);
    if (v) return v;
    const getter = o.getters?.get(prop);
    if (getter) return rt.invoke(getter, [], obj);
  }
  if (prop === '__esModule' && obj.esm) return { t: 'bool', v: true };
  return UNDEFINED(`property '${prop}' not found`);
}

/**
 * The array methods routing code builds route tables with: `map`, `forEach`, `filter`, `reduce`,
 * `push`, `concat`, `slice`. Undefined when the call is not one we can follow (an unknown callback).
 */
export function arrayMethod(rt: Runtime, arr: Extract<Value, { t: 'arr' }>, prop: string, args: Arg[]): Value | undefined {
  const cb = args[0]?.value;
  const fn = cb?.t === 'fn' ? cb : null;
  const index = (i: number): Value => ({ t: 'num', v: i });
  switch (prop) {
    case 'map':
    case 'forEach':
    case 'filter': {
      if (!fn) return undefined;
      const results = arr.items.map((item, i) => ({ item, value: rt.invoke(fn, [item.value, index(i)]) }));
      if (prop === 'forEach') return UNDEFINED('forEach result');
      if (prop === 'map') return { t: 'arr', owner: rt.owner, items: results.map(r => ({ value: r.value, name: r.item.name, site: r.item.site })) };
      // A callback whose answer we cannot tell keeps the item.
      return { t: 'arr', owner: rt.owner, items: results.filter(r => truthy(r.value) !== false).map(r => r.item) };
    }
    case 'reduce': {
      if (!fn || (args.length < 2 && !arr.items.length)) return undefined;
      let acc = args.length >= 2 ? args[1].value : arr.items[0].value;
      for (let i = args.length >= 2 ? 0 : 1; i < arr.items.length; i++) acc = rt.invoke(fn, [acc, arr.items[i].value, index(i)]);
      return acc;
    }
    case 'push':
      rt.touch(arr);
      arr.items.push(...args);
      return { t: 'num', v: arr.items.length };
    case 'concat': {
      const items = [...arr.items];
      for (const a of args) { if (a.value.t === 'arr') items.push(...a.value.items); else items.push(a); }
      return { t: 'arr', owner: rt.owner, items };
    }
    case 'slice':
      return args.length === 0 ? { t: 'arr', owner: rt.owner, items: [...arr.items] } : undefined;
    default:
      return undefined;
  }
}

/**
 * `p.then(cb)`, `p.catch(cb)`, `p.finally(cb)` on something that is not an object with its own
 * `then`: the callback runs once. Promises are transparent here (an async function returns its
 * value), so `then` hands on what we know of the value, and nothing for a package call's result.
 */
export function promiseMethod(rt: Runtime, obj: Value, prop: string, args: Arg[]): Value | undefined {
  const cb = args[0]?.value;
  if (prop === 'then') {
    const onError = args[1]?.value;
    if (onError?.t === 'fn') rt.invoke(onError, [UNKNOWN('the rejection reason')]);
    if (cb?.t !== 'fn') return onError?.t === 'fn' ? obj : undefined;
    const resolved = obj.t === 'pkgcall' || obj.t === 'pkg' || obj.t === 'method' ? UNKNOWN(`the value ${describe(obj)} resolves to`) : obj;
    return rt.invoke(cb, [resolved]);
  }
  if (cb?.t !== 'fn') return undefined;
  rt.invoke(cb, prop === 'catch' ? [UNKNOWN('the rejection reason')] : []);
  return obj;
}

/** `Object.entries(x)`, `Object.defineProperty(...)`, `Promise.resolve(x)`...: the globals routing code uses. */
export function globalCall(rt: Runtime, global: string, prop: string, args: Arg[], site: Site): Value {
  const first = args[0]?.value ?? UNDEFINED('no argument');
  if (global === 'Array') {
    if (prop === 'isArray') {
      if (first.t === 'arr') return { t: 'bool', v: true };
      const maybe = first.t === 'unknown' && !first.undef || first.t === 'either' || first.t === 'pkgcall';
      return maybe ? UNKNOWN('Array.isArray') : { t: 'bool', v: false };
    }
    if (prop === 'from' && first.t === 'arr') return { t: 'arr', owner: rt.owner, items: [...first.items] };
    return UNKNOWN(`result of Array.${prop}()`);
  }
  if (global === 'Promise') {
    if (prop === 'resolve') return first;
    if (prop === 'all') return first.t === 'arr' ? first : UNKNOWN(`Promise.all of ${describe(first)}`);
    return UNKNOWN(`result of Promise.${prop}()`);
  }
  if (prop === 'entries' || prop === 'values' || prop === 'keys') {
    if (first.t !== 'obj') return UNKNOWN(`Object.${prop} of ${describe(first)}`);
    const items: Arg[] = [...first.props].map(([k, v]) => {
      const value: Value = prop === 'keys' ? { t: 'str', v: k } : prop === 'values' ? v
        : { t: 'arr', owner: rt.owner, items: [{ value: { t: 'str', v: k }, name: k, site: null }, { value: v, name: k, site: null }] };
      return { value, name: k, site: null };
    });
    return { t: 'arr', owner: rt.owner, items };
  }
  if (prop === 'freeze' || prop === 'seal' || prop === 'preventExtensions') return first;
  if (prop === 'assign') {
    for (const src of args.slice(1)) if (src.value.t === 'obj') for (const [k, v] of src.value.props) rt.setProp(first, k, v, site);
    return first;
  }
  if (prop === 'defineProperty') {
    const key = args[1] ? asString(args[1].value) : null;
    const desc = args[2]?.value;
    if (key === null || desc?.t !== 'obj') return first;
    // `Object.defineProperty(exports, '__esModule', { value: true })`: not enumerable, so a flag.
    if (key === '__esModule' && first.t === 'obj') { if (truthy(objMember(rt, desc, 'value'))) { rt.touch(first); first.esm = true; } return first; }
    const get = desc.props.get('get');
    if (get?.t === 'fn' && first.t === 'obj') { rt.touch(first); (first.getters ??= new Map()).set(key, get); }
    else if (desc.props.has('value')) rt.setProp(first, key, desc.props.get('value')!, site);
    return first;
  }
  return UNKNOWN(`result of ${global}.${prop}()`);
}

/** Applies a compiler's CommonJS interop helper (see builtins.ts) to its arguments. */
export function interop(rt: Runtime, helper: InteropHelper, args: Arg[], site: Site): Value {
  const mod = args[0]?.value ?? UNDEFINED('no module');
  const esModule = truthy(rt.member(mod, '__esModule', null)) === true;
  if (helper === 'importDefault') return esModule ? mod : { t: 'obj', owner: rt.owner, props: new Map([['default', mod]]) };
  if (helper === 'importStar') {
    // A package stands for all its exports already (`ns.Router`, `ns.default`).
    if (esModule || mod.t === 'pkg' || mod.t === 'unknown' || mod.t === 'either') return mod;
    const ns: ObjValue = { t: 'obj', owner: rt.owner, props: new Map(mod.t === 'obj' ? mod.props : mod.t === 'fn' ? mod.props ?? [] : []) };
    if (mod.t === 'obj' && mod.getters) ns.getters = new Map(mod.getters);
    ns.props.set('default', mod);
    return ns;
  }
  if (helper === 'exportStar') {
    const target = args[1]?.value;
    if (mod.t === 'obj' && target?.t === 'obj') {
      rt.touch(target);
      for (const [k, v] of mod.props) if (k !== 'default' && !target.props.has(k)) target.props.set(k, v);
      for (const [k, g] of mod.getters ?? []) if (k !== 'default' && !target.props.has(k)) (target.getters ??= new Map()).set(k, g);
    }
    return UNDEFINED('__exportStar');
  }
  // __createBinding(o, m, k, k2): o[k2 ?? k] = m[k]
  const [o, m, k, k2] = args.map(a => a.value);
  const key = k ? asString(k) : null;
  const as = k2 && !(k2.t === 'unknown' && k2.undef) ? asString(k2) : key;
  if (o && m && key !== null && as !== null) rt.setProp(o, as, rt.member(m, key, null), site);
  return UNDEFINED('__createBinding');
}

/** `new C(...)` / `new F(...)`: a fresh object reading methods from the prototype; the constructor may return another. */
export function construct(rt: Runtime, callee: FnValue | ClassValue, args: Arg[]): Value {
  const proto = callee.t === 'class' ? callee.proto : rt.member(callee, 'prototype', null);
  const self: ObjValue = { t: 'obj', owner: rt.owner, props: new Map(), proto: proto.t === 'obj' ? proto : undefined };
  const r = initInstance(rt, callee, self, args.map(a => a.value), args);
  return r && (r.t === 'obj' || r.t === 'host' || r.t === 'fn' || r.t === 'class') ? r : self;
}

/** Runs a class's field initialisers and constructor (and its parent's) on `self`; returns what the constructor returns. */
export function initInstance(rt: Runtime, callee: FnValue | ClassValue, self: ObjValue, args: Value[], full?: Arg[]): Value | undefined {
  if (callee.t === 'fn') return rt.run(callee, args, self, undefined, full);
  const cls = callee.cls;
  return rt.guard(cls, undefined, () => {
    const parent = callee.parent?.t === 'class' || callee.parent?.t === 'fn' ? callee.parent : null;
    // Without a constructor, a derived class passes its arguments to the parent's.
    if (parent && !cls.ctor) initInstance(rt, parent, self, args, full);
    if (cls.fields.length) {
      const env = new Env(callee.env, rt.owner);
      env.define('this', self);
      for (const f of cls.fields) self.props.set(f.key, rt.eval(f.init, env, callee.file));
    }
    if (!cls.ctor) return undefined;
    return rt.run({ t: 'fn', owner: rt.owner, fn: cls.ctor, env: callee.env, file: callee.file }, args, self, parent ?? undefined, full);
  });
}

/** `super(...)` in a constructor: the parent's constructor runs on the same object. */
export function superCall(rt: Runtime, args: Arg[], env: Env): Value {
  const parent = env.lookup('super');
  const self = env.lookup('this');
  if ((parent?.t === 'class' || parent?.t === 'fn') && self?.t === 'obj') initInstance(rt, parent, self, args.map(a => a.value), args);
  return UNDEFINED('super()');
}

/** `super.name` in a method: the parent prototype's member (the parent class's, in a static method). */
export function superMember(rt: Runtime, parent: Value | undefined, self: Value | undefined, prop: string): Value {
  if (parent?.t !== 'class' && parent?.t !== 'fn') return UNKNOWN(`super.${prop}`);
  if (self?.t === 'class') return rt.member(parent, prop, null);
  return rt.member(rt.member(parent, 'prototype', null), prop, null);
}

/** A class expression or declaration: methods on the prototype, statics on the class. */
export function classValue(rt: Runtime, cls: ClassIR, env: Env, file: string): Value {
  const parent = cls.ext ? rt.eval(cls.ext, env, file) : null;
  const parentProto = parent?.t === 'class' ? parent.proto : parent?.t === 'fn' ? rt.member(parent, 'prototype', null) : null;
  const proto: ObjValue = { t: 'obj', owner: rt.owner, props: new Map(), proto: parentProto?.t === 'obj' ? parentProto : undefined };
  const inner = new Env(env, rt.owner);
  const value: ClassValue = { t: 'class', owner: rt.owner, cls, env: inner, file, props: new Map(), proto, parent };
  if (cls.name) inner.define(cls.name, value);
  if (parent) inner.define('super', parent);
  if (cls.members.length) {
    // Methods are lowered and bound when a member of the class is first read (ClassMember).
    const bindMembers = (): void => {
      proto.lazy = value.lazy = undefined;
      if (cls.members.some(m => !m.fn)) rt.lowerClass(file, cls);
      for (const m of cls.members) {
        if (!m.fn) continue;
        const f: FnValue = { t: 'fn', owner: rt.owner, fn: m.fn, env: inner, file };
        // Anything assigned before this ran (`C.prototype.x = ...`, a static field) was assigned later in the program.
        if (m.static) { if (!m.get && !value.props.has(m.key)) value.props.set(m.key, f); }
        else if (m.get) (proto.getters ??= new Map()).set(m.key, f);
        else if (!proto.props.has(m.key)) proto.props.set(m.key, f);
      }
    };
    proto.lazy = value.lazy = bindMembers;
  }
  if (cls.staticFields.length) {
    const staticEnv = new Env(inner, rt.owner);
    staticEnv.define('this', value);
    for (const f of cls.staticFields) value.props.set(f.key, rt.eval(f.init, staticEnv, file));
  }
  return value;
}
