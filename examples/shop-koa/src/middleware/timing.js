// Runs its code after await next(): on the way back out, once the handler has answered (stop 7).
async function timing(ctx, next) {
  const start = Date.now();
  await next();
  ctx.set('X-Response-Time', `${Date.now() - start}ms`);
}

module.exports = { timing };
