// The trace's sentences per language (core/trace-text.ts): Russian counts agree with their nouns.
import * as assert from 'assert';
import { TRACE_TEXT } from '../../../src/core/trace-text';

describe('trace text', () => {
  it('Russian counts take the form of their number', () => {
    const ru = TRACE_TEXT.ru;
    assert.deepStrictEqual([1, 3, 5, 21].map(n => ru.layersBefore(n)), [
      'Перед обработчиком по порядку работает 1 слой.',
      'Перед обработчиком по порядку работают 3 слоя.',
      'Перед обработчиком по порядку работают 5 слоёв.',
      'Перед обработчиком по порядку работает 21 слой.',
    ]);
    assert.strictEqual(ru.hooks(2, 'before', ['onRequest', 'preHandler']), 'Перед обработчиком работают 2 хука, в порядке жизненного цикла: onRequest, затем preHandler.');
    assert.strictEqual(ru.hooks(0, 'after', []), 'Ни один хук не работает после обработчика.');
  });

  it('English keeps its sentences', () => {
    assert.strictEqual(TRACE_TEXT.en.hooks(1, 'after', ['onSend']), '1 hook runs after the handler, in lifecycle order: onSend.');
    assert.strictEqual(TRACE_TEXT.en.layersBefore(2), '2 layers run before the handler, in this order.');
  });
});
