// What the interpreter knows of JavaScript's own objects, as pure functions over abstract values:
// truthiness (for `a || b`, `c ? x : y`), string methods used to build paths and method names
// (`r.method.toLowerCase()`), and the CommonJS interop helpers TypeScript and Babel emit
// (`__importDefault`, `_interopRequireWildcard`...), recognised by name because tslib and
// @babel/runtime ship them as packages whose code is never read.
import { Arg, UNDEFINED, Value, asString } from './values';

/** Whether a value is truthy at run time; null when it depends on something unknown. */
export function truthy(v: Value): boolean | null {
  switch (v.t) {
    case 'str': return v.v !== '';
    case 'num': return v.v !== 0 && !Number.isNaN(v.v);
    case 'bool': return v.v;
    case 'unknown': return v.undef ? false : null;
    case 'either': {
      const first = truthy(v.alternatives[0]);
      return v.alternatives.every(o => truthy(o) === first) ? first : null;
    }
    // A package's own export (`require('express')`) exists; what we read from it may not.
    case 'pkg': return v.path.length === 0 ? true : null;
    case 'pkgcall': return null;
    default: return true;
  }
}

/** Whether a value is neither null nor undefined (for `a ?? b`); null when unknown. */
export function notNullish(v: Value): boolean | null {
  if (v.t === 'unknown') return v.undef ? false : null;
  if (v.t === 'either') {
    const first = notNullish(v.alternatives[0]);
    return v.alternatives.every(o => notNullish(o) === first) ? first : null;
  }
  return v.t === 'pkg' || v.t === 'pkgcall' ? null : true;
}

/** One of several values, flattened; a single option is the value itself. */
export function either(values: Value[]): Value {
  const out: Value[] = [];
  for (const v of values) out.push(...(v.t === 'either' ? v.alternatives : [v]));
  return out.length === 1 ? out[0] : { t: 'either', alternatives: out };
}

const STRING_METHODS: Record<string, (s: string, a: (string | null)[]) => string | null> = {
  toLowerCase: s => s.toLowerCase(),
  toUpperCase: s => s.toUpperCase(),
  toLocaleLowerCase: s => s.toLowerCase(),
  toLocaleUpperCase: s => s.toUpperCase(),
  trim: s => s.trim(),
  trimStart: s => s.trimStart(),
  trimEnd: s => s.trimEnd(),
  toString: (s: string) => s,
  concat: (s, a) => (a.every(x => x !== null) ? s + a.join('') : null),
  replace: (s, [from, to]) => (from !== null && to !== null && !to.includes('$') ? s.replace(from, to) : null),
  replaceAll: (s, [from, to]) => (from !== null && to !== null && !to.includes('$') ? s.split(from).join(to) : null),
  slice: (s, [a, b]) => (isInt(a) && (b === undefined || isInt(b)) ? s.slice(Number(a), b === undefined ? undefined : Number(b)) : null),
  substring: (s, [a, b]) => (isInt(a) && (b === undefined || isInt(b)) ? s.substring(Number(a), b === undefined ? undefined : Number(b)) : null),
};

/** String tests loaders filter file names with (`f.endsWith('.js')`): a known answer for known strings. */
const STRING_TESTS: Record<string, (s: string, a: string) => boolean> = {
  endsWith: (s, a) => s.endsWith(a),
  startsWith: (s, a) => s.startsWith(a),
  includes: (s, a) => s.includes(a),
};

function isInt(x: string | null | undefined): boolean {
  return x !== null && x !== undefined && /^-?\d+$/.test(x);
}

/**
 * A string method called on a known string (`'GET'.toLowerCase()`, `f.endsWith('.js')`), or
 * `[...].join(sep)` on an array of known strings; undefined when this is not such a call, unknown-free otherwise.
 */
export function pureMethod(obj: Value, prop: string, args: Arg[]): Value | undefined {
  if (obj.t === 'str' && Object.prototype.hasOwnProperty.call(STRING_METHODS, prop)) {
    const r = STRING_METHODS[prop](obj.v, args.map(a => asString(a.value)));
    return r === null ? undefined : { t: 'str', v: r };
  }
  if (obj.t === 'str' && args.length === 1 && Object.prototype.hasOwnProperty.call(STRING_TESTS, prop)) {
    const a = asString(args[0].value);
    return a === null ? undefined : { t: 'bool', v: STRING_TESTS[prop](obj.v, a) };
  }
  if (obj.t === 'arr' && prop === 'join') {
    const parts = obj.items.map(i => asString(i.value));
    const sep = args[0] ? asString(args[0].value) : ',';
    if (sep === null || parts.some(p => p === null)) return undefined;
    return { t: 'str', v: parts.join(sep) };
  }
  return undefined;
}

/** The CommonJS interop helpers compilers emit, by the name the call site uses. */
export type InteropHelper = 'importDefault' | 'importStar' | 'exportStar' | 'createBinding';

const HELPERS: [RegExp, InteropHelper][] = [
  [/^(?:__importDefault|_interopRequireDefault\d*)$/, 'importDefault'],
  [/^(?:__importStar|_interopRequireWildcard\d*)$/, 'importStar'],
  [/^(?:__exportStar|_exportStar\d*)$/, 'exportStar'],
  [/^__createBinding$/, 'createBinding'],
];

/** Which helper a callee name (`__importDefault`, `tslib_1.__importStar`, `_interopRequireDefault.default`) is. */
export function interopHelper(calleeName: string): InteropHelper | null {
  if (!calleeName.includes('_')) return null; // every call goes through here: skip the regexes
  const parts = calleeName.split('.');
  let last = parts[parts.length - 1];
  if (last === 'default' && parts.length > 1) last = parts[parts.length - 2];
  for (const [re, kind] of HELPERS) if (re.test(last)) return kind;
  return null;
}

/** `undefined` as the value of a missing `__esModule` flag. */
export const NOT_ES_MODULE = UNDEFINED('not compiled from an ES module');
