// Interpreter hooks for Koa: creating apps and routers (@koa/router, koa-router), and recording what
// the program registers on them the way the routers keep it: each route or use() a layer of the
// router's stack with the router's prefix applied, a nested router's layers cloned in at the
// `use()` call (K5), `router.prefix()` applied to the layers so far and the later ones.
import type { AdapterRuntime, ArmPath } from '../../core/adapter';
import type { EvaluationHooks } from '../../core/evaluate';
import { Arg, HostObject, Site, UNKNOWN, Value, alternatives, asString, describe, propArg } from '../../core/values';
import { RecorderLog } from '../shared/recorder-log';
import {
  KoaAllowedMethods, KoaApp, KoaCallback, KoaComposed, KoaDispatch, KoaHost, KoaJwt, KoaMount, KoaLayer, KoaRouter, KoaServer, ROUTE_METHODS, UnlessRules, isKoaHost,
} from './objects';
import { layerWithPrefix, trimPrefix } from './paths';

/** The router packages: both export the Router class (and @koa/router 12 a function callable without new). */
export const ROUTER_PACKAGES = ['@koa/router', 'koa-router'];

/** Records apps and routers (what the walk starts from) and accept sites, logged per module (see RecorderLog). */
export class KoaRecorder extends RecorderLog<KoaApp | KoaRouter> implements EvaluationHooks {
  /** `ids` is the analyser's: host ids stay unique across its runs (a replayed module brings its hosts). */
  constructor(private readonly ids: { lastHostId: number }) {
    super();
  }

  /**
   * Routers another router's `use()` cloned in this run (K5): their routes are reported there. Kept
   * here, not on the router, so that a module nesting another's router leaves it unchanged (both stay
   * fit for replay) and a replayed module nests again only what its code nested.
   */
  private readonly nestedRouters = new Set<KoaRouter>();
  /** The first router that cloned each nested router in, and the use-path it did it under ('' for none). */
  private readonly nestings = new Map<KoaRouter, { router: KoaRouter; path: string }>();
  /** What the code calls a router where it is mounted (`kids` in `parent.use('/kids', kids.routes())`). */
  private readonly names = new Map<KoaRouter, string>();

  /** Every app and router made this run, replayed ones included. */
  get hosts(): readonly (KoaApp | KoaRouter)[] {
    return this.made;
  }

  /** Routers nested in another this run. */
  get nested(): ReadonlySet<KoaRouter> {
    return this.nestedRouters;
  }

  /** How this run's code ties routers together, for the views: who nests whom, and what the code calls them. */
  get ties(): RouterTies {
    return { nestedIn: this.nestings, names: this.names };
  }

  /** `router.routes()`, `router.middleware()` and `router.allowedMethods()` make a function and leave the router as it was. */
  keeps(host: HostObject, method: string): boolean {
    return isKoaHost(host) && host.kind === 'router' && (method === 'routes' || method === 'middleware' || method === 'allowedMethods');
  }

  call(callee: Value, args: Arg[], site: Site, rt: AdapterRuntime): Value | undefined {
    if (callee.t === 'pkg') return this.callPackage(callee.name, callee.path, args, site, rt);
    if (callee.t === 'method' && isKoaHost(callee.host)) return this.callMethod(callee.host, callee.name, args, site, rt);
    return undefined;
  }

  member(obj: HostObject, prop: string): Value | undefined {
    if (!isKoaHost(obj)) return undefined;
    if (obj.kind === 'dispatch' && prop === 'router') return { t: 'host', host: obj.router };
    if (obj.kind === 'server' && SERVER_TIMEOUTS.has(prop)) return UNKNOWN(`server.${prop}`);
    return { t: 'method', host: obj, name: prop };
  }

  assign(obj: HostObject, prop: string, value: Value, site: Site): void {
    if (!isKoaHost(obj)) return;
    if (obj.kind === 'app' && prop === 'proxy') obj.proxy = truthy(value) ? site : null;
    if (obj.kind === 'server' && SERVER_TIMEOUTS.has(prop)) {
      this.accept({ label: `server.${prop}`, site });
      obj.timeouts.set(prop, { value, site });
    }
  }

  /** `parent.use(path, child.routes())`: `child` is nested, under `parent` at `path` (K5), and named by `arg`'s text. */
  private nest(child: KoaRouter, parent: KoaRouter, path: string, arg: Arg): void {
    this.tie({ nest: child, in: child !== parent ? parent : null, path });
    this.nameRouter(arg);
  }

  /** Names the router whose dispatch `arg` is by the code that mounts it (routerName). */
  private nameRouter(arg: Arg): void {
    const named = routerName(arg);
    if (named) this.tie(named);
  }

  /** Applies a tie and logs it, so that a replayed module ties again what its code tied. */
  private tie(fact: RouterTie): void {
    this.apply(fact);
    this.note(fact);
  }

  protected override noted(fact: unknown): void {
    this.apply(fact as RouterTie);
  }

  /** The first tie of each kind wins: the first router that nests a router, the first mount that names it. */
  private apply(fact: RouterTie): void {
    if ('nest' in fact) {
      this.nestedRouters.add(fact.nest);
      if (fact.in && !this.nestings.has(fact.nest)) this.nestings.set(fact.nest, { router: fact.in, path: fact.path });
    } else if (!this.names.has(fact.router)) {
      this.names.set(fact.router, fact.name);
    }
  }

  private host<H extends KoaHost>(fields: Omit<H, 'framework' | 'id' | 'site' | 'owner'>, site: Site, rt: AdapterRuntime): H {
    return { framework: 'koa', id: ++this.ids.lastHostId, site, owner: rt.owner, ...fields } as H;
  }

  private callPackage(name: string, path: string[], args: Arg[], site: Site, rt: AdapterRuntime): Value | undefined {
    const p = path.filter(x => x !== 'default').join('.');
    if (name === 'koa' && (p === '' || p === 'Koa')) {
      const app = this.host<KoaApp>({ kind: 'app', middleware: [] }, site, rt);
      const opts = args[0]?.value;
      const proxy = opts?.t === 'obj' ? propArg(opts, 'proxy') : null;
      if (proxy && truthy(proxy.value)) app.proxy = proxy.site ?? site;
      this.record(app);
      return { t: 'host', host: app };
    }
    if (ROUTER_PACKAGES.includes(name) && (p === '' || p === 'Router')) {
      const opts = args[0]?.value;
      const prefix = opts?.t === 'obj' ? asString(opts.props.get('prefix') ?? UNKNOWN('')) : null;
      const router = this.host<KoaRouter>({ kind: 'router', pkg: name, prefix: trimPrefix(prefix ?? ''), stack: [], params: [] }, site, rt);
      this.record(router);
      return { t: 'host', host: router };
    }
    if ((name === 'http' || name === 'https') && p === 'createServer') {
      // `http.createServer(app.callback())`: the app's requests arrive through this server (stop 1).
      this.accept({ label: `${name}.${p}`, site });
      const cb = args.map(a => a.value).find(v => v.t === 'host' && isKoaHost(v.host) && v.host.kind === 'callback');
      const server = this.host<KoaServer>({ kind: 'server', timeouts: new Map() }, site, rt);
      if (cb?.t === 'host') serve((cb.host as KoaCallback).app, server, rt);
      return { t: 'host', host: server };
    }
    if (name === 'koa-compose' && p === '') {
      const list = args[0]?.value;
      return { t: 'host', host: this.host<KoaComposed>({ kind: 'compose', fns: list?.t === 'arr' ? list.items : args.slice(0, 1) }, site, rt) };
    }
    if (name === 'koa-mount' && p === '' && args.length) {
      const prefix = args.length >= 2 ? asString(args[0].value) : '/';
      if (prefix === null) return undefined;
      return { t: 'host', host: this.host<KoaMount>({ kind: 'mount', prefix: prefix === '/' ? '' : prefix, target: args[args.length - 1] }, site, rt) };
    }
    if (name === 'koa-jwt' && p === '') {
      const opts = args[0]?.value;
      const pass = opts?.t === 'obj' ? opts.props.get('passthrough') : undefined;
      return { t: 'host', host: this.host<KoaJwt>({ kind: 'jwt', passthrough: pass?.t === 'bool' && pass.v, unless: null }, site, rt) };
    }
    return undefined;
  }

  private callMethod(host: KoaHost, method: string, args: Arg[], site: Site, rt: AdapterRuntime): Value | undefined {
    const self: Value = { t: 'host', host };
    switch (host.kind) {
      case 'app':
        if (method === 'use') {
          if (args[0]) this.nameRouter(args[0]);
          host.middleware.push(...args.slice(0, 1));
          return self;
        }
        if (method === 'listen') {
          this.accept({ label: 'listen', site });
          const server = this.host<KoaServer>({ kind: 'server', timeouts: new Map() }, site, rt);
          serve(host, server, rt);
          return { t: 'host', host: server };
        }
        return method === 'callback' ? { t: 'host', host: this.host<KoaCallback>({ kind: 'callback', app: host }, site, rt) } : undefined;
      case 'server':
        if (method === 'listen') this.accept({ label: 'listen', site });
        return method === 'listen' || method === 'setTimeout' ? self : undefined;
      case 'router': return this.routerMethod(host, method, args, site, rt);
      case 'jwt':
        if (method !== 'unless') return undefined;
        return { t: 'host', host: this.host<KoaJwt>({ kind: 'jwt', passthrough: host.passthrough, unless: unlessRules(args[0]?.value) }, site, rt) };
      default: return undefined;
    }
  }

  private routerMethod(router: KoaRouter, method: string, args: Arg[], site: Site, rt: AdapterRuntime): Value | undefined {
    const self: Value = { t: 'host', host: router };
    if (method === 'routes' || method === 'middleware') return { t: 'host', host: this.host<KoaDispatch>({ kind: 'dispatch', router }, site, rt) };
    if (method === 'allowedMethods') return { t: 'host', host: this.host<KoaAllowedMethods>({ kind: 'allowedMethods', router }, site, rt) };
    if (method === 'use') { use(router, args, site, (child, path, arg) => this.nest(child, router, path, arg)); return self; }
    if (method === 'prefix') {
      const p = args[0] ? asString(args[0].value) : null;
      if (p !== null) {
        router.prefix = trimPrefix(p);
        router.stack = router.stack.map(l => layerWithPrefix(l, router.prefix));
      }
      return self;
    }
    if (method === 'param') {
      const name = args[0] ? asString(args[0].value) : null;
      if (name !== null && args[1]) router.params.push({ name, fn: args[1] });
      return self;
    }
    if (method === 'redirect') {
      // `this.all(source, ctx => ctx.redirect(destination))`: a public route for every method.
      const source = args[0] ? pathOf(args[0].value) : { path: null, why: 'no path' };
      const handler: Arg = { value: UNKNOWN(`redirect to ${args[1] ? describe(args[1].value) : '?'}`), name: '(redirect)', site: args[1]?.site ?? site };
      addRoute(router, ['ALL'], null, source, [handler], site, rt.arms);
      return self;
    }
    if (method === 'register') {
      const methods = args[1]?.value;
      const list = methods?.t === 'arr' ? methods.items.flatMap(i => (i.value.t === 'str' ? [i.value.v.toUpperCase()] : [])) : [];
      const mw = args[2]?.value;
      const fns = mw?.t === 'arr' ? mw.items : args.slice(2, 3);
      if (args[0]) addRoute(router, list, null, pathOf(args[0].value), fns, site, rt.arms);
      return self;
    }
    const verbs = ROUTE_METHODS[method];
    if (verbs) {
      // (path, ...middleware) or (name, path, ...middleware).
      const named = args.length >= 3 && asString(args[1].value) !== null && asString(args[0].value) !== null;
      const name = named ? asString(args[0].value) : null;
      const at = named ? 1 : 0;
      // An array of paths registers one layer per path, in order.
      const paths = args[at]?.value.t === 'arr' ? args[at].value.items.map(i => i.value) : args[at] ? [args[at].value] : [];
      for (const p of paths) addRoute(router, verbs, name, pathOf(p), args.slice(at + 1), site, rt.arms);
      return self;
    }
    return undefined;
  }
}

/** Server properties that tune accepting and keeping connections (stop 1). */
const SERVER_TIMEOUTS = new Set(['keepAliveTimeout', 'headersTimeout', 'requestTimeout', 'timeout']);

/** Records that `server` serves `app`'s requests. */
function serve(app: KoaApp, server: KoaServer, rt: AdapterRuntime): void {
  rt.touch(app);
  (app.servers ??= []).push(server);
}

/** Whether `proxy` turns trust on: true does; false, 0 and '' do not; an unknown value counts (the code asks for it). */
function truthy(v: Value): boolean {
  if (v.t === 'bool') return v.v;
  if (v.t === 'num') return v.v !== 0;
  if (v.t === 'str') return v.v !== '';
  return !(v.t === 'unknown' && v.undef);
}

function pathOf(v: Value): { path: string | null; why?: string } {
  const s = asString(v);
  return s !== null ? { path: s } : { path: null, why: describe(v) };
}

function addRoute(
  router: KoaRouter, methods: string[], name: string | null, p: { path: string | null; why?: string }, fns: Arg[], site: Site, arms: ArmPath | null,
): void {
  if (!fns.length) return;
  const layer: KoaLayer = {
    kind: 'route', path: p.path ?? '/{?}', pathless: false, methods, fns, site, name, owner: router, ...(p.why ? { pathWhy: p.why } : { written: p.path! }),
    ...(arms ? { arms } : {}),
  };
  router.stack.push(router.prefix ? layerWithPrefix(layer, router.prefix) : layer);
}

/**
 * `router.use([path], ...middleware)`: a nested router's dispatch clones its layers in (under the
 * path, then this router's prefix, K5); any other middleware becomes a use layer (`end: false`).
 */
function use(router: KoaRouter, args: Arg[], site: Site, nest: (child: KoaRouter, path: string, arg: Arg) => void): void {
  const first = args[0]?.value;
  if (first?.t === 'arr' && first.items.every(i => i.value.t === 'str')) {
    for (const p of first.items) use(router, [p, ...args.slice(1)], site, nest);
    return;
  }
  const path = first ? asString(first) : null;
  for (const m of path !== null ? args.slice(1) : args) {
    const nested = alternatives(m.value).find(v => v.t === 'host' && isKoaHost(v.host) && v.host.kind === 'dispatch');
    if (nested?.t === 'host') {
      const child = (nested.host as KoaDispatch).router;
      nest(child, path ?? '', m);
      for (const l of child.stack) {
        const under = path ? layerWithPrefix(l, path) : l;
        router.stack.push(router.prefix ? layerWithPrefix(under, router.prefix) : { ...under });
      }
      continue;
    }
    const layer: KoaLayer = {
      kind: 'use', path: path ?? '', pathless: path === null, methods: [], fns: [m], site, name: null, owner: router, ...(path === '/' ? { root: true as const } : {}),
    };
    router.stack.push(router.prefix ? layerWithPrefix(layer, router.prefix) : layer);
  }
}

/**
 * The router whose dispatch `arg` is, named by the code that mounts it: `kids.routes()` → `kids`,
 * an exported `usersRoutes` → `usersRoutes` (other text is no name).
 */
function routerName(arg: Arg): RouterTie | null {
  const d = alternatives(arg.value).find(v => v.t === 'host' && isKoaHost(v.host) && v.host.kind === 'dispatch');
  if (d?.t !== 'host') return null;
  const name = arg.name.replace(/\.(?:routes|middleware)(?:\(\))?$/, '');
  return /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/.test(name) ? { router: (d.host as KoaDispatch).router, name } : null;
}

/** What one call tells of how routers are tied: `nest` is cloned into `in` under `path`; `router` is called `name`. */
type RouterTie = { nest: KoaRouter; in: KoaRouter | null; path: string } | { router: KoaRouter; name: string };

/** How routers are tied this run (KoaRecorder.ties). */
export interface RouterTies {
  nestedIn: ReadonlyMap<KoaRouter, { router: KoaRouter; path: string }>;
  names: ReadonlyMap<KoaRouter, string>;
}

/** koa-unless options: `{ path, method, ext, custom, useOriginalUrl }`, or a custom function. */
function unlessRules(v: Value | undefined): UnlessRules {
  const rules: UnlessRules = { paths: [], methods: [], exts: [], custom: false, useOriginalUrl: true };
  if (v?.t === 'fn') return { ...rules, custom: true };
  if (v?.t !== 'obj') return rules;
  const list = (key: string): Value[] => {
    const x = v.props.get(key);
    return !x ? [] : x.t === 'arr' ? x.items.map(i => i.value) : [x];
  };
  for (const p of list('path')) {
    if (p.t === 'str') rules.paths.push({ kind: 'str', v: p.v });
    else if (p.t === 'regex') rules.paths.push({ kind: 'regex', source: p.source, flags: p.flags });
    else if (p.t === 'obj') rules.custom = true; // `{ url, methods }` entries: read as unknown
  }
  rules.methods = list('method').flatMap(m => (m.t === 'str' ? [m.v.toUpperCase()] : []));
  rules.exts = list('ext').flatMap(m => (m.t === 'str' ? [m.v] : []));
  rules.custom ||= v.props.has('custom');
  const original = v.props.get('useOriginalUrl');
  if (original?.t === 'bool') rules.useOriginalUrl = original.v;
  return rules;
}
