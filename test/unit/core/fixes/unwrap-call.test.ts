import * as assert from 'assert';
import type { Fix } from '../../../../src/core/model';
import { fixed, rangeOf } from './fix-tester';

const unwrap = (text: string, call: string): Fix => ({ kind: 'unwrap-call', title: 'Send the value itself', call: rangeOf(text, call) });

describe('unwrap-call fix', () => {
  it('replaces a call with its first argument as written', () => {
    const text = "app.get('/u', (req, res) => res.json(JSON.stringify(user)));\n";
    assert.strictEqual(fixed(unwrap(text, 'JSON.stringify(user)'), text), "app.get('/u', (req, res) => res.json(user));\n");
  });

  it('drops the other arguments and keeps the first one\'s own text', () => {
    const text = 'res.send({ data: JSON.stringify({ a: rows[0] }, null, 2) });\n';
    assert.strictEqual(fixed(unwrap(text, 'JSON.stringify({ a: rows[0] }, null, 2)'), text), 'res.send({ data: { a: rows[0] } });\n');
  });

  it('offers nothing for a call without arguments or with a spread first', () => {
    const text = 'res.json(JSON.stringify());\nres.json(JSON.stringify(...args));\n';
    assert.strictEqual(fixed(unwrap(text, 'JSON.stringify()'), text), null);
    assert.strictEqual(fixed(unwrap(text, 'JSON.stringify(...args)'), text), null);
  });
});
