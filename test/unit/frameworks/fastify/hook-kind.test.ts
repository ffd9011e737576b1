// What makes a Fastify hook auth (F8-F10, F16), read from the lowered function.
import * as assert from 'assert';
import { lowerSource } from '../../../../src/core/lower';
import { Env, type Arg, type Value } from '../../../../src/core/values';
import { classifyHook, hookCode, hookName, rejects } from '../../../../src/frameworks/fastify/hook-kind';
import type { FastifyContext } from '../../../../src/frameworks/fastify/objects';

/** The hoisted function `name` of `code`, as a hook argument. */
function hook(code: string, name: string): Arg {
  const ir = lowerSource('/w/app.js', code);
  return { value: { t: 'fn', fn: ir.hoisted[name], env: new Env(null, null), file: '/w/app.js' }, name, site: null };
}

const fnOf = (code: string, name: string) => lowerSource('/w/app.js', code).hoisted[name];

describe('fastify hook kinds', () => {
  it('return reply.code(401).send() stops the request (F9)', () => {
    assert.strictEqual(rejects(fnOf('async function a(request, reply) { if (!request.headers.authorization) return reply.code(401).send(); }', 'a')), 'sends 401');
  });

  it('reply.code(403).send() then done() stops it too (F9)', () => {
    assert.strictEqual(rejects(fnOf('function a(request, reply, done) { if (!request.user) reply.code(403).send(); done(); }', 'a')), 'sends 403');
  });

  it('a 401 set without a send lets the handler run (F10)', () => {
    assert.strictEqual(rejects(fnOf('async function a(request, reply) { if (!request.user) { reply.code(401); return false; } }', 'a')), null);
  });

  it('a 401 sent from a timer is too late (F10)', () => {
    assert.strictEqual(rejects(fnOf('async function a(request, reply) { if (!request.user) setTimeout(() => reply.code(401).send(), 20); }', 'a')), null);
  });

  it('throwing an Unauthorized error, done(err) and reply.unauthorized() stop it (F9)', () => {
    assert.strictEqual(rejects(fnOf('async function a(request) { if (!request.user) throw new Unauthorized(); }', 'a')), 'throws Unauthorized');
    assert.strictEqual(rejects(fnOf('function a(request, reply, done) { done(request.user ? undefined : unauthorized()); }', 'a')), 'passes an unauthorized error to done()');
    assert.strictEqual(rejects(fnOf('async function a(request, reply) { if (!request.user) return reply.unauthorized(); }', 'a')), 'replies unauthorized() (@fastify/sensible)');
  });

  it('request.jwtVerify() authenticates (@fastify/jwt, F8)', () => {
    assert.strictEqual(rejects(fnOf('async function a(request) { await request.jwtVerify(); }', 'a')), 'verifies a JWT (request.jwtVerify(), @fastify/jwt)');
  });

  it('hookCode holds rejects() and the spans of the functions written inside', () => {
    const fn = fnOf('async function a(request, reply) { if (!request.user) setTimeout(() => reply.code(401).send(), 20); if (!request.headers.x) return reply.code(403).send(); }', 'a');
    const code = hookCode(fn);
    assert.strictEqual(code.rejects, 'sends 403');
    assert.strictEqual(code.nested.length, 1);
  });

  it('classifyHook reads a function\'s code through the HookCode it is given (kept across runs by the adapter)', () => {
    const gate = hook('function gate(request, reply, done) { done(); }', 'gate');
    const asked: string[] = [];
    const cls = classifyHook(gate, [], fn => { asked.push(fn.name ?? ''); return { rejects: 'sends 401', nested: [] }; });
    assert.deepStrictEqual([cls.kind, cls.evidence, asked], ['auth', 'sends 401', ['gate']]);
  });

  it('a hook named in sevenStops.auth is auth whatever it does', () => {
    assert.strictEqual(classifyHook(hook('function gate(request, reply, done) { done(); }', 'gate'), ['gate']).kind, 'auth');
    assert.strictEqual(classifyHook(hook('function gate(request, reply, done) { done(); }', 'gate'), []).kind, 'other');
  });

  it('an auth hook reading only request.body is marked bodyOnly (F16); one reading a header too is not', () => {
    assert.strictEqual(classifyHook(hook("async function k(request, reply) { if (request.body?.apiKey !== 'key') return reply.code(401).send(); }", 'k'), []).bodyOnly, true);
    assert.strictEqual(classifyHook(hook('async function k(request, reply) { const key = request.body?.apiKey ?? request.headers.authorization; if (!key) return reply.code(401).send(); }', 'k'), []).bodyOnly, undefined);
  });

  it('fastify.auth([a, b]) is OR: auth only when every alternative is; { relation: "and" } needs one (F8)', () => {
    const code = 'async function token(request) { if (!request.headers.authorization) throw new Unauthorized(); }\nasync function guest() {}';
    const token = hook(code, 'token');
    const guest = hook(code, 'guest');
    const call = (items: Arg[], relation?: string): Arg => ({
      value: { t: 'pkgcall', name: '@fastify/auth', path: ['auth'], site: { file: '/w/app.js', span: token.value.t === 'fn' ? token.value.fn.span : (null as never) }, args: [
        { value: { t: 'arr', items }, name: '[…]', site: null },
        ...(relation ? [{ value: { t: 'obj' as const, props: new Map([['relation', { t: 'str' as const, v: relation }]]) }, name: '{…}', site: null }] : []),
      ] },
      name: 'instance.auth', site: null,
    });
    assert.strictEqual(classifyHook(call([token, token]), []).kind, 'auth');
    assert.strictEqual(classifyHook(call([token, guest]), []).kind, 'other');
    assert.strictEqual(classifyHook(call([token, guest], 'and'), []).kind, 'auth');
    assert.strictEqual(hookName(call([token])), 'auth');
    // A strategy fails a request by throwing any error, or by handing one to done: @fastify/auth answers 401 itself.
    const plain = 'async function jwtAuth(request) { if (!request.headers.authorization) throw new Error(\'no token\'); request.user = { id: 1 }; }\n'
      + 'function keyAuth(request, reply, done) { if (request.headers[\'x-key\'] !== KEY) return done(new Error(\'bad key\')); done(); }';
    assert.strictEqual(classifyHook(call([hook(plain, 'jwtAuth'), hook(plain, 'keyAuth')]), []).kind, 'auth');
  });

  it('Express-style middleware under middie: res.statusCode = 401 then res.end() stops the request (F18)', () => {
    assert.strictEqual(rejects(fnOf('function a(req, res, next) { if (!req.headers.authorization) { res.statusCode = 401; return res.end(); } next(); }', 'a')), 'sets statusCode 401 and ends the response');
    assert.strictEqual(rejects(fnOf('function a(req, res, next) { res.statusCode = 200; next(); }', 'a')), null);
  });

  it('a hook handing its request to fastify.basicAuth(req, reply, cb) is auth when @fastify/basic-auth decorated that context', () => {
    const code = "function gate(req, reply, next) { fastify.basicAuth(req, reply, function (error) { if (!error) { return next(); } reply.code(error.statusCode || 500).send({ error: error.name }); }); }";
    const site = { file: '/w/app.js', span: { start: 0, end: 0, line: 1, column: 0, endLine: 1, endColumn: 0 } };
    const instance: FastifyContext = {
      framework: 'fastify', kind: 'context', id: 1, site, parent: null, children: [], prefix: '', hooks: {},
      decorators: new Map(), routes: [], middleware: [], plugins: [], pluginName: 'basicAuth',
      decoratorSites: new Map(), pluginSite: null, undefinedHooks: [], exposeHeadRoutes: true, routerOptions: { top: {}, nested: {} },
    };
    const context = (decorators: [string, Value][]): Value => ({ t: 'host', host: { ...instance, decorators: new Map(decorators) } as FastifyContext });
    const withFastify = (instance: Value): Arg => {
      const arg = hook(code, 'gate');
      if (arg.value.t === 'fn') arg.value.env.define('fastify', instance);
      return arg;
    };
    const basicAuth: Value = { t: 'pkgcall', name: '@fastify/basic-auth', path: ['basicAuth'], args: [], site };
    assert.deepStrictEqual(classifyHook(withFastify(context([['basicAuth', basicAuth]])), []), { kind: 'auth', stop: 4, evidence: 'hands the request to fastify.basicAuth() (@fastify/basic-auth)' });
    assert.strictEqual(classifyHook(withFastify(context([])), []).kind, 'other');
  });

  it('a hook that passes its request and reply to a function of its own that sends a 403 stops the request as that function does (F9)', () => {
    const code = "function ensureHasRole(request, reply, role) { if (!request.auth.roles.includes(role)) { reply.status(403).send('You are not authorized to access this resource.'); } }\n"
      + "async function ensureIsAdmin(request, reply) { return ensureHasRole(request, reply, 'admin'); }\n"
      + "function audit(request, reply, what) { request.log.info(what); }\n"
      + "async function logAdmin(request, reply) { return audit(request, reply, 'admin'); }";
    const ir = lowerSource('/w/app.js', code);
    const env = new Env(null, null);
    for (const name of ['ensureHasRole', 'audit']) env.define(name, { t: 'fn', fn: ir.hoisted[name], env, file: '/w/app.js' });
    const arg = (name: string): Arg => ({ value: { t: 'fn', fn: ir.hoisted[name], env, file: '/w/app.js' }, name, site: null });
    assert.deepStrictEqual(classifyHook(arg('ensureIsAdmin'), []), { kind: 'auth', stop: 4, evidence: 'calls ensureHasRole(), which sends 403' });
    assert.strictEqual(classifyHook(arg('logAdmin'), []).kind, 'other');
  });
});
