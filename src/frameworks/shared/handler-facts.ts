// What a route handler reads, for rules: the body and who is asking. Shared by the adapters whose
// handlers take the request first (Express `(req, res)`, Fastify `(request, reply)`).
import type { AdapterContext } from '../../core/adapter';
import type { FnIR } from '../../core/ir';
import type { HandlerFacts, SourceRange } from '../../core/model';

/** Whether a path read from the request names who is calling: `user`, `auth`, `session.user`, `session.userId`, `currentUser`, `userId`. */
function isIdentityPath(path: string[]): boolean {
  switch (path[0]) {
    case 'user': case 'auth': case 'currentUser': case 'userId': return true;
    case 'session': return path[1] === 'user' || path[1] === 'userId';
    default: return false;
  }
}

/**
 * What a handler reads from the request (its first parameter: Express's `req`, Fastify's `request`):
 * the body (needs a parser) and the identity (needs auth).
 */
export function handlerFacts(fn: FnIR, file: string, ctx: AdapterContext): HandlerFacts {
  let readsBody: SourceRange | null = null;
  let readsIdentity: HandlerFacts['readsIdentity'] = null;
  const reqName = fn.params[0]?.k === 'name' ? fn.params[0].name : 'req';
  for (const u of fn.uses) {
    // `req.body = x` or `req.user = x` sets what later code reads; the handler itself read nothing.
    if (u.write) continue;
    if (u.param === 0 && u.path[0] === 'body' && !readsBody) readsBody = ctx.range(file, u.span);
    if (readsIdentity) continue;
    if (u.param === 0 && isIdentityPath(u.path)) {
      readsIdentity = { expr: `${reqName}.${u.path.filter(s => s !== '()').slice(0, 2).join('.')}`, range: ctx.range(file, u.span) };
    } else if (u.param === 1 && u.path[0] === 'locals' && (u.path[1] === 'user' || u.path[1] === 'auth')) {
      readsIdentity = { expr: `res.locals.${u.path[1]}`, range: ctx.range(file, u.span) };
    }
  }
  return { readsBody, readsIdentity };
}
