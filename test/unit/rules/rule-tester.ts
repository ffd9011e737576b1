// typescript-eslint's RuleTester, reduced to our engine: literal valid and invalid cases, each a
// tiny workspace; invalid cases assert message id, data, line, column and the suggestion's output.
import * as assert from 'assert';
import { suggestionFor } from '../../../src/core/fix-edits';
import type { Rule } from '../../../src/core/rule';
import { analyse } from '../workspace';

export interface InvalidCase {
  name: string;
  files: Record<string, string>;
  errors: { messageId: string; data?: Record<string, string>; file: string; line: number; column: number; suggestionOutput?: string }[];
}

export interface ValidCase {
  name: string;
  files: Record<string, string>;
}

/** Applies a suggestion's edits to one file's text (edits hold original offsets). */
export function applyEdits(text: string, edits: { start: number; end: number; newText: string }[]): string {
  return [...edits].sort((a, b) => b.start - a.start || b.end - a.end).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

export function runRuleTests(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        const found = analyse(c.files).findings.filter(f => f.ruleId === rule.id);
        assert.deepStrictEqual(found.map(f => f.message), []);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const found = analyse(c.files).findings.filter(f => f.ruleId === rule.id);
        assert.strictEqual(found.length, c.errors.length, JSON.stringify(found.map(f => f.message)));
        c.errors.forEach((e, i) => {
          const f = found[i];
          assert.deepStrictEqual({ messageId: f.messageId, file: f.file, line: f.line, column: f.column }, { messageId: e.messageId, file: e.file, line: e.line, column: e.column });
          if (e.data) assert.deepStrictEqual(f.data, e.data);
          if (e.suggestionOutput !== undefined) {
            assert.ok(f.fixes[0], 'a fix is offered');
            const s = suggestionFor(f.fixes[0], c.files[e.file]);
            assert.ok(s, 'the fix applies to the code');
            assert.strictEqual(applyEdits(c.files[e.file], s.edits), e.suggestionOutput);
          }
        });
      });
    }
  });
}
