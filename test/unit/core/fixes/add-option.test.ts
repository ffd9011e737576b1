import * as assert from 'assert';
import type { Fix } from '../../../../src/core/model';
import { fixed, rangeOf } from './fix-tester';

/** Add `name: value` to the options of the call `call` (its whole text). */
function addOption(text: string, call: string, name: string, value: string, file = 'app.js'): Fix {
  return { kind: 'add-option', title: `Add ${name}`, call: rangeOf(text, call, file), name, value };
}

describe('add-option fix', () => {
  it('adds the property to a one-line options object, on its line (CommonJS)', () => {
    const text = "const fastify = require('fastify')();\nfastify.get('/orders', { schema }, async () => []);\n";
    assert.strictEqual(fixed(addOption(text, "fastify.get('/orders', { schema }, async () => [])", 'preHandler', '[auth]'), text),
      "const fastify = require('fastify')();\nfastify.get('/orders', { schema, preHandler: [auth] }, async () => []);\n");
  });

  it('writes a member value on the call\'s receiver (a decorator of the plugin instance), appended to an existing array', () => {
    const text = "app.register(async function orders(instance) {\n  instance.get('/orders', { onRequest: [logIt] }, list);\n});\n";
    const fix: Fix = { ...addOption(text, "instance.get('/orders', { onRequest: [logIt] }, list)", 'onRequest', 'authenticate'), member: true } as Fix;
    assert.strictEqual(fixed(fix, text), "app.register(async function orders(instance) {\n  instance.get('/orders', { onRequest: [logIt, instance.authenticate] }, list);\n});\n");
  });

  it('offers no member value when the callee has no receiver', () => {
    const text = "get('/orders', {}, list);\n";
    const fix: Fix = { ...addOption(text, "get('/orders', {}, list)", 'onRequest', 'authenticate'), member: true } as Fix;
    assert.strictEqual(fixed(fix, text), null);
  });

  it('fills an empty options object', () => {
    const text = "app.get('/orders', {}, list);\n";
    assert.strictEqual(fixed(addOption(text, "app.get('/orders', {}, list)", 'onRequest', '[fastify.authenticate]'), text),
      "app.get('/orders', { onRequest: [fastify.authenticate] }, list);\n");
  });

  it('gives the property a line of its own in a multi-line route object, with the trailing comma the others have (ESM)', () => {
    const text = "import Fastify from 'fastify';\nconst app = Fastify();\napp.route({\n  method: 'GET',\n  url: '/orders',\n  handler: list,\n});\n";
    assert.strictEqual(fixed(addOption(text, "app.route({\n  method: 'GET',\n  url: '/orders',\n  handler: list,\n})", 'preHandler', '[auth]'), text),
      "import Fastify from 'fastify';\nconst app = Fastify();\napp.route({\n  method: 'GET',\n  url: '/orders',\n  handler: list,\n  preHandler: [auth],\n});\n");
  });

  it('adds the comma the last property lacks in a multi-line object, before its comment, at the properties\' indentation (TypeScript)', () => {
    const text = "export default async function routes(app: FastifyInstance) {\n    app.get('/orders', {\n        schema: { response: { 200: Orders } } // documented\n    }, async () => []);\n}\n";
    const call = "app.get('/orders', {\n        schema: { response: { 200: Orders } } // documented\n    }, async () => [])";
    assert.strictEqual(fixed(addOption(text, call, 'preHandler', '[app.authenticate]', 'routes.ts'), text),
      "export default async function routes(app: FastifyInstance) {\n    app.get('/orders', {\n        schema: { response: { 200: Orders } }, // documented\n        preHandler: [app.authenticate]\n    }, async () => []);\n}\n");
  });

  it('adds an options argument before the handler when the call has only the path and the handler', () => {
    const text = "fastify.get('/orders', async (request) => list(request));\n";
    assert.strictEqual(fixed(addOption(text, "fastify.get('/orders', async (request) => list(request))", 'preHandler', '[auth]'), text),
      "fastify.get('/orders', { preHandler: [auth] }, async (request) => list(request));\n");
  });

  it('puts the new options argument on a line of its own when the handler has one', () => {
    const text = "fastify.get(\n  '/orders',\n  async (request) => list(request)\n);\n";
    assert.strictEqual(fixed(addOption(text, "fastify.get(\n  '/orders',\n  async (request) => list(request)\n)", 'preHandler', '[auth]'), text),
      "fastify.get(\n  '/orders',\n  { preHandler: [auth] },\n  async (request) => list(request)\n);\n");
  });

  it('appends to an existing array instead of writing the key twice', () => {
    const text = "app.get('/orders', { preHandler: [rateLimit] }, list);\n";
    assert.strictEqual(fixed(addOption(text, "app.get('/orders', { preHandler: [rateLimit] }, list)", 'preHandler', '[auth]'), text),
      "app.get('/orders', { preHandler: [rateLimit, auth] }, list);\n");
  });

  it('appends to a multi-line array on a line of its own', () => {
    const text = "app.route({\n  url: '/orders',\n  onRequest: [\n    rateLimit\n  ],\n  handler: list\n});\n";
    const call = "app.route({\n  url: '/orders',\n  onRequest: [\n    rateLimit\n  ],\n  handler: list\n})";
    assert.strictEqual(fixed(addOption(text, call, 'onRequest', '[app.authenticate]'), text),
      "app.route({\n  url: '/orders',\n  onRequest: [\n    rateLimit,\n    app.authenticate\n  ],\n  handler: list\n});\n");
  });

  it('turns an existing single hook into an array holding it and the new one', () => {
    const text = "app.get('/orders', { onRequest: app.rateLimit() }, list);\n";
    assert.strictEqual(fixed(addOption(text, "app.get('/orders', { onRequest: app.rateLimit() }, list)", 'onRequest', '[app.authenticate]'), text),
      "app.get('/orders', { onRequest: [app.rateLimit(), app.authenticate] }, list);\n");
  });

  it('turns a shorthand property into an array (`{ preHandler }`), and finds quoted keys', () => {
    const shorthand = "app.get('/orders', { preHandler }, list);\n";
    assert.strictEqual(fixed(addOption(shorthand, "app.get('/orders', { preHandler }, list)", 'preHandler', '[auth]'), shorthand),
      "app.get('/orders', { preHandler: [preHandler, auth] }, list);\n");
    const quoted = "app.get('/orders', { 'preHandler': [] }, list);\n";
    assert.strictEqual(fixed(addOption(quoted, "app.get('/orders', { 'preHandler': [] }, list)", 'preHandler', '[auth]'), quoted),
      "app.get('/orders', { 'preHandler': [auth] }, list);\n");
  });

  it('edits a file of any name (the value is parsed beside it, not in its place)', () => {
    const text = "app.get('/orders', { preHandler: [rateLimit] }, list);\n";
    assert.strictEqual(fixed(addOption(text, "app.get('/orders', { preHandler: [rateLimit] }, list)", 'preHandler', '[auth]', 'lib/__value.ts'), text),
      "app.get('/orders', { preHandler: [rateLimit, auth] }, list);\n");
  });

  it('finds the call when the code inside it changed after the analysis', () => {
    const analysed = "fastify.get('/orders', async () => []);\n";
    const fix = addOption(analysed, "fastify.get('/orders', async () => [])", 'preHandler', '[auth]');
    assert.strictEqual(fixed(fix, "fastify.get('/orders', async () => { return [] });\n"),
      "fastify.get('/orders', { preHandler: [auth] }, async () => { return [] });\n");
  });

  it('offers nothing when the hook is there already', () => {
    const text = "app.get('/orders', { preHandler: [auth] }, list);\napp.get('/cart', { preHandler: auth }, cart);\n";
    assert.strictEqual(fixed(addOption(text, "app.get('/orders', { preHandler: [auth] }, list)", 'preHandler', '[auth]'), text), null);
    assert.strictEqual(fixed(addOption(text, "app.get('/cart', { preHandler: auth }, cart)", 'preHandler', '[auth]'), text), null);
  });

  it('offers nothing where a new property could replace hidden ones (a spread) or the options are passed by name', () => {
    const text = "app.route({ ...common, url: '/orders', handler: list });\napp.get('/cart', cartOptions, cart);\n";
    assert.strictEqual(fixed(addOption(text, "app.route({ ...common, url: '/orders', handler: list })", 'preHandler', '[auth]'), text), null);
    assert.strictEqual(fixed(addOption(text, "app.get('/cart', cartOptions, cart)", 'preHandler', '[auth]'), text), null);
  });

  it('offers nothing when no call starts where the analysis saw one', () => {
    const analysed = "fastify.get('/orders', list);\n";
    const fix = addOption(analysed, "fastify.get('/orders', list)", 'preHandler', '[auth]');
    assert.strictEqual(fixed(fix, "const orders = 1;\n"), null);
  });
});
