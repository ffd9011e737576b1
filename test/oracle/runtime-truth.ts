// Ground truth from the real express: boot a fixture, list its routes by walking the router
// stacks (with the mount paths recorded at registration), and send real requests to see which
// registered functions ran, in order.

import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  appRouter, handlerIdOf, isRouterOrApp, mountPathOf, registration, startTrace, stopTrace, subAppOf,
  type ExpressLayer, type MountPath, type TraceEntry,
} from './express-tracing';
import { loadFixtureApp, type ExpressMajor } from './load-fixture';

export const AUTH_HEADER = 'Bearer ok';
const REQUEST_TIMEOUT_MS = 2000;

export interface RuntimeRoute {
  /** Registration id: identifies the route's handler in traces. */
  id: number;
  method: string;
  path: string;
  file: string | null;
  line: number | null;
}

export interface Observation {
  status: number | 'timeout' | 'error';
  /** Names of the registered functions that ran, in order (handlers of any route included). */
  trace: string[];
  /** Whether the handler of the route asked about ran. */
  handlerRan: boolean;
  /** Names that ran before that handler (the whole trace when it did not run). */
  before: string[];
}

/**
 * `/a` + `/` + `/b/` -> `/a/b`: one slash between segments, none at the end (E24: routes ignore it).
 * A path without a leading slash is appended as written, as Express builds `req.baseUrl +
 * req.route.path`: express 4 `*` stays `*`, and under `/api` is `/api*`.
 */
export function joinPath(prefix: string, p: string): string {
  if (p !== '' && !p.startsWith('/')) return prefix.replace(/\/+$/, '') + p;
  const joined = `${prefix}/${p}`.replace(/\/+/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}

function expand(prefix: string, mount: MountPath): string[] {
  if (Array.isArray(mount)) return mount.flatMap((m) => expand(prefix, m));
  return [joinPath(prefix, typeof mount === 'string' ? mount : String(mount))];
}

function walk(stack: ExpressLayer[], prefix: string, out: RuntimeRoute[]): void {
  for (const layer of stack) {
    if (layer.route) {
      const ids = new Set<number>();
      for (const l of layer.route.stack) {
        const id = handlerIdOf(l.handle);
        if (id !== undefined) ids.add(id);
      }
      for (const id of ids) {
        const reg = registration(id);
        if (!reg) continue;
        for (const p of expand(prefix, layer.route.path)) out.push({ id, method: reg.method, path: p, file: reg.file, line: reg.line });
      }
      continue;
    }
    const mount = mountPathOf(layer) ?? '/';
    const subApp = subAppOf(layer);
    const child = subApp ? appRouter(subApp) : isRouterOrApp(layer.handle) ? layer.handle : null;
    if (child) for (const p of expand(prefix, mount)) walk(child.stack, p === '/' ? '' : p, out);
  }
}

function send(port: number, method: string, urlPath: string, auth: boolean): Promise<Observation['status']> {
  return new Promise((resolve) => {
    const headers: http.OutgoingHttpHeaders = auth ? { authorization: AUTH_HEADER } : {};
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, headers, agent: false, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 'error'));
      res.on('error', () => resolve('error'));
    });
    req.on('timeout', () => {
      req.destroy();
      resolve('timeout');
    });
    req.on('error', () => resolve('error'));
    req.end();
  });
}

export class RuntimeApp {
  private constructor(
    private readonly server: http.Server,
    private readonly port: number,
    readonly routes: RuntimeRoute[],
  ) {}

  static async boot(root: string, entry: string, major: ExpressMajor): Promise<RuntimeApp> {
    const app = await loadFixtureApp(root, entry, major);
    const routes: RuntimeRoute[] = [];
    walk(appRouter(app).stack, '', routes);
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new RuntimeApp(server, (server.address() as AddressInfo).port, routes);
  }

  /** One real request; requests are sequential, so the global trace belongs to this one. */
  async request(method: string, urlPath: string, auth: boolean, handlerId?: number): Promise<Observation> {
    startTrace();
    let entries: TraceEntry[];
    let status: Observation['status'];
    try {
      status = await send(this.port, method, urlPath, auth);
      // Let code that runs after the response (a next() after res.end, E23) finish its turn.
      await new Promise((r) => setImmediate(r));
    } finally {
      entries = stopTrace();
    }
    const at = handlerId === undefined ? -1 : entries.findIndex((e) => e.handlerOf === handlerId);
    return {
      status,
      trace: entries.map((e) => e.name),
      handlerRan: at >= 0,
      before: (at >= 0 ? entries.slice(0, at) : entries).map((e) => e.name),
    };
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
