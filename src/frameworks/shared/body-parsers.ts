// Body parsers as the packages make them (stop 2): which content each parses, the byte limits that
// apply (as written, else the package's default) and what a second parser of the same package does
// after it in one chain. Express and Koa adapters read their chains' middleware through it.
// Defaults, read from the packages: body-parser 1.20 / 2.2 (express.json & co.) `limit` 100kb;
// koa-bodyparser 4 jsonLimit 1mb, formLimit 56kb, textLimit 1mb; @koa/bodyparser 5-6 the same;
// koa-body 6 jsonLimit 1mb, formLimit 56kb, textLimit 56kb, multipart off, formidable's
// maxFileSize 200 MiB; multer no file size limit.
import type { AdapterContext } from '../../core/adapter';
import type { BodyLimit, BodyParser, BodyType, SourceRange } from '../../core/model';
import { type Arg, type ObjValue, type PkgCall, type Site, alternatives, propArg } from '../../core/values';
import { byteLimit, parseBytes } from './byte-size';

const BODY_PARSER_TYPES: Record<string, BodyType> = { json: 'json', urlencoded: 'urlencoded', text: 'text', raw: 'raw' };
/** koa-bodyparser's `enableTypes` names, and the limit option of each. */
const KOA_TYPES: Record<string, { type: BodyType; limit: string }> = {
  json: { type: 'json', limit: 'jsonLimit' }, form: { type: 'urlencoded', limit: 'formLimit' }, text: { type: 'text', limit: 'textLimit' },
};
/** multer methods that accept files (`none()` accepts none). */
const MULTER_FILES = new Set(['single', 'array', 'fields', 'any']);

/**
 * Reads a chain's middleware arguments as body parsers, once per argument across runs (a chain entry
 * is shared by many routes, and an unchanged module's arguments are the same objects next run, so
 * its parsers are too).
 */
export function bodyParserReader(ctx: Pick<AdapterContext, 'memo' | 'range'>): (arg: Arg) => BodyParser | null {
  const range = (site: Site) => ctx.range(site.file, site.span);
  return arg => ctx.memo('bodyParser', arg, () => read(arg, range));
}

function read(arg: Arg, range: (site: Site) => SourceRange): BodyParser | null {
  const call = alternatives(arg.value).find((v): v is PkgCall => v.t === 'pkgcall');
  if (!call) return null;
  const path = call.path.filter(x => x !== 'default');
  const opts = optionsOf(call.args[0]);
  const at = range(call.site);
  const limit = (option: string, fallback: string | number, from = opts): BodyLimit => limitOf(from, option, fallback, range);
  const base = { name: arg.name, range: at };
  if ((call.name === 'express' || call.name === 'body-parser') && path.length === 1 && BODY_PARSER_TYPES[path[0]]) {
    // A `type` option decides what it reads: not comparable with another parser's default types.
    const types = opts?.props.has('type') ? [] : [BODY_PARSER_TYPES[path[0]]];
    return { ...base, package: 'body-parser', types, repeat: 'same-type', limits: [limit('limit', '100kb')] };
  }
  if (call.name === 'koa-bodyparser' || call.name === '@koa/bodyparser') {
    if (call.name === '@koa/bodyparser' ? !(path.length === 0 || (path.length === 1 && path[0] === 'bodyParser')) : path.length) return null;
    const enabled = enabledTypes(opts);
    const types = enabled.map(t => KOA_TYPES[t].type);
    const limits = enabled.map(t => limit(KOA_TYPES[t].limit, t === 'form' ? '56kb' : '1mb'));
    // koa-bodyparser sets ctx.request.body for every request ({} when it parses nothing): a later one always skips.
    return { ...base, package: call.name, types, repeat: call.name === 'koa-bodyparser' ? 'any' : null, limits };
  }
  if (call.name === 'koa-body' && (path.length === 0 || (path.length === 1 && path[0] === 'koaBody'))) {
    const multipart = opts?.props.get('multipart');
    const types: BodyType[] = ['json', 'urlencoded', 'text'];
    const limits = [limit('jsonLimit', '1mb'), limit('formLimit', '56kb'), limit('textLimit', '56kb')];
    if (multipart?.t === 'bool' && multipart.v) {
      types.push('multipart');
      const formidable = opts?.props.get('formidable');
      const fl = limitOf(formidable?.t === 'obj' ? formidable : null, 'maxFileSize', 200 * 2 ** 20, range);
      limits.push({ ...fl, option: 'formidable.maxFileSize' });
    }
    return { ...base, package: 'koa-body', types, repeat: null, limits };
  }
  if ((call.name === 'multer' || call.name === '@koa/multer') && path.length === 2 && path[0] === '()' && MULTER_FILES.has(path[1]) && call.base) {
    const options = optionsOf(call.base.args[0]);
    const limits = options?.props.get('limits');
    const fl = limitOf(limits?.t === 'obj' ? limits : null, 'fileSize', Infinity, range);
    return { ...base, range: range(call.base.site), package: 'multer', types: ['multipart'], repeat: null, limits: [{ ...fl, option: 'limits.fileSize' }] };
  }
  return null;
}

function optionsOf(arg: Arg | undefined): ObjValue | null {
  return arg?.value.t === 'obj' ? arg.value : null;
}

/** koa-bodyparser's `enableTypes` (default json and form), the names it knows. */
function enabledTypes(opts: ObjValue | null): string[] {
  const v = opts?.props.get('enableTypes');
  if (v?.t !== 'arr') return ['json', 'form'];
  return v.items.flatMap(i => (i.value.t === 'str' && KOA_TYPES[i.value.v] ? [i.value.v] : []));
}

/** One limit: as written in `opts` when it is, else the package default. */
function limitOf(opts: ObjValue | null, option: string, fallback: string | number, range: (site: Site) => SourceRange): BodyLimit {
  const written = opts ? propArg(opts, option) : null;
  if (!written) return { option, bytes: parseBytes(fallback), written: null, range: null };
  const { bytes, written: text } = byteLimit(written);
  return { option, bytes, written: text, range: written.site ? range(written.site) : null };
}
