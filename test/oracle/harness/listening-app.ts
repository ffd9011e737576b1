// The RuntimeApp every framework's boot returns: a server listening on 127.0.0.1 and the tracing
// session of that boot. A request is a real HTTP request; the session records what ran.

import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Observation, RuntimeApp, RuntimeRoute } from './runtime-app';
import type { TraceEntry, TracingSession } from './tracing-session';

export const AUTH_HEADER = 'Bearer ok';
const REQUEST_TIMEOUT_MS = 2000;

export interface Listening {
  port: number;
  close(): Promise<void>;
}

/** Serve a Node request listener (an express app, `koa.callback()`) on an ephemeral port. */
export async function listen(handler: http.RequestListener): Promise<Listening> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(port: number, method: string, urlPath: string, authorization: string | null): Promise<Observation['status']> {
  return new Promise((resolve) => {
    const headers: http.OutgoingHttpHeaders = authorization !== null ? { authorization } : {};
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

export class ListeningApp implements RuntimeApp {
  constructor(
    readonly routes: RuntimeRoute[],
    private readonly session: TracingSession,
    private readonly server: Listening,
    private readonly authorization: string = AUTH_HEADER,
  ) {}

  async request(method: string, urlPath: string, auth: boolean, handlerId?: number): Promise<Observation> {
    this.session.start();
    let entries: TraceEntry[];
    let status: Observation['status'];
    try {
      status = await send(this.server.port, method, urlPath, auth ? this.authorization : null);
      // Let code that runs after the response (a next() after res.end, E23) finish its turn.
      await new Promise((r) => setImmediate(r));
    } finally {
      entries = this.session.stop();
    }
    const at = handlerId === undefined ? -1 : entries.findIndex((e) => e.handlerOf === handlerId);
    return {
      status,
      trace: entries.map((e) => e.name),
      handlerRan: at >= 0,
      before: (at >= 0 ? entries.slice(0, at) : entries).map((e) => e.name),
      after: (at >= 0 ? entries.slice(at + 1) : []).map((e) => e.name),
    };
  }

  close(): Promise<void> {
    return this.server.close();
  }
}
