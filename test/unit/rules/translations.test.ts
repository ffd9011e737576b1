// Every rule speaks Russian too: each message id has a Russian template with the same placeholders,
// a Russian description, and the rule's doc carries that description as its Russian title line.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { allRules } from '../../../src/rules';

const root = path.resolve(__dirname, '../../..');

/** The `{{name}}` placeholders of a template, sorted, each once. */
function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map(m => m[1]))].sort();
}

describe('rule translations', () => {
  it('placeholders() reads each {{name}} once', () => {
    assert.deepStrictEqual(placeholders('{{route}} reads {{ body }} and {{route}}'), ['body', 'route']);
  });

  for (const rule of allRules) {
    it(`${rule.id} has every message in Russian with the same placeholders`, () => {
      const ru = rule.translations?.ru;
      assert.ok(ru, `${rule.id} has no Russian words`);
      assert.deepStrictEqual(Object.keys(ru.messages).sort(), Object.keys(rule.messages).sort(), 'the same message ids');
      for (const [id, en] of Object.entries(rule.messages)) {
        assert.deepStrictEqual(placeholders(ru.messages[id]), placeholders(en), `${rule.id}/${id}`);
        // A template of placeholders alone (express5-path-syntax/differs) has no words to translate.
        if (/[a-z]{2}/i.test(en.replace(/\{\{\s*\w+\s*\}\}/g, ''))) assert.match(ru.messages[id], /[а-яё]/i, `${rule.id}/${id} is written in Russian`);
      }
    });

    it(`${rule.id} has every phrase in Russian with the same keys and placeholders`, () => {
      const ru = rule.translations?.ru?.phrases ?? {};
      assert.deepStrictEqual(Object.keys(ru).sort(), Object.keys(rule.phrases ?? {}).sort(), 'the same phrase tables');
      for (const [name, table] of Object.entries(rule.phrases ?? {})) {
        assert.deepStrictEqual(Object.keys(ru[name]).sort(), Object.keys(table).sort(), `${rule.id}/${name}`);
        for (const [key, en] of Object.entries(table)) assert.deepStrictEqual(placeholders(ru[name][key]), placeholders(en), `${rule.id}/${name}/${key}`);
      }
    });

    it(`${rule.id} has a Russian description, and its doc a Russian title line`, () => {
      const description = rule.translations?.ru?.description ?? '';
      assert.match(description, /[а-яё]/i);
      const doc = fs.readFileSync(path.join(root, 'docs/rules', `${rule.id}.md`), 'utf8');
      assert.ok(doc.includes(`\n*По-русски:* ${description}\n`), 'the doc repeats the Russian description');
    });
  }
});
