// Readers of raw TypeScript nodes shared by lowering (src/core/lower-syntax.ts).
import * as assert from 'assert';
import type { ts } from 'ts-morph';
import { elementKey, literalKey, patternNames } from '../../../src/core/lower-syntax';
import { parse } from '../../../src/core/parse-source';

/** The expression of the file's first statement (`text` is one expression statement). */
const expression = (text: string): ts.Expression => (parse('x.ts', text).statements[0] as ts.ExpressionStatement).expression;

describe('lower-syntax', () => {
  it('literalKey reads written names and literal keys, and gives null for computed ones', () => {
    const obj = (expression('({ a: 1, "b": 2, 3: 3, [c]: 4 })') as ts.ParenthesizedExpression).expression as ts.ObjectLiteralExpression;
    assert.deepStrictEqual(obj.properties.map(p => literalKey(p.name!)), ['a', 'b', '3', null]);
  });

  it("elementKey reads obj['key'] and obj[0], not obj[name]", () => {
    const keys = ['o["key"]', 'o[0]', 'o[name]'].map(t => elementKey((expression(t) as ts.ElementAccessExpression).argumentExpression));
    assert.deepStrictEqual(keys, ['key', '0', null]);
  });

  it('patternNames lists every name a pattern binds, through defaults, rests and nesting', () => {
    assert.deepStrictEqual(patternNames({
      k: 'object',
      props: [
        { key: 'a', target: { k: 'name', name: 'a' } },
        { key: 'b', target: { k: 'array', items: [
          null,
          { k: 'default', target: { k: 'name', name: 'c' }, init: { k: 'num', v: 1 } },
          { k: 'rest', target: { k: 'name', name: 'd' } },
        ] } },
      ],
    }), ['a', 'c', 'd']);
  });
});
