// A small abstract interpreter over the IR: it replays module top-level code (and the functions it
// calls: router factories, `require('./routes')(app)`, async `start()` functions) with symbolic
// values, so framework adapters see every registration call in the order Node would run it.
// It never executes workspace code. Handler bodies are not replayed: they run per request.
import type { AdapterRuntime, ArmPath } from './adapter';
import { NOT_ES_MODULE, either, interopHelper, notNullish, truthy } from './builtins';
import { callExpression, type CallRuntime } from './call-forms';
import type { ClassIR, Expr, FnIR, ModuleIR, Pattern, Span, Stmt } from './ir';
import type { FolderIndex } from './folders';
import { HookRuntime } from './hook-runtime';
import { lowerClassMembers } from './lower';
import { finishModule, importBinding, moduleValue } from './module-exports';
import { ModuleRecord, ModuleTracer } from './module-reuse';
import { importMeta, moduleGlobal, nodeCall } from './node-builtins';
import type { PkgValue } from './package-constants';
import type { ModuleResolver } from './resolve-module';
import { FnValue, classValue, construct, interop, objMember } from './objects';
import { Arg, Env, HostObject, ObjValue, Owner, Site, UNDEFINED, UNKNOWN, Value, alternatives, asString, describe, exprName } from './values';

export { describe, exprName } from './values';

/**
 * What a framework adapter plugs into the interpreter. `rt` runs code and loads files for the hook,
 * and says who owns what it creates (see AdapterRuntime and its replay contract in adapter.ts).
 */
export interface EvaluationHooks {
  /** A call (of a package, host or method value, or a closure); undefined = not mine. */
  call(callee: Value, args: Arg[], site: Site, rt: AdapterRuntime): Value | undefined;
  /** A property read on a host value; undefined = not mine. */
  member(obj: HostObject, prop: string, site: Site, rt: AdapterRuntime): Value | undefined;
  /** `host.prop = value` (e.g. `server.keepAliveTimeout = 65000`). */
  assign(obj: HostObject, prop: string, value: Value, site: Site, rt: AdapterRuntime): void;
  /** Append-only log of what the hooks recorded (objects they created...), traced per module. */
  readonly log?: unknown[];
  /** Records again entries a replayed module's trace holds, as if its code had just run. */
  replay?(entries: unknown[]): void;
  /**
   * Whether calling `method` on `host` leaves the host as it was (Koa's `router.routes()`). The
   * interpreter then does not touch the host (module-reuse.ts): a module may call it on another
   * module's object and both stay fit for replay.
   */
  keeps?(host: HostObject, method: string): boolean;
}

const MAX_DEPTH = 24;
const MAX_STEPS = 400_000;
/** How many functions a called value may be one of for each to run (two arms of an `if`, a ternary's sides). */
const MAX_CALLED_ALTERNATIVES = 3;

export class Evaluator implements CallRuntime {
  private readonly records = new Map<string, ModuleRecord>();
  /** Functions and classes being run: a recursive call returns unknown instead of looping. */
  private readonly active = new Set<FnIR | ClassIR>();
  private depth = 0;
  private steps = 0;
  /** Set when the step budget ran out; analysis results are then partial. */
  exhausted = false;
  /** The undecided `if` arms the code running now is in (AdapterRuntime.arms). */
  arms: ArmPath | null = null;
  /** Inside an undecided `if`: the variables its current arm assigned, with what they held before (execArms). */
  private writes: { scope: Env; written: Map<Env, Map<string, Value | undefined>> } | null = null;
  /** Modules whose evaluation was cut short, with why (absolute paths). */
  readonly skipped: { file: string; reason: string }[] = [];
  /** Who runs now, what each module required and recorded, and which modules are replayed. */
  readonly tracer: ModuleTracer;
  /** What hooks may ask of the interpreter (one object for the run: hooks are called often). */
  private readonly adapterRuntime: AdapterRuntime;

  constructor(
    private readonly modules: Map<string, ModuleIR>,
    readonly resolver: ModuleResolver,
    private readonly hooks: EvaluationHooks[],
    /** The text each module's IR was lowered from (class methods are lowered from it on first use). */
    private readonly source: (file: string) => string | undefined = () => undefined,
    /** The previous run's records: unchanged modules are replayed from them (see module-reuse.ts). */
    previous: Map<string, ModuleRecord> | null = null,
    /** A constant from an installed package, where a path needs one (see package-constants.ts). */
    private readonly constants: (fromFile: string, v: PkgValue, owner: Owner) => Value | null = () => null,
    /** The workspace's folders, for `fs.readdirSync` and adapters (null: no listing known). */
    readonly folders: FolderIndex | null = null,
    /** Told as each module's own evaluation ends (not a replay): a one-run scan lets its statements go then. */
    private readonly moduleDone: (rec: ModuleRecord) => void = () => {},
  ) {
    this.tracer = new ModuleTracer(hooks, previous, modules);
    this.adapterRuntime = new HookRuntime(this);
  }

  /** The module evaluation that owns values created now (see Owner): the module whose code runs. */
  get owner(): ModuleRecord | null {
    return this.tracer.owner;
  }

  /** Every module evaluated or replayed in this run, for the next run to replay. */
  get moduleRecords(): Map<string, ModuleRecord> {
    return this.records;
  }

  /** Evaluates a module (once) and returns what `require()` of it gives. */
  requireFile(file: string): Value {
    const rec = this.evaluateModule(file);
    if (!rec) return UNKNOWN(`module ${file} is not analysed`);
    return moduleValue(this, rec);
  }

  evaluateModule(file: string): ModuleRecord | null {
    const existing = this.records.get(file);
    if (existing) { this.tracer.requires(file); return existing; } // done, or a cycle: Node returns the partial exports too
    const ir = this.modules.get(file);
    if (!ir) return null;
    this.tracer.requires(file);
    const previous = this.tracer.replayable(file);
    if (previous) {
      this.records.set(file, previous);
      this.steps += this.tracer.replay(previous, dep => this.evaluateModule(dep));
      return previous;
    }
    // env and module are made in runModule, once the record is current: it owns what is created then.
    const rec = {
      file, ir, state: 'evaluating', esmExports: new Map(), trace: [], deps: new Set(), steps: 0, foreign: false, tainted: false,
    } as unknown as ModuleRecord;
    try {
      this.tracer.run(rec, () => this.runModule(rec));
    } catch (e) {
      if (!isStackOverflow(e)) throw e;
      // Code nested deeper than the interpreter's stack (generated files): the module keeps what it
      // registered so far, the rest of the program goes on, and the file is listed as skipped.
      this.skipped.push({ file, reason: 'nested too deeply to evaluate: only its code before that point was followed' });
      rec.tainted = true; // never replayed: its record is partial
      finishModule(rec);
    }
    this.moduleDone(rec);
    return rec;
  }

  /** Runs a fresh module's top-level code with `rec` as the current module. */
  private runModule(rec: ModuleRecord): void {
    const { file, ir } = rec;
    const env = new Env(null, this.owner);
    const exportsObj: Value = { t: 'obj', owner: this.owner, props: new Map() };
    const module: ObjValue = { t: 'obj', owner: this.owner, props: new Map([['exports', exportsObj]]) };
    rec.env = env;
    rec.module = module;
    this.records.set(file, rec);
    env.define('module', module);
    env.define('exports', exportsObj);
    // Top-level `this` is module.exports in CommonJS (tsc's helpers test `this && this.__importDefault`).
    env.define('this', ir.esm ? UNDEFINED('this') : exportsObj);
    for (const [name, fn] of Object.entries(ir.hoisted)) env.define(name, { t: 'fn', owner: this.owner, fn, env, file });
    // ESM: imported modules run first, in import order. Lines that bind only types are erased by the
    // compiler unless tsconfig keeps them verbatim.
    for (const [local, b] of Object.entries(ir.imports)) {
      if (b.erased && !this.resolver.keepsImportLines(file)) continue;
      env.define(local, importBinding(this, file, b.spec, b.name, v => { this.touch(env); env.define(local, v); }));
    }
    this.execBlock(ir.body, env, file);
    finishModule(rec);
  }

  /** Call before changing a value in place (see ModuleTracer.touch). */
  touch(value: { owner?: object | null }): void {
    this.tracer.touch(value);
  }

  /**
   * Runs `body` as code of no module (an adapter's entry points, see FrameworkSession.entry): what it
   * creates is owned by a record never replayed, and what it changes of a module's values marks that module.
   */
  runDetached(label: string, body: (rt: AdapterRuntime) => void): void {
    const rec = {
      file: label, state: 'evaluating', esmExports: new Map(), trace: [], deps: new Set(), steps: 0, foreign: false, tainted: true,
    } as unknown as ModuleRecord;
    this.tracer.run(rec, () => body(this.adapterRuntime));
  }

  // ---- modules -----------------------------------------------------------------------------------

  requireSpec(fromFile: string, spec: string): Value {
    const r = this.resolver.resolve(fromFile, spec);
    if (r.kind === 'package') return { t: 'pkg', name: r.name, path: r.subpath ? [r.subpath] : [] };
    if (r.kind === 'missing') return UNKNOWN(`cannot resolve '${spec}'`);
    return this.requireFile(r.file);
  }

  // ---- statements --------------------------------------------------------------------------------

  /** Runs statements; returns the value of a `return` reached, else undefined. */
  private execBlock(body: Stmt[], env: Env, file: string): Value | undefined {
    for (const st of body) {
      if (++this.steps > MAX_STEPS) { this.exhausted = true; return undefined; }
      this.tracer.step();
      const r = this.exec(st, env, file);
      if (r !== undefined) return r;
    }
    return undefined;
  }

  /**
   * Both arms of an `if` the test of which is unknown, one after the other in one scope (as if one
   * block: a return in the first ends both); with an `else`, each under its arm (AdapterRuntime.arms).
   * Each arm starts from the variables as they were before the `if`, and after it a variable an arm
   * assigned is either arm's value (the one from before for an arm that left it): the program goes
   * one way or the other, not through both (`let auth = check; if (flag) auth = none;`).
   */
  private execArms(then: Stmt[], otherwise: Stmt[] | null, env: Env, file: string): Value | undefined {
    const outerArms = this.arms;
    const outerWrites = this.writes;
    const exec = {};
    /** Per arm, the variables it assigned and their values when it ended. */
    const ends: Map<Env, Map<string, Value | undefined>>[] = [];
    /** What each variable an arm assigned held before the `if`. */
    const before = new Map<Env, Map<string, Value | undefined>>();
    const runArm = (arm: 0 | 1, body: Stmt[]) => {
      if (otherwise) this.arms = { exec, arm, up: outerArms };
      const written = new Map<Env, Map<string, Value | undefined>>();
      this.writes = { scope: env, written };
      const r = this.execBlock(body, env, file);
      const end = new Map<Env, Map<string, Value | undefined>>();
      for (const [scope, names] of written) {
        for (const [name, was] of names) {
          mapOf(end, scope).set(name, scope.own(name));
          if (!mapOf(before, scope).has(name)) mapOf(before, scope).set(name, was);
          scope.setOwn(name, was);
        }
      }
      ends.push(end);
      return r;
    };
    try {
      const r = runArm(0, then);
      if (r !== undefined || !otherwise) return r;
      return runArm(1, otherwise);
    } finally {
      this.arms = outerArms;
      this.writes = outerWrites;
      // With no `else`, the path that skips the `if` keeps the values from before.
      if (ends.length === 1) ends.push(new Map());
      for (const [scope, names] of before) {
        for (const [name, was] of names) {
          const values = ends.map(end => (end.get(scope)?.has(name) ? end.get(scope)!.get(name) : was)).filter((v): v is Value => v !== undefined);
          this.noteWrite(scope, name);
          scope.setOwn(name, values.length ? either(values.filter((v, i) => values.indexOf(v) === i)) : undefined);
          this.touch(scope);
        }
      }
    }
  }

  /**
   * Inside an undecided `if` (execArms): remembers what `name` in `scope` held before its first
   * assignment there. Only scopes the `if` sits in: a function called from an arm keeps what it does
   * to its own variables (they were made in that arm).
   */
  private noteWrite(scope: Env, name: string): void {
    const writes = this.writes;
    if (!writes) return;
    let within = false;
    for (let e: Env | null = writes.scope; e && !within; e = e.parent) within = e === scope;
    if (!within) return;
    const names = mapOf(writes.written, scope);
    if (!names.has(name)) names.set(name, scope.own(name));
  }

  private exec(st: Stmt, env: Env, file: string): Value | undefined {
    switch (st.k) {
      case 'expr': this.eval(st.e, env, file); return undefined;
      case 'bind': this.bind(st.target, this.eval(st.e, env, file), env, file); return undefined;
      case 'assign': {
        const obj = this.eval(st.obj, env, file);
        this.setProp(obj, st.prop, this.eval(st.e, env, file), { file, span: st.span });
        return undefined;
      }
      case 'loop': {
        const iter = this.eval(st.iter, env, file);
        const items = iter.t === 'arr' ? iter.items.map(a => a.value) : [UNKNOWN(`items of ${describe(iter)}`)];
        for (const item of items) {
          const inner = new Env(env, this.owner);
          this.bind(st.target, item, inner, file);
          const r = this.execBlock(st.body, inner, file);
          if (r !== undefined) return r;
        }
        return undefined;
      }
      case 'block': return this.execBlock(st.body, new Env(env, this.owner), file);
      case 'if': {
        const taken = literalTruth(this.eval(st.test, env, file));
        if (taken !== null) return this.execBlock(taken ? st.then : st.else, new Env(env, this.owner), file);
        return this.execArms(st.then, st.else.length ? st.else : null, new Env(env, this.owner), file);
      }
      // A bare `return;` ends one path only; we assume every path runs, so it changes nothing here.
      case 'return': return st.e ? this.eval(st.e, env, file) : undefined;
    }
  }

  /** `obj.prop = v` on every object `obj` may be; properties of functions and classes too (`App.create = ...`). */
  setProp(obj: Value, prop: string, v: Value, site: Site): void {
    for (const o of alternatives(obj)) {
      if (o.t === 'obj' || o.t === 'class' || o.t === 'fn') this.touch(o);
      if (o.t === 'obj' || o.t === 'class') o.props.set(prop, v);
      else if (o.t === 'fn') (o.props ??= new Map()).set(prop, v);
      else if (o.t === 'host') { this.touch(o.host); for (const h of this.hooks) h.assign(o.host, prop, v, site, this.adapterRuntime); }
    }
  }

  /** Declares the names a pattern binds in `env`; `file` is where default values are evaluated. */
  private bind(p: Pattern, v: Value, env: Env, file: string): void {
    if (p.k === 'name') { env.define(p.name, v); return; }
    if (p.k === 'default') { this.bind(p.target, v.t === 'unknown' && v.undef ? this.eval(p.init, env, file) : v, env, file); return; }
    if (p.k === 'object') { for (const prop of p.props) this.bind(prop.target, this.member(v, prop.key, null), env, file); return; }
    if (p.k === 'array') {
      p.items.forEach((item, i) => {
        const el = v.t !== 'arr' ? UNKNOWN(`element ${i} of ${describe(v)}`)
          : v.items[i] ? v.items[i].value
          : UNDEFINED(`element ${i} of a ${v.items.length}-element array`);
        if (item) this.bind(item, el, env, file);
      });
    }
  }

  // ---- expressions -------------------------------------------------------------------------------

  eval(e: Expr, env: Env, file: string): Value {
    switch (e.k) {
      case 'str': return { t: 'str', v: e.v };
      case 'num': return { t: 'num', v: e.v };
      case 'bool': return { t: 'bool', v: e.v };
      case 'regex': return { t: 'regex', source: e.source, flags: e.flags };
      case 'concat': return this.concat(e.parts, env, file);
      case 'ref':
        return env.lookup(e.name) ?? moduleGlobal(e.name, file)
          ?? (RUNTIME_GLOBALS.has(e.name) ? UNKNOWN(e.name) : UNKNOWN(`'${e.name}' is not defined in this file`));
      case 'member': {
        const prop = typeof e.prop === 'string' ? e.prop : asString(this.eval(e.prop, env, file));
        const obj = this.eval(e.obj, env, file);
        return prop === null ? UNKNOWN(`computed property of ${describe(obj)}`) : this.member(obj, prop, { file, span: e.span });
      }
      case 'call': return callExpression(this, e, env, file);
      case 'fn': return { t: 'fn', owner: this.owner, fn: e.fn, env, file };
      case 'arr': return { t: 'arr', owner: this.owner, items: this.args(e.items, env, file) };
      case 'spread': return this.eval(e.e, env, file);
      case 'obj': return this.objectLiteral(e, env, file);
      case 'require':
      case 'import': return this.requireSpec(file, e.spec);
      case 'cond': return this.cond(e, env, file);
      case 'set': {
        const v = this.eval(e.e, env, file);
        if (e.obj === null) {
          const name = e.prop as string;
          if (this.writes) this.noteWrite(env.scopeOf(name) ?? env, name);
          this.touch(env.assign(name, v));
          return v;
        }
        const obj = this.eval(e.obj, env, file);
        const prop = typeof e.prop === 'string' ? e.prop : asString(this.eval(e.prop, env, file));
        if (prop !== null) this.setProp(obj, prop, v, { file, span: e.span });
        return v;
      }
      case 'class': return classValue(this, e.cls, env, file);
      case 'unknown':
        if (e.text === 'import.meta') return importMeta(file, this.owner);
        return e.text === 'undefined' || e.text === 'void 0' ? UNDEFINED(e.text) : UNKNOWN(`\`${e.text}\``);
    }
  }

  /** `{ key: value, ...spread }`: each property keeps its expression's name and site as an Arg (see ObjValue.args). */
  private objectLiteral(e: Extract<Expr, { k: 'obj' }>, env: Env, file: string): ObjValue {
    const o: ObjValue = { t: 'obj', owner: this.owner, props: new Map<string, Value>() };
    if (!e.props.length) return o;
    const args = new Map<string, Arg>();
    o.args = args;
    for (const p of e.props) {
      if ('spread' in p) {
        const s = this.eval(p.spread, env, file);
        if (s.t !== 'obj') continue;
        for (const [k, v] of s.props) {
          o.props.set(k, v);
          const a = s.args?.get(k);
          if (a && a.value === v) args.set(k, a); else args.delete(k);
        }
        continue;
      }
      const v = this.eval(p.value, env, file);
      if (p.get && v.t === 'fn') { (o.getters ??= new Map()).set(p.key, v); continue; }
      o.props.set(p.key, v);
      args.set(p.key, { value: v, name: exprName(p.value), site: exprSite(p.value, file) });
    }
    return o;
  }

  /** `a || b`, `a ?? b`, `a && b`, `c ? a : b`: the branch the program takes when we know, else both. */
  private cond(e: Extract<Expr, { k: 'cond' }>, env: Env, file: string): Value {
    const [a, b] = e.alternatives;
    if (!e.op || !b) return either(e.alternatives.map(o => this.eval(o, env, file)));
    if (e.op === '?:') {
      const t = e.test ? truthy(this.eval(e.test, env, file)) : null;
      if (t !== null) return this.eval(t ? a : b, env, file);
      return either([this.eval(a, env, file), this.eval(b, env, file)]);
    }
    const left = this.eval(a, env, file);
    const t = e.op === '??' ? notNullish(left) : truthy(left);
    // Whether the program keeps the left value: `||` and `??` when t holds, `&&` when it does not.
    const keepLeft = t === null ? null : e.op === '&&' ? !t : t;
    if (keepLeft === true) return left;
    if (keepLeft === false) return this.eval(b, env, file);
    return either([left, this.eval(b, env, file)]);
  }

  private concat(parts: Expr[], env: Env, file: string): Value {
    let s = '';
    for (const p of parts) {
      let v = this.eval(p, env, file);
      if (v.t === 'pkg') v = this.constants(file, v, this.owner) ?? v;
      const str = asString(v);
      if (str === null) return UNKNOWN(`computed string (${describe(v)})`);
      s += str;
    }
    return { t: 'str', v: s };
  }

  /** Evaluates call arguments or array items; spreads of known arrays are flattened. */
  args(items: Expr[], env: Env, file: string): Arg[] {
    const out: Arg[] = [];
    for (const x of items) {
      if (x.k === 'spread') {
        const v = this.eval(x.e, env, file);
        if (v.t === 'arr') { out.push(...v.items); continue; }
        out.push({ value: UNKNOWN(`spread of ${describe(v)}`), name: exprName(x.e), site: exprSite(x.e, file) });
        continue;
      }
      out.push({ value: this.eval(x, env, file), name: exprName(x), site: exprSite(x, file) });
    }
    return out;
  }

  member(obj: Value, prop: string, site: Site | null): Value {
    // Compilers test `mod.__esModule` to tell modules compiled from ESM from plain CommonJS ones:
    // only an object can carry the flag (packages are read as CommonJS, see interop()).
    if (prop === '__esModule' && obj.t !== 'obj' && obj.t !== 'either' && obj.t !== 'unknown') return NOT_ES_MODULE;
    switch (obj.t) {
      case 'obj': return objMember(this, obj, prop);
      case 'pkg': return { t: 'pkg', name: obj.name, path: [...obj.path, prop], ...(obj.base ? { base: obj.base } : {}) };
      case 'pkgcall': return { t: 'pkg', name: obj.name, path: [...obj.path, '()', prop], base: obj };
      case 'host': {
        for (const h of this.hooks) {
          const v = h.member(obj.host, prop, site ?? obj.host.site, this.adapterRuntime);
          if (v !== undefined) return v;
        }
        return UNKNOWN(`${obj.host.kind}.${prop}`);
      }
      case 'arr': {
        if (prop === 'length') return { t: 'num', v: obj.items.length };
        const i = Number(prop);
        if (Number.isInteger(i) && obj.items[i]) return obj.items[i].value;
        return { t: 'method', host: { framework: '', kind: 'array', id: 0, site: site ?? { file: '', span: ZERO_SPAN } }, name: prop };
      }
      case 'fn': {
        const own = obj.props?.get(prop);
        if (own) return own;
        if (prop !== 'prototype') return UNKNOWN(`${describe(obj)}.${prop}`);
        // `F.prototype.build = function () {...}` before `new F()`: made on first read, like V8 does.
        // Made on first read: it belongs to the function's owner, whoever reads it first.
        const proto: ObjValue = { t: 'obj', owner: obj.owner, props: new Map() };
        (obj.props ??= new Map()).set('prototype', proto);
        return proto;
      }
      case 'class': {
        for (let c: Value | null = obj; c?.t === 'class'; c = c.parent) {
          c.lazy?.();
          const v = c.props.get(prop);
          if (v) return v;
        }
        return prop === 'prototype' ? obj.proto : UNKNOWN(`${describe(obj)}.${prop}`);
      }
      case 'either': return either(obj.alternatives.map(o => this.member(o, prop, site)));
      case 'unknown': return UNKNOWN(`${obj.why}.${prop}`);
      default: return UNKNOWN(`${describe(obj)}.${prop}`);
    }
  }

  /** Calls a value: framework hooks first, then closures, classes and packages. */
  callValue(callee: Value, args: Arg[], site: Site, calleeExpr: Expr, thisArg: Value | undefined, isNew: boolean | undefined): Value {
    const helper = interopHelper(lastName(calleeExpr));
    // A helper defined in the file (`var __importDefault = ... function (mod) {...}`) is replayed; one
    // from tslib or @babel/runtime, or one whose body loops over keys, is applied here.
    if (helper && !(helper === 'importDefault' && callee.t === 'fn')) return interop(this, helper, args, site);
    // A call on a framework object (`router.get(...)`) may register something on it.
    if (callee.t === 'method' && callee.host.framework) {
      const host = callee.host;
      if (!this.hooks.some(h => h.keeps?.(host, callee.name))) this.touch(host);
      // Its path may be a constant from an installed package (`app.get(API.users, ...)`).
      const first = args[0]?.value;
      const constant = first?.t === 'pkg' ? this.constants(site.file, first, this.owner) : null;
      if (constant) args = [{ ...args[0], value: constant }, ...args.slice(1)];
    }
    for (const h of this.hooks) {
      const v = h.call(callee, args, site, this.adapterRuntime);
      if (v !== undefined) return v;
    }
    if (callee.t === 'fn') return isNew ? construct(this, callee, args) : this.invoke(callee, args.map(a => a.value), thisArg, args);
    if (callee.t === 'class') return isNew ? construct(this, callee, args) : UNKNOWN(`class ${callee.cls.name ?? ''} called without new`);
    if (callee.t === 'pkg') {
      return nodeCall(this, callee.name, callee.path, args) ?? { t: 'pkgcall', name: callee.name, path: callee.path, args, site, ...(callee.base ? { base: callee.base } : {}) };
    }
    if (callee.t === 'either') {
      // `(this && this.__importDefault) || function (mod) {...}`: the one option we can call.
      const live = callee.alternatives.filter(o => o.t !== 'unknown');
      if (live.length === 1) return this.callValue(live[0], args, site, calleeExpr, thisArg, isNew);
      // A function an undecided `if` chose (`if (env.noCache) gen = plain`): the program calls one
      // of them; like the two arms of that `if`, each runs, and the result is either of theirs.
      if (live.length > 1 && live.length <= MAX_CALLED_ALTERNATIVES && live.every(o => o.t === 'fn') && !isNew) {
        return either(live.map(o => this.callValue(o, args, site, calleeExpr, thisArg, false)));
      }
    }
    return UNKNOWN(`result of ${exprName(calleeExpr)}()`);
  }

  /** A call an adapter asks for (AdapterRuntime.call): as the program's own `callee(...args)`, each option of an `either` run. */
  callFunction(callee: Value, args: Arg[], site: Site, thisArg?: Value): Value {
    if (callee.t === 'either') return either(callee.alternatives.map(o => this.callFunction(o, args, site, thisArg)));
    const name: Expr = { k: 'unknown', text: describe(callee), span: site.span };
    return this.callValue(callee, args, site, name, thisArg, false);
  }

  /** Calls a closure: binds parameters, runs the body, returns what it returns. */
  invoke(callee: FnValue, args: Value[], thisArg?: Value, full?: Arg[]): Value {
    return this.run(callee, args, thisArg, undefined, full) ?? UNKNOWN(`${callee.fn.name ?? 'function'} returns nothing known`);
  }

  run(callee: FnValue, args: Value[], thisArg: Value | undefined, parent?: Value, full?: Arg[]): Value | undefined {
    const fn = callee.fn;
    return this.guard(fn, UNKNOWN(`recursive or too deep call of ${fn.name ?? 'a function'}`), () => {
      const env = new Env(callee.env, this.owner);
      // Arrow functions see the `this` of where they were written.
      if (!fn.arrow) env.define('this', thisArg ?? UNKNOWN('this'));
      if (parent) env.define('super', parent);
      fn.params.forEach((p, i) => {
        // `...rest` keeps each argument's name and site (`register(path, ...middleware)` hands them on).
        if (p.k === 'rest') {
          const items = full ? full.slice(i) : args.slice(i).map(value => ({ value, name: describe(value), site: null }));
          this.bind(p.target, { t: 'arr', owner: this.owner, items }, env, callee.file);
        }
        else this.bind(p, args[i] ?? UNDEFINED(`argument ${i + 1} not passed`), env, callee.file);
      });
      for (const [name, h] of Object.entries(fn.hoisted)) env.define(name, { t: 'fn', owner: this.owner, fn: h, env, file: callee.file });
      return this.execBlock(fn.body, env, callee.file);
    });
  }

  lowerClass(file: string, cls: ClassIR): void {
    const text = this.source(file);
    if (text !== undefined) lowerClassMembers(file, text, cls);
  }

  guard<T>(key: FnIR | ClassIR, fallback: T, body: () => T): T {
    if (this.active.has(key) || this.depth >= MAX_DEPTH) return fallback;
    this.active.add(key);
    this.depth++;
    try {
      return body();
    } finally {
      this.depth--;
      this.active.delete(key);
    }
  }
}

/**
 * Whether a value that came from a literal is truthy; null otherwise. An `if` takes one branch only
 * on such a value: a property missing from an object we know is not proof (a spread of something
 * unknown may have brought it), and dropping a branch that runs would hide its routes.
 */
function literalTruth(v: Value): boolean | null {
  return v.t === 'bool' || v.t === 'str' || v.t === 'num' ? truthy(v) : null;
}

/** V8's RangeError for a full stack: the one error evaluating deeply nested code may raise. */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

/** The last name of a callee (`__importDefault`, `tslib_1.__importStar`), for recognising helpers. */
function lastName(e: Expr): string {
  if (e.k === 'ref') return e.name;
  if (e.k === 'member' && typeof e.prop === 'string') return e.prop === 'default' ? `${lastName(e.obj)}.default` : e.prop;
  return '';
}

/**
 * Node globals whose contents exist only at run time. Named plainly so a note reads as the expression
 * (`process.env.API_PREFIX`), since member reads on an unknown value append `.prop` to its reason.
 */
const RUNTIME_GLOBALS = new Set(['process', 'global', 'globalThis']);

const ZERO_SPAN: Span = { start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };

function exprSite(e: Expr, file: string): Site | null {
  if (e.k === 'fn') return { file, span: e.fn.span };
  if ('span' in e) return { file, span: e.span };
  return null;
}

/** The map under `key`, made empty on first use. */
function mapOf<K, K2, V>(m: Map<K, Map<K2, V>>, key: K): Map<K2, V> {
  let inner = m.get(key);
  if (!inner) m.set(key, (inner = new Map()));
  return inner;
}
