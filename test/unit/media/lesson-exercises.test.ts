// The lesson webview's DOM helpers, run in a bare VM context (they touch `document` only when called).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { printable } from '../../../src/core/display-text';

interface FakeElement { tag: string; className: string; children: unknown[]; append(...c: unknown[]): void }
interface Ui {
  printable(text: string): string;
  el(tag: string, className?: string, children?: unknown[]): FakeElement;
}

function loadUi(): Ui {
  const document = {
    createElement: (tag: string): FakeElement => ({ tag, className: '', children: [], append(...c: unknown[]) { this.children.push(...c); } }),
  };
  const context = { window: {} as { sevenStopsUi?: Ui }, document };
  vm.runInNewContext(fs.readFileSync(path.resolve(__dirname, '../../../media/lesson-exercises.js'), 'utf8'), context);
  return context.window.sevenStopsUi!;
}

describe('lesson webview text', () => {
  const ui = loadUi();

  it('printable writes control and bidi characters as escapes', () => {
    assert.strictEqual(ui.printable('/\u001b[31mred\u001b[0m\u0007\r\n\u202eevil'), '/\\u001b[31mred\\u001b[0m\\u0007\\u000d\\u000a\\u202eevil');
    assert.strictEqual(ui.printable('/x\u{e0041}a\ud800'), '/x\\u{e0041}a\\ud800');
    assert.strictEqual(ui.printable('/café/日本 😀 ③ 🔒'), '/café/日本 😀 ③ 🔒');
  });

  it('printable agrees with src/core/display-text on every kind of hidden character', () => {
    const samples = ['\u0000\t\u007f\u0085\u009b', '\u061c\u200b\u200c\u200d\u200e\u200f', '\u202a\u202b\u202c\u202d\u202e', '\u2066\u2067\u2068\u2069', '\ufeff\u00ad\u2028\u2029', '\u{e0001}\u{e007f}\udc00', '/^\\/a$/ é 😀'];
    assert.deepStrictEqual(samples.map(ui.printable), samples.map(s => printable(s)));
  });

  it('el shows strings printable and appends elements as they are', () => {
    const child = ui.el('code', '', ['requireUser']);
    const p = ui.el('p', 'finding', ['GET /\u202eevil ', child]);
    assert.deepStrictEqual(p.children, ['GET /\\u202eevil ', child]);
  });
});
