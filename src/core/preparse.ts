// Preparsing, as V8 calls it: finding where a function body ends without parsing it. Class method
// bodies are lowered only when the program reads a method (ClassMember in ir.ts), yet TypeScript's
// parser built their syntax trees on every cold scan: in service and model files they are most of
// the text. Before parsing, each such body is blanked here (spaces, line breaks kept, so every offset,
// line and column stays the same); the method is lowered from the original text when first read.
//
// A character scanner cannot be sure of everything (`/` is a regex or a division by context), so it
// only proposes: lowerSource parses the blanked text, and keeps it only when the parse has no error
// and every blanked region is exactly the body of a class member. Otherwise it parses the original.

/** What preparse blanked: the text to parse, and each blanked body's `{` offset → its end (after `}`). */
export interface Preparsed {
  text: string;
  bodies: Map<number, number>;
}

/** Bodies shorter than this are left alone: parsing them costs less than cutting them out. */
const MIN_BODY = 64;
/**
 * Whether code calls require() or import(). A body that does keeps its text here (the specifiers are
 * the file's dependencies), and lower.ts collects them from method bodies only when the file matches.
 */
export const LOADS_MODULES = /\brequire\s*\(|\bimport\s*\(/;
/** Words after which `/` starts a regular expression (after other words it divides). */
const BEFORE_REGEX = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'instanceof', 'yield', 'await']);
/** Words after which `{` in a return type opens an object type, not the body. */
const TYPE_WORDS = new Set(['extends', 'keyof', 'typeof', 'readonly', 'unique', 'infer', 'is', 'asserts', 'new', 'in', 'as']);

const enum C {
  Tab = 9, LF = 10, CR = 13, Space = 32, Quote = 34, Dollar = 36, Apos = 39, LParen = 40, RParen = 41, Star = 42, Plus = 43,
  Minus = 45, Dot = 46, Slash = 47, Colon = 58, Semi = 59, Lt = 60, Eq = 61, Gt = 62, LBracket = 91, Backslash = 92,
  RBracket = 93, Underscore = 95, Backtick = 96, LBrace = 123, RBrace = 125, LS = 0x2028, PS = 0x2029,
}

/** One open `{`, `(`, `[` or `${`, and what it is. */
interface Frame {
  open: number;
  /** 'body': a method body, blanked if long enough when it closes. */
  kind: 'class' | 'block' | 'paren' | 'bracket' | 'template' | 'body';
  /** A paren opened directly in a class body, after this member name (its parameters, or a decorator's arguments). */
  member?: string;
}

/**
 * The text with long class method, getter and setter bodies blanked, or null when there is nothing
 * to blank or the text is not one this scanner reads with confidence (JSX; a string or regular
 * expression running to the end of its line; unbalanced brackets).
 */
export function preparse(fileName: string, text: string): Preparsed | null {
  // JSX text (`<p>don't</p>`) is not JavaScript tokens; and most files declare no class at all.
  if (/\.[jt]sx$/i.test(fileName) || !text.includes('class')) return null;
  const regions = scanBodies(text);
  if (!regions || regions.length === 0) return null;
  const parts: string[] = [];
  const bodies = new Map<number, number>();
  let last = 0;
  for (const [open, close] of regions) {
    parts.push(text.slice(last, open + 1), blank(text, open + 1, close));
    bodies.set(open, close + 1);
    last = close;
  }
  parts.push(text.slice(last));
  return { text: parts.join(''), bodies };
}

/** Spaces for text[from, to), keeping every line break where it was. */
function blank(text: string, from: number, to: number): string {
  let out = '';
  let run = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === C.LF || c === C.CR || c === C.LS || c === C.PS) {
      out += ' '.repeat(i - run) + text[i];
      run = i + 1;
    }
  }
  return out + ' '.repeat(to - run);
}

/**
 * The [`{`, `}`] offsets of the class member bodies worth blanking, in order; null when unsure.
 * One loop on purpose: a lexer's states (strings, templates, brackets, a member's parameters and
 * return type) read best side by side, and this runs over every byte of a cold scan.
 */
function scanBodies(text: string): [number, number][] | null {
  const out: [number, number][] = [];
  const stack: Frame[] = [];
  const n = text.length;
  /** The last token: a word, or the one punctuation character (0 at the start). */
  let lastWord = '';
  let lastChar = 0;
  /** `class` seen: the next `{` at this stack depth opens its body. */
  let classAt = -1;
  /** In a class body: the member name before `(`, the name whose parameters just closed, and whether its return type is being read. */
  let memberName = '';
  let paramsOf: string | null = null;
  let returnType = false;
  let typeDepth = 0;
  const top = () => stack[stack.length - 1];

  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === C.Space || c === C.Tab || c === C.LF || c === C.CR) continue;
    // Comments.
    if (c === C.Slash && text.charCodeAt(i + 1) === C.Slash) { i = lineEnd(text, i); continue; }
    if (c === C.Slash && text.charCodeAt(i + 1) === C.Star) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return null;
      i = end + 1;
      continue;
    }
    if (i === 0 && c === 35 /* # */ && text.charCodeAt(1) === 33 /* ! */) { i = lineEnd(text, i); continue; }
    const frame = top();
    const inClass = frame?.kind === 'class';
    // Strings and regular expressions end on their line, so a wrong guess cannot hide a brace further on.
    if (c === C.Quote || c === C.Apos) {
      const end = stringEnd(text, i, c);
      if (end < 0) return null;
      i = end;
      lastWord = ''; lastChar = c;
      if (inClass) memberName = 'string';
      continue;
    }
    if (c === C.Slash && regexAllowed(lastWord, lastChar, text, i)) {
      const end = regexEnd(text, i);
      if (end < 0) return null;
      i = end;
      lastWord = ''; lastChar = C.Slash;
      continue;
    }
    if (c === C.Backtick) {
      const end = templateEnd(text, i, stack);
      if (end < 0) return null;
      i = end;
      lastWord = ''; lastChar = C.Backtick;
      continue;
    }
    if (isWordChar(c)) {
      let j = i + 1;
      while (j < n && isWordChar(text.charCodeAt(j))) j++;
      const word = text.slice(i, j);
      i = j - 1;
      // Only classes at the top level: a function's facts (ParamUse, calls) include what its nested classes' methods do.
      if (word === 'class' && stack.length === 0 && lastChar !== C.Dot && !/^\s*[:(=,)]/.test(text.slice(j, j + 8))) classAt = 0;
      // A word in a class body names the member (the last before `(`), unless it is part of a return type.
      if (inClass && !returnType) { paramsOf = null; memberName = word; }
      lastWord = word; lastChar = 0;
      continue;
    }
    // Punctuation.
    if (c === C.LBrace) {
      if (classAt === stack.length) {
        stack.push({ open: i, kind: 'class' });
        classAt = -1;
        memberName = ''; paramsOf = null; returnType = false;
      } else if (inClass && ((paramsOf !== null && !returnType) || (returnType && typeDepth === 0 && endsType(lastWord, lastChar, text, i)))) {
        stack.push({ open: i, kind: paramsOf === 'constructor' ? 'block' : 'body' });
        paramsOf = null; returnType = false;
      } else {
        if (inClass && returnType) typeDepth++;
        stack.push({ open: i, kind: 'block' });
      }
    } else if (c === C.RBrace) {
      const f = stack.pop();
      if (!f || f.kind === 'paren' || f.kind === 'bracket') return null;
      if (f.kind === 'template') {
        // Back inside the template literal's text.
        const end = templateEnd(text, i, stack);
        if (end < 0) return null;
        i = end;
        lastWord = ''; lastChar = C.Backtick;
        continue;
      }
      if (f.kind === 'body' && i - f.open - 1 >= MIN_BODY && !LOADS_MODULES.test(text.slice(f.open, i))) out.push([f.open, i]);
      const now = top();
      if (now?.kind === 'class') {
        if (returnType && typeDepth > 0) typeDepth--;
        else { memberName = ''; paramsOf = null; returnType = false; }
      }
    } else if (c === C.LParen || c === C.LBracket) {
      stack.push({ open: i, kind: c === C.LParen ? 'paren' : 'bracket', member: inClass && c === C.LParen && !returnType ? memberName : undefined });
      if (inClass && returnType) typeDepth++;
    } else if (c === C.RParen || c === C.RBracket) {
      const f = stack.pop();
      if (!f || f.kind !== (c === C.RParen ? 'paren' : 'bracket')) return null;
      const now = top();
      if (now?.kind === 'class') {
        if (returnType) typeDepth--;
        else if (f.member !== undefined) paramsOf = f.member;
      }
    } else if (inClass) {
      // Between a member's parameters and its body only a return type may come.
      if (c === C.Colon && paramsOf !== null && !returnType) { returnType = true; typeDepth = 0; }
      else if (c === C.Lt && returnType) typeDepth++;
      else if (c === C.Gt && returnType && text.charCodeAt(i - 1) !== C.Eq) typeDepth--;
      else if (!returnType || (typeDepth === 0 && (c === C.Semi || c === C.Eq && text.charCodeAt(i + 1) !== C.Gt))) {
        if (c !== C.Star) { memberName = ''; paramsOf = null; returnType = false; }
      }
    }
    lastWord = ''; lastChar = c;
  }
  return stack.length === 0 ? out : null;
}

/** Whether a `{` after a return type's last token opens the body (else it opens an object type). */
function endsType(lastWord: string, lastChar: number, text: string, at: number): boolean {
  if (lastWord) return !TYPE_WORDS.has(lastWord);
  if (lastChar === C.Gt) return text.charCodeAt(previousNonSpace(text, at - 1) - 1) !== C.Eq; // `=> {` is a function type's object
  return lastChar === C.RParen || lastChar === C.RBracket || lastChar === C.RBrace || lastChar === C.Quote || lastChar === C.Apos || lastChar === C.Backtick;
}

function previousNonSpace(text: string, from: number): number {
  let i = from;
  while (i > 0 && text.charCodeAt(i) <= C.Space) i--;
  return i;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === C.Underscore || c === C.Dollar || c === 35 /* # */ || c > 127;
}

function lineEnd(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  return lf < 0 ? text.length : lf;
}

/** Offset of the closing quote, or -1 when the string runs to the end of its line. */
function stringEnd(text: string, from: number, quote: number): number {
  for (let i = from + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === C.Backslash) { i++; continue; }
    if (c === quote) return i;
    if (c === C.LF || c === C.CR) return -1;
  }
  return -1;
}

/** `/` starts a regular expression after an operator, an opening bracket or a keyword like `return`. */
function regexAllowed(lastWord: string, lastChar: number, text: string, at: number): boolean {
  if (lastWord) return BEFORE_REGEX.has(lastWord);
  const endsValue = lastChar === C.RParen || lastChar === C.RBracket || lastChar === C.RBrace
    || lastChar === C.Quote || lastChar === C.Apos || lastChar === C.Backtick;
  if (endsValue) return false;
  // `a++ / 2` divides.
  if ((lastChar === C.Plus || lastChar === C.Minus) && text.charCodeAt(previousNonSpace(text, at - 1) - 1) === lastChar) return false;
  return true;
}

/** Offset of the closing `/`, or -1 when none comes on this line. */
function regexEnd(text: string, from: number): number {
  let inClass = false;
  for (let i = from + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === C.Backslash) { i++; continue; }
    if (c === C.LF || c === C.CR) return -1;
    if (c === C.LBracket) inClass = true;
    else if (c === C.RBracket) inClass = false;
    else if (c === C.Slash && !inClass) return i;
  }
  return -1;
}

/**
 * From a backtick or the `}` ending a `${`: the offset of the closing backtick, or of the `{` of the
 * next `${` (pushing a template frame). -1 when the text ends first.
 */
function templateEnd(text: string, from: number, stack: Frame[]): number {
  for (let i = from + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === C.Backslash) { i++; continue; }
    if (c === C.Backtick) return i;
    if (c === C.Dollar && text.charCodeAt(i + 1) === C.LBrace) {
      stack.push({ open: i + 1, kind: 'template' });
      return i + 1;
    }
  }
  return -1;
}
