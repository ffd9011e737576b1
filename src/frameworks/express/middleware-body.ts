// What a middleware's body does with the request, read from its lowered IR (uses of its
// parameters, calls, throws, statements): whether it calls next(), ends the response, rejects with
// 401/403 on one path and goes on on another. middleware-kind.ts turns these into a verdict.
import type { Expr, FnIR, Pattern, Stmt } from '../../core/ir';
import type { Value } from '../../core/values';
import { REQUEST_FIRST } from '../shared/handler-facts';
import { callsName } from '../../core/stmt-calls';

const IDENTITY_ERRORS = /unauthori[sz]ed|forbidden|authenticationerror|autherror|notauthenticated|invalidtoken/i;

/** The next parameter (index 2) is called, or handed on to another function. */
export function callsNext(fn: FnIR): boolean {
  return fn.uses.some(u => u.param === 2 && u.path.length === 0);
}

const ENDING_METHODS = new Set(['json', 'send', 'end', 'render', 'sendStatus', 'redirect', 'sendFile', 'download', 'jsonp']);

/** The response parameter is used to end the response somewhere. */
export function endsResponse(fn: FnIR): boolean {
  return fn.uses.some(u => u.param === 1 && !!u.call && ENDING_METHODS.has(u.path[u.path.length - 1] ?? ''));
}

/**
 * The shape of an authentication layer: on one path it rejects the request as unauthenticated or
 * forbidden (status 401/403, an Unauthorized error), on another it calls next().
 */
export function rejectsAndContinues(fn: FnIR): string | null {
  if (!callsNext(fn)) return null;
  const code = rejectStatus(fn, 1);
  // A 403 that looks at no credential is a rule about the request, not about who sends it
  // (json-server's read-only mode refuses every write with 403 and lets reads through).
  if (code === 401 || (code === 403 && readsCredentials(fn))) return `rejects with ${code} and calls next()`;
  for (const u of fn.uses) {
    if (!u.call) continue;
    if (u.param === 2 && u.path.length === 0 && u.call.length) {
      const a = u.call[0];
      const text = JSON.stringify(a);
      if (/"v":40[13]\b/.test(text) || IDENTITY_ERRORS.test(text)) return 'passes a 401/403 error to next() and calls next() otherwise';
    }
  }
  for (const t of fn.throws) if (IDENTITY_ERRORS.test(t)) return `throws ${t} and calls next() otherwise`;
  const skip = skipsOf(fn);
  if (skip && callsPlainNext(fn) && readsCredentials(fn)) return `reads credentials, calls next('${skip}') on one path and next() on another`;
  for (const c of fn.calls) {
    const status = c.args[0]?.k === 'num' ? c.args[0].v : null;
    if (/createError|createHttpError|httpErrors|HttpError|boom\.unauthorized/i.test(c.callee) && (status === 401 || status === 403)) {
      return `raises a ${status} error and calls next() otherwise`;
    }
    if (/unauthorized|forbidden/i.test(c.callee)) return `raises ${c.callee} and calls next() otherwise`;
    if (/^passport\.authenticate\b/.test(c.callee)) return 'delegates to passport.authenticate';
    if (/\bjwt\.verify$|\bverifyIdToken$|\bjwtVerify$/.test(c.callee)) return `verifies a token (${c.callee}) before next()`;
  }
  return null;
}

/**
 * `return invalidRequest(req, res)` and `next()` on another path, where the helper is a function of
 * the middleware's scope that sets 401/403 on the response it is handed (parse-server's
 * handleParseHeaders). One level deep: the helper's own calls are not followed.
 */
export function rejectsThroughHelper(v: Extract<Value, { t: 'fn' }>): string | null {
  const fn = v.fn;
  const res = paramName(fn.params[1]);
  if (!res || !callsNext(fn)) return null;
  for (const c of fn.calls) {
    if (!IDENTIFIER.test(c.callee)) continue;
    const at = c.args.findIndex(a => a.k === 'ref' && a.name === res);
    if (at < 0) continue;
    const helper = v.env.lookup(c.callee);
    if (helper?.t !== 'fn' || helper.fn === fn) continue;
    const code = rejectStatus(helper.fn, at);
    if (code !== null) return `rejects with ${code} through ${c.callee}() and calls next()`;
  }
  return null;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The 401/403 a function sets with `status`/`sendStatus`/`writeHead` on its parameter `param`, else null. */
function rejectStatus(fn: FnIR, param: number): number | null {
  for (const u of fn.uses) {
    if (u.param !== param || !u.call) continue;
    const last = u.path[u.path.length - 1];
    if (last !== 'status' && last !== 'sendStatus' && last !== 'writeHead') continue;
    const code = u.call[0];
    if (code?.k === 'num' && (code.v === 401 || code.v === 403)) return code.v;
  }
  return null;
}

/**
 * The package middleware a function hands its own request to, `express.raw({...})(req, res, next)`
 * or `jsonParser(req, res, next)` (a wrapper that parses some requests and skips others: webhook
 * routes that need the raw body, upload modes): what the callee names in the function's scope, when
 * that is a package or what a package call made. One call deep; a callee it cannot read gives null.
 */
export function delegatesTo(v: Extract<Value, { t: 'fn' }>): { pkg: string; path: string[]; text: string } | null {
  const names = v.fn.params.slice(0, 3).map(paramName);
  if (names.length < 3 || names.some(n => !n)) return null;
  for (const c of v.fn.calls) {
    if (c.args.length !== 3 || !c.args.every((a, i) => a.k === 'ref' && a.name === names[i])) continue;
    // `express.raw({ ... })`: the member path before the call's own parentheses; `jsonParser`: a name.
    const text = c.callee.endsWith(')') ? c.callee.slice(0, c.callee.indexOf('(')) : c.callee;
    const parts = text.split('.');
    if (!parts.every(p => IDENTIFIER.test(p))) continue;
    let cur: Value | undefined = v.env.lookup(parts[0]);
    for (const seg of parts.slice(1)) {
      cur = cur?.t === 'pkg' || cur?.t === 'pkgcall' ? { t: 'pkg', name: cur.name, path: [...cur.path, seg] }
        : cur?.t === 'obj' ? cur.props.get(seg) : undefined;
    }
    if (cur?.t === 'pkg' || cur?.t === 'pkgcall') return { pkg: cur.name, path: cur.path.filter(p => p !== 'default'), text };
  }
  return null;
}

/**
 * The function sets who is asking on the request (`req.user = decoded`, `req.auth = { ... }`), on
 * some path: later layers and the handler read an identity it established, even when it lets
 * anonymous requests through (optional authentication).
 */
export function setsIdentity(fn: FnIR): boolean {
  return fn.uses.some(u => u.param === 0 && !!u.write && REQUEST_FIRST.isIdentity(u.path));
}

/** next('route') / next('router') called somewhere in the body (E17). */
export function skipsOf(fn: FnIR): 'route' | 'router' | null {
  for (const u of fn.uses) {
    const a = u.param === 2 && u.path.length === 0 ? u.call?.[0] : undefined;
    if (a?.k === 'str' && (a.v === 'route' || a.v === 'router')) return a.v;
  }
  return null;
}

/** next() called without an argument, or handed on to another function. */
function callsPlainNext(fn: FnIR): boolean {
  return fn.uses.some(u => u.param === 2 && u.path.length === 0 && (!u.call || u.call.length === 0));
}

const CREDENTIAL_ROOTS = new Set(['user', 'auth', 'session', 'isAuthenticated', 'currentUser', 'userId', 'token', 'cookies', 'signedCookies']);
const CREDENTIAL_HEADER = /authorization|token|api[-_]?key|cookie/i;

/**
 * The function looks at who is asking: an identity on the request, or a credential header. A write
 * counts too: middleware that sets `req.user = decoded` establishes who is asking.
 */
function readsCredentials(fn: FnIR): boolean {
  return fn.uses.some(u => {
    if (u.param === 1) return u.path[0] === 'locals' && (u.path[1] === 'user' || u.path[1] === 'auth');
    if (u.param !== 0) return false;
    if (CREDENTIAL_ROOTS.has(u.path[0] ?? '')) return true;
    if (u.path[0] === 'headers') return CREDENTIAL_HEADER.test(u.path[1] ?? '');
    const a = u.call?.[0];
    return (u.path[0] === 'get' || u.path[0] === 'header') && a?.k === 'str' && CREDENTIAL_HEADER.test(a.v);
  });
}

/**
 * E23: a 401/403 that is not the end of its path. Found where the IR shows it: a branch of an `if`
 * (braced or not) whose rejection is not followed by a `return` in that branch, or a rejection
 * standing alone at the top of the function, and a later statement of the same list calls next().
 * `if (!token) { res.status(401).end(); } else { next(); }` is not E23: next() is in the other branch.
 * try/catch bodies are merged in the IR, so a rejection there is not judged.
 */
export function rejectsThenContinues(fn: FnIR): string | null {
  const res = paramName(fn.params[1]);
  const next = paramName(fn.params[2]);
  if (!res || !next) return null;
  const scan = (list: Stmt[], top: boolean): string | null => {
    for (let i = 0; i < list.length; i++) {
      const st = list[i];
      const continues = () => list.slice(i + 1).some(later => callsName(later, next));
      if (st.k === 'if') {
        for (const branch of [st.then, st.else]) {
          const code = rejectsWithoutReturn(branch, res);
          if (code !== null && continues()) return `sends ${code}`;
        }
        const inner = scan(st.then, false) ?? scan(st.else, false);
        if (inner) return inner;
        continue;
      }
      const code = top && st.k === 'expr' ? rejectionCode(st.e, res) : null;
      if (code !== null && continues()) return `sends ${code}`;
      if (st.k === 'block' || st.k === 'loop') {
        const inner = scan(st.body, false);
        if (inner) return inner;
      }
    }
    return null;
  };
  return scan(fn.body, true);
}

/** The status a branch rejects with when no `return` follows the rejection in that branch, else null. */
function rejectsWithoutReturn(branch: Stmt[], res: string): number | null {
  const flat = branch.length === 1 && branch[0].k === 'block' ? branch[0].body : branch;
  const at = flat.findIndex(s => s.k === 'expr' && rejectionCode(s.e, res) !== null);
  if (at < 0 || flat.slice(at + 1).some(s => s.k === 'return')) return null;
  const st = flat[at];
  return st.k === 'expr' ? rejectionCode(st.e, res) : null;
}

export function paramName(p: Pattern | undefined): string | null {
  return p?.k === 'name' ? p.name : null;
}

/** `res.status(401)…`, `res.sendStatus(403)`, `res.writeHead(401)…`: the status, else null. */
function rejectionCode(e: Expr, res: string): number | null {
  for (let cur: Expr | undefined = e; cur; ) {
    if (cur.k === 'call') {
      const callee: Expr = cur.callee;
      if (callee.k === 'member' && typeof callee.prop === 'string' && ['status', 'sendStatus', 'writeHead'].includes(callee.prop)) {
        const code = cur.args[0];
        if (code?.k === 'num' && (code.v === 401 || code.v === 403) && rootName(callee.obj) === res) return code.v;
      }
      cur = callee;
    } else if (cur.k === 'member') cur = cur.obj;
    else cur = undefined;
  }
  return null;
}

function rootName(e: Expr): string | null {
  if (e.k === 'ref') return e.name;
  if (e.k === 'member') return rootName(e.obj);
  if (e.k === 'call') return rootName(e.callee);
  return null;
}

/** Whether a statement calls the function named `name` (not counting nested function bodies). */
