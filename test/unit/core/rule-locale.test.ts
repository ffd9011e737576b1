import * as assert from 'assert';
import { formatMessage, type Rule } from '../../../src/core/rule';
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

  it('words a report names by key come from the phrases of the language, themselves formatted from the same data', () => {
    const phrased: Rule = {
      ...rule,
      messages: { installed: '{{pkg}} ({{from}}) is affected.' },
      phrases: { from: { lock: 'read from the lock file', range: 'the range {{range}} in package.json' } },
      translations: { ru: { description: 'Пример.', messages: { installed: '{{pkg}} ({{from}}) затронут.' }, phrases: { from: { lock: 'из lock-файла', range: 'диапазон {{range}} из package.json' } } } },
    };
    const data = { pkg: 'koa-router', from: 'range', range: '^14' };
    assert.strictEqual(formatMessage(phrased.messages.installed, data, phrased.phrases), 'koa-router (the range ^14 in package.json) is affected.');
    const found = { ruleId: 'demo-rule', messageId: 'installed', data: { ...data, from: 'lock' }, message: '' };
    assert.strictEqual(localizedMessage(found, [phrased], 'ru'), 'koa-router (из lock-файла) затронут.');
    // Data that names no phrase is shown as it is.
    assert.strictEqual(formatMessage(phrased.messages.installed, { pkg: 'x', from: 'elsewhere' }, phrased.phrases), 'x (elsewhere) is affected.');
  });
});
