// A small abstract interpreter over the IR: it replays module top-level code (and the functions it
// calls: router factories, `require('./routes')(app)`, async `start()` functions) with symbolic
// values, so framework adapters see every registration call in the order Node would run it.
// It never executes workspace code. Handler bodies are not replayed: they run per request.
import type { Expr, FnIR, ModuleIR, Pattern, Span, Stmt } from './ir';
import type { ModuleResolver } from './resolve-module';
import { Arg, Env, HostObject, Site, UNDEFINED, UNKNOWN, Value, asString, options } from './values';

/** What a framework adapter plugs into the interpreter. */
export interface EvaluationHooks {
  /** A call whose callee is a package, host or method value; undefined = not mine. */
  call(callee: Value, args: Arg[], site: Site): Value | undefined;
  /** A property read on a host value; undefined = not mine. */
  member(obj: HostObject, prop: string, site: Site): Value | undefined;
  /** `host.prop = value` (e.g. `server.keepAliveTimeout = 65000`). */
  assign(obj: HostObject, prop: string, value: Value, site: Site): void;
}

interface ModuleRecord {
  file: string;
  ir: ModuleIR;
  env: Env;
  module: Extract<Value, { t: 'obj' }>;
  state: 'evaluating' | 'done';
  esmExports: Map<string, Value>;
}

const MAX_DEPTH = 24;
const MAX_STEPS = 400_000;

export class Evaluator {
  private readonly records = new Map<string, ModuleRecord>();
  private readonly active = new Set<FnIR>();
  private depth = 0;
  private steps = 0;
  /** Set when the step budget ran out; analysis results are then partial. */
  exhausted = false;

  constructor(
    private readonly modules: Map<string, ModuleIR>,
    private readonly resolver: ModuleResolver,
    private readonly hooks: EvaluationHooks[],
  ) {}

  /** Evaluates a module (once) and returns what `require()` of it gives. */
  requireFile(file: string): Value {
    const rec = this.evaluateModule(file);
    if (!rec) return UNKNOWN(`module ${file} is not analysed`);
    return this.moduleValue(rec);
  }

  evaluateModule(file: string): ModuleRecord | null {
    const existing = this.records.get(file);
    if (existing) return existing; // done, or a cycle: Node returns the partial exports too
    const ir = this.modules.get(file);
    if (!ir) return null;
    const env = new Env(null);
    const exportsObj: Value = { t: 'obj', props: new Map() };
    const module: Extract<Value, { t: 'obj' }> = { t: 'obj', props: new Map([['exports', exportsObj]]) };
    const rec: ModuleRecord = { file, ir, env, module, state: 'evaluating', esmExports: new Map() };
    this.records.set(file, rec);
    env.define('module', module);
    env.define('exports', exportsObj);
    for (const [name, fn] of Object.entries(ir.hoisted)) env.define(name, { t: 'fn', fn, env, file });
    // ESM: imported modules run first, in import order.
    for (const [local, b] of Object.entries(ir.imports)) env.define(local, this.importBinding(file, b.spec, b.name));
    this.execBlock(ir.body, env, file);
    rec.state = 'done';
    return rec;
  }

  // ---- modules -----------------------------------------------------------------------------------

  private importBinding(fromFile: string, spec: string, name: string): Value {
    const r = this.resolver.resolve(fromFile, spec);
    if (r.kind === 'package') {
      const path = r.subpath ? [r.subpath] : [];
      return { t: 'pkg', name: r.name, path: name === 'default' || name === '*' ? path : [...path, name] };
    }
    if (r.kind === 'missing') return UNKNOWN(`cannot resolve '${spec}'`);
    const rec = this.evaluateModule(r.file);
    if (!rec) return UNKNOWN(`'${spec}' was skipped`);
    if (name === '') return UNKNOWN(`side-effect import of '${spec}'`);
    if (name === '*') return this.namespace(rec);
    return this.exportOf(rec, name, new Set());
  }

  private exportOf(rec: ModuleRecord, name: string, seen: Set<string>): Value {
    const key = `${rec.file}#${name}`;
    if (seen.has(key)) return UNKNOWN(`circular re-export of ${name}`);
    seen.add(key);
    const cached = rec.esmExports.get(name);
    if (cached) return cached;
    const expr = rec.ir.exports[name];
    if (expr) {
      const v = this.eval(expr, rec.env, rec.file);
      rec.esmExports.set(name, v);
      return v;
    }
    for (const re of rec.ir.reexports) {
      const r = this.resolver.resolve(rec.file, re.spec);
      if (r.kind === 'package') {
        if (re.names === '*' || re.names.some(n => n.as === name)) {
          const from = re.names === '*' ? name : re.names.find(n => n.as === name)!.from;
          return { t: 'pkg', name: r.name, path: from === 'default' ? [] : [from] };
        }
        continue;
      }
      if (r.kind !== 'file') continue;
      const target = this.evaluateModule(r.file);
      if (!target) continue;
      if (re.names === '*') {
        if (name !== 'default' && this.exportNames(target, new Set()).has(name)) return this.exportOf(target, name, seen);
      } else {
        const hit = re.names.find(n => n.as === name);
        if (hit) return hit.from === '*' ? this.namespace(target) : this.exportOf(target, hit.from, seen);
      }
    }
    // CommonJS: `import x from './cjs'` is module.exports; a named import is one of its properties.
    const cjs = rec.module.props.get('exports')!;
    if (name === 'default') return rec.ir.esm ? UNKNOWN(`no default export in ${rec.file}`) : cjs;
    return this.member(cjs, name, null);
  }

  private exportNames(rec: ModuleRecord, seen: Set<string>): Set<string> {
    const names = new Set(Object.keys(rec.ir.exports));
    if (seen.has(rec.file)) return names;
    seen.add(rec.file);
    for (const re of rec.ir.reexports) {
      if (re.names !== '*') { for (const n of re.names) names.add(n.as); continue; }
      const r = this.resolver.resolve(rec.file, re.spec);
      const target = r.kind === 'file' ? this.evaluateModule(r.file) : null;
      if (target) for (const n of this.exportNames(target, seen)) if (n !== 'default') names.add(n);
    }
    return names;
  }

  private namespace(rec: ModuleRecord): Value {
    const props = new Map<string, Value>();
    for (const n of this.exportNames(rec, new Set())) props.set(n, this.exportOf(rec, n, new Set()));
    return { t: 'obj', props };
  }

  /** What `require()` returns: module.exports for CommonJS, the namespace object for ESM. */
  private moduleValue(rec: ModuleRecord): Value {
    const cjs = rec.module.props.get('exports')!;
    if (!rec.ir.esm) return cjs;
    return this.namespace(rec);
  }

  private requireSpec(fromFile: string, spec: string): Value {
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
      const r = this.exec(st, env, file);
      if (r !== undefined) return r;
    }
    return undefined;
  }

  private exec(st: Stmt, env: Env, file: string): Value | undefined {
    switch (st.k) {
      case 'expr': this.eval(st.e, env, file); return undefined;
      case 'bind': this.bind(st.target, this.eval(st.e, env, file), env, file); return undefined;
      case 'assign': {
        const obj = this.eval(st.obj, env, file);
        const v = this.eval(st.e, env, file);
        for (const o of options(obj)) {
          if (o.t === 'obj') o.props.set(st.prop, v);
          else if (o.t === 'host') for (const h of this.hooks) h.assign(o.host, st.prop, v, { file, span: st.span });
        }
        return undefined;
      }
      case 'loop': {
        const iter = this.eval(st.iter, env, file);
        const items = iter.t === 'arr' ? iter.items.map(a => a.value) : [UNKNOWN(`items of ${describe(iter)}`)];
        for (const item of items) {
          const inner = new Env(env);
          this.bind(st.target, item, inner, file);
          const r = this.execBlock(st.body, inner, file);
          if (r !== undefined) return r;
        }
        return undefined;
      }
      case 'block': return this.execBlock(st.body, new Env(env), file);
      case 'return': return this.eval(st.e, env, file);
    }
  }

  /** Declares the names a pattern binds in `env`; `file` is where default values are evaluated. */
  private bind(p: Pattern, v: Value, env: Env, file: string): void {
    if (p.k === 'name') { env.define(p.name, v); return; }
    if (p.k === 'default') { this.bind(p.target, v.t === 'unknown' && v.undef ? this.eval(p.init, env, file) : v, env, file); return; }
    if (p.k === 'object') { for (const prop of p.props) this.bind(prop.target, this.member(v, prop.key, null), env, file); return; }
    if (p.k === 'array') {
      p.items.forEach((item, i) => {
        const el = v.t !== 'arr' ? UNKNOWN(`element ${i} of ${describe(v)}`) : v.items[i] ? v.items[i].value : UNDEFINED(`element ${i} of a ${v.items.length}-element array`);
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
      case 'ref': return env.lookup(e.name) ?? (RUNTIME_GLOBALS.has(e.name) ? UNKNOWN(e.name) : UNKNOWN(`'${e.name}' is not defined in this file`));
      case 'member': {
        const prop = typeof e.prop === 'string' ? e.prop : asString(this.eval(e.prop, env, file));
        const obj = this.eval(e.obj, env, file);
        return prop === null ? UNKNOWN(`computed property of ${describe(obj)}`) : this.member(obj, prop, { file, span: e.span });
      }
      case 'call': return this.call(e, env, file);
      case 'fn': return { t: 'fn', fn: e.fn, env, file };
      case 'arr': return { t: 'arr', items: this.args(e.items, env, file) };
      case 'spread': return this.eval(e.e, env, file);
      case 'obj': {
        const props = new Map<string, Value>();
        for (const p of e.props) {
          if ('spread' in p) { const s = this.eval(p.spread, env, file); if (s.t === 'obj') for (const [k, v] of s.props) props.set(k, v); }
          else props.set(p.key, this.eval(p.value, env, file));
        }
        return { t: 'obj', props };
      }
      case 'require':
      case 'import': return this.requireSpec(file, e.spec);
      case 'cond': {
        const opts: Value[] = [];
        for (const o of e.options) opts.push(...options(this.eval(o, env, file)));
        return opts.length === 1 ? opts[0] : { t: 'either', options: opts };
      }
      case 'unknown': return UNKNOWN(`\`${e.text}\``);
    }
  }

  private concat(parts: Expr[], env: Env, file: string): Value {
    let s = '';
    for (const p of parts) {
      const v = this.eval(p, env, file);
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
    switch (obj.t) {
      case 'obj': return obj.props.get(prop) ?? UNDEFINED(`property '${prop}' not found`);
      case 'pkg': return { t: 'pkg', name: obj.name, path: [...obj.path, prop] };
      case 'pkgcall': return { t: 'pkg', name: obj.name, path: [...obj.path, '()', prop] };
      case 'host': {
        for (const h of this.hooks) {
          const v = h.member(obj.host, prop, site ?? obj.host.site);
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
      case 'either': return { t: 'either', options: obj.options.map(o => this.member(o, prop, site)) };
      case 'unknown': return UNKNOWN(`${obj.why}.${prop}`);
      default: return UNKNOWN(`${describe(obj)}.${prop}`);
    }
  }

  private call(e: Extract<Expr, { k: 'call' }>, env: Env, file: string): Value {
    const site: Site = { file, span: e.span };
    // Array helpers used to build and mount routers: `routes.map(r => ...)`, `Object.entries(x)`.
    if (e.callee.k === 'member' && typeof e.callee.prop === 'string') {
      const special = this.arrayOrObjectHelper(e.callee, e.args, env, file);
      if (special) return special;
    }
    // `require(spec)` with a non-literal spec (lowering keeps literal ones as `require` nodes): Node
    // loads whatever string the argument holds, so a constant specifier resolves like a literal one.
    if (e.callee.k === 'ref' && e.callee.name === 'require' && e.args[0] && !env.lookup('require')) {
      const spec = this.eval(e.args[0], env, file);
      const s = asString(spec);
      return s !== null ? this.requireSpec(file, s) : UNKNOWN(`require(${describe(spec)})`);
    }
    const callee = this.eval(e.callee, env, file);
    const args = this.args(e.args, env, file);
    for (const h of this.hooks) {
      const v = h.call(callee, args, site);
      if (v !== undefined) return v;
    }
    if (callee.t === 'fn') return this.invoke(callee, args.map(a => a.value));
    if (callee.t === 'pkg') return { t: 'pkgcall', name: callee.name, path: callee.path, args, site };
    return UNKNOWN(`result of ${exprName(e.callee)}()`);
  }

  private arrayOrObjectHelper(callee: Extract<Expr, { k: 'member' }>, argExprs: Expr[], env: Env, file: string): Value | undefined {
    const prop = callee.prop as string;
    if (callee.obj.k === 'ref' && callee.obj.name === 'Object' && !env.lookup('Object')) {
      if (prop !== 'entries' && prop !== 'values' && prop !== 'keys') return undefined;
      const o = argExprs[0] ? this.eval(argExprs[0], env, file) : UNKNOWN('no argument');
      if (o.t !== 'obj') return UNKNOWN(`Object.${prop} of ${describe(o)}`);
      const items: Arg[] = [...o.props].map(([k, v]) => {
        const value: Value = prop === 'keys' ? { t: 'str', v: k } : prop === 'values' ? v
          : { t: 'arr', items: [{ value: { t: 'str', v: k }, name: k, site: null }, { value: v, name: k, site: null }] };
        return { value, name: k, site: null };
      });
      return { t: 'arr', items };
    }
    if (prop !== 'map' && prop !== 'forEach') return undefined;
    const arr = this.eval(callee.obj, env, file);
    if (arr.t !== 'arr' || !argExprs[0]) return undefined;
    const fn = this.eval(argExprs[0], env, file);
    if (fn.t !== 'fn') return undefined;
    const results = arr.items.map((item, i) => ({ value: this.invoke(fn, [item.value, { t: 'num', v: i } as Value]), name: item.name, site: item.site }));
    return prop === 'map' ? { t: 'arr', items: results } : UNKNOWN('forEach result');
  }

  /** Calls a closure: binds parameters, runs the body, returns what it returns. */
  invoke(callee: Extract<Value, { t: 'fn' }>, args: Value[]): Value {
    const fn = callee.fn;
    if (this.active.has(fn) || this.depth >= MAX_DEPTH) return UNKNOWN(`recursive or too deep call of ${fn.name ?? 'a function'}`);
    this.active.add(fn);
    this.depth++;
    try {
      const env = new Env(callee.env);
      fn.params.forEach((p, i) => this.bind(p, args[i] ?? UNDEFINED(`argument ${i + 1} not passed`), env, callee.file));
      for (const [name, h] of Object.entries(fn.hoisted)) env.define(name, { t: 'fn', fn: h, env, file: callee.file });
      return this.execBlock(fn.body, env, callee.file) ?? UNKNOWN(`${fn.name ?? 'function'} returns nothing known`);
    } finally {
      this.depth--;
      this.active.delete(fn);
    }
  }
}

/**
 * Node globals whose contents exist only at run time. Named plainly so a note reads as the expression
 * (`process.env.API_PREFIX`), since member reads on an unknown value append `.prop` to its reason.
 */
const RUNTIME_GLOBALS = new Set(['process', 'global', 'globalThis']);

const ZERO_SPAN: Span = { start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };

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

function exprSite(e: Expr, file: string): Site | null {
  if (e.k === 'fn') return { file, span: e.fn.span };
  if ('span' in e) return { file, span: e.span };
  return null;
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
    default: return v.t;
  }
}
