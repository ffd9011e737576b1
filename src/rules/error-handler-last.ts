// Stop 4: an error handler (exactly four parameters, E18/E19) only sees errors from layers
// registered before it; routes and middleware after it under its prefix are outside its reach.
// Only the layers of its own app or router count (and of the routers mounted on it later): an error
// handler closing a router is where it belongs even when the app mounting that router registers
// more layers afterwards, which no handler inside the router could ever see.
import type { OrderedLayer } from '../core/model';
import type { RuleReport } from '../core/rule';
import { at, defineRule, firstAfter, moveStatement } from './define-rule';

export const errorHandlerLast = defineRule({
  id: 'error-handler-last',
  stop: 4,
  frameworks: ['express'],
  description: 'An error handler must come after the routes and middleware whose errors it should handle.',
  defaultSeverity: 'warning',
  messages: {
    notLast: 'Error handler {{handler}} is registered before {{count}} layer(s) it can never see errors from, starting with {{first}} ({{firstAt}}).',
  },
  translations: {
    ru: {
      description: 'Обработчик ошибок должен идти после маршрутов и middleware, чьи ошибки он должен обрабатывать.',
      messages: {
        notLast: 'Обработчик ошибок {{handler}} зарегистрирован раньше слоёв, чьих ошибок он никогда не увидит ({{count}}), начиная с {{first}} ({{firstAt}}).',
      },
    },
  },
  check(ctx) {
    const out: RuleReport[] = [];
    ctx.model.stacks.forEach((stack, app) => {
      const paths = ctx.paths(app);
      for (const eh of stack) {
        if (eh.kind !== 'middleware' || eh.layerKind !== 'error-handler') continue;
        const after = ownLayersAfter(stack, eh)
          .filter(l => l.layerKind !== 'error-handler' && paths.covers(eh.prefix, l.prefix, eh.caseSensitive ?? false));
        if (!after.length) continue;
        const first = after[0];
        const last = after[after.length - 1];
        const move = moveStatement(eh.range, last.range, `Move ${eh.name} after the last layer`);
        out.push({
          ...eh.range,
          messageId: 'notLast',
          data: { handler: eh.name, count: String(after.length), first: first.name, firstAt: at(first.range) },
          related: [{ ...first.range, message: `errors thrown here never reach ${eh.name}` }],
          fixes: move ? [move] : [],
        });
      }
    });
    return out;
  },
});



/**
 * The layers after `eh` in its own app or router: a stack lists a mounted router's layers right
 * after its mount, so they end at the first layer registered on neither that router nor a router
 * mounted inside it. Without owners (an adapter that does not say), every later layer.
 */
function ownLayersAfter(stack: OrderedLayer[], eh: OrderedLayer): OrderedLayer[] {
  const rest = stack.slice(firstAfter(stack, eh.order));
  if (eh.owner === undefined) return rest;
  const inside = new Set([eh.owner]);
  const out: OrderedLayer[] = [];
  for (const l of rest) {
    if (l.owner === undefined || !inside.has(l.owner)) break;
    if (l.mounts !== undefined) inside.add(l.mounts);
    out.push(l);
  }
  return out;
}
