// Stop 7: a file read whole into memory (`fs.readFile`, `readFileSync`, `fs.promises.readFile`) and
// sent as the response body, when its path comes from the request or a variable: its size is not
// known, and each request holds all of it in memory until the slowest client has read it, where a
// stream (res.sendFile, reply.send(stream), ctx.body = stream) holds one chunk. A file whose path is
// written in the code (an index.html, a small JSON) is an asset the author knows and is not reported;
// a file transformed before it is sent (a template rendered, JSON parsed) is not a file response.
import type { Expr } from '../core/ir';
import type { HandlerReach, ModelRoute, ReachedCall, ReachedWrite } from '../core/model';
import { moduleName, type ReachedVia } from '../core/reach';
import type { RuleReport } from '../core/rule';
import { defineRule } from './define-rule';
import { type CallSelection, reachedOnce, within } from './reached-once';

const FS_MODULES = new Set(['fs', 'fs/promises', 'fs-extra', 'graceful-fs']);
const READS = new Set(['readFile', 'readFileSync']);
/** Response calls whose argument is the body. */
const SENDS = new Set(['send', 'end']);
const BODY_TARGETS = new Set(['ctx.body', 'ctx.response.body']);
/** Names that hold a path known when the code is written. */
const STATIC_NAMES = new Set(['__dirname', '__filename']);
const CONSTANT_NAME = /^[A-Z][A-Z0-9_]*$/;
/** Path helpers whose result is static when their arguments are. */
const PATH_CALLS = /^(?:path\.)?(?:join|resolve|normalize)$|^process\.cwd$|^require\.resolve$/;
/** `(err, data) =>`, `function (err, data)`: a Node callback's parameters, from its text. */
const CALLBACK_PARAMS = /^(?:async\s+)?(?:function\s*[\w$]*\s*)?\(\s*([\w$]+)\s*,\s*([\w$]+)/;

/** The calls this rule looks at: whole-file reads. */
const FILE_READS: CallSelection = { name: 'buffered-file-response', keep: isFileRead };

export const bufferedFileResponse = defineRule({
  id: 'buffered-file-response',
  stop: 7,
  frameworks: ['express', 'fastify', 'koa'],
  description: 'A file whose path comes from the request or a variable must be streamed to the client, not read whole into memory and sent.',
  defaultSeverity: 'warning',
  messages: {
    buffered: '{{read}}() reads the whole file {{path}} into memory and {{send}} sends it: each request holds all of it until the client has '
      + 'read it, whatever its size. Stream it instead: {{instead}}.',
  },
  // What to stream with, by framework (the report's `instead` is the framework's name).
  phrases: {
    instead: {
      express: 'res.sendFile(path) (Content-Type, ETag and ranges included) or stream.pipeline(fs.createReadStream(path), res, callback)',
      fastify: "reply.send(fs.createReadStream(path)) (or @fastify/static's reply.sendFile)",
      koa: 'ctx.body = fs.createReadStream(path) (or koa-send)',
    },
  },
  translations: {
    ru: {
      description: 'Файл, путь к которому приходит из запроса или переменной, нужно отдавать клиенту потоком, а не читать целиком в память и отправлять.',
      phrases: {
        instead: {
          express: 'res.sendFile(path) (с Content-Type, ETag и диапазонами) или stream.pipeline(fs.createReadStream(path), res, callback)',
          fastify: 'reply.send(fs.createReadStream(path)) (или reply.sendFile из @fastify/static)',
          koa: 'ctx.body = fs.createReadStream(path) (или koa-send)',
        },
      },
      messages: {
        buffered: '{{read}}() читает весь файл {{path}} в память, а {{send}} его отправляет: каждый запрос держит его целиком, пока клиент не дочитает, какого бы размера он ни был. Отдавайте его потоком: {{instead}}.',
      },
    },
  },
  check(ctx) {
    const out: RuleReport[] = [];
    for (const r of reachedOnce(ctx, FILE_READS)) {
      const path = r.call.args[0];
      if (!path || isStatic(path, r.in)) continue;
      const send = sentBy(r.call, r.in, r.route);
      if (!send) continue;
      const { call, route } = r;
      out.push(ctx.reuse(call.range, [call, send, route.framework], () => ({
        ...call.range,
        messageId: 'buffered',
        data: { read: call.callee, path: pathText(path), send: send.text, instead: route.framework },
        related: [{ ...send.range, message: 'the file is sent here' }],
        fixes: [],
      })));
    }
    return out;
  },
});

function isFileRead(r: ReachedVia): boolean {
  const name = r.pkg?.path[r.pkg.path.length - 1];
  return !!r.pkg && FS_MODULES.has(moduleName(r.pkg)) && name !== undefined && READS.has(name);
}

/** Whether a path is written in the code: literals, `__dirname`, a CONSTANT, path.join of those, or a local bound to one. */
function isStatic(e: Expr, fn: HandlerReach, depth = 0): boolean {
  switch (e.k) {
    case 'str': case 'num': return true;
    case 'concat': return e.parts.every(p => isStatic(p, fn, depth));
    case 'ref': {
      if (STATIC_NAMES.has(e.name) || CONSTANT_NAME.test(e.name)) return true;
      const bound = depth < 4 ? ownBinds(fn).find(b => b.name === e.name) : undefined;
      return bound !== undefined && isStatic(bound.value, fn, depth + 1);
    }
    case 'call': return PATH_CALLS.test(calleeText(e.callee)) && e.args.every(a => isStatic(a, fn, depth));
    case 'member': return calleeText(e) === 'import.meta.dirname';
    default: return false;
  }
}

function calleeText(e: Expr): string {
  if (e.k === 'ref') return e.name;
  if (e.k === 'member' && typeof e.prop === 'string') return `${calleeText(e.obj)}.${e.prop}`;
  return '?';
}

function pathText(e: Expr): string {
  const text = e.k === 'ref' ? e.name : e.k === 'member' || e.k === 'call' ? `${calleeText(e.k === 'call' ? e.callee : e)}${e.k === 'call' ? '(…)' : ''}` : '';
  return text && !text.includes('?') ? `(${text})` : '';
}

interface Send {
  text: string;
  range: ReachedCall['range'];
}

/**
 * Where the file read by `read` is sent as it is: `res.send(data)`, `reply.send(data.toString())`,
 * `ctx.body = data`, an async Fastify handler's `return data`, with `data` the read itself, a local
 * bound to it, or the data parameter of its callback (a send written inside the callback).
 */
function sentBy(read: ReachedCall, fn: HandlerReach, route: ModelRoute): Send | null {
  const names = new Set<string>();
  for (const b of ownBinds(fn)) if (isCallAt(b.value, read)) names.add(b.name);
  const callback = read.args.find(a => a.k === 'unknown' || a.k === 'fn');
  const param = callback?.k === 'unknown' ? CALLBACK_PARAMS.exec(callback.text)?.[2] : undefined;
  const isFile = (e: Expr, inCallback: boolean): boolean => {
    if (isCallAt(e, read)) return true;
    if (e.k === 'ref') return names.has(e.name) || (inCallback && e.name === param);
    // `data.toString()`, `data.toString('utf8')`: still the whole file.
    return e.k === 'call' && e.callee.k === 'member' && e.callee.prop === 'toString' && isFile(e.callee.obj, inCallback);
  };
  for (const c of fn.calls) {
    if (c.response !== 'receiver' || !SENDS.has(c.name) || c.args.length !== 1) continue;
    if (isFile(c.args[0], within(c.range, read.range))) return { text: `${c.callee}()`, range: c.range };
  }
  for (const w of fn.writes) {
    if (BODY_TARGETS.has(w.target) && isFile(w.value, within(w.range, read.range))) return { text: `${w.target} =`, range: w.range };
  }
  if (route.framework === 'fastify' && fn.async) {
    for (const r of fn.returns) if (isFile(r.value, false)) return { text: 'return', range: r.range };
  }
  return null;
}

/** Whether `e` is the call recorded as `call` (the same place: an `await` is dropped from bound values). */
function isCallAt(e: Expr | ReachedWrite['value'], call: ReachedCall): boolean {
  return e.k === 'call' && e.span.line === call.range.line && e.span.column === call.range.column;
}

/** The plain names a function's code binds to a whole value (`const data = await readFile(p)`), not destructured parts or callback parameters. */
function ownBinds(fn: HandlerReach): NonNullable<HandlerReach['binds']> {
  return (fn.binds ?? []).filter(b => !b.path.length && !b.from);
}
