import * as assert from 'assert';
import type { Fix } from '../../../../src/core/model';
import { fixed, rangeOf } from './fix-tester';

/** Move the call `from` (its whole text) beside the call `anchor`. */
function moveCall(text: string, from: string, anchor: string, path?: { from: string; to: string }): Fix {
  return { kind: 'move-call', title: 'Move it', from: rangeOf(text, from, 'app.js'), anchor: rangeOf(text, anchor, 'app.js'), ...(path ? { path } : {}) };
}

describe('move-call fix', () => {
  it("moves a route into a sibling plugin, on the plugin's instance, at its indentation", () => {
    const text = `app.register(async function v1(instance) {
  instance.get('/a', getA);
}, { prefix: '/v1' });
app.register(async function other(child) {
  // the export
  child.get('/b', getB);
}, { prefix: '/v1' });
`;
    assert.strictEqual(fixed(moveCall(text, "child.get('/b', getB)", "instance.get('/a', getA)"), text), `app.register(async function v1(instance) {
  instance.get('/a', getA);
  // the export
  instance.get('/b', getB);
}, { prefix: '/v1' });
app.register(async function other(child) {
}, { prefix: '/v1' });
`);
  });

  it('moves a root route into a prefixed plugin, with the path the prefix no longer repeats', () => {
    const text = `app.register(async function admin(instance) {
    instance.get('/users', listUsers);
}, { prefix: '/admin' });
app.get('/admin/export', {
  schema,
}, exportAll);
`;
    assert.strictEqual(fixed(moveCall(text, "app.get('/admin/export', {\n  schema,\n}, exportAll)", "instance.get('/users', listUsers)", { from: '/admin/export', to: '/export' }), text), `app.register(async function admin(instance) {
    instance.get('/users', listUsers);
    instance.get('/export', {
      schema,
    }, exportAll);
}, { prefix: '/admin' });
`);
  });

  it('offers nothing when the route uses a local of the plugin it leaves', () => {
    const text = `app.register(async function v1(instance) {
  instance.get('/a', getA);
}, { prefix: '/v1' });
app.register(async function other(child, opts) {
  const db = opts.db;
  child.get('/b', async () => db.list());
}, { prefix: '/v1' });
`;
    assert.strictEqual(fixed(moveCall(text, "child.get('/b', async () => db.list())", "instance.get('/a', getA)"), text), null);
  });

  it('offers nothing when the path argument is not the expected string any more', () => {
    const text = "app.register(async function admin(instance) {\n  instance.get('/users', listUsers);\n}, { prefix: '/admin' });\napp.get(EXPORT, exportAll);\n";
    assert.strictEqual(fixed(moveCall(text, 'app.get(EXPORT, exportAll)', "instance.get('/users', listUsers)", { from: '/admin/export', to: '/export' }), text), null);
  });

  it('offers nothing between two calls of one block (move-statement does that)', () => {
    const text = "app.get('/a', getA);\napp.get('/b', getB);\n";
    assert.strictEqual(fixed(moveCall(text, "app.get('/b', getB)", "app.get('/a', getA)"), text), null);
  });
});
