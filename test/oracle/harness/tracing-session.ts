// One boot's instrumentation: the routes it registered (id, method, site) and the wrappers that
// record which of the fixture's functions ran. Each boot has its own session, so a function
// registered under one framework version never records into another boot's trace.

import { callSite } from './call-site';

// Framework callbacks are untyped, hence the `any`s.
export type Fn = (...args: any[]) => any;

export interface TraceEntry {
  name: string;
  /** Registration id when this function is the handler of a route. */
  handlerOf: number | null;
}

export interface Registration {
  id: number;
  /** Upper-case method, `ALL` for a route that answers every method. */
  method: string;
  /** Where the registering call is, relative to the fixture root; null when not in the fixture. */
  file: string | null;
  line: number | null;
}

export class TracingSession {
  private active: TraceEntry[] | null = null;
  private nextId = 1;
  private readonly registrations = new Map<number, Registration>();
  /** wrapper -> the registration it is the handler of (null: not a handler). */
  private readonly wrappers = new WeakMap<Fn, number | null>();

  /** `root`: the fixture folder; registration sites are reported relative to it. */
  constructor(readonly root: string) {}

  /** A new route registration, sited at the first stack frame inside the fixture. */
  register(method: string): number {
    const id = this.nextId++;
    this.registrations.set(id, { id, method, ...callSite(this.root) });
    return id;
  }

  registration(id: number): Registration | undefined {
    return this.registrations.get(id);
  }

  isTraced(fn: unknown): boolean {
    return typeof fn === 'function' && this.wrappers.has(fn as Fn);
  }

  /** The registration a wrapper is the handler of. */
  handlerIdOf(fn: unknown): number | undefined {
    return typeof fn === 'function' ? (this.wrappers.get(fn as Fn) ?? undefined) : undefined;
  }

  /**
   * A wrapper that records `name` (fn's own by default) into the request in flight, then runs `fn`. It keeps fn's
   * `length` (Express treats 4 as an error handler, E19; Fastify rejects some async arities) and
   * its kind: async stays async and a generator stays a generator (Fastify and Koa look at
   * `constructor.name`; Koa 2 converts generators and Koa 3 never runs them, K14).
   */
  traced(fn: Fn, handlerOf: number | null, name: string = fn.name): Fn {
    if (this.wrappers.has(fn)) return fn;
    const entry: TraceEntry = { name, handlerOf };
    const wrapper = kindPreservingWrapper(fn, () => this.active?.push(entry));
    Object.defineProperty(wrapper, 'length', { value: fn.length });
    Object.defineProperty(wrapper, 'name', { value: fn.name });
    this.wrappers.set(wrapper, handlerOf);
    return wrapper;
  }

  /** Start recording one request (requests are sequential, so the trace belongs to it). */
  start(): void {
    this.active = [];
  }

  stop(): TraceEntry[] {
    const out = this.active ?? [];
    this.active = null;
    return out;
  }
}

function kindPreservingWrapper(fn: Fn, onCall: () => void): Fn {
  switch (fn.constructor?.name) {
    case 'AsyncFunction':
      return async function (this: unknown, ...args: unknown[]): Promise<unknown> {
        onCall();
        return fn.apply(this, args);
      };
    case 'GeneratorFunction':
      return function* (this: unknown, ...args: unknown[]): Generator<unknown, unknown, unknown> {
        onCall();
        return yield* fn.apply(this, args);
      };
    default:
      return function (this: unknown, ...args: unknown[]): unknown {
        onCall();
        return fn.apply(this, args);
      };
  }
}
