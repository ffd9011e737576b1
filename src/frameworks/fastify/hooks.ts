// Interpreter hooks for Fastify: creating root instances, running `register()`ed plugins in a child
// context (or, for fastify-plugin, in the parent's), and recording hooks, decorators and routes on
// the context they belong to.
//
// A plugin runs at its `register()` call. Fastify defers both loading the plugin and `addHook`
// (it goes through `after()`) to the same avvio queue, in call order, so running each when it is
// called gives the hook order Fastify ends with (F1, F7): a child context copies its parent's
// hooks when it is created, and a hook added to a context later is appended to every descendant.
import type { AdapterRuntime } from '../../core/adapter';
import type { EvaluationHooks } from '../../core/evaluate';
import type { FnIR } from '../../core/ir';
import type { LifecyclePhase, Stop } from '../../core/model';
import { registeredSymbolKey } from '../../core/node-builtins';
import { Arg, HostObject, ObjValue, Site, UNDEFINED, UNKNOWN, Value, alternatives, asString, describe, propArg } from '../../core/values';
import { RecorderLog } from '../shared/recorder-log';
import { FastifyContext, HookRecord, type RateLimitRecord, type RouterOptions, type WrittenRouterOptions, LIFECYCLE_PHASES, RouteRecord, SHORTHAND_METHODS, decoratorKey, descendants, isFastifyContext } from './objects';
import { type Registrar, autoload } from './autoload';
import { childPrefix } from './paths';
import { pluginEffects } from './plugins';
import { decoratedAnywhere, rootOf, visibleDecorator } from './decorators';

/** The property marking a plugin that shares its parent's context: `fn[Symbol.for('skip-override')] = true`, as `fp(fn)` sets it. */
export const SKIP_OVERRIDE = registeredSymbolKey('skip-override');

/** Instance methods the recorder answers (other reads are decorators, or unknown). */
const INSTANCE_METHODS = new Set([
  'register', 'use', 'addHook', 'after', 'ready', 'listen', 'close', 'decorate', 'decorateRequest', 'decorateReply', 'route', 'all',
  'withTypeProvider', 'setNotFoundHandler', 'setErrorHandler', 'addSchema', 'addContentTypeParser', 'setValidatorCompiler',
  'setSerializerCompiler', 'setReplySerializer', 'inject', 'getDecorator', ...Object.keys(SHORTHAND_METHODS),
]);

/** Plugins that add Express-style `use()` at an onRequest hook of their own (fastify-plugin wrapped: in the registering context). */
const MIDDIE = new Set(['@fastify/middie', '@fastify/express', 'middie', 'fastify-express']);

/** Methods that return the instance, so calls chain (`fastify().withTypeProvider<T>().register(...)`). */
const CHAINING = new Set([...INSTANCE_METHODS].filter(m => m !== 'inject' && m !== 'listen' && m !== 'close'));

/** The multipart plugins (their `limits.fileSize`, stop 2). */
const MULTIPART = new Set(['@fastify/multipart', 'fastify-multipart']);

/** Factory options that tune accepting and keeping connections (stop 1), parsing (2) or routing (3). */
const FACTORY_OPTION_STOPS: [string, Stop][] = [
  ['connectionTimeout', 1], ['keepAliveTimeout', 1], ['requestTimeout', 1], ['http2SessionTimeout', 1],
  ['bodyLimit', 2], ['ignoreTrailingSlash', 3], ['caseSensitive', 3], ['routerOptions', 3],
];

/** Plugins that parse request bodies Fastify does not parse itself (stop 2). */
const BODY_PARSER_PLUGINS = new Set(['@fastify/formbody', '@fastify/multipart', 'fastify-formbody', 'fastify-multipart']);

/** Instance methods whose call site belongs to a stop: content-type parsers (2), the 404 handler (3), serializers (6). */
const METHOD_STOPS: Record<string, Stop> = { addContentTypeParser: 2, setNotFoundHandler: 3, setReplySerializer: 6, setSerializerCompiler: 6 };

/** Records root instances (the contexts the walk starts from) and accept sites, logged per module (see RecorderLog). */
export class FastifyRecorder extends RecorderLog<FastifyContext> implements EvaluationHooks {
  /** `ids` is the analyser's: context ids stay unique across its runs (a replayed module brings its contexts). */
  constructor(private readonly ids: { lastContextId: number }) {
    super();
  }

  /**
   * Rate limiters that have loaded by now although their context's own code has not awaited them: the
   * ones registered before the plugin or `after()` callback running now (Fastify loads in order, F19).
   */
  private readonly loaded = new Set<RateLimitRecord>();

  /** Every root instance made this run, replayed ones included. */
  get roots(): readonly FastifyContext[] {
    return this.made;
  }

  call(callee: Value, args: Arg[], site: Site, rt: AdapterRuntime): Value | undefined {
    if (callee.t === 'pkg') return this.callPackage(callee.name, callee.path, args, site, rt);
    if (callee.t === 'method' && isFastifyContext(callee.host)) return this.callMethod(callee.host, callee.name, args, site, rt);
    return undefined;
  }

  member(obj: HostObject, prop: string): Value | undefined {
    if (!isFastifyContext(obj)) return undefined;
    const decorated = visibleDecorator(obj, prop);
    if (decorated) return decorated;
    if (INSTANCE_METHODS.has(prop) || prop === 'auth') return { t: 'method', host: obj, name: prop };
    // A decorator another context added is not visible here (F3): Fastify gives undefined.
    if (decoratedAnywhere(rootOf(obj), prop)) return UNDEFINED(`decorator ${prop} is not visible in this context`);
    return UNKNOWN(`fastify.${prop}`);
  }

  assign(): void {}

  private createContext(
    parent: FastifyContext | null, prefix: string, pluginName: string, site: Site, rt: AdapterRuntime, pluginSite: Site | null = null,
    exposeHeadRoutes = true, routerOptions: WrittenRouterOptions = { top: {}, nested: {} },
  ): FastifyContext {
    const hooks: FastifyContext['hooks'] = {};
    if (parent) for (const [phase, list] of Object.entries(parent.hooks)) hooks[phase as LifecyclePhase] = [...list];
    const ctx: FastifyContext = {
      framework: 'fastify', kind: 'context', id: ++this.ids.lastContextId, site, owner: rt.owner,
      parent, children: [], prefix, hooks, decorators: new Map(), routes: [], middleware: parent ? [...parent.middleware] : [], plugins: [], pluginName,
      decoratorSites: new Map(), pluginSite, undefinedHooks: [], exposeHeadRoutes: parent ? parent.exposeHeadRoutes : exposeHeadRoutes,
      routerOptions: parent ? parent.routerOptions : routerOptions,
    };
    if (parent) parent.children.push(ctx);
    else this.record(ctx);
    return ctx;
  }

  private callPackage(name: string, path: string[], args: Arg[], site: Site, rt: AdapterRuntime): Value | undefined {
    const p = path.filter(x => x !== 'default').join('.');
    if (name === 'fastify' && (p === '' || p === 'fastify')) {
      const opts = args[0]?.value;
      if (opts?.t === 'obj') for (const [key, stop] of FACTORY_OPTION_STOPS) if (opts.props.has(key)) this.mark(stop, key, propArg(opts, key)?.site ?? site);
      const expose = opts?.t === 'obj' ? opts.props.get('exposeHeadRoutes') : undefined;
      const router = opts?.t === 'obj' ? routerOptionsOf(opts) : undefined;
      const root = this.createContext(null, '', 'fastify()', site, rt, null, expose?.t === 'bool' ? expose.v : true, router);
      if (opts?.t === 'obj') root.options = opts;
      return { t: 'host', host: root };
    }
    if (name === 'fastify-plugin' && p === '' && args[0]) return skipOverride(args[0].value, rt);
    return undefined;
  }

  private callMethod(ctx: FastifyContext, method: string, args: Arg[], site: Site, rt: AdapterRuntime): Value | undefined {
    const self: Value = { t: 'host', host: ctx };
    if (METHOD_STOPS[method]) this.mark(METHOD_STOPS[method], method, site);
    switch (method) {
      case 'register':
        this.register(ctx, args, site, rt);
        if (site.awaited) settle(ctx);
        return self;
      case 'addHook': {
        const name = asString(args[0]?.value ?? UNKNOWN(''));
        if (!name || !LIFECYCLE_PHASES.has(name) || !args[1]) return self;
        // `addHook('onRequest', instance.authenticate)` with a decorator this context cannot see: Fastify throws (F3).
        if (isUndefined(args[1].value)) ctx.undefinedHooks.push({ phase: name as LifecyclePhase, arg: args[1], site });
        else addHook(ctx, { phase: name as LifecyclePhase, fn: args[1], from: ctx, site }, rt);
        return self;
      }
      case 'after': case 'ready': {
        // The callback runs once what was registered before has loaded.
        this.whileLoaded(ctx, () => {
          for (const f of alternatives(args[0]?.value ?? UNKNOWN(''))) if (f.t === 'fn') rt.call(f, [], site);
        });
        if (site.awaited) settle(ctx);
        return self;
      }
      case 'decorate': {
        const name = decoratorKey(args[0]?.value ?? UNKNOWN(''));
        if (name && args[1]) {
          ctx.decorators.set(name, args[1].value);
          ctx.decoratorSites.set(name, site);
        }
        return self;
      }
      case 'getDecorator': {
        // Fastify 5.3+: the decorator this context sees (Fastify throws when there is none).
        const name = decoratorKey(args[0]?.value ?? UNKNOWN(''));
        return (name && visibleDecorator(ctx, name)) || UNKNOWN(`fastify.getDecorator(${args[0]?.name ?? ''})`);
      }
      case 'route': {
        const opts = args[0]?.value;
        if (opts?.t === 'obj') this.addRoute(ctx, routeRecord(ctx, methodsOf(opts), urlOf(opts), opts, propArg(opts, 'handler'), site), opts);
        return self;
      }
      case 'use': {
        // use(fn), use(path, fn), use([paths], fn); only a string path is kept (else: every request).
        const path = args.length >= 2 ? asString(args[0].value) : null;
        for (const fn of args.slice(args.length >= 2 ? 1 : 0)) ctx.middleware.push({ path, fn, from: ctx });
        return self;
      }
      case 'listen': this.accept({ label: 'listen', site }); return UNKNOWN('listen()');
      case 'auth': return { t: 'pkgcall', name: '@fastify/auth', path: ['auth'], args, site };
    }
    const shorthand = method === 'all' ? 'ALL' : SHORTHAND_METHODS[method];
    if (shorthand) {
      if (!args.length) return self;
      // (path, handler), (path, opts, handler) and (path, { handler, ...opts }).
      const second = args[1]?.value;
      const opts = second?.t === 'obj' ? second : null;
      const handler = args.length >= 3 ? args[2] : opts ? propArg(opts, 'handler') : args[1] ?? null;
      const record = routeRecord(ctx, [shorthand], pathOf(args[0].value), opts, handler, site);
      // Options the analyser cannot read may hold a response schema.
      if (args.length >= 3 && !opts) record.responseSchema = null;
      this.addRoute(ctx, record, opts);
      return self;
    }
    if (CHAINING.has(method)) return self;
    return undefined;
  }

  /** Records a route, and the options in it that tune parsing (its `bodyLimit`, 2) or serializing (a response schema, 6). */
  private addRoute(ctx: FastifyContext, route: RouteRecord, opts: ObjValue | null): void {
    ctx.routes.push(route);
    const early = pendingRateLimits(ctx).filter(rl => !this.loaded.has(rl));
    if (early.length) route.beforeRateLimitLoads = early;
    if (!opts) return;
    const bodyLimit = propArg(opts, 'bodyLimit');
    if (bodyLimit) this.mark(2, 'bodyLimit', bodyLimit.site ?? route.site);
    const schema = opts.props.get('schema');
    const response = schema?.t === 'obj' ? propArg(schema, 'response') : null;
    if (response) this.mark(6, 'response schema', response.site ?? route.site);
  }

  /** `register(plugin, opts)`: runs the plugin with a child context, or with this one for fastify-plugin (F3-F5). */
  private register(ctx: FastifyContext, args: Arg[], site: Site, rt: AdapterRuntime): void {
    const opts = args[1]?.value;
    if (args[0] && alternatives(args[0].value).some(v => v.t === 'pkg' && MIDDIE.has(v.name))) {
      addHook(ctx, { phase: 'onRequest', fn: args[0], from: ctx, site, middie: true }, rt);
      return;
    }
    const pkg = args[0] && alternatives(args[0].value).find(v => v.t === 'pkg');
    if (pkg?.t === 'pkg' && BODY_PARSER_PLUGINS.has(pkg.name)) this.mark(2, pkg.name, site);
    if (pkg?.t === 'pkg' && MULTIPART.has(pkg.name)) ctx.multipart = { options: opts?.t === 'obj' ? opts : null, site };
    if (pkg?.t === 'pkg' && RATE_LIMIT_PLUGINS.has(pkg.name) && !optionIsFalse(opts, 'global')) {
      (ctx.rateLimits ??= []).push({ site, name: args[0].name, before: descendants(ctx).flatMap(c => c.routes), pending: !site.awaited });
      return;
    }
    const effects = pkg?.t === 'pkg' ? pluginEffects(pkg.name, opts, site) : null;
    if (effects) {
      for (const [name, value] of effects.decorators) ctx.decorators.set(name, value);
      for (const h of effects.hooks) addHook(ctx, { phase: h.phase, fn: h.fn, from: ctx, site }, rt);
      return;
    }
    if (args[0] && alternatives(args[0].value).some(v => v.t === 'pkg' && v.name === '@fastify/autoload')) {
      this.mark(3, '@fastify/autoload', site);
      autoload(ctx, opts, site, rt, this.registrar);
      return;
    }
    const plugin = args[0] ? pluginFn(args[0].value) : null;
    if (!plugin) return;
    const prefixValue = opts?.t === 'obj' ? opts.props.get('prefix') : undefined;
    const prefixText = prefixValue ? asString(prefixValue) : null;
    // fastify-plugin ignores the prefix (F5): only a plain plugin's prefix routes anything.
    const shared = plugin.props?.get(SKIP_OVERRIDE)?.t === 'bool';
    if (prefixText !== null && opts?.t === 'obj' && !shared) {
      this.mark(3, `register ${plugin.fn.name ?? args[0].name} at ${childPrefix(ctx.prefix, prefixText)}`, propArg(opts, 'prefix')?.site ?? site);
    }
    this.runPlugin(ctx, plugin, prefixText, args[0].name, args[1] ?? null, site, rt, false, args[0].site);
  }

  /** Runs a plugin in a new child of `ctx`, or in `ctx` itself when it is marked skip-override (then the prefix is ignored, F6). */
  private runPlugin(
    ctx: FastifyContext, plugin: Extract<Value, { t: 'fn' }>, prefix: string | null, name: string, optsArg: Arg | null, site: Site, rt: AdapterRuntime, shared: boolean,
    pluginSite: Site | null = null,
  ): void {
    const skip = shared || plugin.props?.get(SKIP_OVERRIDE)?.t === 'bool';
    const target = skip ? ctx : this.createContext(ctx, childPrefix(ctx.prefix, prefix), plugin.fn.name ?? name, site, rt, pluginSite);
    target.plugins.push(plugin.fn);
    const instance: Arg = { value: { t: 'host', host: target }, name: 'instance', site: null };
    const opts: Arg = optsArg ?? { value: { t: 'obj', owner: rt.owner, props: new Map() }, name: 'opts', site: null };
    // Fastify loads the plugin after what was registered before it.
    this.whileLoaded(ctx, () => rt.call(plugin, [instance, opts, { value: UNKNOWN('done'), name: 'done', site: null }], site));
  }

  /** Runs `fn` as code Fastify runs after the plugins registered so far in `ctx` and above have loaded. */
  private whileLoaded(ctx: FastifyContext, fn: () => void): void {
    const now = pendingRateLimits(ctx).filter(rl => !this.loaded.has(rl));
    for (const rl of now) this.loaded.add(rl);
    try {
      fn();
    } finally {
      for (const rl of now) this.loaded.delete(rl);
    }
  }

  /**
   * A fastify-cli entry: when the file exports a plugin that no app registered, it runs with a root
   * instance of its own, as `fastify start app.js` does (the instance is fastify-cli's, placed at the plugin).
   */
  cliEntry(file: string, exports: Value, rt: AdapterRuntime): void {
    const plugin = pluginFn(exports);
    if (!plugin || plugin.file !== file || !fastifyPlugin(plugin.fn) || this.roots.some(r => ran(r, plugin.fn))) return;
    const root = this.createContext(null, '', 'fastify-cli', { file, span: plugin.fn.headSpan }, rt);
    this.runPlugin(root, { ...plugin, props: new Map([[SKIP_OVERRIDE, { t: 'bool', v: true }]]) }, null, 'app', null, { file, span: plugin.fn.headSpan }, rt, true);
  }

  /** What @fastify/autoload registers through (autoload.ts). */
  private readonly registrar: Registrar = {
    plugin: (ctx, plugin, prefix, site, rt, shared) => {
      const fn = pluginFn(plugin);
      if (fn) this.runPlugin(ctx, fn, prefix, fn.fn.name ?? 'plugin', null, site, rt, shared);
    },
    context: (ctx, prefix, name, site, rt) => {
      rt.touch(ctx);
      return this.createContext(ctx, childPrefix(ctx.prefix, prefix), name, site, rt);
    },
  };
}

/** The rate limiter packages (F19): they limit the routes added after they load, from an onRoute hook. */
const RATE_LIMIT_PLUGINS = new Set(['@fastify/rate-limit', 'fastify-rate-limit']);

function optionIsFalse(opts: Value | undefined, key: string): boolean {
  const v = opts?.t === 'obj' ? opts.props.get(key) : undefined;
  return v?.t === 'bool' && !v.v;
}

/** The rate limiters of `ctx` and its ancestors that have not loaded (F19). */
function pendingRateLimits(ctx: FastifyContext): RateLimitRecord[] {
  const out: RateLimitRecord[] = [];
  for (let c: FastifyContext | null = ctx; c; c = c.parent) for (const rl of c.rateLimits ?? []) if (rl.pending) out.push(rl);
  return out;
}

/** An awaited `register`, `after` or `ready` of `ctx`: everything registered in it so far has loaded. */
function settle(ctx: FastifyContext): void {
  for (const rl of ctx.rateLimits ?? []) rl.pending = false;
}

/** The function a `register()` argument holds: a closure, `import('./x')`'s default export, one of an `either`. */
function pluginFn(v: Value): Extract<Value, { t: 'fn' }> | null {
  for (const o of alternatives(v)) {
    if (o.t === 'fn') return o;
    if (o.t === 'obj') {
      const d = o.props.get('default');
      if (d) return pluginFn(d);
    }
  }
  return null;
}

/** `fp(fn)`: the same closure, marked to run in its parent's context. */
function skipOverride(v: Value, rt: AdapterRuntime): Value {
  const fn = pluginFn(v);
  if (!fn) return v;
  return { ...fn, owner: rt.owner, props: new Map([...(fn.props ?? []), [SKIP_OVERRIDE, { t: 'bool', v: true }]]) };
}

/** Adds a hook to a context and every context below it (Fastify's `_addHook` walks its children). */
function addHook(ctx: FastifyContext, hook: HookRecord, rt: AdapterRuntime): void {
  const list = (ctx.hooks[hook.phase] ??= []);
  list.push(hook);
  for (const child of ctx.children) {
    rt.touch(child);
    addHook(child, hook, rt);
  }
}

/** Instance methods only Fastify has: a function calling one on its first parameter is a Fastify plugin (Express's `(app) => {}` is not). */
const FASTIFY_ONLY = new Set(['register', 'addHook', 'decorate', 'decorateRequest', 'decorateReply', 'setNotFoundHandler']);

function fastifyPlugin(fn: FnIR): boolean {
  return fn.uses.some(u => u.param === 0 && u.path.length === 1 && !!u.call && FASTIFY_ONLY.has(u.path[0]));
}

/** Whether `fn` ran as a plugin in `ctx` or below it. */
function ran(ctx: FastifyContext, fn: FnIR): boolean {
  return descendants(ctx).some(c => c.plugins.includes(fn));
}

/** The router options a factory call writes (F14), top-level and in `routerOptions` (routerOptionsFor picks per major). */
function routerOptionsOf(opts: ObjValue): WrittenRouterOptions {
  const nested = opts.props.get('routerOptions');
  const pick = (o: ObjValue | null): Partial<RouterOptions> => {
    const out: Partial<RouterOptions> = {};
    for (const key of ['caseSensitive', 'ignoreTrailingSlash'] as const) {
      const v = o?.props.get(key);
      if (v?.t === 'bool') out[key] = v.v;
    }
    return out;
  };
  return { top: pick(opts), nested: pick(nested?.t === 'obj' ? nested : null) };
}

/** A value that is certainly `undefined` (a decorator read where it is not visible). */
function isUndefined(v: Value): boolean {
  return v.t === 'unknown' && v.undef === true;
}

function methodsOf(opts: ObjValue): string[] {
  const m = opts.props.get('method');
  if (!m) return [];
  const items = m.t === 'arr' ? m.items.map(i => i.value) : [m];
  return items.flatMap(i => (i.t === 'str' ? [i.v.toUpperCase()] : []));
}

function urlOf(opts: ObjValue): { url: string | null; why?: string } {
  const v = opts.props.get('url') ?? opts.props.get('path');
  return v ? pathOf(v) : { url: null, why: 'no url' };
}

function pathOf(v: Value): { url: string | null; why?: string } {
  const s = asString(v);
  return s !== null ? { url: s } : { url: null, why: describe(v) };
}

/** A route with its own lifecycle hooks from its options (a function or an array of them, F7). */
function routeRecord(ctx: FastifyContext, methods: string[], url: { url: string | null; why?: string }, opts: ObjValue | null, handler: Arg | null, site: Site): RouteRecord {
  const hooks: RouteRecord['hooks'] = {};
  const notes: string[] = [];
  const undefinedHooks: RouteRecord['undefinedHooks'] = [];
  for (const phase of LIFECYCLE_PHASES) {
    const arg = opts ? propArg(opts, phase) : null;
    if (!arg) continue;
    const inArray = arg.value.t === 'arr';
    const items = arg.value.t === 'arr' ? arg.value.items : [arg];
    const fns = items.filter(i => !isUndefined(i.value));
    // Fastify refuses `undefined` in a hook array at startup; a lone `undefined` is no hook at all (F3).
    for (const i of items) if (!fns.includes(i)) undefinedHooks.push({ phase: phase as LifecyclePhase, arg: i, inArray });
    if (inArray && fns.length < items.length) notes.push(`${phase}: ${items.filter(i => !fns.includes(i)).map(i => i.name).join(', ')} is undefined here: Fastify refuses the route at startup`);
    if (fns.length) hooks[phase as LifecyclePhase] = fns;
  }
  const config = opts?.props.get('config');
  const expose = opts?.props.get('exposeHeadRoute');
  const schema = opts?.props.get('schema');
  const bodyLimit = opts ? propArg(opts, 'bodyLimit') : null;
  return {
    methods, url: url.url, ...(url.why ? { urlWhy: url.why } : {}), prefix: ctx.prefix, handler, hooks, site, config: config?.t === 'obj' ? config : null, notes,
    undefinedHooks, exposeHeadRoute: expose?.t === 'bool' ? expose.v : null, ...(bodyLimit ? { bodyLimit } : {}),
    responseSchema: !schema ? false : schema.t === 'obj' ? !!propArg(schema, 'response') : null,
  };
}
