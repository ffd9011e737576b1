// Exemptions written inside an auth hook: early returns that let some requests through before the
// check (`if (request.url.startsWith('/auth/login')) return;`, `if (request.routeOptions.config.public)
// return;`). The hook then protects every route it reaches except the ones the test matches.
import type { Expr, FnIR, Span, Stmt } from '../../core/ir';
import type { ObjValue } from '../../core/values';

export type Exemption = ExemptionTest & {
  /** The test in the hook's source, for the verdict's "protected except … (file:line)". */
  span: Span;
};

type ExemptionTest =
  /** `request.url.startsWith(text)`: a text prefix, not a path segment (`/auth/login-history` matches `/auth/login`). */
  | { kind: 'url-prefix'; text: string }
  /** `request.url === text`: `request.url` holds the query string too, so `/health?x=1` is not exempt. */
  | { kind: 'url-equals'; text: string }
  /** `request.routeOptions.url === text` (or `request.routerPath`): the route's own path pattern. */
  | { kind: 'route-url'; text: string }
  /** `request.routeOptions.config.<key>` (or `request.routeConfig`, `reply.context.config`): routes whose `config` sets it. */
  | { kind: 'config'; key: string };

/** The exemption's test, in the canonical form of its shape (one text whatever the spelling). */
export function describeExemption(e: ExemptionTest): string {
  switch (e.kind) {
    case 'url-prefix': return `request.url.startsWith('${e.text}')`;
    case 'url-equals': return `request.url === '${e.text}'`;
    case 'route-url': return `request.routeOptions.url === '${e.text}'`;
    case 'config': return `routeOptions.config.${e.key}`;
  }
}

/**
 * What about the test's text semantics matters for a route at `path`, or null: `startsWith` is a
 * text prefix, not a path segment (F1: `/auth/login-history` passes a test for `/auth/login`), and
 * `request.url` holds the query string (`/health?full=1` is not `/health`).
 */
export function exemptionCaveat(e: ExemptionTest, path: string): string | null {
  if (e.kind === 'url-prefix' && path !== e.text && path.startsWith(e.text) && !e.text.endsWith('/') && path[e.text.length] !== '/') {
    return `startsWith is a text prefix, not a path segment: ${path} passes the test for '${e.text}'`;
  }
  if (e.kind === 'url-equals' && path === e.text) return `request.url includes the query string: ${path}?… is not let through`;
  return null;
}

/**
 * The exemptions a hook's leading `if (test) return;` statements make, in order; null when it has
 * none. A leading early return whose test is not one of the shapes above ends the reading: what it
 * lets through is unknown, and the hook keeps protecting every route (the check after it still runs
 * for the requests the analyser can name).
 */
export function exemptionsOf(fn: FnIR): Exemption[] | null {
  const req = fn.params[0]?.k === 'name' ? fn.params[0].name : null;
  const reply = fn.params[1]?.k === 'name' ? fn.params[1].name : null;
  if (!req) return null;
  const out: Exemption[] = [];
  for (const st of fn.body) {
    if (st.k !== 'if' || st.else.length || !letsThrough(st.then, fn)) break;
    const terms = orTerms(st.test).map(t => term(t, req, reply));
    if (terms.some(t => t === null)) break;
    for (const t of terms) out.push(...(t as Exemption[]));
  }
  return out.length ? out : null;
}

/** Whether the hook lets `path` (a route with options `config`) through without a check. */
export function exempts(e: ExemptionTest, path: string, config: ObjValue | null): boolean {
  switch (e.kind) {
    case 'url-prefix': return path.startsWith(e.text);
    case 'url-equals': case 'route-url': return path === e.text;
    case 'config': {
      const v = config?.props.get(e.key);
      return !!v && ((v.t === 'bool' && v.v) || (v.t === 'str' && v.v !== '') || (v.t === 'num' && v.v !== 0));
    }
  }
}

/** A branch that returns without a reply: `return;`, `return done();`, `done(); return;`. */
function letsThrough(branch: Stmt[], fn: FnIR): boolean {
  const flat = branch.length === 1 && branch[0].k === 'block' ? branch[0].body : branch;
  const last = flat[flat.length - 1];
  if (last?.k !== 'return') return false;
  const done = fn.params[2]?.k === 'name' ? fn.params[2].name : null;
  const isDone = (e: Expr | null) => e === null || (e.k === 'call' && e.callee.k === 'ref' && e.callee.name === done && e.args.length === 0);
  return isDone(last.e) && flat.slice(0, -1).every(s => s.k === 'expr' && isDone(s.e));
}

function orTerms(e: Expr): Expr[] {
  return e.k === 'cond' && e.op === '||' ? e.alternatives.flatMap(orTerms) : [e];
}

/** The member path of `e` from the variable `root` (`request.routeOptions.config.public` → routeOptions, config, public). */
function pathFrom(e: Expr, root: string): string[] | null {
  if (e.k === 'ref') return e.name === root ? [] : null;
  if (e.k !== 'member' || typeof e.prop !== 'string') return null;
  const base = pathFrom(e.obj, root);
  return base ? [...base, e.prop] : null;
}

const EQUALS = /^([\w$]+)\.([\w$.?]+?)\s*===?\s*(['"`])([^'"`]*)\3$|^(['"`])([^'"`]*)\5\s*===?\s*([\w$]+)\.([\w$.?]+)$/;

function term(e: Expr, req: string, reply: string | null): Exemption[] | null {
  if (e.k === 'call' && e.callee.k === 'member' && e.callee.prop === 'startsWith' && e.args[0]?.k === 'str') {
    const p = pathFrom(e.callee.obj, req);
    if (p?.join('.') === 'url') return [{ kind: 'url-prefix', text: e.args[0].v, span: e.span }];
    return null;
  }
  // `['/health', '/ready'].includes(request.url)`
  if (e.k === 'call' && e.callee.k === 'member' && e.callee.prop === 'includes' && e.callee.obj.k === 'arr' && e.args[0]) {
    const kind = urlKind(pathFrom(e.args[0], req));
    const texts = e.callee.obj.items.map(i => (i.k === 'str' ? i.v : null));
    if (!kind || texts.some(t => t === null)) return null;
    return texts.map(text => ({ kind, text: text!, span: e.span }));
  }
  if (e.k === 'unknown') {
    const m = EQUALS.exec(e.text);
    if (!m) return null;
    const [root, member, text] = m[1] ? [m[1], m[2], m[4]] : [m[7], m[8], m[6]];
    const kind = root === req ? urlKind(member.replace(/\?/g, '').split('.')) : null;
    return kind ? [{ kind, text, span: e.span }] : null;
  }
  const onReq = pathFrom(e, req);
  const onReply = reply ? pathFrom(e, reply) : null;
  const p = onReq ? onReq.join('.') : onReply ? `reply.${onReply.join('.')}` : null;
  const key = p ? CONFIG.exec(p)?.[1] : undefined;
  return key && 'span' in e ? [{ kind: 'config', key, span: e.span }] : null;
}

function urlKind(path: string[] | null): 'url-equals' | 'route-url' | null {
  const p = path?.join('.');
  if (p === 'url') return 'url-equals';
  if (p === 'routeOptions.url' || p === 'routerPath' || p === 'routeOptions.path') return 'route-url';
  return null;
}

/** `request.routeOptions.config.public`, `request.routeConfig.public`, `reply.context.config.public`... → 'public'. */
const CONFIG = /^(?:routeOptions\.config|routeConfig|context\.config|reply\.context\.config|reply\.routeOptions\.config)\.([^.]+)$/;
