// A fixture app and what framework-semantics.md says the real framework does with it. `routes` is
// every route the runtime must list, with its fate; `probes` are extra requests (doc rows written
// as traces, `a>b` = a ran, then b) checked against the runtime alone. `V` is what can differ by
// version (Runtime.tags): an express major, a Fastify major, a Koa or router package.

import * as path from 'node:path';
import type { Fate } from './route-truth';

/** What a spec can name a version by (an express major, `'@koa/router 15'`...). */
export type Tag = string | number;

export const FIXTURES_ROOT = path.resolve(__dirname, '../../fixtures/oracle');

export interface Probe<V extends Tag> {
  /** `GET /Admin/x` */
  request: string;
  auth: boolean;
  /** 'timeout': no response within the harness's limit (E20: express 4 leaves the request hanging). */
  status: number | 'timeout';
  /** `requireUser>getX`, '' when nothing registered by the fixture ran. */
  trace: string;
  /** Only under runtimes with one of these tags (the doc says the versions differ). */
  only?: V[];
}

export interface FixtureSpec<V extends Tag> {
  dir: string;
  entry: string;
  /** The row(s) of framework-semantics.md, `syntax` for its "Express 5 path syntax" table, or `X` for a cross-file construct. */
  row: string;
  title: string;
  /**
   * By `METHOD /path`; a second registration of the same method and path is `METHOD /path#2`. A
   * route given fates by version exists only under the versions named (F15: Fastify 4's `all()`
   * registers methods Fastify 5's does not).
   */
  routes: Record<string, Fate | Partial<Record<V, Fate>>>;
  probes: Probe<V>[];
  /** Compare the analyser only under runtimes with this tag, and why (the doc says the versions differ). */
  analyserOnly?: { tag: V; why: string };
  /**
   * The app boots only under runtimes with this tag, and why (the other versions throw at
   * registration or read its paths otherwise): elsewhere its runtime and analyser tests are skipped.
   */
  bootsOn?: { tag: V; why: string };
  /** The framework refuses the app: booting fails with this error code (F11), or only under some versions (F12). */
  bootError?: string | Partial<Record<V, string>>;
  /**
   * The Authorization header the fixture's auth accepts, when it is not AUTH_HEADER (`Bearer ok`):
   * a real JWT for @fastify/jwt, whose `jwtVerify()` cannot be told to accept anything else.
   */
  authorization?: string;
}

export const p = <V extends Tag>(request: string, auth: 'auth' | 'no-auth', status: Probe<V>['status'], trace: string, only?: V[]): Probe<V> =>
  ({ request, auth: auth === 'auth', status, trace, ...(only ? { only } : {}) });

/** The fate the spec expects under a runtime with these tags. */
export function expectedFate<V extends Tag>(spec: FixtureSpec<V>, key: string, tags: readonly V[]): Fate | undefined {
  return lookUp(spec.routes[key], tags);
}

/** A value the same for every version, or the entry of the first tag that has one. */
function lookUp<V extends Tag, T extends string>(value: T | Partial<Record<V, T>> | undefined, tags: readonly V[]): T | undefined {
  if (typeof value === 'string' || value === undefined) return value;
  for (const tag of tags) if (value[tag] !== undefined) return value[tag];
  return undefined;
}

/** The keys of the routes the runtime must list under a runtime with these tags. */
export function expectedRouteKeys<V extends Tag>(spec: FixtureSpec<V>, tags: readonly V[]): string[] {
  return Object.keys(spec.routes).filter((key) => expectedFate(spec, key, tags) !== undefined);
}

/** The error code booting must fail with under a runtime with these tags; undefined when it boots. */
export function expectedBootError<V extends Tag>(spec: FixtureSpec<V>, tags: readonly V[]): string | undefined {
  return lookUp(spec.bootError, tags);
}

/** Why the fixture is not booted under a runtime with these tags (its `bootsOn` names another); undefined when it is. */
export function notBootedWhy<V extends Tag>(spec: FixtureSpec<V>, tags: readonly V[]): string | undefined {
  return spec.bootsOn && !tags.includes(spec.bootsOn.tag) ? spec.bootsOn.why : undefined;
}

/** Whether a probe applies under a runtime with these tags. */
export function probeApplies<V extends Tag>(probe: Probe<V>, tags: readonly V[]): boolean {
  return !probe.only || probe.only.some((t) => tags.includes(t));
}
