// What the client gets when a stream sent as the response fails, with the real frameworks (Express 4
// and 5, Fastify 4 and 5, Koa 2 and 3 with @koa/router 15), and whether pipe-without-error-handling
// reports the same handler: reported exactly where the process exits or the response is left open.
// Each run is a child process (test/fixtures/oracle/stream-errors/serve.js): a handler without an
// 'error' listener ends it, which is the point. The table is docs/rules/pipe-without-error-handling.md's.
import * as assert from 'assert';
import { spawn } from 'node:child_process';
import * as http from 'node:http';
import * as path from 'node:path';
import { analyse } from '../unit/workspace';

const SERVE = path.resolve(__dirname, '../fixtures/oracle/stream-errors/serve.js');

/** What the client saw, and whether the server was still running afterwards. */
type Outcome =
  | 'process exits'
  /** No status line within the wait: the request hangs. */
  | 'no response'
  /** 200 and the first chunk, then nothing within the wait. */
  | 'hangs after first chunk'
  /** The connection closed before a status line; the server lives. */
  | 'reset'
  /** 200 and the first chunk, then the connection closed; the server lives. */
  | 'aborted after first chunk'
  | '404 ended' | '500 ended';

type Alias = 'express4' | 'express5' | 'fastify4' | 'fastify5' | 'koa2' | 'koa3';

interface Case {
  title: string;
  family: 'express' | 'fastify' | 'koa';
  handler: string;
  /** By failure, then by runtime where they differ. */
  missing: Outcome | Partial<Record<Alias, Outcome>>;
  midstream: Outcome | Partial<Record<Alias, Outcome>>;
  /** The rule's message id, or null when it stays silent. */
  reported: 'noListener' | 'listenerLeavesOpen' | null;
}

const CASES: Case[] = [
  { title: 'src.pipe(res)', family: 'express', handler: '(req, res) => { source().pipe(res); }', missing: 'process exits', midstream: 'process exits', reported: 'noListener' },
  {
    title: "src.pipe(res) with an 'error' listener that logs", family: 'express',
    handler: "(req, res) => { const s = source(); s.on('error', (err) => console.error(err.message)); s.pipe(res); }",
    missing: 'no response', midstream: 'hangs after first chunk', reported: 'listenerLeavesOpen',
  },
  {
    title: 'stream.pipeline(src, res, cb)', family: 'express', handler: '(req, res) => { pipeline(source(), res, (err) => {}); }',
    missing: 'reset', midstream: 'aborted after first chunk', reported: null,
  },
  { title: 'src.pipe(reply.raw)', family: 'fastify', handler: '(request, reply) => { source().pipe(reply.raw); return reply; }', missing: 'process exits', midstream: 'process exits', reported: 'noListener' },
  {
    title: 'stream.pipeline(src, reply.raw, cb)', family: 'fastify', handler: '(request, reply) => { pipeline(source(), reply.raw, (err) => {}); return reply; }',
    missing: 'reset', midstream: 'aborted after first chunk', reported: null,
  },
  { title: 'reply.send(src)', family: 'fastify', handler: '(request, reply) => reply.send(source())', missing: '500 ended', midstream: 'aborted after first chunk', reported: null },
  {
    title: 'src.pipe(ctx.res)', family: 'koa', handler: 'async (ctx) => { ctx.respond = false; source().pipe(ctx.res); }',
    missing: 'process exits', midstream: 'process exits', reported: 'noListener',
  },
  {
    title: 'ctx.body = src', family: 'koa', handler: 'async (ctx) => { ctx.body = source(); }',
    missing: { koa2: '404 ended', koa3: 'reset' }, midstream: { koa2: 'hangs after first chunk', koa3: 'aborted after first chunk' }, reported: null,
  },
];

const RUNTIMES: Record<Case['family'], Alias[]> = { express: ['express4', 'express5'], fastify: ['fastify4', 'fastify5'], koa: ['koa2', 'koa3'] };
/** How long a response may stay silent before it counts as hanging. */
const WAIT_MS = 1500;

/** Boots serve.js with the handler, requests `/` once, and says what happened. */
function measure(alias: Alias, handler: string, failure: 'missing' | 'midstream'): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVE, alias, handler, failure], { stdio: ['ignore', 'pipe', 'pipe'] });
    let exited = false;
    child.on('exit', () => { exited = true; });
    let settled = false;
    const finish = (seen: Outcome | 'closed' | 'closed after first chunk'): void => {
      if (settled) return;
      settled = true;
      // A crash closes the socket a moment before the process is gone.
      setTimeout(() => {
        if (!exited) child.kill();
        if (exited && (seen === 'closed' || seen === 'closed after first chunk')) resolve('process exits');
        else resolve(seen === 'closed' ? 'reset' : seen === 'closed after first chunk' ? 'aborted after first chunk' : seen);
      }, 300);
    };
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const port = /PORT (\d+)/.exec(out)?.[1];
      if (!port || out.includes('ASKED')) return;
      out += 'ASKED';
      let responded = false;
      const req = http.get({ host: 'localhost', port: Number(port), path: '/' }, (res) => {
        responded = true;
        let body = '';
        res.on('data', (c: Buffer) => { body += c.toString(); });
        res.on('end', () => finish(`${res.statusCode} ended` as Outcome));
        res.on('aborted', () => finish(body ? 'closed after first chunk' : 'closed'));
        res.on('error', () => finish(body ? 'closed after first chunk' : 'closed'));
      });
      // The socket's idle timeout: silence before the status line, or after the first chunk.
      req.setTimeout(WAIT_MS, () => { finish(responded ? 'hangs after first chunk' : 'no response'); req.destroy(); });
      req.on('error', () => finish('closed'));
    });
    child.on('error', reject);
  });
}

function expected(outcome: Case['missing'], alias: Alias): Outcome {
  return typeof outcome === 'string' ? outcome : outcome[alias]!;
}

const PACKAGES: Record<Case['family'], string> = {
  express: JSON.stringify({ dependencies: { express: '^4.21.0' } }),
  fastify: JSON.stringify({ dependencies: { fastify: '^5.6.0' } }),
  koa: JSON.stringify({ dependencies: { koa: '^3.3.0', '@koa/router': '^15.7.0' } }),
};

/** The handler in a workspace the analyser reads: the same text the runtime ran. */
function workspace(c: Case): Record<string, string> {
  const head = "const fs = require('fs');\nconst { pipeline } = require('stream');\nfunction source() { return fs.createReadStream('/srv/file.bin'); }\n";
  const app = c.family === 'express' ? "const app = require('express')();\napp.get('/', HANDLER);\n"
    : c.family === 'fastify' ? "const app = require('fastify')();\napp.get('/', HANDLER);\n"
      : "const Koa = require('koa');\nconst Router = require('@koa/router');\nconst app = new Koa();\nconst router = new Router();\nrouter.get('/', HANDLER);\napp.use(router.routes());\n";
  return { 'package.json': PACKAGES[c.family], 'app.js': head + app.replace('HANDLER', c.handler) };
}

describe('stream errors: what the client gets when a piped or sent stream fails (pipe-without-error-handling)', function () {
  this.timeout(20000);
  for (const c of CASES) {
    describe(`${c.family}: ${c.title}`, () => {
      for (const alias of RUNTIMES[c.family]) {
        for (const failure of ['missing', 'midstream'] as const) {
          const want = expected(c[failure], alias);
          it(`${alias}, source fails ${failure === 'missing' ? 'before its first byte' : 'after its first chunk'}: ${want}`, async () => {
            assert.strictEqual(await measure(alias, c.handler, failure), want);
          });
        }
      }
      it(`the rule ${c.reported ? `reports it (${c.reported})` : 'stays silent'}`, () => {
        const found = analyse(workspace(c)).findings.filter(f => f.ruleId === 'pipe-without-error-handling');
        assert.deepStrictEqual(found.map(f => f.messageId), c.reported ? [c.reported] : []);
      });
    });
  }
});
