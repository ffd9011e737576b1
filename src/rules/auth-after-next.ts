// Stop 4: auth in the right place that rejects too late. In Koa, a middleware that checks only after
// `await next()` sets its 401 when the handler has already run (K9); in Express (and Koa), auth that
// sends 401 and still calls next() on that path lets the handler run too (E23). The client sees the
// rejection, so the bug hides, but the handler's side effects (a deletion, a payment) happen. The
// adapters read this from the middleware's body into ModelRoute.lateAuth; one report per place the
// middleware is registered, naming the first route it fails to stop.
import type { LateAuth, ModelRoute, SourceRange } from '../core/model';
import type { RuleReport } from '../core/rule';
import { at, defineRule, placeKey } from './define-rule';

export const authAfterNext = defineRule({
  id: 'auth-after-next',
  stop: 4,
  frameworks: ['koa', 'express'],
  description: 'Auth must reject before the handler runs: not after `await next()`, and not by replying and then calling next() anyway.',
  defaultSeverity: 'error',
  messages: {
    afterNext: '{{auth}} {{evidence}}. So {{route}}{{more}} runs its handler, side effects included, for requests that then get the 401. '
      + 'Check the request before calling next().',
    continues: '{{auth}} {{evidence}}. So {{route}}{{more}} runs its handler for requests the client sees rejected. '
      + 'Return after the rejection instead of going on to next().',
  },
  translations: {
    ru: {
      description: 'Авторизация должна отклонять запрос до обработчика: не после `await next()` и не так, что ответ отправлен, а next() всё равно вызван.',
      messages: {
        afterNext: '{{auth}} {{evidence}}. Поэтому {{route}}{{more}} выполняет обработчик, со всеми побочными эффектами, для запросов, которые потом получают 401. Проверяйте запрос до вызова next().',
        continues: '{{auth}} {{evidence}}. Поэтому {{route}}{{more}} выполняет обработчик для запросов, которые клиент видит отклонёнными. После отказа сделайте return, а не переходите к next().',
      },
    },
  },
  check(ctx) {
    // Routes per registration of a late auth layer, in route order: one pass over the routes.
    const byPlace = new Map<string, { late: LateAuth & { range: SourceRange }; routes: ModelRoute[] }>();
    for (const route of ctx.model.routes) {
      if (route.shadowedBy.length) continue;
      for (const late of route.lateAuth ?? []) {
        if (!late.range) continue;
        const key = placeKey(late.range);
        const seen = byPlace.get(key);
        if (seen) { if (seen.routes[seen.routes.length - 1] !== route) seen.routes.push(route); }
        else byPlace.set(key, { late: { ...late, range: late.range }, routes: [route] });
      }
    }
    const out: RuleReport[] = [];
    for (const { late, routes } of byPlace.values()) {
      const first = routes[0];
      const inputs = [late.name, late.how, late.evidence, first.method, first.path, first.range, routes.length];
      out.push(ctx.reuse(late.range, inputs, () => report(late, late.range, first, routes.length)));
    }
    return out;
  },
});

function report(late: LateAuth, range: SourceRange, first: ModelRoute, count: number): RuleReport {
  const more = count > 1 ? ` (and ${count - 1} more route${count > 2 ? 's' : ''})` : '';
  return {
    ...range,
    messageId: late.how === 'after-next' ? 'afterNext' : 'continues',
    data: { auth: late.name, evidence: late.evidence, route: `${first.method} ${first.path} (${at(first.range)})`, more },
    related: [{ ...first.range, message: `${first.method} ${first.path} runs its handler before ${late.name} rejects` }],
    fixes: [],
  };
}
