import * as assert from 'assert';
import type { Fix } from '../../../../src/core/model';
import { fixed, rangeOf } from './fix-tester';

/** Move the hook written at `hook` (its whole text) from onRequest to preHandler. */
function toPreHandler(text: string, hook: string): Fix {
  return { kind: 'move-hook', title: 'Run it in preHandler', hook: rangeOf(text, hook, 'app.js'), from: 'onRequest', to: 'preHandler' };
}

describe('move-hook fix', () => {
  it("changes the phase argument of addHook, keeping its quotes", () => {
    const text = 'app.addHook("onRequest", checkKey);\n';
    assert.strictEqual(fixed(toPreHandler(text, 'app.addHook("onRequest", checkKey)'), text), 'app.addHook("preHandler", checkKey);\n');
  });

  it('renames a route option that holds the hook', () => {
    const text = "app.post('/orders', { schema, onRequest: checkKey }, create);\n";
    assert.strictEqual(fixed(toPreHandler(text, 'checkKey'), text), "app.post('/orders', { schema, preHandler: checkKey }, create);\n");
  });

  it('renames a quoted option key with its quotes (TypeScript)', () => {
    const text = "app.route({ method: 'POST', url: '/orders', 'onRequest': checkKey, handler: create });\n";
    assert.strictEqual(fixed(toPreHandler(text, 'checkKey'), text), "app.route({ method: 'POST', url: '/orders', 'preHandler': checkKey, handler: create });\n");
  });

  it('offers nothing when the route already has hooks in the new phase (their order is the user\'s choice)', () => {
    const text = "app.post('/orders', { onRequest: checkKey, preHandler: audit }, create);\n";
    assert.strictEqual(fixed(toPreHandler(text, 'checkKey'), text), null);
  });

  it('offers nothing for a hook inside an array with others', () => {
    const text = "app.post('/orders', { onRequest: [logIt, checkKey] }, create);\n";
    assert.strictEqual(fixed(toPreHandler(text, 'checkKey'), text), null);
  });

  it('offers nothing when the phase argument is not the expected literal any more', () => {
    const text = "app.addHook(PHASE, checkKey);\n";
    assert.strictEqual(fixed(toPreHandler(text, 'app.addHook(PHASE, checkKey)'), text), null);
  });
});
