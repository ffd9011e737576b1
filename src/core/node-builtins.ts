// Node's own modules as far as code that loads routes uses them: `__dirname`, `import.meta`,
// `path.join/resolve/basename/extname/dirname`, `url.fileURLToPath`, `new URL(x, import.meta.url)`, and
// `fs.readdirSync` / `fs.promises.readdir` / `fs.readdir(dir, cb)` over workspace folders, answered
// from the discovered files (FolderIndex). Pure computations on known strings; nothing is read from the
// disk and nothing is executed. Any argument we do not know leaves the call a package call, as before.
import * as nodePath from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { truthy } from './builtins';
import type { FolderIndex } from './folders';
import type { FnIR, Span } from './ir';
import type { Runtime } from './objects';
import { Arg, Env, ObjValue, Owner, UNDEFINED, Value, asString } from './values';

/** What the built-ins need of the interpreter. */
export interface NodeRuntime extends Runtime {
  readonly folders: FolderIndex | null;
}

/**
 * `__dirname` and `__filename` of a module (CommonJS, and ESM compiled to it), and `Symbol` (for
 * `Symbol.for(key)`); undefined for other names.
 */
export function moduleGlobal(name: string, file: string): Value | undefined {
  if (name === '__dirname') return { t: 'str', v: nodePath.dirname(file) };
  if (name === '__filename') return { t: 'str', v: file };
  if (name === 'Symbol') return { t: 'pkg', name: 'Symbol', path: [] };
  return undefined;
}

/**
 * The property key `Symbol.for(key)` stands for. A registered symbol is the same value wherever it is
 * made, so a string no code writes as a key names it: `fn[Symbol.for('skip-override')] = true` in one
 * file can be read by an adapter (fastify-plugin's mark) or by `obj[Symbol.for('skip-override')]`.
 */
export function registeredSymbolKey(key: string): string {
  return `@@Symbol.for(${key})`;
}

/** `import.meta` of a module: `url`, `dirname`, `filename` (Node 20.11+). */
export function importMeta(file: string, owner: Owner): ObjValue {
  return { t: 'obj', owner, props: new Map<string, Value>([
    ['url', { t: 'str', v: pathToFileURL(file).href }],
    ['dirname', { t: 'str', v: nodePath.dirname(file) }],
    ['filename', { t: 'str', v: file }],
  ]) };
}

/** `new URL(input, base)` for `file:` URLs: an object with `href` and `pathname`; undefined for other inputs. */
export function urlValue(args: Arg[], owner: Owner): Value | undefined {
  const input = args[0] ? urlString(args[0].value) : null;
  const base = args[1] ? urlString(args[1].value) : undefined;
  if (input === null || base === null) return undefined;
  let url: URL;
  try { url = new URL(input, base); } catch { return undefined; }
  if (url.protocol !== 'file:') return undefined;
  return { t: 'obj', owner, props: new Map<string, Value>([
    ['href', { t: 'str', v: url.href }], ['pathname', { t: 'str', v: url.pathname }], ['protocol', { t: 'str', v: 'file:' }],
  ]) };
}

/**
 * A call of a Node module's function (`name` the module, `path` the member path from it); undefined
 * when it is not one we model or an argument is unknown.
 */
export function nodeCall(rt: NodeRuntime, name: string, path: string[], args: Arg[]): Value | undefined {
  if (name === 'Symbol') {
    const key = path.length === 1 && path[0] === 'for' && args[0] ? asString(args[0].value) : null;
    return key !== null ? { t: 'str', v: registeredSymbolKey(key) } : undefined;
  }
  if (name !== 'path' && name !== 'url' && name !== 'fs' && !name.startsWith('fs/') && !name.startsWith('path/')) return undefined;
  // `node:fs/promises` comes as the package `fs/promises`; `fs/promises` as `fs` with a subpath.
  const slash = name.indexOf('/');
  const p = (slash < 0 ? path : [name.slice(slash + 1), ...path]).filter(x => x !== 'default');
  if (slash >= 0) name = name.slice(0, slash);
  if (name === 'path') return pathCall(p, args);
  if (name === 'url') return p.length === 1 ? urlCall(p[0], args, rt.owner) : undefined;
  if (name === 'fs') return fsCall(rt, p, args);
  return undefined;
}

const PATH_FUNCTIONS = new Set(['join', 'resolve', 'basename', 'extname', 'dirname', 'normalize', 'relative']);

function pathCall(p: string[], args: Arg[]): Value | undefined {
  // `path.posix.join` is `path.join` with `/`; the platform's `path` is the analyser's own.
  const posix = p[0] === 'posix';
  const fnName = posix ? p[1] : p[0];
  if (p.length !== (posix ? 2 : 1) || !PATH_FUNCTIONS.has(fnName)) return undefined;
  const strs: string[] = [];
  for (const a of args) {
    const s = asString(a.value);
    if (s === null) return undefined;
    strs.push(s);
  }
  const impl = posix ? nodePath.posix : nodePath;
  // `resolve` and `relative` start from the process's working folder unless given absolute paths:
  // the app's, which we do not know (the analyser's own would be wrong).
  if (fnName === 'resolve' && !strs.some(x => impl.isAbsolute(x))) return undefined;
  if (fnName === 'relative' && !strs.every(x => impl.isAbsolute(x))) return undefined;
  const fn = impl[fnName as 'join'] as (...xs: string[]) => string;
  return { t: 'str', v: fn(...strs) };
}

function urlCall(fnName: string, args: Arg[], owner: Owner): Value | undefined {
  if (fnName === 'URL') return urlValue(args, owner);
  const first = args[0] ? urlString(args[0].value) : null;
  if (first === null) return undefined;
  if (fnName === 'fileURLToPath') {
    try { return { t: 'str', v: fileURLToPath(first) }; } catch { return undefined; }
  }
  if (fnName === 'pathToFileURL') return urlValue([{ value: { t: 'str', v: pathToFileURL(first).href }, name: 'url', site: null }], owner);
  return undefined;
}

/** A URL given as a string or as a URL object we made. */
function urlString(v: Value): string | null {
  if (v.t === 'obj') { const href = v.props.get('href'); return href ? asString(href) : null; }
  return asString(v);
}

/**
 * An absolute path given as a string, a `file:` URL string or a URL object; null otherwise (a relative
 * path is relative to the app's working folder, which we do not know).
 */
function filePath(v: Value): string | null {
  const s = urlString(v);
  if (s === null || !s.startsWith('file:')) return s !== null && nodePath.isAbsolute(s) ? s : null;
  try { return fileURLToPath(s); } catch { return null; }
}

/**
 * `fs.readdirSync(dir[, options])`, `fs.promises.readdir(dir[, options])`, `fs.readdir(dir[, options], cb)`;
 * and, for a discovered file or folder only, `fs.existsSync(p)` and `fs.statSync(p)` (recursive loaders
 * ask `statSync(full).isDirectory()`). A path the scan did not see may still exist: left a package call.
 */
function fsCall(rt: NodeRuntime, p: string[], args: Arg[]): Value | undefined {
  const op = p.join('.');
  if (op === 'existsSync' || op === 'statSync' || op === 'lstatSync') {
    const target = args[0] ? filePath(args[0].value) : null;
    const kind = target !== null && rt.folders ? rt.folders.kind(target) : null;
    if (kind === null || target === null) return undefined;
    return op === 'existsSync' ? { t: 'bool', v: true } : dirent(rt, nodePath.dirname(target), nodePath.basename(target), kind === 'folder');
  }
  if (op !== 'readdirSync' && op !== 'promises.readdir' && op !== 'readdir') return undefined;
  const dir = args[0] ? filePath(args[0].value) : null;
  const entries = dir !== null && rt.folders ? rt.folders.list(dir) : null;
  if (!entries || dir === null) return undefined;
  const options = args[1]?.value;
  const flag = (key: string): boolean => options?.t === 'obj' && truthy(options.props.get(key) ?? UNDEFINED(key)) === true;
  // A recursive listing is not modelled: the call stays a package call.
  if (flag('recursive')) return undefined;
  const typed = flag('withFileTypes');
  const items: Arg[] = entries.map(e => ({ value: typed ? dirent(rt, dir, e.name, e.folder) : { t: 'str', v: e.name }, name: e.name, site: null }));
  const list: Value = { t: 'arr', owner: rt.owner, items };
  if (op !== 'readdir') return list;
  // The callback form: called once, with no error.
  const cb = args[args.length - 1]?.value;
  if (cb?.t === 'fn') rt.invoke(cb, [UNDEFINED('no error'), list]);
  return UNDEFINED('fs.readdir result');
}

/** An `fs.Dirent` (or the `fs.Stats` of a known path): `name`, `parentPath`, and `isDirectory()` / `isFile()` as functions returning the answer. */
function dirent(rt: NodeRuntime, dir: string, name: string, folder: boolean): Value {
  const yes = answer(rt, true);
  const no = answer(rt, false);
  return { t: 'obj', owner: rt.owner, props: new Map<string, Value>([
    ['name', { t: 'str', v: name }],
    ['parentPath', { t: 'str', v: dir }],
    ['path', { t: 'str', v: dir }],
    ['isDirectory', folder ? yes : no],
    ['isFile', folder ? no : yes],
    ['isSymbolicLink', no],
  ]) };
}

const NO_SPAN: Span = { start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };

/** `function () { return <answer>; }`: a Dirent method is a closure like any other to the interpreter. */
const ANSWERS = new Map<boolean, FnIR>([true, false].map(b => [b, {
  name: b ? 'true' : 'false', params: [], length: 0, async: false, generator: false, span: NO_SPAN, headSpan: NO_SPAN,
  body: [{ k: 'return', e: { k: 'bool', v: b } }], hoisted: {}, uses: [], throws: [], calls: [],
}]));

function answer(rt: NodeRuntime, b: boolean): Value {
  return { t: 'fn', owner: rt.owner, fn: ANSWERS.get(b)!, env: new Env(null, rt.owner), file: '' };
}
