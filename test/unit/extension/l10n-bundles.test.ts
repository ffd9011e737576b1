// The extension's string bundles are complete: package.json's %keys% are in package.nls.json, every
// vscode.l10n.t() string of src/extension is in l10n/bundle.l10n.json, and the Russian files hold
// every key of the English ones with the same {0} placeholders. A missing key fails here, not in
// front of a user who sees English in the middle of Russian.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '../../..');
const json = (file: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

/** The `{0}`-style placeholders of a string, sorted. */
const slots = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort();

/** The first-argument string literals of vscode.l10n.t(...) calls in a source text. */
function l10nCalls(text: string): string[] {
  return [...text.matchAll(/vscode\.l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map(m => m[1].replace(/\\'/g, "'"));
}

/** Asserts that `ru` has exactly `en`'s keys, each with the same placeholders and not left in English. */
function sameKeys(en: Record<string, string>, ru: Record<string, string>, name: string, placeholders: (s: string) => string[]): void {
  assert.deepStrictEqual(Object.keys(en).filter(k => !(k in ru)), [], `keys of ${name} missing in Russian`);
  assert.deepStrictEqual(Object.keys(ru).filter(k => !(k in en)), [], `keys only in the Russian ${name}`);
  for (const k of Object.keys(en)) assert.deepStrictEqual(placeholders(ru[k]), placeholders(en[k]), `${name}: ${k}`);
}

describe('l10n bundles', () => {
  it('l10nCalls reads the string of each vscode.l10n.t call', () => {
    assert.deepStrictEqual(l10nCalls("a(vscode.l10n.t('Open {0}', x), vscode.l10n.t( 'It\\'s'))"), ['Open {0}', "It's"]);
  });

  it('package.json takes every %key% from package.nls.json, and package.nls.ru.json has them all', () => {
    const en = json('package.nls.json');
    const keys = [...fs.readFileSync(path.join(root, 'package.json'), 'utf8').matchAll(/"%([^%"]+)%"/g)].map(m => m[1]);
    assert.ok(keys.length > 30);
    assert.deepStrictEqual(keys.filter(k => !(k in en)), [], 'package.json keys missing from package.nls.json');
    // Command links and code spans must survive translation: the same (command:…) targets and `code`.
    const links = (s: string) => [...(s.match(/\(command:[^)]+\)/g) ?? []), ...(s.match(/`[^`]+`/g) ?? [])].sort();
    sameKeys(en, json('package.nls.ru.json'), 'package.nls.json', links);
    assert.strictEqual(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).l10n, './l10n');
  });

  it('every vscode.l10n.t string of src/extension is in bundle.l10n.json, and the Russian bundle has every key', () => {
    const en = json('l10n/bundle.l10n.json');
    const dir = path.join(root, 'src/extension');
    const used = fs.readdirSync(dir).filter(f => f.endsWith('.ts')).flatMap(f => l10nCalls(fs.readFileSync(path.join(dir, f), 'utf8')));
    assert.ok(used.length > 20);
    assert.deepStrictEqual(used.filter(k => !(k in en)), [], 'strings missing from l10n/bundle.l10n.json');
    assert.deepStrictEqual(Object.keys(en).filter(k => !used.includes(k)), [], 'keys no code uses');
    sameKeys(en, json('l10n/bundle.l10n.ru.json'), 'bundle.l10n.json', slots);
  });

  it('the Russian files are written in Russian', () => {
    for (const file of ['package.nls.ru.json', 'l10n/bundle.l10n.ru.json']) {
      const english = Object.entries(json(file)).filter(([, v]) => !/[а-яё]/i.test(v) && /[a-z]{3}/i.test(v.replace(/Seven Stops|SARIF/g, '')));
      assert.deepStrictEqual(english, [], `${file}: left in English`);
    }
  });
});
