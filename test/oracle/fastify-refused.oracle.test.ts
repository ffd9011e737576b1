// Truth from the real Fastify for the rules that predict a refusal: every Fastify fixture is booted
// with the real Fastify 4 and 5. When the framework refuses the app, the analyser (told that major
// through the workspace's package.json) must report a finding of the rule that predicts it
// (FST_ERR_DUPLICATED_ROUTE: no-duplicate-route, F11/F12/F6; FST_ERR_HOOK_INVALID_HANDLER:
// no-route-outside-auth-scope, F3). When it starts, neither rule may predict a refusal.
// F2 (addHook after ready) is not predicted by any rule yet: declared pending.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Finding } from '../../src/core/model';
import { analyseFolder } from '../../src/engine';
import { FASTIFY_RUNTIMES, type FastifyMajor } from './fastify/boot';
import { FASTIFY_FIXTURES } from './fastify-fixtures';
import { FIXTURES_ROOT, notBootedWhy } from './harness/fixture-spec';

/** Which findings predict each refusal Fastify reports at startup. */
const PREDICTS: Record<string, (f: Finding) => boolean> = {
  FST_ERR_DUPLICATED_ROUTE: f => f.ruleId === 'no-duplicate-route',
  FST_ERR_HOOK_INVALID_HANDLER: f => f.ruleId === 'no-route-outside-auth-scope' && f.messageId === 'decoratorRefused',
};

/** Refusals no rule predicts yet, with why. */
const UNPREDICTED: Record<string, string> = {
  AVV_ERR_ROOT_PLG_BOOTED: 'F2: addHook after ready() is not modelled by any rule yet',
  FST_ERR_INSTANCE_ALREADY_LISTENING: 'F2: addHook after ready() is not modelled by any rule yet',
};

/** The Fastify versions the workspace's package.json declares, per major (what the oracle's devDependencies install). */
const DECLARED: Record<FastifyMajor, string> = { 4: '^4.29.1', 5: '^5.12.8' };

/** The fixture analysed as an app of one Fastify major: copied beside a package.json that declares it. */
function analyseAs(dir: string, major: FastifyMajor): Finding[] {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'seven-stops-refused-'));
  try {
    fs.cpSync(path.join(FIXTURES_ROOT, dir), root, { recursive: true });
    const manifest = path.join(root, 'package.json');
    const pkg = fs.existsSync(manifest) ? JSON.parse(fs.readFileSync(manifest, 'utf8')) : {};
    pkg.dependencies = { ...pkg.dependencies, fastify: DECLARED[major] };
    fs.writeFileSync(manifest, JSON.stringify(pkg));
    return analyseFolder(root).findings;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** The error code the real Fastify refuses the app with, or null when it starts. */
async function refusal(runtime: (typeof FASTIFY_RUNTIMES)[number], dir: string, entry: string): Promise<string | null> {
  let app;
  try {
    app = await runtime.boot(path.join(FIXTURES_ROOT, dir), entry);
  } catch (e) {
    return String((e as { code?: unknown }).code ?? (e as Error).message);
  }
  await app.close();
  return null;
}

describe('fastify refusals (real fastify vs the rules that predict them)', () => {
  for (const spec of FASTIFY_FIXTURES) {
    for (const runtime of FASTIFY_RUNTIMES) {
      const major = runtime.tags[0];
      const name = `${spec.row}: ${spec.dir} [${runtime.label}]`;
      const notBooted = notBootedWhy(spec, runtime.tags);
      if (notBooted) {
        it.skip(`${name} — skipped: ${notBooted}`, () => undefined);
        continue;
      }
      const unpredicted = typeof spec.bootError === 'string' ? UNPREDICTED[spec.bootError] : UNPREDICTED[spec.bootError?.[major] ?? ''];
      if (unpredicted) {
        it.skip(`${name} — pending: ${unpredicted}`, () => undefined);
        continue;
      }
      it(`${name}: the rules predict a refusal exactly when Fastify refuses`, async () => {
        const code = await refusal(runtime, spec.dir, spec.entry);
        const findings = analyseAs(spec.dir, major);
        const predicted = Object.entries(PREDICTS).filter(([, matches]) => findings.some(matches)).map(([c]) => c);
        const lines = findings.filter(f => Object.values(PREDICTS).some(m => m(f))).map(f => `${f.ruleId} ${f.file}:${f.line}: ${f.message}`);
        assert.deepEqual(predicted, code ? [code] : [], `Fastify ${major} ${code ? `refuses with ${code}` : 'starts'}; the analyser says:\n  ${lines.join('\n  ') || '(nothing)'}`);
      });
    }
  }
});
