// Stop 7: `res.write(chunk)` returns false once the socket's buffer is past its high-water mark; the
// chunk is queued in memory anyway. A loop or a 'data' listener that writes without looking at that
// answer, and never waits for 'drain', produces as fast as it can: with a slow client every chunk
// waits in the process's memory, per connection.
import { FLOW, has, reachedCalls, routeFunctions, type ReachedVia } from '../core/reach';
import type { ModelRoute, ReachedCall } from '../core/model';
import type { RuleReport } from '../core/rule';
import { defineRule } from './define-rule';
import { type CallSelection, reachedOnce, within } from './reached-once';

/** The calls this rule looks at: the response's `write()` in a loop or a 'data' listener. */
const REPEATED_WRITES: CallSelection = {
  name: 'write-ignores-backpressure',
  keep: r => r.call.name === 'write' && r.call.response === 'receiver' && repeated(r) !== null,
};

export const writeIgnoresBackpressure = defineRule({
  id: 'write-ignores-backpressure',
  stop: 7,
  frameworks: ['express', 'fastify', 'koa'],
  description: "A response written in a loop or a 'data' listener must wait for 'drain' when write() returns false.",
  defaultSeverity: 'warning',
  messages: {
    loop: "{{callee}}() is called in a loop and nothing waits for 'drain': write() queues every chunk in memory when the client reads slower "
      + "than the loop produces. When it returns false, wait for the response's 'drain' event (await once(res, 'drain')), or stream the "
      + 'rows with stream.pipeline(Readable.from(rows), res, callback).',
    onData: "{{callee}}() is called for each chunk of a 'data' listener and nothing waits for 'drain': the source is never paused, so a "
      + 'slow client makes every chunk queue in memory. Use stream.pipeline(source, res, callback), which pauses the source for you.',
  },
  translations: {
    ru: {
      description: 'Ответ, который пишется в цикле или в обработчике \'data\', должен ждать \'drain\', когда write() возвращает false.',
      messages: {
        loop: '{{callee}}() вызывается в цикле, и никто не ждёт \'drain\': если клиент читает медленнее, чем цикл производит данные, write() складывает каждый кусок в память. Когда он возвращает false, дождитесь события \'drain\' у ответа (await once(res, \'drain\')) или отдавайте строки потоком через stream.pipeline(Readable.from(rows), res, callback).',
        onData: '{{callee}}() вызывается для каждого куска в обработчике \'data\', и никто не ждёт \'drain\': источник никогда не ставится на паузу, поэтому из-за медленного клиента каждый кусок копится в памяти. Используйте stream.pipeline(source, res, callback): он сам ставит источник на паузу.',
      },
    },
  },
  check(ctx) {
    const out: RuleReport[] = [];
    const drains = new Map<ModelRoute, boolean>();
    for (const r of reachedOnce(ctx, REPEATED_WRITES)) {
      const where = repeated(r)!;
      let waits = drains.get(r.route);
      if (waits === undefined) drains.set(r.route, (waits = waitsForDrain(r.route)));
      if (waits) continue;
      const { call } = r;
      out.push(ctx.reuse(call.range, [call, where], () => ({
        ...call.range, messageId: where, data: { callee: call.callee }, related: [], fixes: [],
      })));
    }
    return out;
  },
});

/**
 * How the write repeats: in a 'data' listener (also in a callback written inside one: the listener's
 * own flow stops at the next function), or in a loop (its own, or one around a call on the way to
 * it); null when it runs once.
 */
function repeated(r: ReachedVia): 'onData' | 'loop' | null {
  const steps = [...r.via.map(v => v.call), r.call];
  if (steps.some(c => has(c, FLOW.onData)) || r.in.calls.some(c => isDataListener(c) && within(r.call.range, c.range))) return 'onData';
  return steps.some(c => has(c, FLOW.loop)) ? 'loop' : null;
}

function isDataListener(c: ReachedCall): boolean {
  return (c.name === 'on' || c.name === 'once' || c.name === 'addListener') && c.args[0]?.k === 'str' && c.args[0].v === 'data';
}

/** Whether any function the route runs names the 'drain' event (`res.once('drain', …)`, `await once(res, 'drain')`). */
function waitsForDrain(route: ModelRoute): boolean {
  return routeFunctions(route).some(fn => reachedCalls(fn).some(({ call }) => call.args.some(a => a.k === 'str' && a.v === 'drain')));
}
