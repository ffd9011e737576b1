// The routes of a booted express app, read from its router stacks: route paths from each Route
// object, mount paths as recorded at registration (express keeps them only inside regexps), and
// the registration each route's handler wrapper belongs to.

import type { RuntimeRoute } from '../harness/runtime-app';
import type { TracingSession } from '../harness/tracing-session';
import { appRouter, isRouterOrApp, mountPathOf, subAppOf, type ExpressLayer, type MountPath } from './tracing';

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

function walk(stack: ExpressLayer[], prefix: string, session: TracingSession, out: RuntimeRoute[]): void {
  for (const layer of stack) {
    if (layer.route) {
      const ids = new Set<number>();
      for (const l of layer.route.stack) {
        const id = session.handlerIdOf(l.handle);
        if (id !== undefined) ids.add(id);
      }
      for (const id of ids) {
        const reg = session.registration(id);
        if (!reg) continue;
        for (const p of expand(prefix, layer.route.path)) out.push({ id, method: reg.method, path: p, file: reg.file, line: reg.line });
      }
      continue;
    }
    const mount = mountPathOf(layer) ?? '/';
    const subApp = subAppOf(layer);
    const child = subApp ? appRouter(subApp) : isRouterOrApp(layer.handle) ? layer.handle : null;
    if (child) for (const p of expand(prefix, mount)) walk(child.stack, p === '/' ? '' : p, session, out);
  }
}

/** Every route of `app`, in dispatch order, including those of mounted routers and sub-apps. */
export function expressRoutes(app: unknown, session: TracingSession): RuntimeRoute[] {
  const out: RuntimeRoute[] = [];
  walk(appRouter(app).stack, '', session, out);
  return out;
}
