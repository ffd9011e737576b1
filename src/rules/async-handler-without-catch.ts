// Stop 5: on Express 4 an async handler or route middleware whose promise rejects leaves the request
// hanging (E20): Express 4 calls the function and ignores the promise it returns, so no error
// handler runs and no response is sent until the client gives up. Express 5 passes the rejection to
// next(err); Fastify and Koa handle rejections themselves: the rule is Express 4 only.
import type { HandlerReach, ReachedCall } from '../core/model';
import { FLOW, has, routeFunctions } from '../core/reach';
import type { RuleReport } from '../core/rule';
import { at, defineRule, placeKey } from './define-rule';

/**
 * The first call an async function awaits where a rejection escapes it: awaited in its own body
 * (not in a callback), outside a try block with a catch clause, and not a promise chain that
 * handles rejections itself (`await load().catch(next)`).
 */
function escapingAwait(fn: HandlerReach): ReachedCall | null {
  if (!fn.async) return null;
  return fn.calls.find(c => has(c, FLOW.awaited) && !has(c, FLOW.caught) && !has(c, FLOW.nested) && !has(c, FLOW.chainCaught)
    && !(c.name === 'catch' && has(c, FLOW.chain))) ?? null;
}

export const asyncHandlerWithoutCatch = defineRule({
  id: 'async-handler-without-catch',
  stop: 5,
  frameworks: ['express'],
  description: 'On Express 4, an async handler or route middleware must catch what it awaits (try/catch, a wrapper, or express-async-errors): a rejection hangs the request.',
  defaultSeverity: 'warning',
  messages: {
    hangs: '{{fn}} awaits {{awaited}} ({{awaitedAt}}) outside try/catch: if that rejects, Express 4 never answers {{route}} (the request hangs until the client times out; E20).',
  },
  translations: {
    ru: {
      description: 'В Express 4 async-обработчик или middleware маршрута должен ловить то, что он ждёт через await (try/catch, обёртка или express-async-errors): отклонённый промис подвешивает запрос.',
      messages: {
        hangs: '{{fn}} ждёт {{awaited}} ({{awaitedAt}}) вне try/catch: если промис отклонится, Express 4 так и не ответит на {{route}} (запрос висит, пока клиент не отвалится по таймауту; E20).',
      },
    },
  },
  check(ctx) {
    const out: RuleReport[] = [];
    const reported = new Set<string>();
    for (const route of ctx.model.routes) {
      const origin = ctx.model.origins[route.app];
      if (route.framework !== 'express' || origin?.pathSyntax !== 'express4' || origin.asyncErrorsPatched) continue;
      for (const fn of routeFunctions(route)) {
        const awaited = escapingAwait(fn);
        if (!awaited || reported.has(placeKey(fn.range))) continue;
        reported.add(placeKey(fn.range));
        out.push({
          ...fn.range,
          messageId: 'hangs',
          data: { fn: fn.name === 'async function' ? 'This async function' : `async ${fn.name}`, awaited: awaited.callee, awaitedAt: at(awaited.range), route: `${route.method} ${route.path}` },
          related: [
            { ...awaited.range, message: 'a rejection here escapes the function' },
            { ...route.range, message: `${route.method} ${route.path} runs ${fn.name}` },
          ],
          fixes: [],
        });
      }
    }
    return out;
  },
});
