// The convention that turns a rule doc's fenced blocks into workspaces (doc-examples.ts), on a doc
// written for the test: the catalogue relies on it, so it is pinned down here.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { docExamples, withPrelude } from './doc-examples';

const DOC = `# some-rule

## ❌ Incorrect

\`\`\`js
app.get('/me', showMe);
\`\`\`

\`\`\`js
// file: app.js
// Express 5
app.use('/users', require('./users'));
\`\`\`

\`\`\`js
// file: users.js
module.exports = express.Router();
\`\`\`

## ✅ Correct

\`\`\`json
{ "not": "an example" }
\`\`\`

\`\`\`ts
const app = express();
\`\`\`

## Suggestion

\`\`\`js
app.listen(3000);
\`\`\`
`;

describe('rule doc examples', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seven-stops-docs-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, 'some-rule.md'), DOC);

  it('reads js and ts blocks of the ❌ and ✅ sections only, grouping consecutive `// file:` blocks into one example', () => {
    const examples = docExamples(dir, 'some-rule');
    assert.deepStrictEqual(examples.map(e => [e.name, e.incorrect, Object.keys(e.files).sort()]), [
      ['❌ 1', true, ['app.js', 'package.json']],
      ['❌ 2', true, ['app.js', 'package.json', 'users.js']],
      ['✅ 1', false, ['app.ts', 'package.json']],
    ]);
  });

  it('declares Express 5 in package.json when the example says `// Express 5`, else Express 4', () => {
    const [first, second] = docExamples(dir, 'some-rule');
    assert.strictEqual(first.files['package.json'], '{"dependencies":{"express":"^4.21.0"}}');
    assert.strictEqual(second.files['package.json'], '{"dependencies":{"express":"^5.1.0"}}');
  });

  it('prepends the prelude declarations of the names a file uses and does not declare, with what they need', () => {
    assert.strictEqual(withPrelude("app.get('/me', showMe);\n"), [
      "const express = require('express');",
      'const app = express();',
      'function showMe(req, res) { res.json({ me: true }); }',
      "app.get('/me', showMe);",
      '',
    ].join('\n'));
    assert.strictEqual(withPrelude('const app = express();\n'), "const express = require('express');\nconst app = express();\n");
    assert.strictEqual(withPrelude("module.exports = require('x');\n"), "module.exports = require('x');\n");
  });
});
