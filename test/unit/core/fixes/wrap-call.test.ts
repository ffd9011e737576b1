import * as assert from 'assert';
import type { Fix } from '../../../../src/core/model';
import { fixed, rangeOf } from './fix-tester';

/** Wrap what `target` (its whole text, the first one after `after`) holds in `fp(...)` from fastify-plugin. */
function wrapInFp(text: string, target: string, file = 'app.js', after = ''): Fix {
  return { kind: 'wrap-call', title: 'Wrap in fp()', target: rangeOf(text, target, file, after), callee: 'fp', module: 'fastify-plugin' };
}

describe('wrap-call fix', () => {
  it('wraps `module.exports = async function` and requires the package below the last require (CommonJS)', () => {
    const text = "'use strict';\nconst jwt = require('@fastify/jwt');\n\nmodule.exports = async function auth(app) {\n  app.register(jwt);\n};\n";
    assert.strictEqual(fixed(wrapInFp(text, 'async function auth(app) {\n  app.register(jwt);\n}'), text),
      "'use strict';\nconst jwt = require('@fastify/jwt');\nconst fp = require('fastify-plugin');\n\nmodule.exports = fp(async function auth(app) {\n  app.register(jwt);\n});\n");
  });

  it('takes the value a whole `module.exports = …` statement assigns, and requires the package above the code when nothing is required (no semicolons)', () => {
    const text = "// auth plugin\n\nmodule.exports = async (app) => {\n  app.decorate('authenticate', verify)\n}\n";
    assert.strictEqual(fixed(wrapInFp(text, "module.exports = async (app) => {\n  app.decorate('authenticate', verify)\n}"), text),
      "// auth plugin\n\nconst fp = require('fastify-plugin')\n\nmodule.exports = fp(async (app) => {\n  app.decorate('authenticate', verify)\n})\n");
  });

  it('puts the require below `use strict` when nothing else is required', () => {
    const text = "'use strict'\n\nmodule.exports = async function (app) {}\n";
    assert.strictEqual(fixed(wrapInFp(text, 'async function (app) {}'), text),
      "'use strict'\n\nconst fp = require('fastify-plugin')\n\nmodule.exports = fp(async function (app) {})\n");
  });

  it('wraps a plugin passed to register and imports the package below the last import (ESM, double quotes)', () => {
    const text = 'import Fastify from "fastify";\nimport auth from "./auth.js";\n\nconst app = Fastify();\napp.register(auth);\n';
    assert.strictEqual(fixed(wrapInFp(text, 'auth', 'app.mjs', 'app.register('), text),
      'import Fastify from "fastify";\nimport auth from "./auth.js";\nimport fp from "fastify-plugin";\n\nconst app = Fastify();\napp.register(fp(auth));\n');
  });

  it('uses the name the file already imports the package under', () => {
    const text = "import plugin from 'fastify-plugin';\n\nexport default async (app) => {\n  app.addHook('onRequest', verify);\n};\n";
    assert.strictEqual(fixed(wrapInFp(text, "async (app) => {\n  app.addHook('onRequest', verify);\n}"), text),
      "import plugin from 'fastify-plugin';\n\nexport default plugin(async (app) => {\n  app.addHook('onRequest', verify);\n});\n");
  });

  it('uses the name the file already requires the package under, and `import x = require` in TypeScript', () => {
    const cjs = "const fastifyPlugin = require('fastify-plugin');\nmodule.exports = async function (app) {};\n";
    assert.strictEqual(fixed(wrapInFp(cjs, 'async function (app) {}'), cjs),
      "const fastifyPlugin = require('fastify-plugin');\nmodule.exports = fastifyPlugin(async function (app) {});\n");
    const ts = "import fp = require('fastify-plugin');\nexport = async function (app: FastifyInstance) {};\n";
    assert.strictEqual(fixed(wrapInFp(ts, 'async function (app: FastifyInstance) {}', 'auth.ts'), ts),
      "import fp = require('fastify-plugin');\nexport = fp(async function (app: FastifyInstance) {});\n");
  });

  it('adds a default import to an import of the package that has none', () => {
    const text = "import { type PluginMetadata } from 'fastify-plugin';\nexport default (async (app) => {}) as FastifyPluginAsync;\n";
    assert.strictEqual(fixed(wrapInFp(text, '(async (app) => {})', 'auth.ts'), text),
      "import fp, { type PluginMetadata } from 'fastify-plugin';\nexport default fp((async (app) => {})) as FastifyPluginAsync;\n");
  });

  it('turns `export default async function plugin` into `export default fp(async function plugin)` (TypeScript, import added)', () => {
    const text = "import type { FastifyInstance } from 'fastify';\n\nexport default async function auth(app: FastifyInstance) {\n  app.addHook('onRequest', verify);\n}\n";
    assert.strictEqual(fixed(wrapInFp(text, 'export default async function auth(app: FastifyInstance) {\n  app.addHook(\'onRequest\', verify);\n}', 'auth.ts'), text),
      "import type { FastifyInstance } from 'fastify';\nimport fp from 'fastify-plugin';\n\nexport default fp(async function auth(app: FastifyInstance) {\n  app.addHook('onRequest', verify);\n});\n");
  });

  it('wraps an anonymous `export default async function` in a JavaScript module that imports nothing yet', () => {
    const text = "export default async function (app) {\n  app.decorate('db', db);\n}\n";
    assert.strictEqual(fixed(wrapInFp(text, "export default async function (app) {\n  app.decorate('db', db);\n}", 'db.js'), text),
      "import fp from 'fastify-plugin';\n\nexport default fp(async function (app) {\n  app.decorate('db', db);\n});\n");
  });

  it('keeps a default-exported function declaration the file uses by name, and exports it wrapped below', () => {
    const text = "import fp from 'fastify-plugin';\n\nexport default async function auth(app) {\n  app.addHook('onRequest', verify);\n} // the hook\n\nauth[Symbol.for('plugin-meta')] = { name: 'auth' };\n";
    assert.strictEqual(fixed(wrapInFp(text, "export default async function auth(app) {\n  app.addHook('onRequest', verify);\n}"), text),
      "import fp from 'fastify-plugin';\n\nasync function auth(app) {\n  app.addHook('onRequest', verify);\n} // the hook\n\nexport default fp(auth);\n\nauth[Symbol.for('plugin-meta')] = { name: 'auth' };\n");
  });

  it('finds a function whose body changed after the analysis', () => {
    const analysed = "module.exports = async function (app) {};\n";
    const fix = wrapInFp(analysed, 'async function (app) {}');
    assert.strictEqual(fixed(fix, "module.exports = async function (app) { app.decorate('x', 1) };\n"),
      "const fp = require('fastify-plugin');\n\nmodule.exports = fp(async function (app) { app.decorate('x', 1) });\n");
  });

  it('offers nothing when the plugin is wrapped already', () => {
    const text = "const fp = require('fastify-plugin');\nmodule.exports = fp(async function (app) {});\n";
    assert.strictEqual(fixed(wrapInFp(text, 'async function (app) {}'), text), null);
  });

  it('offers nothing when the name it would add means something else in the file', () => {
    const text = "const fp = require('./fp-helpers');\nmodule.exports = async function (app) {};\n";
    assert.strictEqual(fixed(wrapInFp(text, 'async function (app) {}'), text), null);
  });

  it('offers nothing for a function declaration that is not the default export, or a range holding no function any more', () => {
    const declared = "async function auth(app) {}\nmodule.exports = auth;\n";
    assert.strictEqual(fixed(wrapInFp(declared, 'async function auth(app) {}'), declared), null);
    const fix = wrapInFp("module.exports = async function (app) {};\n", 'async function (app) {}');
    assert.strictEqual(fixed(fix, "module.exports = { ready: true };\n"), null);
  });
});
