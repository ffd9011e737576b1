// Truth for keep-alive-timeout-below-proxy (stop 1, F20): the keepAliveTimeout of the server each real
// framework listens with when the code sets none, read back from the listening server. Express and
// Koa hand Node's http.Server over as is (5 s); Fastify sets its own (72 s). The analyser's defaults
// (NODE_KEEP_ALIVE_MS, FASTIFY_KEEP_ALIVE_MS) must be these, and the rule must report exactly the
// apps whose runtime value is not above 60 s.
import * as assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { FASTIFY_KEEP_ALIVE_MS } from '../../../src/frameworks/fastify/server-options';
import { NODE_KEEP_ALIVE_MS } from '../../../src/frameworks/shared/node-server';
import { findingsOf } from './workspace';

/** Listens on a free port, reads the server's keepAliveTimeout, closes. */
async function keepAliveOf(listen: () => Promise<Server>): Promise<number> {
  const server = await listen();
  try {
    return server.keepAliveTimeout;
  } finally {
    await new Promise<void>(done => server.close(() => done()));
  }
}

function listening(server: Server): Promise<Server> {
  return new Promise(resolve => (server.listening ? resolve(server) : server.once('listening', () => resolve(server))));
}

const RUNTIMES: { label: string; framework: 'express' | 'koa' | 'fastify'; listen: () => Promise<Server> }[] = [
  { label: 'express 4', framework: 'express', listen: () => { const app = require('express4')(); app.set('trust proxy', 1); return listening(app.listen(0, '127.0.0.1')); } },
  { label: 'express 5', framework: 'express', listen: () => { const app = require('express5')(); app.set('trust proxy', 1); return listening(app.listen(0, '127.0.0.1')); } },
  { label: 'koa 2', framework: 'koa', listen: () => { const Koa = require('koa2'); const app = new Koa({ proxy: true }); return listening(app.listen(0, '127.0.0.1')); } },
  { label: 'koa 3', framework: 'koa', listen: () => { const Koa = require('koa3'); const app = new Koa({ proxy: true }); return listening(app.listen(0, '127.0.0.1')); } },
  ...(['fastify4', 'fastify5'] as const).map(pkg => ({
    label: pkg.replace('fastify', 'fastify '), framework: 'fastify' as const,
    listen: async () => { const app = require(pkg)({ trustProxy: true }); await app.listen({ port: 0, host: '127.0.0.1' }); return app.server as Server; },
  })),
];

/** The same app as workspace code, as the analyser reads it. */
const SOURCES: Record<'express' | 'koa' | 'fastify', Record<string, string>> = {
  express: {
    'package.json': JSON.stringify({ dependencies: { express: '^5.1.0' } }),
    'app.js': "const express = require('express');\nconst app = express();\napp.set('trust proxy', 1);\napp.get('/', (req, res) => res.end());\napp.listen(3000);\n",
  },
  koa: {
    'package.json': JSON.stringify({ dependencies: { koa: '^3.3.0' } }),
    'app.js': "const Koa = require('koa');\nconst app = new Koa({ proxy: true });\napp.use(async ctx => { ctx.body = 'ok'; });\napp.listen(3000);\n",
  },
  fastify: {
    'package.json': JSON.stringify({ dependencies: { fastify: '^5.6.0' } }),
    'app.js': "const fastify = require('fastify');\nconst app = fastify({ trustProxy: true });\napp.get('/', async () => 'ok');\napp.listen({ port: 3000 });\n",
  },
};

describe('keep-alive defaults (real servers vs keep-alive-timeout-below-proxy)', () => {
  for (const runtime of RUNTIMES) {
    it(`${runtime.label}: the default keepAliveTimeout is the analyser's, and the rule reports it exactly when it is not above 60 s`, async () => {
      const ms = await keepAliveOf(runtime.listen);
      assert.equal(ms, runtime.framework === 'fastify' ? FASTIFY_KEEP_ALIVE_MS : NODE_KEEP_ALIVE_MS);
      const found = findingsOf('keep-alive-timeout-below-proxy', SOURCES[runtime.framework]);
      assert.equal(found.length, ms <= 60_000 ? 1 : 0, JSON.stringify(found.map(f => f.message)));
      if (found.length) assert.equal(found[0].data.seconds, String(ms / 1000));
    });
  }

  it('a keepAliveTimeout set on the server is what the server keeps (Express 5, 65 s): not reported', async () => {
    const ms = await keepAliveOf(() => {
      const app = require('express5')();
      const server = app.listen(0, '127.0.0.1');
      server.keepAliveTimeout = 65000;
      return listening(server);
    });
    assert.equal(ms, 65000);
    const files = { ...SOURCES.express, 'app.js': SOURCES.express['app.js'].replace('app.listen(3000);', 'const server = app.listen(3000);\nserver.keepAliveTimeout = 65000;') };
    assert.deepEqual(findingsOf('keep-alive-timeout-below-proxy', files), []);
  });
});
