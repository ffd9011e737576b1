// Keeps rules, tests and docs in step: every registered rule has its own test file and doc, the doc
// states its stop and severity, and the README lists it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { STOP_NAMES } from '../../../src/core/model';
import { allRules } from '../../../src/rules';

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
  }
});
