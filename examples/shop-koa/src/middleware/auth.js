// koa-jwt reads `Authorization: Bearer <token>` and sets ctx.state.user; it answers 401 itself.
const jwt = require('koa-jwt');

const SECRET = process.env.JWT_SECRET || 'sample-secret';

const requireUser = jwt({ secret: SECRET });

async function requireAdmin(ctx, next) {
  if (ctx.state.user?.role !== 'admin') ctx.throw(403, 'admins only');
  await next();
}

module.exports = { requireUser, requireAdmin };
