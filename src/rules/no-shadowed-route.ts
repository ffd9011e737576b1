// Stop 3: Express and Koa are first-match. A route is unreachable when an earlier route on the same
// method matches every path it matches and ends the response (E22, K7), or when a catch-all that
// never calls next() comes before it (E21). The adapters record both on the route (shadowedBy).
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
  translations: {
    ru: {
      description: 'Маршрут не должен быть перекрыт более ранним маршрутом или catch-all, который забирает все его запросы.',
      messages: {
        shadowed: 'До {{route}} не дойдёт ни один запрос: {{by}} ({{byAt}}) {{why}}.',
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
      const why = s.why.replace(/^.*? matches first/, 'matches first');
      const move = !/calling next/.test(s.why) ? moveStatement(route.range, s.range, `Move ${route.method} ${route.path} above ${s.name}`, true) : null;
      out.push({
        ...route.range,
        messageId: 'shadowed',
        data: { route: `${route.method} ${route.path}`, by: s.name, byAt: at(s.range), why },
        related: [{ ...s.range, message: `${s.name} answers these requests first` }],
        fixes: move ? [move] : [],
      });
    }
    return out;
  },
});
