// Boots a Koa fixture with the real Koa 2 or 3 and one of the router packages (npm aliases koa2 /
// koa3, koarouter12 / koarouter13 / koarouter15 / koarouter14legacy). A fixture requires
// '@koa/router' (or 'koa-router'); both names load the router the runtime chose, because some
// rows differ by router version (K11, K12).

import * as path from 'node:path';
import { ListeningApp, listen } from '../harness/listening-app';
import { loadFixture, pickExport } from '../harness/load-fixture';
import type { Runtime, RuntimeApp } from '../harness/runtime-app';
import { TracingSession } from '../harness/tracing-session';
import { traceKoaApp, withRouteRegistrations, type KoaApp } from './tracing';

export type KoaRouterTag = '@koa/router 12' | '@koa/router 13' | '@koa/router 15' | 'koa-router 14';
export type KoaTag = 'koa 2' | 'koa 3' | KoaRouterTag;

const ROUTER_ALIASES: Record<KoaRouterTag, string> = {
  '@koa/router 12': 'koarouter12',
  '@koa/router 13': 'koarouter13',
  '@koa/router 15': 'koarouter15',
  'koa-router 14': 'koarouter14legacy',
};

const isKoaApp = (value: unknown): value is KoaApp =>
  typeof value === 'object' && value !== null && Array.isArray((value as KoaApp).middleware) && typeof (value as KoaApp).callback === 'function';

/**
 * The routers refuse some apps while the fixture loads (K15 path syntax, Router() without new on a
 * class) with errors that carry no code; a spec's bootError names them by these.
 */
function withRefusalCode(error: unknown): unknown {
  if (!(error instanceof Error) || (error as Error & { code?: unknown }).code !== undefined) return error;
  // path-to-regexp 8 throws PathError (a TypeError named so, or by its class: "Missing parameter
  // name"), 6 a TypeError "Unexpected MODIFIER at 7, expected END".
  const pathError = error.name === 'PathError' || error.constructor.name === 'PathError';
  if (pathError || (error instanceof TypeError && /^Unexpected /.test(error.message))) return Object.assign(error, { code: 'PATH_SYNTAX' });
  if (error instanceof TypeError && /cannot be invoked without 'new'/.test(error.message)) return Object.assign(error, { code: 'CLASS_WITHOUT_NEW' });
  return error;
}

async function bootKoa(root: string, entry: string, major: 2 | 3, router: KoaRouterTag, authorization?: string): Promise<RuntimeApp> {
  const koaFile = require.resolve(`koa${major}`);
  const routerFile = require.resolve(ROUTER_ALIASES[router]);
  const session = new TracingSession(path.resolve(root));
  const bindings = { koa: koaFile, '@koa/router': routerFile, 'koa-router': routerFile };
  const loaded = await withRouteRegistrations(require(routerFile), session, () => loadFixture(root, entry, bindings)).catch((error: unknown) => {
    throw withRefusalCode(error);
  });
  const app = pickExport(loaded, isKoaApp, entry, 'its Koa app (module.exports = app / export default app)');
  const routes = traceKoaApp(app, session);
  return new ListeningApp(routes, session, await listen(app.callback()), authorization);
}

function koaRuntime(major: 2 | 3, router: KoaRouterTag): Runtime<KoaTag> {
  return { framework: 'koa', label: `koa ${major} + ${router}`, tags: [`koa ${major}`, router], boot: (root, entry, authorization) => bootKoa(root, entry, major, router, authorization) };
}

export const KOA_RUNTIMES: Runtime<KoaTag>[] = [
  koaRuntime(2, '@koa/router 12'),
  koaRuntime(2, '@koa/router 13'),
  koaRuntime(2, 'koa-router 14'),
  koaRuntime(2, '@koa/router 15'),
  koaRuntime(3, '@koa/router 12'),
  koaRuntime(3, '@koa/router 13'),
  koaRuntime(3, 'koa-router 14'),
  koaRuntime(3, '@koa/router 15'),
];
