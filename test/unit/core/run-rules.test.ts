// The rule runner: severities, ignore comments, and each rule sees only the frameworks it declares.
import * as assert from 'assert';
import { DEFAULT_CONFIG } from '../../../src/core/config';
import type { AnalysisModel, ModelRoute, OrderedLayer } from '../../../src/core/model';
import type { Rule } from '../../../src/core/rule';
import { modelFor, runRules } from '../../../src/core/run-rules';
import { analyse } from '../workspace';

/** A rule that reports every route it is shown, naming its app index. */
const everyRoute = (frameworks: Rule['frameworks']): Rule => ({
  id: `every-route-${frameworks.join('-')}`, stop: 3, frameworks, description: 'test', defaultSeverity: 'warning',
  messages: { route: '{{route}} in app {{app}}' },
  check: ctx => ctx.model.routes.map(r => ({ messageId: 'route', data: { route: `${r.method} ${r.path}`, app: String(r.app) }, ...r.range, related: [], fixes: [] })),
});

describe('runRules', () => {
  const express = analyse({
    'app.js': "const express = require('express');\nconst app = express();\napp.get('/e', (req, res) => res.end());\n",
  }).model;
  // A Fastify app placed before the Express one, as a second adapter's output would be merged.
  const fastifyRoute: ModelRoute = { ...express.routes[0], framework: 'fastify', path: '/f', app: 0 };
  const fastifyLayer: OrderedLayer = { ...express.stacks[0].find(l => l.kind === 'route')!, name: 'GET /f', route: 0 };
  const mixed: AnalysisModel = {
    routes: [fastifyRoute, ...express.routes.map(r => ({ ...r, app: r.app + 1 }))],
    stacks: [[fastifyLayer], ...express.stacks.map(st => st.map(l => (l.route === undefined ? l : { ...l, route: l.route + 1 })))],
    origins: [{ kind: 'app', framework: 'fastify', file: 'server.js', line: 1 }, ...express.origins],
  };
  const host = { ignores: () => ({}) };

  it('an Express rule sees only the Express app, its indices renumbered', () => {
    const found = runRules([everyRoute(['express'])], mixed, DEFAULT_CONFIG, host);
    assert.deepStrictEqual(found.map(f => f.message), ['GET /e in app 0']);
    const view = modelFor(mixed, ['express']);
    assert.deepStrictEqual(view.stacks.map(st => st.filter(l => l.route !== undefined).map(l => view.routes[l.route!].path)), [['/e']]);
  });

  it('a rule for both frameworks sees both; one for neither is not run', () => {
    assert.deepStrictEqual(runRules([everyRoute(['express', 'fastify'])], mixed, DEFAULT_CONFIG, host).map(f => f.message), ['GET /f in app 0', 'GET /e in app 1']);
    assert.deepStrictEqual(runRules([everyRoute(['koa'])], mixed, DEFAULT_CONFIG, host), []);
  });

  it("a rule sees only its frameworks' contexts", () => {
    const withContexts: AnalysisModel = {
      ...mixed, contexts: [{ id: 'fastify:1', parent: null, prefix: '', encapsulated: false, file: 'server.js', line: 1, framework: 'fastify' }],
    };
    assert.strictEqual(modelFor(withContexts, ['express']).contexts, undefined);
    assert.deepStrictEqual(modelFor(withContexts, ['fastify']).contexts?.map(c => c.id), ['fastify:1']);
  });

  it("a message's own severity applies unless the user set the rule's", () => {
    const notice: Rule = { ...everyRoute(['express']), id: 'notice', messageSeverity: { route: 'info' } };
    assert.deepStrictEqual(runRules([notice], express, DEFAULT_CONFIG, host).map(f => f.severity), ['info']);
    assert.deepStrictEqual(runRules([notice], express, { ...DEFAULT_CONFIG, rules: { notice: 'error' } }, host).map(f => f.severity), ['error']);
  });

  it('a model of one framework is handed over as it is (rules may keep reports by route object)', () => {
    assert.strictEqual(modelFor(express, ['express']), express);
  });
});
