// Where a Koa handler `(ctx)` finds the parsed body (`ctx.request.body`, set by a body parser that
// ran before it, K13) and who is asking (`ctx.state.user`, set by koa-jwt and koa-passport;
// `ctx.session.user`), for the shared handler facts.
import type { RequestShape } from '../shared/handler-facts';

export const KOA_CONTEXT: RequestShape = {
  isBody: path => path[0] === 'request' && path[1] === 'body',
  isIdentity: path => {
    if (path[0] === 'state') return ['user', 'auth', 'jwtdata'].includes(path[1] ?? '');
    if (path[0] === 'session') return path[1] === 'user' || path[1] === 'userId';
    return path[0] === 'req' && path[1] === 'user';
  },
  identityDepth: 2,
};
