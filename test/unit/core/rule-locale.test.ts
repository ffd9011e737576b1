import * as assert from 'assert';
import type { Rule } from '../../../src/core/rule';
import { localizedMessage } from '../../../src/core/rule-locale';

const rule: Rule = {
  id: 'demo-rule', stop: 4, frameworks: ['express'], defaultSeverity: 'error',
  description: 'A demo.',
  messages: { both: '{{route}} is open.', englishOnly: '{{route}} only in English.' },
  translations: { ru: { description: 'Пример.', messages: { both: '{{route}} открыт.' } } },
  check: () => [],
};
const finding = { ruleId: 'demo-rule', messageId: 'both', data: { route: 'GET /a' }, message: 'GET /a is open.' };

describe('rule-locale', () => {
  it('formats a finding again with the Russian template of its message', () => {
    assert.strictEqual(localizedMessage(finding, [rule], 'ru'), 'GET /a открыт.');
  });

  it('keeps the English message in English, for a message without a Russian template, and for an unknown rule', () => {
    assert.strictEqual(localizedMessage(finding, [rule], 'en'), 'GET /a is open.');
    assert.strictEqual(localizedMessage({ ...finding, messageId: 'englishOnly', message: 'x' }, [rule], 'ru'), 'x');
    assert.strictEqual(localizedMessage({ ...finding, ruleId: 'other' }, [rule], 'ru'), 'GET /a is open.');
  });
});
