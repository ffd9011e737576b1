// What a Koa middleware is (auth, body parser...), with the evidence, and where in the onion its
// code runs. A Koa middleware `(ctx, next)` stops a request by not calling `next()`: it rejects with
// `ctx.throw(401)`, `ctx.assert(user, 401)`, or `ctx.status = 401` and returns. Code after `await
// next()` runs once the handler has run (K9): a rejection there protects nothing.
import { FLOW, type Expr, type FnIR, type Stmt } from '../../core/ir';
import type { LayerKind, Stop } from '../../core/model';
import type { Arg, Value } from '../../core/values';
import { alternatives, severalFunctions } from '../../core/values';
import { callsName } from '../../core/stmt-calls';
import { identityGate } from '../shared/identity-gate';
import type { KoaJwt, UnlessRules } from './objects';

export interface KoaClassification {
  kind: LayerKind;
  stop: Stop;
  /** Why: 'listed in sevenStops.auth', 'ctx.throw(401) before next()', 'package koa-bodyparser'. */
  evidence: string;
  /** A request without credentials stopped here does not reach the handler (false for K9 and a rejection that calls next anyway). */
  protects: boolean;
  /** Whether what it does runs before the handler, or after `await next()` (K9; error handlers, loggers). */
  when: 'before' | 'after';
  /** Calls next() on some path (or is a package middleware, which does): later layers may run. */
  passes: boolean;
  /** A `function*`: Koa 2 converts it in `app.use`, Koa 3 and the routers never run it (K14). */
  generator: boolean;
  /** koa-unless's rules (`jwt(...).unless(...)`): the requests it lets through without checking. */
  unless?: UnlessRules;
  /** Catches what the layers after it throw: `try { await next() } catch`, or an error package (koa-json-error). */
  catches?: true;
}

/** Packages whose middleware catches the errors of the layers after it. */
const ERROR_PACKAGES = new Set(['koa-json-error', 'koa-error', 'koa-better-error-handler']);

const IDENTITY_ERRORS = /unauthori[sz]ed|forbidden|authenticationerror|autherror|notauthenticated|invalidtoken/i;
const REJECT_STATUS = new Set([401, 403]);

/** Packages whose middleware parses the body (stop 2) or is otherwise known. */
const PACKAGE_KINDS: Record<string, LayerKind> = {
  'koa-bodyparser': 'parse', '@koa/bodyparser': 'parse', 'koa-body': 'parse', '@koa/multer': 'parse', 'koa-multer': 'parse',
  '@koa/cors': 'cors', 'koa-cors': 'cors', 'koa-helmet': 'security', 'koa-logger': 'logging', 'koa-morgan': 'logging',
  'koa-ratelimit': 'rate-limit', 'koa-static': 'static', 'koa-compress': 'other', 'koa-session': 'other',
};

/**
 * Classifies one middleware argument. `configuredAuth` holds the user's `sevenStops.auth` names. A
 * value that is one of several functions (an undecided `if` chose it) is auth when one of them
 * protects: the configuration that runs is the one the code was written for.
 */
export function classify(arg: Arg, configuredAuth: readonly string[]): KoaClassification {
  if (severalFunctions(arg.value)) {
    const each = alternatives(arg.value).filter(o => o.t === 'fn').map(value => classifyValue({ ...arg, value }, configuredAuth));
    return each.find(c => c.kind === 'auth' && c.protects) ?? each[0];
  }
  return classifyValue(arg, configuredAuth);
}

function classifyValue(arg: Arg, configuredAuth: readonly string[]): KoaClassification {
  const v = pick(arg.value);
  const base = { kind: 'other' as LayerKind, stop: 4 as Stop, protects: false, when: 'before' as const, passes: true, generator: false };
  const fnName = v.t === 'fn' ? v.fn.name : null;
  if (configuredAuth.some(n => n === arg.name || n === fnName)) return { ...base, kind: 'auth', protects: true, evidence: 'listed in sevenStops.auth' };
  if (v.t === 'host' && v.host.framework === 'koa' && v.host.kind === 'jwt') return jwtKind(v.host as KoaJwt, base);
  if (v.t === 'host' && v.host.framework === 'koa' && v.host.kind === 'allowedMethods') {
    return { ...base, when: 'after', evidence: 'allowedMethods() answers after next()' };
  }
  if (v.t === 'pkgcall' || v.t === 'pkg') {
    if (v.name === 'koa-passport' && v.path.includes('authenticate')) return { ...base, kind: 'auth', protects: true, evidence: 'package koa-passport' };
    if (ERROR_PACKAGES.has(v.name)) return { ...base, evidence: `package ${v.name}`, catches: true };
    const kind = PACKAGE_KINDS[v.name];
    if (kind) return { ...base, kind, stop: kind === 'parse' ? 2 : 4, evidence: `package ${v.name}` };
    return { ...base, evidence: 'unrecognised package' };
  }
  if (v.t === 'fn') return fnKind(v.fn, base);
  return { ...base, evidence: v.t === 'unknown' ? v.why : 'unrecognised' };
}

/** The name Koa runs a middleware under: its function's own name, koa-jwt's `jwt`, else its source text. */
export function middlewareName(arg: Arg): string {
  const v = pick(arg.value);
  if (v.t === 'fn' && v.fn.name) return v.fn.name;
  if (v.t === 'host' && v.host.framework === 'koa' && v.host.kind === 'jwt') return (v.host as KoaJwt).unless ? 'jwt.unless' : 'jwt';
  if (v.t === 'host' && v.host.framework === 'koa' && v.host.kind === 'allowedMethods') return 'allowedMethods';
  return arg.name;
}

function pick(v: Value): Value {
  return alternatives(v).find(o => o.t === 'fn' || o.t === 'pkgcall' || o.t === 'host') ?? v;
}

function jwtKind(j: KoaJwt, base: Omit<KoaClassification, 'evidence'>): KoaClassification {
  if (j.passthrough) return { ...base, evidence: 'koa-jwt with passthrough: true lets requests without a token through' };
  return { ...base, kind: 'auth', protects: true, evidence: 'package koa-jwt', ...(j.unless ? { unless: j.unless } : {}) };
}

/** Reads a `(ctx, next)` function, or a `function* (next)` that uses `this` as ctx. */
function fnKind(fn: FnIR, base: Omit<KoaClassification, 'evidence'>): KoaClassification {
  const generator = fn.generator;
  const ctxParam = generator ? -1 : 0;
  const nextParam = generator ? 0 : 1;
  const nextUses = fn.uses.filter(u => u.param === nextParam && u.path.length === 0);
  const firstNext = nextUses.length ? Math.min(...nextUses.map(u => u.span.start)) : Infinity;
  const rejection = rejections(fn, ctxParam);
  const before = rejection.filter(r => r.at < firstNext);
  const after = fn.uses.some(u => u.param === ctxParam && u.span.start > firstNext) || rejection.some(r => r.at > firstNext);
  const common = {
    ...base, passes: nextUses.length > 0, generator, when: (after && !before.length ? 'after' : 'before') as 'before' | 'after',
    // next() called in a try block that catches, in the function's own body: `try { await next() } catch (err) {…}`.
    ...(nextUses.some(u => u.call && ((u.flow ?? 0) & (FLOW.caught | FLOW.nested)) === FLOW.caught) ? { catches: true as const } : {}),
  };
  if (!nextUses.length) return { ...common, evidence: 'function body (never calls next)' };
  if (before.length) {
    const leak = before.find(r => r.status && leaks(fn, r.at, nextParam));
    if (leak) return { ...common, kind: 'auth', evidence: `${leak.why} and then calls next() on that path too: the handler runs anyway` };
    return { ...common, kind: 'auth', protects: true, evidence: `${before[0].why} before next()` };
  }
  if (rejection.length) return { ...common, kind: 'auth', evidence: `${rejection[0].why} only after await next(): the handler has already run (K9)` };
  const ctxName = paramName(fn, ctxParam);
  const nextName = paramName(fn, nextParam);
  const gate = ctxName && nextName ? identityGate(fn, ctxName, nextName, koaIdentity) : null;
  if (gate) return { ...common, kind: 'auth', protects: true, when: 'before', evidence: `calls next() only when ${gate}` };
  return { ...common, evidence: 'function body' };
}

/** Who is asking, on a Koa context: koa-jwt's and koa-passport's `ctx.state.user`, a session's user, `ctx.isAuthenticated()`. */
function koaIdentity(text: string, ctx: string): boolean {
  return new RegExp(`\\b${ctx}\\.(state\\.(user|auth)\\b|session\\.(user|userId|uid)\\b|isAuthenticated\\(|isUnauthenticated\\(|user\\b|req\\.user\\b)`).test(text);
}

function paramName(fn: FnIR, index: number): string | null {
  const p = index < 0 ? null : fn.params[index];
  return index < 0 ? 'this' : p?.k === 'name' ? p.name : null;
}

interface Rejection { at: number; why: string; status?: true }

/** Where the function rejects a request as unauthenticated or forbidden (offsets in its file). */
function rejections(fn: FnIR, ctxParam: number): Rejection[] {
  const out: Rejection[] = [];
  for (const u of fn.uses) {
    if (u.param !== ctxParam) continue;
    const last = u.path[u.path.length - 1];
    if (u.call && u.path.length === 1 && last === 'throw' && rejectCode(u.call[0])) out.push({ at: u.span.start, why: `ctx.throw(${statusText(u.call[0])})` });
    if (u.call && u.path.length === 1 && last === 'assert' && rejectCode(u.call[1])) {
      out.push({ at: u.span.start, why: `ctx.assert(…, ${statusText(u.call[1])})` });
    }
    if (u.write && last === 'status' && (u.path.length === 1 || (u.path.length === 2 && u.path[0] === 'response')) && rejectCode(u.write)) {
      out.push({ at: u.span.start, why: `sets ctx.status = ${statusText(u.write)}`, status: true });
    }
  }
  if (ctxParam < 0) out.push(...thisRejections(fn.body));
  for (const c of fn.calls) {
    const status = c.args[0];
    if (/createError|createHttpError|httpErrors|HttpError/i.test(c.callee) && rejectCode(status)) {
      out.push({ at: c.span.start, why: `raises a ${statusText(status)} error` });
    }
  }
  if (fn.throws.some(t => IDENTITY_ERRORS.test(t))) out.push({ at: fn.span.start, why: `throws ${fn.throws.find(t => IDENTITY_ERRORS.test(t))}` });
  return out.sort((a, b) => a.at - b.at);
}

/** `this.status = 401` and `this.throw(401)` in a generator middleware (Koa 1 style). */
function thisRejections(body: Stmt[]): Rejection[] {
  const out: Rejection[] = [];
  const visit = (list: Stmt[]) => {
    for (const st of list) {
      if (st.k === 'assign' && st.obj.k === 'ref' && st.obj.name === 'this' && st.prop === 'status' && rejectCode(st.e)) {
        out.push({ at: st.span.start, why: `sets this.status = ${statusText(st.e)}` });
      }
      if (st.k === 'if') { visit(st.then); visit(st.else); }
      if (st.k === 'block' || st.k === 'loop') visit(st.body);
    }
  };
  visit(body);
  return out;
}

function rejectCode(e: Expr | undefined): boolean {
  return e?.k === 'num' && REJECT_STATUS.has(e.v);
}

function statusText(e: Expr | undefined): string {
  return e?.k === 'num' ? String(e.v) : '…';
}

/**
 * `ctx.status = 401` that is not the end of its path: the statement list holding it has no `return`
 * after it, and a later statement of an enclosing list calls next() (the Koa form of E23).
 */
function leaks(fn: FnIR, at: number, nextParam: number): boolean {
  const next = paramName(fn, nextParam);
  if (!next) return false;
  const scan = (list: Stmt[], outerContinues: boolean): boolean | null => {
    for (let i = 0; i < list.length; i++) {
      const st = list[i];
      const continues = outerContinues || list.slice(i + 1).some(s => callsName(s, next));
      if (st.k === 'assign' && st.span.start === at) return !list.slice(i + 1).some(s => s.k === 'return') && continues;
      const inner = st.k === 'if' ? [st.then, st.else] : st.k === 'block' || st.k === 'loop' ? [st.body] : [];
      for (const b of inner) {
        const r = scan(b, continues);
        if (r !== null) return r;
      }
    }
    return null;
  };
  return scan(fn.body, false) ?? false;
}
