// What the oracle needs from a fixture booted with a real framework, whatever the framework: its
// routes as the runtime registered them, and real requests that report which of the fixture's
// functions ran. Each framework folder (express/, fastify/, koa/) provides one Runtime per version.

import type { Framework } from '../../../src/core/model';

export interface RuntimeRoute {
  /** Registration id: identifies the route's handler in traces. */
  id: number;
  /** Upper-case method, `ALL` for a route that answers every method. */
  method: string;
  path: string;
  /** Where the fixture registered it, relative to the fixture root; null when not in the fixture. */
  file: string | null;
  line: number | null;
}

export interface Observation {
  status: number | 'timeout' | 'error';
  /** Names of the fixture's functions that ran, in order (handlers of any route included). */
  trace: string[];
  /** Whether the handler of the route asked about ran. */
  handlerRan: boolean;
  /** Names that ran before that handler (the whole trace when it did not run). */
  before: string[];
  /** Names that ran after that handler (Fastify's onSend, onResponse...); empty when it did not run. */
  after: string[];
}

/** A fixture booted with a real framework, listening on 127.0.0.1. */
export interface RuntimeApp {
  readonly routes: RuntimeRoute[];
  /** One real request, with or without the auth header (the boot's `authorization`); requests must be sequential. */
  request(method: string, urlPath: string, auth: boolean, handlerId?: number): Promise<Observation>;
  close(): Promise<void>;
}

/**
 * One framework version the oracle boots fixtures with. `tags` name what a fixture spec can say
 * differs by version (an express major, a Koa router package...); `label` goes in test titles.
 */
export interface Runtime<V> {
  framework: Framework;
  label: string;
  tags: readonly V[];
  /** `authorization`: the Authorization header a request "with auth" carries (default AUTH_HEADER). */
  boot(root: string, entry: string, authorization?: string): Promise<RuntimeApp>;
}
