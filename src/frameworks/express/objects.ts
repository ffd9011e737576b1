// Express objects as the interpreter builds them: apps and routers with their stacks in registration
// order, exactly the structure Express dispatches through (router/index.js `stack`).
import type { ArmPath } from '../../core/adapter';
import type { HostObject, Arg, Site, Value } from '../../core/values';

export type PathSpec =
  /** `note`: why this path is one choice among several (`cond ? '/x' : '/y'`). */
  | { kind: 'str'; v: string; note?: string }
  | { kind: 'regex'; source: string; flags: string }
  | { kind: 'unknown'; why: string };

export type StackLayer =
  | { type: 'use'; paths: PathSpec[]; fns: Arg[]; site: Site }
  /** `arms`: the undecided `if` arms it was registered in (AdapterRuntime.arms). */
  | { type: 'route'; path: PathSpec[]; method: string; fns: Arg[]; site: Site; arms: ArmPath | null }
  | { type: 'routeObj'; path: PathSpec[]; route: ExpressHost; site: Site };

export interface RouteEntry {
  method: string;
  fns: Arg[];
  site: Site;
  arms: ArmPath | null;
}

export interface ExpressHost extends HostObject {
  framework: 'express';
  kind: 'app' | 'router' | 'route' | 'server';
  stack: StackLayer[];
  /** Only for kind 'route' (app.route(path)). */
  routeStack: RouteEntry[];
  /** `app.set('case sensitive routing', true)` before the first layer (E9, E10). */
  caseSensitive: boolean;
  /** `app.param(name, fn)`: run before route middleware for `:name` in this object's own paths (E15). */
  params: { name: string; fn: Arg }[];
  /** Set once the object is used as a layer of another (mounted): it is then not a root. */
  mounted: boolean;
  /** An app: where `app.set('trust proxy', …)` / `app.enable('trust proxy')` last turned trust on (null: turned off). */
  trustProxy?: Site | null;
  /** An app: the servers made for it (`app.listen()`, `http.createServer(app)`), in the order made. */
  servers?: ExpressHost[];
  /** A server: its timeout properties the code sets (`server.keepAliveTimeout = 65000`), last assignment kept. */
  timeouts?: Map<string, { value: Value; site: Site }>;
}

/** The HTTP methods Express routes accept as `app.<method>()`, plus `all`. */
export const ROUTE_METHODS = new Set([
  'get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all',
  'trace', 'connect', 'copy', 'lock', 'mkcol', 'move', 'purge', 'propfind', 'proppatch', 'report', 'search', 'unlock', 'query',
]);

export function isExpressHost(h: HostObject): h is ExpressHost {
  return h.framework === 'express';
}
