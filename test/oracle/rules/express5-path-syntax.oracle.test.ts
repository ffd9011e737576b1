// Truth for express5-path-syntax (stop 3, "Express 5 path syntax", K15): every path the rule says
// path-to-regexp 8 refuses throws when registered on the real Express 5 and @koa/router 15, and is
// accepted by Express 4; every path it leaves alone registers on Express 5 and @koa/router 15.
import * as assert from 'node:assert/strict';
import { problemsOf } from '../../../src/rules/express5-path-syntax';

/** Whether registering `path` throws: on an Express router, or on a Koa router (its dispatch built too). */
function throwsOn(pkg: 'express4' | 'express5' | 'koarouter15', path: string): boolean {
  try {
    if (pkg === 'koarouter15') {
      const Router = require(pkg);
      const router = new Router();
      router.get(path, () => undefined);
      router.routes();
    } else {
      require(pkg).Router().get(path, () => undefined);
    }
    return false;
  } catch {
    return true;
  }
}

/** Paths the rule reports as refused by path-to-regexp 8 (literal, from the semantics table). */
const REFUSED = [
  '*', '/*', '/files/*', '/users/:id?', '/re/:id(\\d+)', '(.*)', '/(.*)', '/ab+cd', '/ab?cd', '/star*', '/:1st', '/files/:path*', '/files/:path+',
  '/a!b', '/a[b]', '/users{/:id}?', '/key/:id/:key(*)', '/files/:path(.*)', '/-/all(/since)?',
];
/** Paths it leaves alone on path-to-regexp 8. */
const ACCEPTED = ['/users/:id', '/{*splat}', '/*splat', '/users{/:id}', '/files/:name.:ext', '/x/:a-:b', '/lit\\(x\\)', '/:"quoted name"', '/a.b'];

describe('express5-path-syntax (real Express 4 / 5 and @koa/router 15)', () => {
  for (const path of REFUSED) {
    it(`'${path}': reported, throws on Express 5 and @koa/router 15, registers on Express 4`, () => {
      assert.ok(problemsOf(path).some(p => !p.differs), 'the rule reports it');
      assert.equal(throwsOn('express5', path), true, 'Express 5 throws');
      assert.equal(throwsOn('koarouter15', path), true, '@koa/router 15 throws');
      assert.equal(throwsOn('express4', path), false, 'Express 4 registers it');
    });
  }
  for (const path of ACCEPTED) {
    it(`'${path}': not reported as refused, registers on Express 5 and @koa/router 15`, () => {
      assert.deepEqual(problemsOf(path).filter(p => !p.differs), []);
      assert.equal(throwsOn('express5', path), false, 'Express 5 registers it');
      assert.equal(throwsOn('koarouter15', path), false, '@koa/router 15 registers it');
    });
  }

  it("each suggested spelling registers on Express 5 and @koa/router 15", () => {
    for (const path of REFUSED) {
      for (const p of problemsOf(path)) {
        if (!p.fix) continue;
        const fixed = path.replace(p.fix.from, p.fix.to);
        assert.equal(throwsOn('express5', fixed), false, `${path} → ${fixed} on Express 5`);
        assert.equal(throwsOn('koarouter15', fixed), false, `${path} → ${fixed} on @koa/router 15`);
      }
    }
  });
});
