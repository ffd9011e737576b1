// What a middleware is (auth, body parser, CORS, logging...), with the evidence for the verdict.
// Order of trust: the user's configured auth names, then well-known packages, then what the
// function's own body does (read in middleware-body.ts: rejects with 401/403 on one path and calls
// next() on another), and only for code we cannot see, the name as a weak hint.
import type { FnIR } from '../../core/ir';
import type { LayerKind, Stop } from '../../core/model';
import type { Arg, Value } from '../../core/values';
import { alternatives, severalFunctions } from '../../core/values';
import { identityGate } from '../shared/identity-gate';
import { callsNext, delegatesTo, endsResponse, paramName, rejectsAndContinues, rejectsThenContinues, rejectsThroughHelper, setsIdentity, skipsOf } from './middleware-body';

export interface Classification {
  kind: LayerKind;
  stop: Stop;
  /** Why: 'configured in sevenStops.auth', 'package passport', 'rejects with 401 and calls next()', 'name suggests auth'. */
  evidence: string;
  /** The function ends responses without ever calling next (a catch-all). */
  terminal: boolean;
  /** Four parameters: an error handler (E18, E19). */
  errorHandler: boolean;
  /**
   * Calls next('route') or next('router') on some path (E17): the request leaves the route, or the
   * router, and goes on to whatever matches after it. Only stops the handler of its own route (or
   * routes of its own router); in a use() layer next('route') acts as next().
   */
  skips: 'route' | 'router' | null;
  /**
   * Rejects with 401/403 and still calls next() on that same path (E23): the client gets the 401 but
   * the handler runs anyway. Kept as kind 'auth' (that is what it is meant to be, and the chain
   * shows it), but it protects nothing: a request without credentials reaches the handler.
   */
  leaks: boolean;
  /** Sets who is asking on the request (`req.user = …`), maybe letting anonymous requests through too. */
  setsIdentity: boolean;
}

/** Package (and member path) → kind. `path` is matched as a prefix of the called member path. */
const PACKAGE_KINDS: { pkg: string; path?: string; kind: LayerKind; not?: string[] }[] = [
  { pkg: 'passport', path: 'authenticate', kind: 'auth' },
  { pkg: 'express-jwt', kind: 'auth' },
  { pkg: 'express-oauth2-jwt-bearer', kind: 'auth' },
  { pkg: 'express-openid-connect', path: 'requiresAuth', kind: 'auth' },
  { pkg: 'express-openid-connect', path: 'claimCheck', kind: 'auth' },
  { pkg: 'express-basic-auth', kind: 'auth' },
  { pkg: 'connect-ensure-login', kind: 'auth' },
  { pkg: '@clerk/express', path: 'requireAuth', kind: 'auth' },
  { pkg: 'keycloak-connect', kind: 'auth' },
  { pkg: 'express-jwt-permissions', kind: 'auth' },
  { pkg: 'express', path: 'json', kind: 'parse' },
  { pkg: 'express', path: 'urlencoded', kind: 'parse' },
  { pkg: 'express', path: 'raw', kind: 'parse' },
  { pkg: 'express', path: 'text', kind: 'parse' },
  { pkg: 'body-parser', kind: 'parse' },
  { pkg: 'multer', kind: 'parse' },
  { pkg: 'cookie-parser', kind: 'parse' },
  { pkg: 'express-fileupload', kind: 'parse' },
  { pkg: 'cors', kind: 'cors' },
  { pkg: 'helmet', kind: 'security' },
  { pkg: 'hpp', kind: 'security' },
  { pkg: 'csurf', kind: 'security' },
  { pkg: 'lusca', kind: 'security' },
  { pkg: 'express-mongo-sanitize', kind: 'security' },
  { pkg: 'morgan', kind: 'logging' },
  { pkg: 'pino-http', kind: 'logging' },
  { pkg: 'express-winston', kind: 'logging' },
  { pkg: 'express-rate-limit', kind: 'rate-limit' },
  { pkg: 'express-slow-down', kind: 'rate-limit' },
  { pkg: 'rate-limiter-flexible', kind: 'rate-limit' },
  { pkg: 'express', path: 'static', kind: 'static' },
  { pkg: 'serve-static', kind: 'static' },
  { pkg: 'serve-favicon', kind: 'static' },
  { pkg: 'compression', kind: 'other' },
];

const AUTH_NAME_HINT = new RegExp(`(^|[^a-z])(${[
  'auth', 'authenticate', 'authenticated', 'authorize', 'requireuser', 'requireauth', 'requirelogin', 'ensureloggedin', 'isloggedin',
  'isauthenticated', 'protect', 'verifytoken', 'verifyjwt', 'checkjwt', 'jwtcheck', 'requiresauth',
].join('|')})`, 'i');

/**
 * A classify() that remembers each argument's answer for one run: the walk re-reads pass-through
 * routes for every later route, and the stop annotations read every registration once more.
 */
export function classifier(configuredAuth: string[]): (arg: Arg) => Classification {
  const seen = new WeakMap<Arg, Classification>();
  // A function's verdict depends on the function and the name it is passed by, nothing else: the
  // routes of a router passing `audit` (or what `cache(60)` returns) share one verdict, instead of
  // one per route and argument.
  const byFn = new WeakMap<FnIR, Map<string, Classification>>();
  return arg => {
    const v = pick(arg.value);
    if (v.t === 'fn' && !severalFunctions(arg.value)) {
      let byName = byFn.get(v.fn);
      if (!byName) byFn.set(v.fn, (byName = new Map()));
      let c = byName.get(arg.name);
      if (!c) byName.set(arg.name, (c = classify(arg, configuredAuth)));
      return c;
    }
    let c = seen.get(arg);
    if (!c) seen.set(arg, (c = classify(arg, configuredAuth)));
    return c;
  };
}

/**
 * Classifies one middleware argument. `configuredAuth` holds the user's `sevenStops.auth` names. A
 * value that is one of several functions (an undecided `if` chose it: `if (env.noCache) gen =
 * plain`) is auth when one of them is: the configuration that runs is the one the code was written
 * for, which the analyser cannot tell; a check that some configuration turns off is still the check.
 */
export function classify(arg: Arg, configuredAuth: string[]): Classification {
  if (severalFunctions(arg.value)) {
    const each = alternatives(arg.value).filter(o => o.t === 'fn').map(value => classifyValue({ ...arg, value }, configuredAuth));
    return each.find(c => c.kind === 'auth' && !c.leaks) ?? each[0];
  }
  return classifyValue(arg, configuredAuth);
}

function classifyValue(arg: Arg, configuredAuth: string[]): Classification {
  const v = pick(arg.value);
  const fnInfo = v.t === 'fn' ? v.fn : null;
  const errorHandler = fnInfo ? fnInfo.length === 4 : false;
  const terminal = fnInfo ? !callsNext(fnInfo) && endsResponse(fnInfo) && fnInfo.length < 4 : false;
  const base = { terminal, errorHandler, skips: fnInfo ? skipsOf(fnInfo) : null, leaks: false, setsIdentity: fnInfo ? setsIdentity(fnInfo) : false };
  if (errorHandler) return { ...base, kind: 'error-handler', stop: 4, evidence: 'four parameters (err, req, res, next)' };
  if (configuredAuth.some(n => n === arg.name || n === fnInfo?.name)) return { ...base, kind: 'auth', stop: 4, evidence: 'listed in sevenStops.auth' };
  if (v.t === 'pkgcall' || v.t === 'pkg') {
    const pathText = v.path.filter(p => p !== 'default').join('.');
    const kind = packageKind(v.name, pathText);
    if (kind) {
      if (kind === 'auth' && v.t === 'pkgcall' && optionalAuth(v)) {
        return { ...base, kind: 'other', stop: 4, setsIdentity: true, evidence: `${v.name} with credentialsRequired: false (optional auth)` };
      }
      return { ...base, kind, stop: kind === 'parse' ? 2 : 4, evidence: `package ${v.name}` };
    }
    // passport.session() restores the signed-in user from the session and lets everyone else through.
    if (v.name === 'passport' && pathText === 'session') return { ...base, kind: 'other', stop: 4, setsIdentity: true, evidence: 'package passport (session)' };
    // express-openid-connect's auth() requires login unless authRequired: false.
    if (v.name === 'express-openid-connect' && pathText.startsWith('auth') && v.t === 'pkgcall') {
      const opts = v.args[0]?.value;
      const off = opts?.t === 'obj' && opts.props.get('authRequired')?.t === 'bool' && !(opts.props.get('authRequired') as { v: boolean }).v;
      return { ...base, kind: off ? 'other' : 'auth', stop: 4, evidence: `package ${v.name}${off ? ' (authRequired: false)' : ''}` };
    }
  }
  if (fnInfo) {
    const why = rejectsAndContinues(fnInfo) ?? (v.t === 'fn' ? rejectsThroughHelper(v) : null);
    const leak = why ? rejectsThenContinues(fnInfo) : null;
    if (leak) return { ...base, kind: 'auth', stop: 4, leaks: true, evidence: `${leak} and then calls next() on that path too: the handler runs anyway` };
    if (why) return { ...base, kind: 'auth', stop: 4, evidence: why };
    // A home-made session check: next() only when someone is signed in, a redirect or an error otherwise.
    const gate = identityGate(fnInfo, paramName(fnInfo.params[0]) ?? '', paramName(fnInfo.params[2]) ?? '', expressIdentity);
    if (gate) return { ...base, kind: 'auth', stop: 4, evidence: `calls next() only when ${gate}` };
    // A wrapper that hands some requests to a body parser parses them (other delegations keep the name's verdict).
    const to = v.t === 'fn' ? delegatesTo(v) : null;
    if (to && packageKind(to.pkg, to.path.join('.')) === 'parse') {
      return { ...base, kind: 'parse', stop: 2, evidence: `hands the request to ${to.text}` };
    }
    return { ...base, kind: nameKind(arg.name, fnInfo.name), stop: 4, evidence: 'function body' };
  }
  if (v.t === 'unknown' && AUTH_NAME_HINT.test(arg.name)) return { ...base, kind: 'auth', stop: 4, evidence: `name suggests auth (${v.why})` };
  return { ...base, kind: nameKind(arg.name, null), stop: 4, evidence: v.t === 'unknown' ? v.why : 'unrecognised' };
}

/** Who is asking, on an Express request: passport's `req.user` and `req.isAuthenticated()`, express-jwt's `req.auth`, a session's user. */
function expressIdentity(text: string, req: string): boolean {
  return new RegExp(`\\b${req}\\.(user|auth|currentUser|userId)\\b|\\b${req}\\.session\\.(user|userId|uid)\\b|\\b${req}\\.(isAuthenticated|isUnauthenticated)\\(`).test(text);
}

/** The kind of the first PACKAGE_KINDS entry for a package and the member path called on it, if any. */
function packageKind(pkg: string, pathText: string): LayerKind | undefined {
  return PACKAGE_KINDS.find(k => k.pkg === pkg && (!k.path || pathText.startsWith(k.path)))?.kind;
}

function pick(v: Value): Value {
  return alternatives(v).find(o => o.t === 'fn' || o.t === 'pkgcall') ?? v;
}

/** express-jwt `credentialsRequired: false` lets anonymous requests through: not protection. */
function optionalAuth(v: Extract<Value, { t: 'pkgcall' }>): boolean {
  const opts = v.args[0]?.value;
  const flag = opts?.t === 'obj' ? opts.props.get('credentialsRequired') : undefined;
  return flag?.t === 'bool' && !flag.v;
}

function nameKind(argName: string, fnName: string | null): LayerKind {
  const n = `${argName} ${fnName ?? ''}`.toLowerCase();
  if (/logger|logging|morgan|requestlog/.test(n)) return 'logging';
  if (/ratelimit|rate_limit|limiter|throttle/.test(n)) return 'rate-limit';
  if (/cors/.test(n)) return 'cors';
  return 'other';
}

/**
 * Layers that hand a request on with next() when they succeed (auth, parsers, security headers,
 * logging, rate limits). CORS is left out: on an OPTIONS route `cors()` answers preflights.
 */
const PASSING_KINDS = new Set<LayerKind>(['auth', 'parse', 'security', 'logging', 'rate-limit']);

/**
 * Whether a route's last function is middleware, making the route a guard in front of a later one
 * (E22) rather than its handler: a passing kind and, where we can read it, a bare `next()` on some
 * path. A handler that refuses with 401 and passes errors on with `next(err)` stays a handler.
 */
export function passesOnSuccess(arg: Arg, classify: (arg: Arg) => Classification): boolean {
  const v = pick(arg.value);
  // Most last functions are handlers we can read that never call a bare next(): no need to classify them.
  if (v.t === 'fn' && !v.fn.uses.some(u => u.param === 2 && u.path.length === 0 && u.call?.length === 0)) return false;
  const cls = classify(arg);
  return PASSING_KINDS.has(cls.kind) && !cls.terminal && !cls.errorHandler;
}
