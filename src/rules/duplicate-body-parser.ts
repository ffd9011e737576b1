// Stop 2: two body parsers of one package in one route's chain, where the second never parses. Read
// from the packages: body-parser (express.json & co.) skips a request whose body an earlier one
// read (1.x: `req._body`; 2.x: the request stream is finished), so a second parser of the same
// type does nothing; koa-bodyparser skips whenever `ctx.request.body !== undefined`, which an
// earlier one sets for every request ({} when it parses nothing). The second parser's options,
// typically a raised limit on one route, never apply: the first one's limit answers 413.
// Fastify has one parser per content type (a second addContentTypeParser for a type is a startup
// error, which the app shows at once), so the rule does not apply there.
import type { BodyParser } from '../core/model';
import type { RuleReport } from '../core/rule';
import { at, defineRule, placeKey } from './define-rule';

export const duplicateBodyParser = defineRule({
  id: 'duplicate-body-parser',
  stop: 2,
  frameworks: ['express', 'koa'],
  description: 'A route runs one body parser per content type: a second one of the same package never parses, and its options never apply.',
  defaultSeverity: 'warning',
  messages: {
    duplicate: '{{second}} never parses {{route}}: {{first}} ({{firstAt}}) runs before it and already {{how}}, so {{second}}\'s options (its limit) do not apply.',
  },
  translations: {
    ru: {
      description: 'На маршруте работает один парсер тела на тип содержимого: второй из того же пакета ничего не разбирает, и его опции не применяются.',
      messages: {
        duplicate: '{{second}} никогда не разбирает тело {{route}}: {{first}} ({{firstAt}}) работает раньше и уже {{how}}, поэтому опции {{second}} (его лимит) не действуют.',
      },
    },
  },
  check(ctx) {
    const out: RuleReport[] = [];
    const seen = new Set<string>();
    for (const route of ctx.model.routes) {
      const parsers = route.bodyParsers;
      if (!parsers || parsers.length < 2) continue;
      parsers.forEach((second, j) => {
        const first = parsers.slice(0, j).find(p => p !== second && shadows(p, second));
        if (!first) return;
        // One finding per pair of parsers, at the second one, naming the first route that runs both.
        const key = `${placeKey(first.range)}>${placeKey(second.range)}`;
        if (seen.has(key)) return;
        seen.add(key);
        const how = first.repeat === 'any' ? 'set ctx.request.body' : `read the ${common(first, second).join('/')} body`;
        out.push({
          ...second.range, messageId: 'duplicate',
          data: { first: first.name, second: second.name, firstAt: at(first.range), route: `${route.method} ${route.path}`, how },
          related: [{ ...first.range, message: `${first.name} runs first` }],
          fixes: [],
        });
      });
    }
    return out;
  },
});

/** Whether `later`, after `earlier` in one chain, is skipped for the requests it would parse. */
function shadows(earlier: BodyParser, later: BodyParser): boolean {
  if (earlier.package !== later.package || earlier.repeat === null) return false;
  if (placeKey(earlier.range) === placeKey(later.range)) return false; // one parser reached twice (a shared middleware)
  return earlier.repeat === 'any' || common(earlier, later).length > 0;
}

function common(a: BodyParser, b: BodyParser): string[] {
  return a.types.filter(t => b.types.includes(t));
}
