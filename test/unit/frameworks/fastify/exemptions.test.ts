// Early returns in an auth hook that exempt some routes (issue 14, "Exemptions inside a hook").
import * as assert from 'assert';
import { lowerSource } from '../../../../src/core/lower';
import type { ObjValue } from '../../../../src/core/values';
import { describeExemption, exemptionCaveat, exemptionsOf, exempts } from '../../../../src/frameworks/fastify/exemptions';

const exemptionsWithSpans = (code: string) => exemptionsOf(lowerSource('/w/app.js', code).hoisted.auth);
/** The exemptions without their spans (one test below checks those). */
const read = (code: string) => exemptionsWithSpans(code)?.map(({ span: _span, ...e }) => e) ?? null;
const config = (key: string, v: boolean): ObjValue => ({ t: 'obj', props: new Map([[key, { t: 'bool', v }]]) });

describe('fastify hook exemptions', () => {
  it('request.url.startsWith(text) and request.url === text, joined by ||', () => {
    assert.deepStrictEqual(read(`async function auth(request, reply) {
  if (request.url.startsWith('/auth/login') || request.url === '/health') return;
  if (!request.headers.authorization) return reply.code(401).send();
}`), [{ kind: 'url-prefix', text: '/auth/login' }, { kind: 'url-equals', text: '/health' }]);
  });

  it("['/a', '/b'].includes(request.url) and request.routeOptions.url === text", () => {
    assert.deepStrictEqual(read(`async function auth(request, reply) {
  if (['/health', '/ready'].includes(request.url)) return;
  if (request.routeOptions.url === '/docs/:page') return;
  if (!request.headers.authorization) return reply.code(401).send();
}`), [{ kind: 'url-equals', text: '/health' }, { kind: 'url-equals', text: '/ready' }, { kind: 'route-url', text: '/docs/:page' }]);
  });

  it('request.routeOptions.config.public in a callback hook returning done()', () => {
    assert.deepStrictEqual(read(`function auth(request, reply, done) {
  if (request.routeOptions.config.public) return done();
  if (!request.headers.authorization) return reply.code(401).send();
  done();
}`), [{ kind: 'config', key: 'public' }]);
  });

  it('an early return on a test it cannot name exempts nothing it can name', () => {
    assert.strictEqual(read(`async function auth(request, reply) {
  if (isPublic(request)) return;
  if (!request.headers.authorization) return reply.code(401).send();
}`), null);
  });

  it('a url prefix is text, not a segment; an exact url is the whole path; config needs a truthy value', () => {
    assert.strictEqual(exempts({ kind: 'url-prefix', text: '/auth/login' }, '/auth/login-history', null), true);
    assert.strictEqual(exempts({ kind: 'url-equals', text: '/health' }, '/healthz', null), false);
    assert.strictEqual(exempts({ kind: 'config', key: 'public' }, '/x', config('public', true)), true);
    assert.strictEqual(exempts({ kind: 'config', key: 'public' }, '/x', config('public', false)), false);
    assert.strictEqual(exempts({ kind: 'config', key: 'public' }, '/x', null), false);
  });

  it('each exemption keeps the line of its test, for "protected except … (file:line)"', () => {
    const found = exemptionsWithSpans(`async function auth(request, reply) {
  if (request.url === '/health') return;
  if (request.url.startsWith('/public/')) return;
  if (!request.headers.authorization) return reply.code(401).send();
}`);
    assert.deepStrictEqual(found?.map(e => [describeExemption(e), e.span.line]), [["request.url === '/health'", 2], ["request.url.startsWith('/public/')", 3]]);
  });

  it('caveats: a text prefix passes a longer segment (F1), an exact url misses the query string', () => {
    assert.strictEqual(exemptionCaveat({ kind: 'url-prefix', text: '/auth/login' }, '/auth/login-history'),
      "startsWith is a text prefix, not a path segment: /auth/login-history passes the test for '/auth/login'");
    assert.strictEqual(exemptionCaveat({ kind: 'url-prefix', text: '/auth/login' }, '/auth/login/2fa'), null);
    assert.strictEqual(exemptionCaveat({ kind: 'url-prefix', text: '/auth/login' }, '/auth/login'), null);
    assert.strictEqual(exemptionCaveat({ kind: 'url-equals', text: '/health' }, '/health'), 'request.url includes the query string: /health?… is not let through');
    assert.strictEqual(exemptionCaveat({ kind: 'config', key: 'public' }, '/x'), null);
  });
});
