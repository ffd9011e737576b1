import * as assert from 'assert';
import type { Fix } from '../../../../src/core/model';
import { fixed, rangeOf } from './fix-tester';

/** Move the statement starting with `snippet` above the call of `callee` before it. */
function moveCheck(text: string, snippet: string, callee = 'next', file = 'app.js'): Fix {
  return { kind: 'move-before-call', title: 'Check before next()', from: rangeOf(text, snippet, file), callee };
}

describe('move-before-call fix', () => {
  it('moves a check from after `await next()` to just above it (Koa, ESM)', () => {
    const text = "import Koa from 'koa';\nconst app = new Koa();\napp.use(async (ctx, next) => {\n  await next();\n  if (!ctx.state.user) ctx.throw(401);\n});\n";
    assert.strictEqual(fixed(moveCheck(text, 'if (!ctx'), text),
      "import Koa from 'koa';\nconst app = new Koa();\napp.use(async (ctx, next) => {\n  if (!ctx.state.user) ctx.throw(401);\n  await next();\n});\n");
  });

  it('takes the comments that belong to the check along, and leaves other code after next() in place (CommonJS)', () => {
    const text = "module.exports = async function auth(ctx, next) {\n  await next();\n  ctx.set('X-Time', '1');\n  // only signed-in users\n  if (!ctx.state.user) {\n    ctx.throw(401); // unauthorised\n  }\n};\n";
    assert.strictEqual(fixed(moveCheck(text, 'if (!ctx'), text),
      "module.exports = async function auth(ctx, next) {\n  // only signed-in users\n  if (!ctx.state.user) {\n    ctx.throw(401); // unauthorised\n  }\n  await next();\n  ctx.set('X-Time', '1');\n};\n");
  });

  it('moves a check above a call whose result is kept, in TypeScript (`const done = next()`)', () => {
    const text = "export function auth(ctx: Context, next: Next) {\n  const done = next();\n  ctx.assert(ctx.state.user, 401);\n  return done;\n}\n";
    assert.strictEqual(fixed(moveCheck(text, 'ctx.assert', 'next', 'auth.ts'), text),
      "export function auth(ctx: Context, next: Next) {\n  ctx.assert(ctx.state.user, 401);\n  const done = next();\n  return done;\n}\n");
  });

  it('goes above the nearest call only, so an early `return next()` keeps exempting what it exempts', () => {
    const text = "app.use(async (ctx, next) => {\n  if (ctx.path === '/health') return next();\n  await next();\n  if (!ctx.state.user) ctx.throw(401);\n});\n";
    assert.strictEqual(fixed(moveCheck(text, 'if (!ctx'), text),
      "app.use(async (ctx, next) => {\n  if (ctx.path === '/health') return next();\n  if (!ctx.state.user) ctx.throw(401);\n  await next();\n});\n");
  });

  it('goes above the statement of its block that holds the call (`try { await next() }`)', () => {
    const text = "app.use(async (ctx, next) => {\n  try {\n    await next();\n  } finally {\n    log(ctx);\n  }\n  if (!ctx.state.user) ctx.throw(401);\n});\n";
    assert.strictEqual(fixed(moveCheck(text, 'if (!ctx'), text),
      "app.use(async (ctx, next) => {\n  if (!ctx.state.user) ctx.throw(401);\n  try {\n    await next();\n  } finally {\n    log(ctx);\n  }\n});\n");
  });

  it('ignores calls made by a callback the function defines (they run some other time)', () => {
    const arrow = "app.use(async (ctx, next) => {\n  setImmediate(() => next());\n  if (!ctx.state.user) ctx.throw(401);\n});\n";
    assert.strictEqual(fixed(moveCheck(arrow, 'if (!ctx'), arrow), null);
    const expression = "app.use(async function (ctx, next) {\n  setImmediate(function () { next(); });\n  if (!ctx.state.user) ctx.throw(401);\n});\n";
    assert.strictEqual(fixed(moveCheck(expression, 'if (!ctx'), expression), null);
  });

  it('offers nothing when the check is already above the call', () => {
    const text = "app.use(async (ctx, next) => {\n  if (!ctx.state.user) ctx.throw(401);\n  await next();\n});\n";
    assert.strictEqual(fixed(moveCheck(text, 'if (!ctx'), text), null);
  });

  it('offers nothing when the check sits in a block the call is not in (it would leave its scope)', () => {
    const text = "app.use(async (ctx, next) => {\n  await next();\n  if (ctx.method !== 'GET') {\n    if (!ctx.state.user) ctx.throw(401);\n  }\n});\n";
    assert.strictEqual(fixed(moveCheck(text, 'if (!ctx.state'), text), null);
  });

  it('offers nothing when the text no longer has the line the analysis saw', () => {
    const text = "app.use(async (ctx, next) => {\n  await next();\n  if (!ctx.state.user) ctx.throw(401);\n});\n";
    const fix = moveCheck(text, 'if (!ctx');
    assert.strictEqual(fixed(fix, 'app.use(auth);\n'), null);
  });
});
