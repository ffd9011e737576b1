// Stop 2: a handler reads req.body but no body parser runs before it, so req.body is undefined
// (Express 4 and 5 alike when the parser is registered after the route).
import type { Fix, ModelRoute, OrderedLayer } from '../core/model';
import type { RuleReport } from '../core/rule';
import { at, defineRule, firstAfter, moveStatement } from './define-rule';

/** Parsers of the request body (cookie-parser also parses, but not the body). */
const isBodyParser = (name: string, kind: string) => kind === 'parse' && !/cookie/i.test(name);

export const bodyParserBeforeRoutes = defineRule({
  id: 'body-parser-before-routes',
  stop: 2,
  frameworks: ['express'],
  description: 'A handler that reads req.body must have a body parser in front of it.',
  defaultSeverity: 'error',
  messages: {
    parserAfter: '{{route}} reads req.body but {{parser}} is registered after it ({{parserAt}}): req.body is undefined here.',
    noParser: '{{route}} reads req.body but no body parser runs before it: req.body is undefined.',
  },
  check(ctx) {
    const out: RuleReport[] = [];
    for (const route of ctx.model.routes) {
      const read = route.facts.readsBody;
      if (!read || route.shadowedBy.length || route.chain.some(c => isBodyParser(c.name, c.kind))) continue;
      const parser = laterParser(route, ctx.model.stacks[route.app] ?? []);
      const data: Record<string, string> = { route: `${route.method} ${route.path}` };
      const related = [{ ...read, message: 'req.body is read here' }];
      if (!parser) { out.push({ ...route.range, messageId: 'noParser', data, related, fixes: [] }); continue; }
      data.parser = parser.name;
      data.parserAt = at(parser.range);
      related.push({ ...parser.range, message: `${parser.name} is registered here, after the route` });
      out.push({ ...route.range, messageId: 'parserAfter', data, related, fixes: fixes(parser, route) });
    }
    return out;
  },
});

/** The first body parser after the route (the stack is in order: the search starts at the route). */
function laterParser(route: ModelRoute, stack: OrderedLayer[]): OrderedLayer | undefined {
  for (let i = firstAfter(stack, route.order); i < stack.length; i++) {
    const l = stack[i];
    if (l.kind === 'middleware' && isBodyParser(l.name, l.layerKind)) return l;
  }
  return undefined;
}

function fixes(parser: OrderedLayer, route: ModelRoute): Fix[] {
  const move = moveStatement(parser.range, route.range, `Move ${parser.name} above ${route.method} ${route.path}`, true);
  return move ? [move] : [];
}
