import * as assert from 'assert';
import { suggestionFor } from '../../../../src/core/fix-edits';
import type { Fix } from '../../../../src/core/model';
import { applyEdits } from '../../rules/rule-tester';

/** A move of the statement starting at line:column `from` to after (or before) the one at `anchor`. */
function move(from: [number, number], anchor: [number, number], before = false): Fix {
  const at = ([line, column]: [number, number]) => ({ file: 'app.js', line, column, endLine: line, endColumn: column + 1 });
  return { kind: 'move-statement', title: 'Move it', from: at(from), anchor: at(anchor), before };
}

function moved(fix: Fix, text: string): string | null {
  const s = suggestionFor(fix, text);
  return s && applyEdits(text, s.edits);
}

describe('quick fix edits (built on request)', () => {
  it('moves a statement with the comments directly above it and the one after it on its line', () => {
    const text = "const app = express();\n// the admin page\n// (needs a user)\napp.get('/admin', admin); // admin only\n\n// auth for everything below\napp.use(auth);\n";
    assert.strictEqual(moved(move([4, 1], [7, 1]), text),
      "const app = express();\n\n// auth for everything below\napp.use(auth);\n// the admin page\n// (needs a user)\napp.get('/admin', admin); // admin only\n");
  });

  it('leaves a comment behind when a blank line separates it from the statement', () => {
    const text = "// file header\n\napp.get('/admin', admin);\napp.use(auth);\n";
    assert.strictEqual(moved(move([3, 1], [4, 1]), text), "// file header\n\napp.use(auth);\napp.get('/admin', admin);\n");
  });

  it('moves one statement of a line shared with its anchor', () => {
    const text = "app.get('/admin', admin); app.use(auth);\napp.listen(3000);\n";
    assert.strictEqual(moved(move([1, 1], [1, 27]), text), "app.use(auth); app.get('/admin', admin);\napp.listen(3000);\n");
  });

  it('moves one statement of a shared line onto a line of its own above the anchor, at its indentation', () => {
    const text = "app.get('/admin', admin); app.get('/b', b);\n  app.use(auth);\n";
    assert.strictEqual(moved(move([1, 27], [2, 3], true), text), "app.get('/admin', admin);\n  app.get('/b', b);\n  app.use(auth);\n");
  });

  it('moves whole lines above the anchor with `before`', () => {
    const text = "app.use(auth);\napp.use(express.json());\n";
    assert.strictEqual(moved(move([2, 1], [1, 1], true), text), "app.use(express.json());\napp.use(auth);\n");
  });

  it('offers nothing between two blocks (the code would see other names there)', () => {
    const text = "app.get('/admin', admin);\nfunction setup() {\n  app.use(auth);\n}\n";
    assert.strictEqual(suggestionFor(move([1, 1], [3, 3]), text), null);
  });

  it('offers nothing when the text no longer has the lines the analysis saw', () => {
    assert.strictEqual(suggestionFor(move([5, 1], [1, 1]), 'app.use(auth);\n'), null);
  });

  it('offers nothing when a line is now shorter than the column the analysis saw (instead of failing)', () => {
    assert.strictEqual(suggestionFor(move([1, 27], [2, 1]), 'app.use(auth);\napp.get(x);\n'), null);
  });

  it('offers nothing across files', () => {
    const fix = move([1, 1], [2, 1]);
    if (fix.kind === 'move-statement') fix.anchor = { ...fix.anchor, file: 'other.js' };
    assert.strictEqual(suggestionFor(fix, 'a();\nb();\n'), null);
  });
});
