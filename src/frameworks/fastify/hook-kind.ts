// What a Fastify hook is, with the evidence: auth when it stops a request without credentials and
// lets the others through. Fastify stops a request when a hook sent the reply before it returned or
// called done() (F9): `return reply.code(401).send()`, `reply.unauthorized()` (@fastify/sensible),
// a thrown error, `done(err)`, or `request.jwtVerify()` (@fastify/jwt) failing. A reply sent later
// from a timer does not stop it (F10), nor a status set without a send.
import type { Expr, FnIR, Span, Stmt } from '../../core/ir';
import type { LayerKind, Stop } from '../../core/model';
import type { Arg, Site, Value } from '../../core/values';
import { alternatives } from '../../core/values';
import { type Exemption, exemptionsOf } from './exemptions';
import { visibleDecorator } from './decorators';
import { isFastifyContext } from './objects';
import { authPackageHook, pluginFunction } from './plugins';

export interface HookClassification {
  kind: LayerKind;
  stop: Stop;
  /** Why: 'listed in sevenStops.auth', 'sends 401', '@fastify/auth: every alternative authenticates'. */
  evidence: string;
  /**
   * An auth hook whose only credential is `request.body`: in onRequest and preParsing the body is
   * always undefined (F16), so there it stops every request.
   */
  bodyOnly?: true;
  /** Where an auth hook first reads `request.body` (undefined in onRequest and preParsing, F16). */
  bodyRead?: Site;
  /** Requests an auth hook lets through before its check (`if (request.url === '/health') return;`). */
  exempt?: Exemption[];
}

const IDENTITY_ERRORS = /unauthori[sz]ed|forbidden|authenticationerror|autherror|notauthenticated|invalidtoken/i;
const REJECT_STATUS = new Set([401, 403]);
/** @fastify/sensible's reply shorthands that send a 401/403. */
const SENSIBLE_REJECTS = new Set(['unauthorized', 'forbidden']);

/**
 * What classification reads of a function's own code: it depends on the function's IR alone, so a
 * caller may keep it across runs (AdapterContext.memo), where the hook arguments are new every run.
 */
export interface HookCode {
  /** rejects() of the function. */
  rejects: string | null;
  /** Spans of the functions written inside it (nestedSpans). */
  nested: Span[];
}

/** The HookCode of `fn`, computed afresh. */
export function hookCode(fn: FnIR): HookCode {
  const nested = nestedSpans(fn);
  return { rejects: rejectsGiven(fn, nested), nested };
}

/**
 * Classifies a hook argument. `configuredAuth` holds the user's `sevenStops.auth` names; `code`
 * gives a function's HookCode (the Fastify adapter's is memoised per function).
 */
export function classifyHook(arg: Arg, configuredAuth: readonly string[], code: (fn: FnIR) => HookCode = hookCode): HookClassification {
  const v = pick(arg.value);
  const fnName = v.t === 'fn' ? v.fn.name : null;
  if (configuredAuth.some(n => n === arg.name || n === fnName)) return auth('listed in sevenStops.auth');
  if (v.t === 'pkgcall' && v.name === '@fastify/auth') return fastifyAuth(v, configuredAuth, code);
  // `fastify.basicAuth`, bearer-auth's own hook, `fastifyPassport.authenticate('jwt')`.
  if ((v.t === 'pkgcall' || v.t === 'pkg') && authPackageHook(v)) return auth(`package ${v.name}`);
  if (v.t === 'fn') {
    const why = code(v.fn).rejects ?? delegates(v, code);
    if (!why) return { kind: 'other', stop: 4, evidence: 'function body' };
    const exempt = exemptionsOf(v.fn);
    const body = v.fn.uses.find(u => u.param === 0 && u.path[0] === 'body');
    return {
      ...auth(why), ...(bodyOnly(v.fn) ? { bodyOnly: true as const } : {}), ...(exempt ? { exempt } : {}),
      ...(body ? { bodyRead: { file: v.file, span: body.span } } : {}),
    };
  }
  return { kind: 'other', stop: 4, evidence: v.t === 'unknown' ? v.why : 'unrecognised' };
}

/** The name Fastify runs a hook under (a function's own name; `auth` for @fastify/auth's `bound _auth`), else its source text. */
export function hookName(arg: Arg): string {
  const v = pick(arg.value);
  if (v.t === 'fn' && v.fn.name) return v.fn.name;
  if (v.t === 'pkgcall' && v.name === '@fastify/auth') return 'auth';
  // A plugin's own function (plugins.ts) runs under its name: `basicAuth`, `verifyBearerAuth`.
  if (v.t === 'pkgcall' && pluginFunction(v)) return v.path[0];
  return arg.name;
}

function auth(evidence: string): HookClassification {
  return { kind: 'auth', stop: 4, evidence };
}

function pick(v: Value): Value {
  return alternatives(v).find(o => o.t === 'fn' || o.t === 'pkgcall') ?? v;
}

/**
 * `fastify.auth([a, b])` runs every alternative and passes when one does (F8): it protects only
 * when every alternative authenticates. With `{ relation: 'and' }` it stops at the first failure:
 * one authenticating alternative is enough.
 */
function fastifyAuth(v: Extract<Value, { t: 'pkgcall' }>, configuredAuth: readonly string[], code: (fn: FnIR) => HookCode): HookClassification {
  const list = v.args[0]?.value;
  const items = list?.t === 'arr' ? list.items : [];
  const opts = v.args[1]?.value;
  const relation = opts?.t === 'obj' ? opts.props.get('relation') : undefined;
  const and = relation?.t === 'str' && relation.v === 'and';
  const authing = items.filter(i => classifyHook(i, configuredAuth, code).kind === 'auth' || strategyFails(i));
  if (items.length && (and ? authing.length > 0 : authing.length === items.length)) {
    return auth(and ? `@fastify/auth (relation 'and'): ${authing.map(i => i.name).join(', ')} authenticates` : '@fastify/auth: every alternative authenticates');
  }
  const open = items.filter(i => !authing.includes(i)).map(i => i.name);
  return { kind: 'other', stop: 4, evidence: `@fastify/auth: ${open.join(', ') || 'no alternative'} lets requests through` };
}

/**
 * An @fastify/auth strategy fails a request by throwing (an async one), or by handing an error to its
 * `done` callback; @fastify/auth then answers 401 itself when no alternative passes (F8). It need
 * not send anything of its own, as a hook must.
 */
function strategyFails(item: Arg): boolean {
  const v = pick(item.value);
  if (v.t !== 'fn') return false;
  return v.fn.throws.length > 0 || v.fn.uses.some(u => u.param === 2 && u.path.length === 0 && !!u.call?.length && u.call[0].k !== 'ref');
}

/** How the hook stops a request without credentials (F9), or null when it never does (F10). */
export function rejects(fn: FnIR): string | null {
  return rejectsGiven(fn, nestedSpans(fn));
}

/** rejects() with the spans of the functions written inside `fn` already found. */
function rejectsGiven(fn: FnIR, nested: readonly Span[]): string | null {
  const now = (span: Span) => !nested.some(n => n.start <= span.start && span.end <= n.end);
  for (const u of fn.uses) {
    if (!now(u.span) || !u.call) continue;
    if (u.param === 0 && u.path.length === 1 && u.path[0] === 'jwtVerify') return 'verifies a JWT (request.jwtVerify(), @fastify/jwt)';
    if (u.param === 1 && u.path.length === 1 && SENSIBLE_REJECTS.has(u.path[0])) return `replies ${u.path[0]}() (@fastify/sensible)`;
    if (u.param === 1 && u.path.length === 1 && (u.path[0] === 'code' || u.path[0] === 'status')) {
      const code = u.call[0];
      const sent = fn.uses.some(s => s.param === 1 && s.call && now(s.span) && s.path.length === 3 && s.path[0] === u.path[0] && s.path[2] === 'send');
      if (code?.k === 'num' && REJECT_STATUS.has(code.v) && sent) return `sends ${code.v}`;
    }
    if (u.param === 1 && u.path.length === 1 && (u.path[0] === 'end' || u.path[0] === 'send')) {
      // Express-style middleware under @fastify/middie: `res.statusCode = 401; return res.end()`.
      const code = fn.uses.find(w => w.param === 1 && now(w.span) && w.path.length === 1 && w.path[0] === 'statusCode' && w.write?.k === 'num' && REJECT_STATUS.has(w.write.v));
      if (code?.write?.k === 'num') return `sets statusCode ${code.write.v} and ends the response`;
    }
    if (u.param === 2 && u.path.length === 0 && u.call.length && IDENTITY_ERRORS.test(JSON.stringify(u.call[0]))) return 'passes an unauthorized error to done()';
  }
  for (const t of fn.throws) if (IDENTITY_ERRORS.test(t)) return `throws ${t}`;
  return null;
}

/**
 * A hook that hands its request on, before it returns, to a check that decides for it:
 * - an auth plugin's decorator, going on from its callback (bull-board's example:
 *   `fastify.basicAuth(req, reply, (error) => error ? reply.code(401).send() : next())`): the plugin
 *   decides, as if its function were the hook; `fastify` must be a context where @fastify/basic-auth's
 *   (or bearer-auth's) decorator is visible;
 * - a function of its own given the request and the reply in the same places
 *   (fastify/demo: `async ensureIsAdmin(request, reply) { return ensureHasRole(request, reply, 'admin') }`,
 *   where ensureHasRole sends a 403): that function's reply stops the request as the hook's would (F9).
 * Callees are read through the hook's closure; helpers are followed `depth` calls deep.
 */
function delegates(v: Extract<Value, { t: 'fn' }>, code: (fn: FnIR) => HookCode, depth = 3): string | null {
  const [request, reply] = v.fn.params;
  if (request?.k !== 'name') return null;
  const nested = code(v.fn).nested;
  for (const call of v.fn.calls) {
    const first = call.args[0];
    if (first?.k !== 'ref' || first.name !== request.name) continue;
    if (nested.some(n => n.start <= call.span.start && call.span.end <= n.end)) continue;
    const [owner, name, ...rest] = call.callee.split('.');
    if (rest.length) continue;
    const callee = v.env.lookup(owner);
    if (name) {
      if (callee?.t !== 'host' || !isFastifyContext(callee.host)) continue;
      const decorator = visibleDecorator(callee.host, name);
      if ((decorator?.t === 'pkgcall' || decorator?.t === 'pkg') && authPackageHook(decorator)) return `hands the request to ${call.callee}() (${decorator.name})`;
      continue;
    }
    const second = call.args[1];
    if (callee?.t !== 'fn' || depth === 0 || reply?.k !== 'name' || second?.k !== 'ref' || second.name !== reply.name) continue;
    const why = code(callee.fn).rejects ?? delegates(callee, code, depth - 1);
    if (why) return `calls ${call.callee}(), which ${why}`;
  }
  return null;
}

/** Request members other than the body a hook may take credentials from. */
const OTHER_CREDENTIALS = new Set(['headers', 'raw', 'query', 'cookies', 'session', 'user', 'jwtVerify', 'params', 'routeOptions', 'url']);

/** Reads `request.body` and no other credential (a header, the session, the query...). */
function bodyOnly(fn: FnIR): boolean {
  const reads = fn.uses.filter(u => u.param === 0 && u.path.length > 0);
  return reads.some(u => u.path[0] === 'body') && !reads.some(u => OTHER_CREDENTIALS.has(u.path[0]));
}

/** Spans of functions written inside `fn` (callbacks given to timers run after the hook returned, F10). */
function nestedSpans(fn: FnIR): Span[] {
  const out: Span[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) { for (const n of node) visit(n); return; }
    const e = node as Expr;
    if (e.k === 'fn') { out.push(e.fn.span); return; }
    for (const value of Object.values(node)) visit(value);
  };
  visit(fn.body as Stmt[]);
  for (const h of Object.values(fn.hoisted)) out.push(h.span);
  return out;
}
