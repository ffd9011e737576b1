// Truth from the real frameworks for double-json-encoding (stop 6): each fixture route sends JSON
// text one way; booted with Express 4 and 5, Fastify 4 and 5, Koa 2 and 3, each route's response
// is read as a client reads it (JSON.parse of the body). "Encoded twice" means the client gets a
// string of JSON where the object was meant: the whole body, or a field of it. The spec says which
// routes are; the runtime must agree under every version, and the rule must report exactly those.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Finding } from '../../src/core/model';
import { analyseFolder } from '../../src/engine';
import { FIXTURES_ROOT } from './harness/fixture-spec';
import { listen } from './harness/listening-app';
import { loadFixture, type ModuleBindings } from './harness/load-fixture';

/** What the client's JSON.parse of the body gives: the object, one JSON string, or an object with a field holding JSON text. */
type Received = 'json' | 'json-string' | 'field-json-string' | 'not-json';

interface Served {
  status: number;
  contentType: string;
  body: string;
}

interface SerializeRuntime {
  label: string;
  /** Boots the fixture and returns a function that GETs a path. */
  boot(root: string): Promise<{ get(urlPath: string): Promise<Served>; close(): Promise<void> }>;
}

interface SerializeSpec {
  dir: string;
  runtimes: SerializeRuntime[];
  /** Route path → what the client receives, under every runtime. */
  routes: Record<string, Received>;
}

/** An app with `listen`-able request listener (Express app, `koa.callback()`), fetched over real HTTP. */
async function overHttp(listener: (req: unknown, res: unknown) => void) {
  const server = await listen(listener as never);
  return {
    get: async (urlPath: string): Promise<Served> => {
      const res = await fetch(`http://127.0.0.1:${server.port}${urlPath}`);
      return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: await res.text() };
    },
    close: () => server.close(),
  };
}

const express = (major: 4 | 5): SerializeRuntime => ({
  label: `express ${major}`,
  boot: async root => overHttp(await loadFixture(root, 'app.js', { express: require.resolve(`express${major}`) })),
});

const koa = (major: 2 | 3): SerializeRuntime => ({
  label: `koa ${major} + @koa/router 15`,
  boot: async (root) => {
    const bindings: ModuleBindings = { koa: require.resolve(`koa${major}`), '@koa/router': require.resolve('koarouter15') };
    const app = await loadFixture(root, 'app.js', bindings);
    return overHttp(app.callback());
  },
});

interface InjectResponse { statusCode: number; headers: Record<string, string | undefined>; body: string }
interface FastifyApp { ready(): Promise<unknown>; inject(o: { method: string; url: string }): Promise<InjectResponse>; close(): Promise<unknown> }

const fastify = (major: 4 | 5): SerializeRuntime => ({
  label: `fastify ${major}`,
  boot: async (root) => {
    const app = (await loadFixture(root, 'app.js', { fastify: require.resolve(`fastify${major}`) })) as FastifyApp;
    await app.ready();
    return {
      get: async (url: string): Promise<Served> => {
        const res = await app.inject({ method: 'GET', url });
        return { status: res.statusCode, contentType: res.headers['content-type'] ?? '', body: res.body };
      },
      close: async () => void (await app.close()),
    };
  },
});

const SPECS: SerializeSpec[] = [
  {
    dir: 's6-double-json-express',
    runtimes: [express(4), express(5)],
    routes: {
      '/json-text': 'json-string',
      '/json-text-via-variable': 'json-string',
      '/json-field': 'field-json-string',
      '/send-field': 'field-json-string',
      '/send-text': 'json',
      '/type-send-text': 'json',
      '/end-text': 'json',
      '/json-object': 'json',
    },
  },
  {
    dir: 's6-double-json-fastify',
    runtimes: [fastify(4), fastify(5)],
    routes: {
      '/send-field': 'field-json-string',
      '/return-field': 'field-json-string',
      '/return-field-schema': 'field-json-string',
      '/send-text': 'json',
      '/type-send-text': 'json',
      '/return-text': 'json',
      '/return-text-schema': 'json',
      '/return-object': 'json',
    },
  },
  {
    dir: 's6-double-json-koa',
    runtimes: [koa(2), koa(3)],
    routes: {
      '/body-field': 'field-json-string',
      '/body-text': 'json',
      '/body-text-type': 'json',
      '/body-object': 'json',
    },
  },
];

/** How a client reads the body. */
function received(body: string): Received {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return 'not-json';
  }
  if (typeof value === 'string') return jsonText(value) ? 'json-string' : 'json';
  if (value && typeof value === 'object' && Object.values(value).some(v => typeof v === 'string' && jsonText(v))) return 'field-json-string';
  return 'json';
}

/** Whether a string is JSON text of an object or an array. */
function jsonText(s: string): boolean {
  try {
    const v: unknown = JSON.parse(s);
    return typeof v === 'object' && v !== null;
  } catch {
    return false;
  }
}

/** The route path registered on each line of the fixture's app.js (one route per line). */
function routeLines(root: string): Map<number, string> {
  const text: string = require('node:fs').readFileSync(path.join(root, 'app.js'), 'utf8');
  const out = new Map<number, string>();
  text.split('\n').forEach((line, i) => {
    const m = /\.get\('([^']+)'/.exec(line);
    if (m) out.set(i + 1, m[1]);
  });
  return out;
}

describe('serialize (real frameworks vs double-json-encoding)', () => {
  for (const spec of SPECS) {
    const root = path.join(FIXTURES_ROOT, spec.dir);
    const doubled = Object.keys(spec.routes).filter(p => spec.routes[p] === 'json-string' || spec.routes[p] === 'field-json-string');

    for (const runtime of spec.runtimes) {
      it(`${spec.dir} [${runtime.label}]: the client receives what the spec says`, async () => {
        const app = await runtime.boot(root);
        const seen: Record<string, Received> = {};
        try {
          for (const p of Object.keys(spec.routes)) {
            const res = await app.get(p);
            assert.equal(res.status, 200, `${p}: ${res.status} ${res.body}`);
            seen[p] = received(res.body);
          }
        } finally {
          await app.close();
        }
        assert.deepEqual(seen, spec.routes);
      });
    }

    it(`${spec.dir}: the rule reports exactly the routes whose JSON is encoded twice`, () => {
      const lines = routeLines(root);
      const findings: Finding[] = analyseFolder(root).findings.filter(f => f.ruleId === 'double-json-encoding');
      const reported = findings.map(f => lines.get(f.line) ?? `${f.file}:${f.line}`);
      assert.deepEqual(reported.sort(), [...doubled].sort());
    });
  }
});
