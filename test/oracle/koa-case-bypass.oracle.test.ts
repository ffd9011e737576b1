// Truth from the real routers for koa-router-case-bypass (K12): every fixture with a path-less
// router.use(auth) under a prefix is booted with the real Koa and each router package. A bypass is
// a protected route answering 2xx, without credentials, at its path with the first segment in upper
// case (`/API/secret`). The analyser, told the router's installed version through the workspace's
// package.json, must report koa-router-case-bypass exactly when the runtime shows one.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Finding } from '../../src/core/model';
import { analyseFolder } from '../../src/engine';
import { KOA_RUNTIMES, type KoaRouterTag, type KoaTag } from './koa/boot';
import { KOA_FIXTURES } from './koa-fixtures';
import { FIXTURES_ROOT, expectedBootError, expectedFate, notBootedWhy } from './harness/fixture-spec';

/** The fixtures whose rows are the case bypass: path-less uses under a prefix (K12), uses with a path (K11). */
const DIRS = [
  'k12-prefix-case-bypass', 'k12-prefix-method', 'k12-param-prefix', 'k5-nested-router', 'k4-same-prefix', 'k11-use-path-case', 'k11-use-path-prefix', 'k11-use-root-path',
];

/** The package each runtime's router alias installs (the oracle's devDependencies). */
const ALIASES: Record<KoaRouterTag, string> = {
  '@koa/router 12': 'koarouter12', '@koa/router 13': 'koarouter13', '@koa/router 15': 'koarouter15', 'koa-router 14': 'koarouter14legacy',
};

/**
 * The fixture analysed as an app on one router version: copied beside a package.json pinning
 * '@koa/router' (what the fixtures require) to it. koa-router 14 is pinned as @koa/router 14.0.0,
 * which reads use-paths the same way (K11, K12).
 */
function analyseAs(dir: string, router: KoaRouterTag): Finding[] {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'seven-stops-case-'));
  try {
    fs.cpSync(path.join(FIXTURES_ROOT, dir), root, { recursive: true });
    const version = router === 'koa-router 14' ? '14.0.0' : installedVersion(ALIASES[router]);
    const manifest = path.join(root, 'package.json');
    const pkg = fs.existsSync(manifest) ? JSON.parse(fs.readFileSync(manifest, 'utf8')) : {};
    pkg.dependencies = { ...pkg.dependencies, '@koa/router': version };
    fs.writeFileSync(manifest, JSON.stringify(pkg));
    return analyseFolder(root).findings.filter(f => f.ruleId === 'koa-router-case-bypass');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** The version of an installed alias, read from its package.json (the routers' exports do not list it). */
function installedVersion(alias: string): string {
  const manifest = path.join(path.resolve(__dirname, '../../node_modules'), alias, 'package.json');
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** A request path for a route key's path: params filled in, the first segment in upper case. */
function caseVariant(routePath: string): string {
  const filled = routePath.replace(/:\w+/g, 'acme');
  return filled.replace(/^\/([^/]+)/, (_, seg: string) => `/${seg.toUpperCase()}`);
}

describe('koa case bypass (real routers vs koa-router-case-bypass)', () => {
  for (const spec of KOA_FIXTURES.filter(s => DIRS.includes(s.dir))) {
    for (const runtime of KOA_RUNTIMES) {
      const name = `${spec.row}: ${spec.dir} [${runtime.label}]`;
      const notBooted = notBootedWhy(spec, runtime.tags) ?? (expectedBootError(spec, runtime.tags) ? 'refused at startup' : undefined);
      if (notBooted) {
        it.skip(`${name} — skipped: ${notBooted}`, () => undefined);
        continue;
      }
      it(`${name}: the rule reports exactly when a case variant reaches a protected route without auth`, async () => {
        const router = runtime.tags[1] as KoaRouterTag;
        const app = await runtime.boot(path.join(FIXTURES_ROOT, spec.dir), spec.entry);
        const bypassed: string[] = [];
        try {
          for (const key of Object.keys(spec.routes)) {
            if (expectedFate(spec, key, runtime.tags as KoaTag[]) !== 'protected') continue;
            const [method, routePath] = key.split(' ');
            const variant = caseVariant(routePath);
            const seen = await app.request(method, variant, false);
            if (typeof seen.status === 'number' && seen.status >= 200 && seen.status < 300) bypassed.push(`${method} ${variant}`);
          }
        } finally {
          await app.close();
        }
        const findings = analyseAs(spec.dir, router);
        assert.equal(findings.length > 0, bypassed.length > 0,
          `${runtime.label}: bypassed ${JSON.stringify(bypassed)}; the rule says ${JSON.stringify(findings.map(f => f.message))}`);
      });
    }
  }
});
