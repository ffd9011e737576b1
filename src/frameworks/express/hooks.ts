// Interpreter hooks for Express: creating apps and routers, and recording every registration on them.
import type { AdapterRuntime } from '../../core/adapter';
import type { EvaluationHooks } from '../../core/evaluate';
import { fit } from '../../core/compact';
import { describe } from '../../core/evaluate';
import { Arg, HostObject, Owner, Site, UNKNOWN, Value, alternatives, severalFunctions } from '../../core/values';
import { RecorderLog } from '../shared/recorder-log';
import { ExpressHost, PathSpec, ROUTE_METHODS, isExpressHost } from './objects';

/** Server properties that tune accepting and keeping connections (stop 1). */
export const SERVER_TIMEOUTS = new Set([
  'keepAliveTimeout', 'headersTimeout', 'requestTimeout', 'timeout', 'maxHeadersCount', 'maxConnections', 'maxRequestsPerSocket',
]);

/**
 * Packages whose default export makes a router Express mounts like its own (`router` is Express's
 * router as a package; express-promise-router wraps it so handlers may return promises).
 */
export const ROUTER_PACKAGES = ['router', 'express-promise-router'];

/** Records apps and routers (the objects the walk starts from) and accept sites, logged per module (see RecorderLog). */
export class ExpressRecorder extends RecorderLog<ExpressHost> implements EvaluationHooks {
  /** `ids` is the analyser's (see analyser-state.ts): host ids stay unique across its runs. */
  constructor(private readonly ids: { lastHostId: number }) {
    super();
  }

  /** Every app and router made this run, replayed ones included. */
  get hosts(): readonly ExpressHost[] {
    return this.made;
  }

  call(callee: Value, args: Arg[], site: Site, rt: AdapterRuntime): Value | undefined {
    if (callee.t === 'pkg') return this.callPackage(callee.name, callee.path, args, site, rt);
    if (callee.t === 'method' && isExpressHost(callee.host)) return this.callMethod(callee.host, callee.name, args, site, rt);
    return undefined;
  }

  member(obj: HostObject, prop: string): Value | undefined {
    if (!isExpressHost(obj)) return undefined;
    if (obj.kind === 'server' && SERVER_TIMEOUTS.has(prop)) return UNKNOWN(`server.${prop}`);
    return { t: 'method', host: obj, name: prop };
  }

  assign(obj: HostObject, prop: string, value: Value, site: Site): void {
    if (isExpressHost(obj) && obj.kind === 'server' && SERVER_TIMEOUTS.has(prop)) {
      this.accept({ label: `server.${prop}`, site });
      (obj.timeouts ??= new Map()).set(prop, { value, site });
    }
  }

  private createHost(kind: ExpressHost['kind'], site: Site, owner: Owner): ExpressHost {
    const host: ExpressHost = {
      framework: 'express', kind, id: ++this.ids.lastHostId, site, owner, stack: [], routeStack: [], params: [], caseSensitive: false, mounted: false,
    };
    if (kind !== 'server') this.record(host);
    return host;
  }

  private create(kind: ExpressHost['kind'], site: Site, owner: Owner): Value {
    return { t: 'host', host: this.createHost(kind, site, owner) };
  }

  private callPackage(name: string, path: string[], args: Arg[], site: Site, rt: AdapterRuntime): Value | undefined {
    const owner = rt.owner;
    const p = path.filter(x => x !== 'default').join('.');
    if (name === 'express' && p === '') return this.create('app', site, owner);
    if ((name === 'express' && p === 'Router') || (p === '' && ROUTER_PACKAGES.includes(name))) {
      const flag = args[0]?.value.t === 'obj' ? args[0].value.props.get('caseSensitive') : undefined;
      const h = this.createHost('router', site, owner);
      if (flag?.t === 'bool') h.caseSensitive = flag.v;
      return { t: 'host', host: h };
    }
    if ((name === 'http' || name === 'https' || name === 'http2') && (p === 'createServer' || p === 'createSecureServer')) {
      // Another framework's request listener (Koa's `app.callback()`): that adapter's server.
      if (args.some(a => a.value.t === 'host' && a.value.host.framework !== 'express')) return undefined;
      this.accept({ label: `${name}.${p}`, site });
      const server = this.createHost('server', site, owner);
      // `http.createServer(app)`: the app's requests arrive through this server (stop 1).
      const app = args.map(a => a.value).find(v => v.t === 'host' && isExpressHost(v.host) && v.host.kind === 'app');
      if (app?.t === 'host') { rt.touch(app.host); serve(app.host as ExpressHost, server); }
      return { t: 'host', host: server };
    }
    return undefined;
  }

  private callMethod(host: ExpressHost, method: string, args: Arg[], site: Site, rt: AdapterRuntime): Value | undefined {
    const self: Value = { t: 'host', host };
    const owner = rt.owner;
    if (host.kind === 'server') {
      if (method === 'listen' || method === 'setTimeout') this.accept({ label: method === 'listen' ? 'listen' : 'server.setTimeout', site });
      return self;
    }
    if (host.kind === 'route') {
      if (ROUTE_METHODS.has(method)) host.routeStack.push({ method, fns: flatten(args), site, arms: rt.arms });
      return self;
    }
    if (method === 'use') {
      const first = args[0]?.value;
      // An unresolvable first argument followed by more is a path (`app.use(PREFIX, router)`).
      const paths = first ? pathSpecs(first) ?? (args.length >= 2 && first.t === 'unknown' ? [unknownPath(first)] : null) : null;
      host.stack.push({ type: 'use', paths: paths ?? [{ kind: 'str', v: '/' }], fns: flatten(paths ? args.slice(1) : args), site });
      return self;
    }
    if (method === 'param') {
      const name = args[0]?.value;
      const names = name?.t === 'str' ? [name.v] : name?.t === 'arr' ? name.items.flatMap(i => (i.value.t === 'str' ? [i.value.v] : [])) : [];
      for (const n of names) for (const fn of args.slice(1)) host.params.push({ name: n, fn });
      return self;
    }
    if (method === 'route') {
      const route = this.createHost('route', site, owner);
      const path = args[0] ? pathSpecs(args[0].value) ?? [unknownPath(args[0].value)] : [unknownPath(UNKNOWN('no path'))];
      host.stack.push({ type: 'routeObj', path, route, site });
      return { t: 'host', host: route };
    }
    if (method === 'get' && args.length === 1 && host.kind === 'app') return UNKNOWN('app setting'); // app.get('env')
    if (ROUTE_METHODS.has(method)) {
      if (!args.length) return self;
      host.stack.push({ type: 'route', path: pathSpecs(args[0].value) ?? [unknownPath(args[0].value)], method, fns: flatten(args.slice(1)), site, arms: rt.arms });
      return self;
    }
    if (method === 'set' || method === 'enable' || method === 'disable') {
      const key = args[0]?.value;
      const on = method === 'enable' || (method === 'set' && args[1]?.value.t === 'bool' && (args[1].value as { v: boolean }).v);
      // The router is created with the settings of the first use, route or param; later changes do
      // nothing (E10). `app.set(key)` with one argument reads the setting.
      const sets = method !== 'set' || args.length >= 2;
      if (sets && key?.t === 'str' && key.v === 'case sensitive routing' && host.stack.length === 0 && host.params.length === 0) host.caseSensitive = on;
      if (sets && key?.t === 'str' && key.v === 'trust proxy') host.trustProxy = (method === 'set' ? trusts(args[1].value) : on) ? site : null;
      return self;
    }
    if (method === 'listen' && host.kind === 'app') {
      this.accept({ label: 'listen', site });
      const server = this.createHost('server', site, owner);
      serve(host, server);
      return { t: 'host', host: server };
    }
    return undefined;
  }
}

/** Records that `server` serves `app`'s requests. */
function serve(app: ExpressHost, server: ExpressHost): void {
  (app.servers ??= []).push(server);
}

/**
 * Whether a `trust proxy` value trusts a proxy: true, a hop count, addresses or a function do;
 * false and 0 do not (Express compileTrust). An unknown value (`process.env.TRUST_PROXY`) counts:
 * the code asks for it.
 */
function trusts(v: Value): boolean {
  if (v.t === 'bool') return v.v;
  if (v.t === 'num') return v.v > 0;
  return true;
}

/** A use/route path argument: a string, a RegExp, or an array of them; null when the argument is not a path. */
function pathSpecs(v: Value): PathSpec[] | null {
  if (v.t === 'str') return [{ kind: 'str', v: v.v }];
  if (v.t === 'regex') return [{ kind: 'regex', source: v.source, flags: v.flags }];
  if (v.t === 'arr' && v.items.length && v.items.every(i => i.value.t === 'str' || i.value.t === 'regex' || i.value.t === 'arr')) {
    return v.items.flatMap(i => pathSpecs(i.value) ?? []);
  }
  if (v.t === 'either') return choicePath(v.alternatives);
  return null;
}

/**
 * A path that is one of several (`process.env.ROOT ? '/x' : '/y'`, `process.env.BASE || '/api'`):
 * the first known string, with a note naming every option, since the running app picks one.
 */
function choicePath(opts: Value[]): PathSpec[] | null {
  if (opts.some(o => o.t !== 'str' && o.t !== 'unknown')) return null;
  const strs = [...new Set(opts.flatMap(o => (o.t === 'str' ? [o.v] : [])))];
  if (!strs.length) return null;
  const unknowns = opts.filter(o => o.t === 'unknown');
  if (strs.length === 1 && !unknowns.length) return [{ kind: 'str', v: strs[0] }];
  const names = [...unknowns.map(describe), ...strs.map(s => `'${s}'`)];
  return [{ kind: 'str', v: strs[0], note: `path: one of ${names.join(', ')} (showing '${strs[0]}')` }];
}

function unknownPath(v: Value): PathSpec {
  return { kind: 'unknown', why: describe(v) };
}

/** Route arguments may nest arrays of middleware at any depth (E16). (At its size: a layer's list is kept all run, see core/compact.ts.) */
function flatten(args: Arg[]): Arg[] {
  const out: Arg[] = [];
  for (const a of args) {
    if (a.value.t === 'arr') out.push(...flatten(a.value.items));
    // One of several functions stays so (middleware-kind reads each); a router among them is the one mounted.
    else if (a.value.t === 'either' && !severalFunctions(a.value)) out.push({ ...a, value: alternatives(a.value).find(o => o.t === 'host' || o.t === 'fn') ?? a.value });
    else if (a.value.t === 'either' && alternatives(a.value).some(o => o.t === 'host')) out.push({ ...a, value: alternatives(a.value).find(o => o.t === 'host')! });
    else out.push(a);
  }
  return fit(out);
}
