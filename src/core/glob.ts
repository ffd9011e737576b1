// A small glob matcher for exclude patterns (`**`, `*`, `?`, `{a,b}`), matched against
// root-relative paths with `/` separators. Small enough not to need a dependency.

/** Compiles a glob to a RegExp anchored on the whole relative path. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more whole segments; a trailing `**` matches the rest.
        i++;
        if (glob[i + 1] === '/') { i++; re += '(?:.*/)?'; } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) { re += '\\{'; continue; }
      re += '(?:' + glob.slice(i + 1, close).split(',').map(escape).join('|') + ')';
      i = close;
    } else re += escape(c);
  }
  return new RegExp('^' + re + '$');
}

function escape(s: string): string {
  return s.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

/** True when `rel` (or one of its parent folders) matches any of the patterns. */
export function isExcluded(rel: string, patterns: RegExp[]): boolean {
  return patterns.some(p => p.test(rel) || p.test(rel + '/'));
}
