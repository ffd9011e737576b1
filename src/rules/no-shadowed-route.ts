// Stop 3: Express and Koa are first-match. A route is unreachable when an earlier route on the same
// method matches every path it matches and ends the response (E22, K7), or when a catch-all that
// never calls next() comes before it (E21). The adapters record both on the route (shadowedBy).
import type { ShadowReason } from '../core/model';
import type { RuleReport } from '../core/rule';
import { at, defineRule, moveStatement, placeKey } from './define-rule';

export const noShadowedRoute = defineRule({
  id: 'no-shadowed-route',
  stop: 3,
  frameworks: ['express', 'koa'],
  description: 'A route must not be hidden by an earlier route or catch-all that matches every request it would get.',
  defaultSeverity: 'error',
  messages: {
    shadowed: '{{route}} can never be reached: {{by}} ({{byAt}}) {{why}}.',
  },
  // Why, from the reason the adapter recorded (Shadowing.reason).
  phrases: {
    why: {
      'route-first': 'matches first and does not call next()',
      'route-first-koa': 'matches first and does not call next() (K7)',
      'ends-all': 'ends every response under {{prefix}} without calling next()',
      'body-before-parse': 'checks request.body in {{phase}}, where the body is not parsed yet: it stops every request',
      generator: 'is a generator function the framework accepts and never runs (K14)',
    },
  },
  translations: {
    ru: {
      description: 'Маршрут не должен быть перекрыт более ранним маршрутом или catch-all, который забирает все его запросы.',
      messages: {
        shadowed: 'До {{route}} не дойдёт ни один запрос: {{by}} ({{byAt}}) {{why}}.',
      },
      phrases: {
        why: {
          'route-first': 'совпадает первым и не вызывает next()',
          'route-first-koa': 'совпадает первым и не вызывает next() (K7)',
          'ends-all': 'завершает каждый ответ под {{prefix}}, не вызывая next()',
          'body-before-parse': 'проверяет request.body в {{phase}}, где тело ещё не разобрано: он останавливает каждый запрос',
          generator: '— функция-генератор, которую фреймворк принимает, но никогда не запускает (K14)',
        },
      },
    },
  },
  check(ctx) {
    const out: RuleReport[] = [];
    // A Koa function* that never runs stops its routes too (K14): koa3-generator-middleware reports it.
    const generators = new Set(ctx.model.origins.flatMap(o => o.generators ?? []).map(g => placeKey(g.range)));
    for (const route of ctx.model.routes) {
      const s = route.shadowedBy[0];
      if (!s || generators.has(placeKey(s.range))) continue;
      const reason = s.reason;
      // A route can move above the route that answers first; a catch-all answers wherever the route goes.
      const move = reason.k !== 'ends-all' ? moveStatement(route.range, s.range, `Move ${route.method} ${route.path} above ${s.name}`, true) : null;
      out.push({
        ...route.range,
        messageId: 'shadowed',
        data: { route: `${route.method} ${route.path}`, by: s.name, byAt: at(s.range), ...whyOf(reason) },
        related: [{ ...s.range, message: `${s.name} answers these requests first` }],
        fixes: move ? [move] : [],
      });
    }
    return out;
  },
});

/** The data naming why (a phrase key) and what its words read. */
function whyOf(reason: ShadowReason): Record<string, string> {
  switch (reason.k) {
    case 'route-first': return { why: reason.koa ? 'route-first-koa' : 'route-first' };
    case 'ends-all': return { why: 'ends-all', prefix: reason.prefix };
    case 'body-before-parse': return { why: 'body-before-parse', phase: reason.phase };
    // (koa3-generator-middleware reports these: skipped above.)
    case 'generator': return { why: 'generator' };
  }
}
