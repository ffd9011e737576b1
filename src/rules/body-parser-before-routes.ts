// Stop 2: a handler reads the parsed body but no body parser runs before it, so the body is
// undefined: Express 4 and 5 alike when the parser is registered after the route (req.body), and
// Koa when the router's routes() is used before app.use(bodyParser()) (ctx.request.body, K13; reading
// a field of it then throws). The order is the app's dispatch order as the adapters build it.
// Not Fastify: it parses JSON and text itself before preValidation, in any registration order (F16,
// F17); reading the body too early there is auth-hook-reads-body.
import type { Fix, ModelRoute, OrderedLayer, SourceRange } from '../core/model';
import type { RuleReport } from '../core/rule';
import { at, defineRule, moveStatement } from './define-rule';

/** Parsers of the request body (cookie-parser also parses, but not the body). */
const isBodyParser = (name: string, kind: string) => kind === 'parse' && !/cookie/i.test(name);

export const bodyParserBeforeRoutes = defineRule({
  id: 'body-parser-before-routes',
  stop: 2,
  frameworks: ['express', 'koa'],
  description: 'A handler that reads the request body must have a body parser in front of it.',
  defaultSeverity: 'error',
  messages: {
    parserAfter: '{{route}} reads {{body}} but {{parser}} is registered after it ({{parserAt}}): {{body}} is undefined here.',
    noParser: '{{route}} reads {{body}} but no body parser runs before it: {{body}} is undefined.',
  },
  translations: {
    ru: {
      description: 'Перед обработчиком, который читает тело запроса, должен стоять парсер тела.',
      messages: {
        parserAfter: '{{route}} читает {{body}}, но {{parser}} зарегистрирован после него ({{parserAt}}): здесь {{body}} равен undefined.',
        noParser: '{{route}} читает {{body}}, но перед ним не работает ни один парсер тела: {{body}} равен undefined.',
      },
    },
  },
  check(ctx) {
    // Each route's position in its app's dispatch order (a stack's index is its layers' order).
    const position = new Map<number, number>();
    for (const stack of ctx.model.stacks) for (const l of stack) if (l.route !== undefined) position.set(l.route, l.order);
    const nextParsers = new Map<number, (OrderedLayer | undefined)[]>();
    const out: RuleReport[] = [];
    ctx.model.routes.forEach((route, i) => {
      const read = route.facts.readsBody;
      if (!read || route.shadowedBy.length || route.chain.some(c => isBodyParser(c.name, c.kind))) return;
      const stack = ctx.model.stacks[route.app] ?? [];
      const pos = position.get(i) ?? route.order;
      let next = nextParsers.get(route.app);
      if (!next) nextParsers.set(route.app, (next = laterParsers(stack)));
      const parser = next[pos];
      const body = route.framework === 'koa' ? 'ctx.request.body' : 'req.body';
      const data: Record<string, string> = { route: `${route.method} ${route.path}`, body };
      const related = [{ ...read, message: `${body} is read here` }];
      if (!parser) { out.push({ ...route.range, messageId: 'noParser', data, related, fixes: [] }); return; }
      data.parser = parser.name;
      data.parserAt = at(parser.range);
      related.push({ ...parser.range, message: `${parser.name} is registered here, after the route` });
      out.push({ ...route.range, messageId: 'parserAfter', data, related, fixes: fixes(parser, route, anchorOf(route, pos, stack)) });
    });
    return out;
  },
});

/**
 * For each position of a stack, the first body parser after it: one backward pass per app (a scan
 * forward from every route made thousands of routes before a late parser quadratic).
 */
function laterParsers(stack: OrderedLayer[]): (OrderedLayer | undefined)[] {
  const out: (OrderedLayer | undefined)[] = new Array(stack.length);
  let next: OrderedLayer | undefined;
  for (let i = stack.length - 1; i >= 0; i--) {
    out[i] = next;
    const l = stack[i];
    if (l.kind === 'middleware' && isBodyParser(l.name, l.layerKind)) next = l;
  }
  return out;
}

/**
 * Where the parser should go: above the route's registration, or, for a Koa route, above the
 * `app.use(router.routes())` that puts its router in the app's order (the mount layer just before
 * the router's routes in the stack).
 */
function anchorOf(route: ModelRoute, pos: number, stack: OrderedLayer[]): SourceRange {
  if (route.framework !== 'koa') return route.range;
  for (let i = pos - 1; i >= 0; i--) if (stack[i].kind === 'mount') return stack[i].range;
  return route.range;
}

function fixes(parser: OrderedLayer, route: ModelRoute, anchor: SourceRange): Fix[] {
  const above = anchor === route.range ? `${route.method} ${route.path}` : 'the router';
  const move = moveStatement(parser.range, anchor, `Move ${parser.name} above ${above}`, true);
  return move ? [move] : [];
}
