// Stop 7: `src.pipe(res)` does not forward the source's errors. With no 'error' listener on the
// source, a failed read is an unhandled 'error' event: the process exits (measured on Express 4/5,
// Fastify 4/5 with reply.raw and Koa 2/3 with ctx.res, test/oracle/stream-errors.oracle.test.ts). With
// a listener that only logs, the response is never ended: the client hangs and the socket stays open.
// `stream.pipeline` destroys both ends on an error. Koa's `ctx.body = stream` and Fastify's
// `reply.send(stream)` handle the stream themselves and are not reported.
import type { HandlerReach, ReachedCall } from '../core/model';
import type { RuleReport } from '../core/rule';
import { defineRule } from './define-rule';
import { type CallSelection, reachedOnce, within } from './reached-once';

/** Methods that add an event listener. */
const LISTEN = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);
/** Calls that take the source with its errors in hand: `pipeline(src, res, cb)`, `pump(...)`, `finished(src, cb)`. */
const TAKES_ERRORS = new Set(['pipeline', 'pump', 'finished', 'eos', 'onFinished']);
/** An error listener written in the source's own chain: `fs.createReadStream(p).on('error', …).pipe(res)`. */
const CHAINED_LISTENER = /\.(?:on|once|addListener|prependListener|prependOnceListener)\(\s*['"`]error['"`]/;
const DOTTED = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;
/** Calls that only report an error: a listener making no other call leaves the response open. */
const LOGGING = /^(?:console|logger|log|debug|winston|pino)\b|^(?:debug|log)$|\.(?:log|info|warn|error|debug|trace|fatal)$/;

/** The calls this rule looks at: `src.pipe(res)`. */
const PIPES_INTO_RESPONSE: CallSelection = {
  name: 'pipe-without-error-handling',
  keep: ({ call }) => call.name === 'pipe' && call.response === 'argument' && call.args.length === 1,
};

export const pipeWithoutErrorHandling = defineRule({
  id: 'pipe-without-error-handling',
  stop: 7,
  frameworks: ['express', 'fastify', 'koa'],
  description: "A stream piped into the response must have its errors handled: use stream.pipeline, or end the response in the source's 'error' listener.",
  defaultSeverity: 'warning',
  messages: {
    noListener: "{{source}} is piped into the response with no 'error' listener: pipe() does not forward the source's errors, so a failed read "
      + "is an unhandled 'error' event and the process exits. Use stream.pipeline({{source}}, {{destination}}, callback), which destroys both ends.",
    listenerLeavesOpen: "{{source}} is piped into the response and its 'error' listener ({{listenerAt}}) only logs: pipe() does not end the "
      + 'response when the source fails, so the client waits until it times out and the socket stays open. '
      + 'Use stream.pipeline({{source}}, {{destination}}, callback), or end the response in the listener.',
  },
  translations: {
    ru: {
      description: 'Ошибки стрима, направленного в ответ через pipe, должны обрабатываться: используйте stream.pipeline или завершайте ответ в обработчике \'error\' источника.',
      messages: {
        noListener: '{{source}} направлен в ответ через pipe без обработчика \'error\': pipe() не передаёт ошибки источника дальше, поэтому неудачное чтение становится необработанным событием \'error\', и процесс падает. Используйте stream.pipeline({{source}}, {{destination}}, callback): он уничтожает оба конца.',
        listenerLeavesOpen: '{{source}} направлен в ответ через pipe, а его обработчик \'error\' ({{listenerAt}}) только логирует: pipe() не завершает ответ при ошибке источника, поэтому клиент ждёт до таймаута, а сокет остаётся открытым. Используйте stream.pipeline({{source}}, {{destination}}, callback) или завершайте ответ в обработчике.',
      },
    },
  },
  check(ctx) {
    const out: RuleReport[] = [];
    for (const { call, in: owner } of reachedOnce(ctx, PIPES_INTO_RESPONSE)) {
      const chain = chainOf(call, owner);
      const first = chain.find(c => c.name === 'pipe') ?? call;
      if (chain.some(isErrorListener) || CHAINED_LISTENER.test(first.receiver)) continue;
      const source = sourceOf(first.receiver);
      const listeners = errorListeners(source, owner);
      if (listeners === 'handled') continue;
      out.push(ctx.reuse(call.range, [call, owner], () => report(call, source, listeners)));
    }
    return out;
  },
});

/**
 * The calls of the chain ending in `call`, innermost first (`src.pipe(gzip)`, `….on('error', f)`): the
 * calls of the function starting where it starts. A long chain's text is shortened in its middle, so
 * the source is read from the innermost pipe.
 */
function chainOf(call: ReachedCall, owner: HandlerReach): ReachedCall[] {
  const { file, line, column } = call.range;
  return owner.calls
    .filter(c => c.range.file === file && c.range.line === line && c.range.column === column && within(c.range, call.range))
    .sort((a, b) => a.range.endLine - b.range.endLine || a.range.endColumn - b.range.endColumn);
}

/** The stream that starts a pipe chain (`src` in `src.pipe(gzip)`, given that innermost link's receiver); 'the stream' when shortened. */
function sourceOf(receiver: string): string {
  if (receiver.includes('…') || receiver === '') return 'the stream';
  const first = receiver.indexOf('.pipe(');
  return first > 0 ? receiver.slice(0, first) : receiver;
}

function isErrorListener(c: ReachedCall): boolean {
  return LISTEN.has(c.name) && c.args[0]?.k === 'str' && c.args[0].v === 'error';
}

/**
 * How the function piping `source` handles its errors: 'handled' (a listener that does more than log,
 * or a call such as pipeline() that is given the source), else the listeners that only log.
 */
function errorListeners(source: string, owner: HandlerReach): ReachedCall[] | 'handled' {
  if (!DOTTED.test(source)) return [];
  const logging: ReachedCall[] = [];
  for (const c of owner.calls) {
    if (TAKES_ERRORS.has(c.name) && c.args.some(a => refText(a) === source)) return 'handled';
    if (c.receiver !== source || !isErrorListener(c)) continue;
    const listener = c.args[1];
    // A named handler (`src.on('error', next)`) is someone else's job; an inline one is read here.
    if (listener?.k !== 'unknown' && listener?.k !== 'fn') return 'handled';
    const inside = owner.calls.filter(x => x !== c && within(x.range, c.range));
    if (inside.some(x => !LOGGING.test(x.callee))) return 'handled';
    logging.push(c);
  }
  return logging;
}

/** `src`, `this.stream`: an argument naming a variable or a member of one, as source text. */
function refText(e: ReachedCall['args'][number]): string | null {
  if (e.k === 'ref') return e.name;
  if (e.k === 'member' && typeof e.prop === 'string') {
    const obj = refText(e.obj);
    return obj && `${obj}.${e.prop}`;
  }
  return null;
}

function report(call: ReachedCall, source: string, listeners: ReachedCall[]): RuleReport {
  const destination = call.args[0] ? refText(call.args[0]) ?? 'res' : 'res';
  const data: Record<string, string> = { source: source.length > 60 ? 'the stream' : source, destination };
  const listener = listeners[0];
  if (listener) data.listenerAt = `${listener.range.file}:${listener.range.line}`;
  return {
    ...call.range,
    messageId: listener ? 'listenerLeavesOpen' : 'noListener',
    data,
    related: listener ? [{ ...listener.range, message: "this 'error' listener only logs" }] : [],
    fixes: [{ kind: 'pipe-to-pipeline', title: 'Use stream.pipeline', call: call.range }],
  };
}
