// Matches concrete request paths (`/orders/42`) against Express path patterns (`/orders/:id`), the
// way Express's router does at run time. The analyser's own path arithmetic compares patterns with
// patterns (frameworks/shared/paths.ts); this answers "does this request hit that pattern".

/**
 * Matches a concrete path against an Express path pattern: case-insensitive, one optional trailing
 * slash, `:name` (with an optional `(regex)` and `?`), `*` / `*name`, `{optional}` groups. With
 * `end` false the pattern is a mount prefix that must end at a segment boundary. Returns the
 * decoded params, or null.
 */
export function matchPath(pattern: string, path: string, end: boolean): Record<string, string> | null {
  const c = compile(pattern, end);
  if (!c) return null;
  const m = c.re.exec(path);
  return m ? paramsOf(c.names, m) : null;
}

/**
 * Matches a concrete path against a route registered as `own` on a router mounted at `mount`, the
 * way Express dispatches it: the mount matches up to a segment boundary, then the route matches what
 * is left ('/' when nothing is). So Express 4 `*` under '/api' (shown '/api*') matches '/api' and
 * '/api/x' but not '/apix', and Express 5 '/{*splat}' under '/api' matches '/api'.
 */
export function matchMounted(mount: string, own: string, path: string): Record<string, string> | null {
  const c = compile(mount, false);
  const m = c?.re.exec(path);
  if (!c || !m) return null;
  const params = matchPath(own, path.slice(m[0].length) || '/', true);
  return params && { ...paramsOf(c.names, m), ...params };
}

function paramsOf(names: string[], m: RegExpExecArray): Record<string, string> {
  const params: Record<string, string> = {};
  names.forEach((name, i) => {
    const v = m[i + 1];
    if (v === undefined) return;
    try { params[name] = decodeURIComponent(v); } catch { params[name] = v; }
  });
  return params;
}

function compile(pattern: string, end: boolean): { re: RegExp; names: string[] } | null {
  if (pattern.includes('{?}')) return null; // a path the analyser could not compute
  const names: string[] = [];
  let src = '';
  let unnamed = 0;
  const p = pattern.length > 1 ? pattern.replace(/\/+$/, '') : pattern === '/' ? '' : pattern;
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === ':' && /[A-Za-z_$]/.test(p[i + 1] ?? '')) {
      const name = /^[A-Za-z_$][\w$]*/.exec(p.slice(i + 1))![0];
      i += name.length;
      let group = '[^/]+?';
      if (p[i + 1] === '(') {
        const close = balanced(p, i + 1);
        if (close < 0) return null;
        group = p.slice(i + 2, close);
        i = close;
      }
      names.push(name);
      if (p[i + 1] === '?' && src.endsWith('\\/')) { src = src.slice(0, -2) + `(?:\\/(${group}))?`; i++; } else src += `(${group})`;
    } else if (ch === '*') {
      const name = /^[A-Za-z_$][\w$]*/.exec(p.slice(i + 1))?.[0];
      if (name) { i += name.length; names.push(name); src += '(.+)'; } else { names.push(String(unnamed++)); src += '(.*)'; }
    } else if (ch === '{') {
      src += '(?:';
    } else if (ch === '}') {
      src += ')?';
    } else if (ch === '(') {
      const close = balanced(p, i);
      if (close < 0) return null;
      names.push(String(unnamed++));
      src += `(${p.slice(i + 1, close)})`;
      i = close;
    } else {
      src += ch.replace(/[.+?^$|[\]\\/]/g, '\\$&');
    }
  }
  try {
    return { re: new RegExp(`^${src}${end ? '\\/?$' : '(?=\\/|$)'}`, 'i'), names };
  } catch {
    return null;
  }
}

function balanced(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '\\') { i++; continue; }
    if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth === 0) return i;
  }
  return -1;
}
