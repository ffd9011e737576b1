// Early returns in an auth hook that exempt some routes (issue 14, "Exemptions inside a hook").
import * as assert from 'assert';
import { lowerSource } from '../../../../src/core/lower';
import type { ObjValue } from '../../../../src/core/values';
import { exemptionsOf, exempts } from '../../../../src/frameworks/fastify/exemptions';

const read = (code: string) => exemptionsOf(lowerSource('/w/app.js', code).hoisted.auth);
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
});
