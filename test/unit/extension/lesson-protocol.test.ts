import * as assert from 'assert';
import { parseFromLesson } from '../../../src/extension/lesson-protocol';

describe('parseFromLesson', () => {
  it('accepts the three messages the webview sends', () => {
    assert.deepStrictEqual(parseFromLesson({ type: 'ready' }), { type: 'ready' });
    assert.deepStrictEqual(parseFromLesson({ type: 'open', folder: 'file:///w', file: 'src/server.js', line: 22 }), { type: 'open', folder: 'file:///w', file: 'src/server.js', line: 22 });
    assert.deepStrictEqual(parseFromLesson({ type: 'trace', input: 'GET /a' }), { type: 'trace', input: 'GET /a' });
    assert.deepStrictEqual(parseFromLesson({ type: 'trace', input: 'GET /a', folder: 'file:///w' }), { type: 'trace', input: 'GET /a', folder: 'file:///w' });
  });

  it('drops an open message that leaves the folder or has no real line', () => {
    assert.strictEqual(parseFromLesson({ type: 'open', folder: 'file:///w', file: '../secret', line: 1 }), null);
    assert.strictEqual(parseFromLesson({ type: 'open', folder: 'file:///w', file: 'src/../../x.js', line: 1 }), null);
    assert.strictEqual(parseFromLesson({ type: 'open', folder: 'file:///w', file: '/etc/passwd', line: 1 }), null);
    assert.strictEqual(parseFromLesson({ type: 'open', folder: 'file:///w', file: 'C:/x.js', line: 1 }), null);
    assert.strictEqual(parseFromLesson({ type: 'open', folder: 'file:///w', file: 'a.js', line: 0 }), null);
    assert.strictEqual(parseFromLesson({ type: 'open', folder: 'file:///w', file: 'a.js', line: '3' }), null);
    assert.strictEqual(parseFromLesson({ type: 'open', file: 'a.js', line: 3 }), null);
  });

  it('drops anything else', () => {
    assert.strictEqual(parseFromLesson(null), null);
    assert.strictEqual(parseFromLesson('ready'), null);
    assert.strictEqual(parseFromLesson({ type: 'run', command: 'rm' }), null);
    assert.strictEqual(parseFromLesson({ type: 'trace', input: 42 }), null);
    assert.strictEqual(parseFromLesson({ type: 'trace', input: 'x'.repeat(2001) }), null);
  });
});
