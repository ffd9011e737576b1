// Keeps rules, tests and docs in step: every registered rule has its own test file and doc, the doc
// states its stop and severity, the README lists it, and the doc's examples say what the rule does:
// each ❌ example gets at least one finding of the rule, each ✅ example none (how examples become
// workspaces: doc-examples.ts and docs/rules/README.md).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { STOP_NAMES } from '../../../src/core/model';
import { allRules } from '../../../src/rules';
import { analyse } from '../workspace';
import { docExamples } from './doc-examples';

const root = path.resolve(__dirname, '../../..');

describe('rule catalogue', () => {
  for (const rule of allRules) {
    it(`${rule.id} has a source file, a test file, a doc and a README row`, () => {
      assert.ok(fs.existsSync(path.join(root, 'src/rules', `${rule.id}.ts`)));
      assert.ok(fs.existsSync(path.join(root, 'test/unit/rules', `${rule.id}.test.ts`)));
      const doc = fs.readFileSync(path.join(root, 'docs/rules', `${rule.id}.md`), 'utf8');
      assert.ok(doc.startsWith(`# ${rule.id}\n`));
      assert.ok(doc.includes(`**Stop ${rule.stop} · ${STOP_NAMES[rule.stop]}** · default severity: ${rule.defaultSeverity}`), 'the doc states stop and severity');
      assert.ok(doc.includes('❌ Incorrect') && doc.includes('✅ Correct'));
      assert.ok(fs.readFileSync(path.join(root, 'README.md'), 'utf8').includes(`[${rule.id}](docs/rules/${rule.id}.md)`));
    });

    describe(`${rule.id} doc examples`, () => {
      const examples = docExamples(path.join(root, 'docs/rules'), rule.id);
      it('has at least one ❌ and one ✅ example', () => {
        assert.ok(examples.some(e => e.incorrect) && examples.some(e => !e.incorrect));
      });
      for (const example of examples) {
        it(`${example.name}: ${example.incorrect ? 'is reported' : 'is not reported'}`, () => {
          const found = analyse(example.files).findings.filter(f => f.ruleId === rule.id).map(f => f.message);
          if (example.incorrect) assert.ok(found.length > 0, `no ${rule.id} finding in:\n${JSON.stringify(example.files, null, 2)}`);
          else assert.deepStrictEqual(found, []);
        });
      }
    });
  }
});
