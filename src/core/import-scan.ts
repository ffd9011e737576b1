// Reads what a file loads without parsing it: the specifiers of its import/export-from lines and of
// its require() and import() calls, found by pattern in the text. Used before anything is parsed to
// tell which files can matter (closure.ts). It errs one way only: a match in a comment or a string
// adds a dependency that is not there, which costs a parse; a load it cannot read is reported as
// dynamic (the closure widens) or unsure (the file is parsed and its real dependencies used).

export interface ImportScan {
  /** Specifiers as written, each once, in order: import and export-from lines (type-only lines left out), require(), import(). */
  specs: string[];
  /** A require() or import() of something other than a string: the program may load a file no specifier names. */
  dynamic: boolean;
  /** The text lists a folder (`fs.readdirSync`, `readdir`, `opendir`, a glob): it may load what it finds there. */
  readsFolders: boolean;
  /** A specifier the patterns cannot read with confidence (an escape in it): the file is parsed to know. */
  unsure: boolean;
}

/** `from 'x'`, wherever it is: the end of an import or export line, however its clause is written. */
const FROM = /\bfrom\s*(['"])([^'"\n]*)\1/g;
/** `import ... from 'x'` and `export ... from 'x'` whose clause holds no quote or semicolon; group 2 is the clause (to tell type-only lines). */
const FROM_LINE = /\b(import|export)\b([^;'"`]*?)\bfrom\s*(['"])([^'"\n]*)\3/g;
/** `import 'x'`: run for its effects. */
const BARE_IMPORT = /\bimport\s*(['"])([^'"\n]*)\1/g;
/** `require(` and `import(` (what precedes them is looked at apart: a leading group here slows every match). */
const LOAD_CALL = /\b(?:require|import)\s*\(/g;
/** A type-only import or export line, to look for before reading every line's clause. */
const ANY_TYPE_ONLY = /\b(?:import|export)\s+type\b/;
/** `import type X from`, `import type { A } from`, `export type * from`: erased by every compiler (`import type from 'x'` is a value named type). */
const TYPE_ONLY = /^\s+type(?:\s*[{*]|\s+(?!from\b)[\w$])/;
const READS_FOLDERS = /\b(?:readdirSync|readdir|opendirSync|opendir|globSync|glob)\b/;
/** A string literal in the text (for the folders a dynamic load may read, see folderWords). */
const STRING = /(['"`])((?:(?!\1)[^\\\n]|\\.)*)\1/g;

/** What `text` loads, by pattern (see the file comment for what it errs on). */
export function scanImports(text: string): ImportScan {
  const specs = new Set<string>();
  let unsure = false;
  let dynamic = false;
  const add = (spec: string) => {
    if (spec.includes('\\')) unsure = true;
    else specs.add(spec);
  };
  // Most files load through import lines only: skip the patterns whose word is absent.
  if (text.includes('from')) {
    // A specifier is left out only when every `from` naming it ends a type-only line: a clause the
    // line pattern cannot read (a comment with a quote in it) keeps its specifier.
    const typeOnly = new Map<string, number>();
    if (ANY_TYPE_ONLY.test(text)) for (const m of text.matchAll(FROM_LINE)) if (TYPE_ONLY.test(m[2])) typeOnly.set(m[4], (typeOnly.get(m[4]) ?? 0) + 1);
    for (const m of text.matchAll(FROM)) {
      const left = typeOnly.get(m[2]) ?? 0;
      if (left > 0) typeOnly.set(m[2], left - 1); else add(m[2]);
    }
  }
  if (text.includes('import')) for (const m of text.matchAll(BARE_IMPORT)) add(m[2]);
  if (text.includes('require') || text.includes('import')) {
    for (const m of text.matchAll(LOAD_CALL)) {
      const arg = literalArgument(text, m.index + m[0].length);
      if (arg === null) { if (!isMethod(text, m.index)) dynamic = true; } else add(arg);
    }
  }
  return { specs: [...specs], dynamic, readsFolders: READS_FOLDERS.test(text), unsure };
}

/**
 * The string literal that is the whole first argument of a call whose `(` ends before `from`
 * (comments before it skipped: `import(/* webpackChunkName: "x" *\/ './x')`); null when it is not one.
 */
function literalArgument(text: string, from: number): string | null {
  let i = skipSpaceAndComments(text, from);
  const quote = text[i];
  if (quote !== "'" && quote !== '"' && quote !== '`') return null;
  const end = text.indexOf(quote, i + 1);
  if (end < 0) return null;
  const value = text.slice(i + 1, end);
  if (value.includes('\n') || (quote === '`' && value.includes('${'))) return null;
  i = skipSpaceAndComments(text, end + 1);
  return text[i] === ')' || text[i] === ',' ? value : null;
}

/** Whether the word at `at` follows a `.` (`loader.require(x)`: a method of that name, not a load). */
function isMethod(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i--;
  return text[i] === '.';
}

function skipSpaceAndComments(text: string, from: number): number {
  let i = from;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return text.length;
      i = end + 2;
    } else if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      if (end < 0) return text.length;
      i = end + 1;
    } else return i;
  }
}

/**
 * The strings of a file that may name a folder a dynamic load reads (`path.join(__dirname, 'routes')`,
 * `{ dir: '../plugins' }`, `` `./api/${name}` ``): every string literal, a template cut at its first `${`.
 */
export function folderWords(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(STRING)) {
    const s = m[1] === '`' ? m[2].split('${')[0] : m[2];
    if (s.length < 200) out.add(s);
  }
  return [...out];
}
