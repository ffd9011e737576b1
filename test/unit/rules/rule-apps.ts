// What the rule tests write most often: a package.json per framework (Express 4, Fastify 5, Koa 3
// with @koa/router 15) and the app files around a test's own lines.

export const EXPRESS = JSON.stringify({ dependencies: { express: '^4.21.0' } });
export const FASTIFY = JSON.stringify({ dependencies: { fastify: '^5.6.0' } });
export const KOA = JSON.stringify({ dependencies: { koa: '^3.3.0', '@koa/router': '^15.7.0' } });

/** An Express app file: `app` is in scope for `body`. */
export const express = (body: string) => `const express = require('express');
const app = express();
${body}
module.exports = app;
`;

/** A Fastify app file: the instance is `fastify`. */
export const fastify = (body: string) => `const fastify = require('fastify')();
${body}
module.exports = fastify;
`;

/** A Koa app file: `router` is in scope for `body` and used by the app after it. */
export const koa = (body: string) => `const Koa = require('koa');
const Router = require('@koa/router');
const app = new Koa();
const router = new Router();
${body}
app.use(router.routes());
`;
