// What the rule runner keeps between one analyser's runs (src/core/rule-memory.ts).
import * as assert from 'assert';
import type { Finding } from '../../../src/core/model';
import type { RuleReport } from '../../../src/core/rule';
import { RuleMemory } from '../../../src/core/rule-memory';

const report = (messageId: string): RuleReport => ({
  file: 'app.js', line: 1, column: 1, endLine: 1, endColumn: 5, messageId, data: {}, related: [], fixes: [],
});
const findingOf = (r: RuleReport, severity: Finding['severity']): Finding => ({ ...r, ruleId: 'r', severity, stop: 4, message: r.messageId });

describe('RuleMemory', () => {
  it('gives the last report for a key while every input is the same object', () => {
    const memory = new RuleMemory();
    const key = {};
    const fact = { expr: 'req.user' };
    const first = memory.report('r', key, ['GET', fact], () => report('a'));
    assert.strictEqual(memory.report('r', key, ['GET', fact], () => report('b')), first);
  });

  it('builds the report again when an input changed, and remembers the new one', () => {
    const memory = new RuleMemory();
    const key = {};
    memory.report('r', key, ['GET', { expr: 'req.user' }], () => report('a'));
    const second = memory.report('r', key, ['GET', { expr: 'req.user' }], () => report('b'));
    assert.strictEqual(second.messageId, 'b');
    assert.strictEqual(memory.report('r', key, ['GET', second], () => report('c')).messageId, 'c');
  });

  it('keeps each rule\'s reports apart, and each memory\'s', () => {
    const memory = new RuleMemory();
    const key = {};
    memory.report('r', key, [1], () => report('a'));
    assert.strictEqual(memory.report('other', key, [1], () => report('b')).messageId, 'b');
    assert.strictEqual(new RuleMemory().report('r', key, [1], () => report('c')).messageId, 'c');
  });

  it('gives the same finding for a report given again while `same` holds', () => {
    const memory = new RuleMemory();
    const r = report('a');
    const first = memory.finding(r, () => true, () => findingOf(r, 'error'));
    assert.strictEqual(memory.finding(r, known => known.severity === 'error', () => findingOf(r, 'error')), first);
    const warning = memory.finding(r, known => known.severity === 'warning', () => findingOf(r, 'warning'));
    assert.strictEqual(warning.severity, 'warning');
    assert.notStrictEqual(new RuleMemory().finding(r, () => true, () => findingOf(r, 'error')), first);
  });

  it('keeps a derived value for as long as its object lives, across rules', () => {
    const memory = new RuleMemory();
    const fn = {};
    const first = memory.derived(fn, 'calls', () => ['a']);
    memory.ruleDone();
    assert.strictEqual(memory.derived(fn, 'calls', () => ['b']), first);
  });

  describe('for one run (the CLI)', () => {
    it('keeps what rules derive only while one rule runs', () => {
      const memory = new RuleMemory(true);
      const fn = {};
      const first = memory.derived(fn, 'calls', () => ['a']);
      assert.strictEqual(memory.derived(fn, 'calls', () => ['b']), first);
      memory.ruleDone();
      assert.deepStrictEqual(memory.derived(fn, 'calls', () => ['b']), ['b']);
    });

    it('keeps no report or finding for a next run', () => {
      const memory = new RuleMemory(true);
      const key = {};
      const first = memory.report('r', key, [1], () => report('a'));
      assert.notStrictEqual(memory.report('r', key, [1], () => report('a')), first);
      const f = memory.finding(first, () => true, () => findingOf(first, 'error'));
      assert.notStrictEqual(memory.finding(first, () => true, () => findingOf(first, 'error')), f);
    });
  });
});
