// The verdict on a middleware argument (src/frameworks/express/middleware-kind.ts): configured
// names first, then known packages and their options, then the name as a weak hint.
import * as assert from 'assert';
import { classify } from '../../../../src/frameworks/express/middleware-kind';
import type { Arg, Value } from '../../../../src/core/values';

const arg = (name: string, value: Value): Arg => ({ value, name, site: null });
const pkgcall = (pkg: string, path: string[], args: Arg[] = []): Value => ({
  t: 'pkgcall', name: pkg, path, args, site: { file: '/w/app.js', span: { start: 0, end: 1, line: 1, column: 1, endLine: 1, endColumn: 2 } },
});

describe('express middleware kinds', () => {
  it('a name listed in sevenStops.auth is auth, whatever its value', () => {
    const c = classify(arg('checkTenant', { t: 'unknown', why: 'imported from a package we do not read' }), ['checkTenant']);
    assert.deepStrictEqual([c.kind, c.stop, c.evidence], ['auth', 4, 'listed in sevenStops.auth']);
  });

  it("known packages: passport.authenticate() is auth, express.json() a parser at stop 2", () => {
    const auth = classify(arg("passport.authenticate('jwt')", pkgcall('passport', ['authenticate'])), []);
    const parse = classify(arg('express.json', pkgcall('express', ['json'])), []);
    assert.deepStrictEqual([auth.kind, auth.stop, auth.evidence], ['auth', 4, 'package passport']);
    assert.deepStrictEqual([parse.kind, parse.stop], ['parse', 2]);
  });

  it('express-jwt with credentialsRequired: false lets anonymous requests through: not auth', () => {
    const options: Value = { t: 'obj', props: new Map<string, Value>([['credentialsRequired', { t: 'bool', v: false }]]) };
    const c = classify(arg('expressjwt', pkgcall('express-jwt', ['expressjwt'], [arg('options', options)])), []);
    assert.deepStrictEqual([c.kind, c.setsIdentity], ['other', true]);
  });

  it('passport.session() restores the signed-in user and lets everyone through: it sets the identity, it does not protect', () => {
    const c = classify(arg('passport.session', pkgcall('passport', ['session'])), []);
    assert.deepStrictEqual([c.kind, c.setsIdentity], ['other', true]);
  });

  it('a value we cannot see is auth only by a name that suggests it', () => {
    const unseen: Value = { t: 'unknown', why: 'a parameter' };
    assert.strictEqual(classify(arg('requireAuth', unseen), []).kind, 'auth');
    assert.strictEqual(classify(arg('compression', unseen), []).kind, 'other');
  });
});
