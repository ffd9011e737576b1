// What a later route on the same path meets of an earlier route (onwardFns, routes.ts): the walk
// keeps only that while it goes on, so a route's other functions, and the closures they hold, go with
// its router (E12, E17, E22).
import * as assert from 'assert';
import { Env } from '../../../../src/core/values';
import type { Arg } from '../../../../src/core/values';
import { lowerSource } from '../../../../src/core/lower';
import type { Classification } from '../../../../src/frameworks/express/middleware-kind';
import { onwardFns } from '../../../../src/frameworks/express/routes';

const ir = lowerSource('mw.js', `
function audit(req, res, next) { console.log(req.url); next(); }
function skip(req, res, next) { if (!req.user) return next('route'); next(); }
function deny(req, res, next) { res.status(403).end(); }
function skipOrDeny(req, res, next) { if (req.query.x) return next('route'); res.status(403).end(); }
function handler(req, res) { res.json({}); }
`);

const arg = (name: string): Arg => ({ name, value: { t: 'fn', fn: ir.hoisted[name], env: new Env(null, null), file: 'mw.js' }, site: null });
const [audit, skip, deny, skipOrDeny, handler] = ['audit', 'skip', 'deny', 'skipOrDeny', 'handler'].map(arg);
// Stands in for the walk's classification: only `skips` is read.
const classify = (a: Arg) => ({ skips: a.name.startsWith('skip') ? 'route' : null }) as Classification;
const names = (fns: Arg[]) => fns.map(f => f.name);

describe('express routes: what later routes meet of an earlier one (onwardFns)', () => {
  it('every function of a route that passes the request on (a guard, E22)', () => {
    assert.deepStrictEqual(names(onwardFns([audit, skip], true, classify)), ['audit', 'skip']);
  });

  it('nothing of a route that ends the request without next(\'route\'): its handler and layers are not kept', () => {
    assert.deepStrictEqual(onwardFns([audit, handler], false, classify), []);
    assert.deepStrictEqual(onwardFns([handler], false, classify), []);
  });

  it("the route-level layers up to the last that may hand the request on with next('route') (E17)", () => {
    assert.deepStrictEqual(names(onwardFns([skip, handler], false, classify)), ['skip']);
    assert.deepStrictEqual(names(onwardFns([audit, skip, audit, handler], false, classify)), ['audit', 'skip']);
    // A layer that may end the request stops the look: one after it is only reached when it called next().
    assert.deepStrictEqual(names(onwardFns([skipOrDeny, handler], false, classify)), ['skipOrDeny']);
    assert.deepStrictEqual(onwardFns([deny, skip, handler], false, classify), []);
  });
});
