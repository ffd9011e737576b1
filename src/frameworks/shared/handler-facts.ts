// What a route handler reads, for rules: the body and who is asking. Shared by the adapters: Express
// `(req, res)` and Fastify `(request, reply)` read both from the request, Koa `(ctx)` from its
// context (`ctx.request.body`, `ctx.state.user`); a RequestShape says where.
import type { AdapterContext } from '../../core/adapter';
import type { FnIR } from '../../core/ir';
import type { HandlerFacts, SourceRange } from '../../core/model';

/** Where a framework's handler finds the body and the identity, read from its first parameter. */
export interface RequestShape {
  /** Whether a member path read from the first parameter is the parsed body. */
  isBody(path: string[]): boolean;
  /** Whether a member path read from the first parameter names who is calling. */
  isIdentity(path: string[]): boolean;
  /** How many steps of the path the identity's expression shows (`req.session.userId`: 2). */
  identityDepth: number;
}

/** Express and Fastify: `req.body`; `req.user`, `req.auth`, `req.session.user`, `req.currentUser`, `req.userId`. */
export const REQUEST_FIRST: RequestShape = {
  isBody: path => path[0] === 'body',
  isIdentity: path => {
    switch (path[0]) {
      case 'user': case 'auth': case 'currentUser': case 'userId': return true;
      case 'session': return path[1] === 'user' || path[1] === 'userId';
      default: return false;
    }
  },
  identityDepth: 2,
};

/**
 * What a handler reads from the request (its first parameter: Express's `req`, Fastify's `request`,
 * Koa's `ctx`, where `shape` says): the body (needs a parser) and the identity (needs auth).
 */
export function handlerFacts(fn: FnIR, file: string, ctx: AdapterContext, shape: RequestShape = REQUEST_FIRST): HandlerFacts {
  let readsBody: SourceRange | null = null;
  let readsIdentity: HandlerFacts['readsIdentity'] = null;
  // A handler that tests whether someone is signed in (`if (req.user)`, `req.user?.id`) expects
  // anonymous callers: its reads of the identity are no sign of a missing auth layer.
  let testsIdentity = false;
  const reqName = fn.params[0]?.k === 'name' ? fn.params[0].name : shape === REQUEST_FIRST ? 'req' : 'ctx';
  for (const u of fn.uses) {
    // `req.body = x` or `req.user = x` sets what later code reads; the handler itself read nothing.
    if (u.write) continue;
    if (u.param === 0 && shape.isBody(u.path) && !readsBody) readsBody = ctx.range(file, u.span);
    if (u.guard && u.param === 0 && shape.isIdentity(u.path)) testsIdentity = true;
    if (readsIdentity) continue;
    if (u.param === 0 && shape.isIdentity(u.path)) {
      readsIdentity = { expr: `${reqName}.${u.path.filter(s => s !== '()').slice(0, shape.identityDepth).join('.')}`, range: ctx.range(file, u.span) };
    } else if (u.param === 1 && u.path[0] === 'locals' && (u.path[1] === 'user' || u.path[1] === 'auth')) {
      readsIdentity = { expr: `res.locals.${u.path[1]}`, range: ctx.range(file, u.span) };
    }
  }
  const identity = testsIdentity ? null : readsIdentity;
  return readsBody === null && identity === null ? READS_NOTHING : { readsBody, readsIdentity: identity };
}

/**
 * The facts of a handler that reads neither (most handlers): one frozen object, not one per route,
 * which each route kept for the whole run (100,000 on a large workspace).
 */
export const READS_NOTHING: HandlerFacts = Object.freeze({ readsBody: null, readsIdentity: null });
