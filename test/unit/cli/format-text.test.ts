import * as assert from 'assert';
import { formatText } from '../../../src/cli/format-text';
import { analyse } from '../workspace';

describe('formatText', () => {
  it('in colour, the only escape sequences on a terminal are its own colours', () => {
    const r = analyse({
      'app.js': String.raw`const app = require('express')();
app.get('/\u001b[31mred\u001b[0m\u0007\r\n\u202eevil', (req, res) => res.end());
app.use('/\u009b2J', require('express').Router().get('/x', (req, res) => res.end()));
`,
    });
    const text = formatText(r, true);
    const withoutOwnColours = text.replace(/\u001b\[\d+m/g, '');
    assert.deepStrictEqual(withoutOwnColours.split('\n').filter(l => /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(l)), []);
    assert.ok(withoutOwnColours.includes('GET    /\\u001b[31mred\\u001b[0m\\u0007\\u000d\\u000a\\u202eevil  ⚠ no auth'), text);
    assert.ok(withoutOwnColours.includes('  /\\u009b2J\n'), text);
  });
});
