// The Express rules read Express semantics (order-based middleware, first-match routing, body
// parsers as middleware): on a Fastify app they would be wrong (hooks are not order-dependent, F1;
// static beats param whatever the order, F13; Fastify parses bodies itself). They declare
// ['express'], and the runner shows a rule only its frameworks' routes: checked here on Fastify
// fixtures that would trigger them, with a control showing they would fire without the filter.
import * as assert from 'assert';
import * as path from 'path';
import { DEFAULT_CONFIG } from '../../../src/core/config';
import { runRules } from '../../../src/core/run-rules';
import { analyseFolder } from '../../../src/engine';
import { bodyParserBeforeRoutes } from '../../../src/rules/body-parser-before-routes';
import { errorHandlerLast } from '../../../src/rules/error-handler-last';
import { noRouteBeforeAuth } from '../../../src/rules/no-route-before-auth';
import { noShadowedRoute } from '../../../src/rules/no-shadowed-route';
import { analyse } from '../workspace';

const EXPRESS_RULES = [noShadowedRoute, bodyParserBeforeRoutes, noRouteBeforeAuth, errorHandlerLast];
const EXPRESS_IDS = EXPRESS_RULES.map(r => r.id);
const ORACLE = path.resolve(__dirname, '../../fixtures/oracle');

/** A Fastify app doing what each Express rule reports in Express: read body and user, hooks after routes, a param before a static route. */
const FASTIFY_APP = {
  'package.json': JSON.stringify({ dependencies: { fastify: '^5.6.0' } }),
  'app.js': `const app = require('fastify')();
app.get('/users/:id', async () => ({}));
app.get('/users/me', async (request) => request.user);
app.post('/orders', async (request) => request.body);
app.setErrorHandler(async (error, request, reply) => reply.code(500).send());
app.addHook('onRequest', async function requireUser(request, reply) { if (!request.headers.authorization) return reply.code(401).send(); });
app.get('/late', async () => 'late');
`,
};

describe('the Express rules on Fastify apps', () => {
  for (const dir of ['f13-static-beats-param', 'f16-auth-reads-body', 'f1-hooks-after-routes', 'f12-head-after-get']) {
    it(`report nothing on the oracle fixture ${dir}`, () => {
      const found = analyseFolder(path.join(ORACLE, dir)).findings.filter(f => EXPRESS_IDS.includes(f.ruleId));
      assert.deepStrictEqual(found.map(f => `${f.ruleId}: ${f.message}`), []);
    });
  }

  it('report nothing on a Fastify app that reads request.body and request.user, with a param route first and a hook last', () => {
    const found = analyse(FASTIFY_APP).findings.filter(f => EXPRESS_IDS.includes(f.ruleId));
    assert.deepStrictEqual(found.map(f => `${f.ruleId}: ${f.message}`), []);
  });

  it('would report on those apps if they declared Fastify (the control: the runner\'s filter is what keeps them quiet)', () => {
    const model = analyse(FASTIFY_APP).model;
    const f16 = analyseFolder(path.join(ORACLE, 'f16-auth-reads-body')).model;
    const host = { ignores: () => ({}) };
    const asIfFastify = (rule: (typeof EXPRESS_RULES)[number]) => ({ ...rule, frameworks: ['express', 'fastify'] as const }) as typeof rule;
    assert.ok(runRules([asIfFastify(bodyParserBeforeRoutes)], model, DEFAULT_CONFIG, host).length > 0, 'body-parser-before-routes');
    const me = analyse({ 'package.json': FASTIFY_APP['package.json'], 'app.js': "const app = require('fastify')();\napp.get('/me', async (request) => request.user);\n" }).model;
    assert.ok(runRules([asIfFastify(noRouteBeforeAuth)], me, DEFAULT_CONFIG, host).length > 0, 'no-route-before-auth');
    assert.ok(runRules([asIfFastify(noShadowedRoute)], f16, DEFAULT_CONFIG, host).length > 0, 'no-shadowed-route');
  });
});
