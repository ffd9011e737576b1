// Where a fixture made a registration: the first stack frame inside the fixture's folder.

import * as path from 'node:path';

export interface CallSite {
  /** Relative to the fixture root, with `/` separators; null when no frame is inside it. */
  file: string | null;
  line: number | null;
}

export function callSite(root: string): CallSite {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 60;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  for (const raw of stack.split('\n').slice(1)) {
    const m = /\(?([^()\s]+):(\d+):\d+\)?$/.exec(raw.trim());
    if (!m) continue;
    let file = m[1].replace(/\?.*$/, ''); // ESM fixtures are loaded with a cache-busting query
    if (file.startsWith('file://')) file = decodeURIComponent(new URL(file).pathname);
    const rel = path.relative(root, file);
    if (!rel.startsWith('..') && !path.isAbsolute(rel)) return { file: rel.split(path.sep).join('/'), line: Number(m[2]) };
  }
  return { file: null, line: null };
}
