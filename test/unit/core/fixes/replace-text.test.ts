import * as assert from 'assert';
import type { Fix } from '../../../../src/core/model';
import { fixed, rangeOf } from './fix-tester';

describe('replace-text fix', () => {
  it('replaces the whole of its range when no `from` is given (an option value)', () => {
    const text = "app.use(express.json({ limit: '1gb' }));\n";
    const fix: Fix = { kind: 'replace-text', title: 'Limit', at: rangeOf(text, "'1gb'"), to: "'10mb'" };
    assert.strictEqual(fixed(fix, text), "app.use(express.json({ limit: '10mb' }));\n");
  });

  it('replaces `from` inside the first string literal of the range that holds it, not a name or comment', () => {
    const text = "app.get(/* :id? */ '/users/:id?', showUser); // '/x/:id?'\n";
    const fix: Fix = { kind: 'replace-text', title: 'Optional', at: rangeOf(text, "app.get(/* :id? */ '/users/:id?', showUser)"), from: '/:id?', to: '{/:id}' };
    assert.strictEqual(fixed(fix, text), "app.get(/* :id? */ '/users{/:id}', showUser); // '/x/:id?'\n");
  });

  it('offers nothing when the range no longer holds `from`', () => {
    const text = "app.get('/users/:id', showUser);\n";
    const fix: Fix = { kind: 'replace-text', title: 'Optional', at: rangeOf(text, "app.get('/users/:id', showUser)"), from: ':id?', to: '{/:id}' };
    assert.strictEqual(fixed(fix, text), null);
  });
});
