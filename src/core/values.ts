// Abstract values produced by evaluating the IR. The analyser never runs workspace code: these are
// symbolic stand-ins (a string we could compute, a function closure, "something from package express").
import type { FnIR, Span } from './ir';

/** Where a value or an argument was written. */
export interface Site {
  file: string;
  span: Span;
}

/** A call argument: its value plus the source it came from (names chain entries, places annotations). */
export interface Arg {
  value: Value;
  /** Source text with call arguments dropped: `requireUser`, `express.json`, `requireRole`. */
  name: string;
  site: Site | null;
}

export type Value =
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'bool'; v: boolean }
  | { t: 'regex'; source: string; flags: string }
  | { t: 'fn'; fn: FnIR; env: Env; file: string }
  | { t: 'arr'; items: Arg[] }
  | { t: 'obj'; props: Map<string, Value> }
  /** Something reached from a package import: `express`, `express.Router`, `passport.authenticate`. */
  | { t: 'pkg'; name: string; path: string[] }
  /** The result of calling into a package: `express.json({...})`, `passport.authenticate('jwt')`. */
  | { t: 'pkgcall'; name: string; path: string[]; args: Arg[]; site: Site }
  /** An object owned by a framework adapter (an Express app, a router...). */
  | { t: 'host'; host: HostObject }
  /** A method of a host object, bound to it: `app.get`. */
  | { t: 'method'; host: HostObject; name: string }
  /** One of several values (`a || b`, `cond ? a : b`). */
  | { t: 'either'; options: Value[] }
  /** `undef`: certainly `undefined` (an argument not passed, a property a known object lacks), so defaults apply. */
  | { t: 'unknown'; why: string; undef?: true };

/** Framework adapters subclass nothing: they tag their objects with `framework` and `kind`. */
export interface HostObject {
  framework: string;
  kind: string;
  id: number;
  site: Site;
}

/** A lexical scope. */
export class Env {
  private readonly vars = new Map<string, Value>();

  constructor(readonly parent: Env | null) {}

  lookup(name: string): Value | undefined {
    for (let e: Env | null = this; e; e = e.parent) {
      const v = e.vars.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  define(name: string, v: Value): void {
    this.vars.set(name, v);
  }

  /** Assignment to an existing binding (or a new one at this level when it does not exist). */
  assign(name: string, v: Value): void {
    for (let e: Env | null = this; e; e = e.parent) {
      if (e.vars.has(name)) { e.vars.set(name, v); return; }
    }
    this.vars.set(name, v);
  }
}

export const UNKNOWN = (why: string): Value => ({ t: 'unknown', why });

/** A value that is certainly `undefined`: a default parameter or destructuring default replaces it. */
export const UNDEFINED = (why: string): Value => ({ t: 'unknown', why, undef: true });

/** The string a value certainly is, or null. */
export function asString(v: Value): string | null {
  if (v.t === 'str') return v.v;
  if (v.t === 'num') return String(v.v);
  return null;
}

/** Expands `either` into its options (one level is enough: either-of-either is flattened on creation). */
export function options(v: Value): Value[] {
  return v.t === 'either' ? v.options : [v];
}
