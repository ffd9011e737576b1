// Text from the analysed code (route paths, names, file names, messages built from them), made safe
// to show to a person. A route path like '/\u001b]0;pwned\u0007' or '/admin\u202e' must not colour,
// retitle or ring a terminal, nor reorder what an editor shows: such characters are shown as
// JavaScript escapes instead. Only the human-readable outputs use this; JSON and the model stay exact.

/**
 * Characters that change how text around them is shown instead of being seen themselves: controls
 * (C0, DEL, C1: escape sequences, bell, carriage return, newline, tab), format characters (bidi
 * embeddings, overrides and isolates, zero-width characters, the BOM, soft hyphen, tag characters),
 * the line and paragraph separators, and surrogates left unpaired. The same set is written out in
 * media/lesson-exercises.js for the lesson webview.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

/**
 * `s` with every hidden character written as a JavaScript escape: `\u001b`, `\u202e`, and `\u{e0041}`
 * above U+FFFF. Backslashes already in `s` are left alone (a regex route keeps its look), so the
 * display is not reversible: the JSON output has the exact text.
 */
export function printable(s: string): string {
  return s.replace(HIDDEN, ch => {
    const cp = ch.codePointAt(0)!;
    return cp > 0xffff ? `\\u{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, '0')}`;
  });
}

/** `s` as Markdown text that renders as exactly printable(s): every ASCII punctuation mark backslash-escaped. */
export function markdownText(s: string): string {
  return printable(s).replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/**
 * `s` as a Markdown code span showing exactly printable(s): the fence is one backtick longer than
 * the longest run inside, and padded with a space (which Markdown strips) where `s` starts or ends
 * with a backtick or a space.
 */
export function markdownCode(s: string): string {
  const text = printable(s);
  if (!text) return '';
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[ `]|[ `]$/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
