// Truth for the stop-2 rules, from the real packages. unbounded-body-limit reads limit strings the way
// the `bytes` package does (body-parser, raw-body and co-body use it). duplicate-body-parser says a
// second parser of the same kind never parses, so its raised limit never applies: a body over the
// first parser's limit gets 413 although the route's own parser would take it (Express 4 and 5 with
// body-parser, Koa with koa-bodyparser twice), and the same route without the first parser answers 200.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseBytes } from '../../../src/frameworks/shared/byte-size';
import { findingsOf } from './workspace';

/** POSTs a JSON body of about `bytes` bytes to a listener; resolves with the status. */
async function postJson(listener: http.RequestListener, bytes: number): Promise<number> {
  const server = http.createServer(listener);
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
  const body = JSON.stringify({ data: 'x'.repeat(bytes) });
  try {
    return await new Promise<number>((resolve, reject) => {
      const req = http.request({ port: (server.address() as AddressInfo).port, host: '127.0.0.1', method: 'POST', path: '/import', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, res => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(body);
    });
  } finally {
    server.closeAllConnections();
    await new Promise<void>(done => server.close(() => done()));
  }
}

function expressApp(pkg: 'express4' | 'express5', appLevel: boolean): http.RequestListener {
  const express = require(pkg);
  const app = express();
  app.set('env', 'test'); // finalhandler logs 4xx errors to stderr otherwise
  if (appLevel) app.use(express.json());
  app.post('/import', express.json({ limit: '5mb' }), (req: { body: { data: string } }, res: { json(v: unknown): void }) => res.json({ size: req.body.data.length }));
  return app;
}

function koaApp(appLevel: boolean): http.RequestListener {
  const Koa = require('koa3');
  const Router = require('koarouter15');
  const bodyParser = require('koa-bodyparser');
  const app = new Koa();
  const router = new Router();
  if (appLevel) app.use(bodyParser());
  router.post('/import', bodyParser({ jsonLimit: '5mb' }), (ctx: { body: unknown; request: { body: { data: string } } }) => { ctx.body = { size: ctx.request.body.data.length }; });
  app.use(router.routes());
  return app.callback();
}

describe('body parsers (real packages vs unbounded-body-limit and duplicate-body-parser)', () => {
  it('limit strings read as the bytes package reads them', () => {
    const bytes = require('bytes') as { parse(v: string | number): number | null };
    for (const v of ['100kb', '10mb', '10MB', '50 mb', '1.5gb', '1gb', '5000', '1tb', '2PB', 'abc', '', '10 MB ', 1024, Infinity]) {
      assert.equal(parseBytes(v), bytes.parse(v), `${JSON.stringify(v)}`);
    }
  });

  for (const pkg of ['express4', 'express5'] as const) {
    it(`${pkg}: express.json() on the app, then express.json({ limit: '5mb' }) on the route: 200 KB gets 413, reported`, async () => {
      assert.equal(await postJson(expressApp(pkg, true), 200 * 1024), 413);
      assert.equal(await postJson(expressApp(pkg, false), 200 * 1024), 200);
      const files = {
        'package.json': JSON.stringify({ dependencies: { express: pkg === 'express4' ? '^4.21.0' : '^5.1.0' } }),
        'app.js': "const express = require('express');\nconst app = express();\napp.use(express.json());\napp.post('/import', express.json({ limit: '5mb' }), (req, res) => res.json({ size: req.body.data.length }));\n",
      };
      assert.equal(findingsOf('duplicate-body-parser', files).length, 1);
      assert.equal(findingsOf('duplicate-body-parser', { ...files, 'app.js': files['app.js'].replace('app.use(express.json());\n', '') }).length, 0);
    });
  }

  it("koa 3: koa-bodyparser on the app, then bodyParser({ jsonLimit: '5mb' }) on the route: 2 MB gets 413, reported", async () => {
    assert.equal(await postJson(koaApp(true), 2 * 1024 * 1024), 413);
    assert.equal(await postJson(koaApp(false), 2 * 1024 * 1024), 200);
    const files = {
      'package.json': JSON.stringify({ dependencies: { koa: '^3.3.0', '@koa/router': '^15.7.0', 'koa-bodyparser': '^4.4.1' } }),
      'app.js': "const Koa = require('koa');\nconst Router = require('@koa/router');\nconst bodyParser = require('koa-bodyparser');\nconst app = new Koa();\nconst router = new Router();\napp.use(bodyParser());\nrouter.post('/import', bodyParser({ jsonLimit: '5mb' }), ctx => { ctx.body = { size: ctx.request.body.data.length }; });\napp.use(router.routes());\n",
    };
    assert.equal(findingsOf('duplicate-body-parser', files).length, 1);
    assert.equal(findingsOf('duplicate-body-parser', { ...files, 'app.js': files['app.js'].replace('app.use(bodyParser());\n', '') }).length, 0);
  });
});
