// Stop 4: Koa's error-catching middleware (`try { await next() } catch (err) {…}`) catches only
// what the layers after it throw: it wraps `next()`, and a router used before it has already run
// (and failed) by the time the request reaches it. Express has the opposite order (error-handler-last);
// Fastify uses setErrorHandler, which is not a layer at all.
import type { OrderedLayer } from '../core/model';
import type { RuleReport } from '../core/rule';
import { at, defineRule, moveStatement } from './define-rule';

export const errorHandlerFirst = defineRule({
  id: 'error-handler-first',
  stop: 4,
  frameworks: ['koa'],
  description: "Koa: the error-catching middleware must be registered before the routes whose errors it should catch.",
  defaultSeverity: 'warning',
  messages: {
    notFirst: '{{handler}} catches errors only from the layers after it, but {{count}} route(s) come before it, starting with {{first}} ({{firstAt}}): their errors reach Koa\'s default handler instead (a plain-text 500).',
  },
  translations: {
    ru: {
      description: 'Koa: middleware, перехватывающий ошибки, должен быть зарегистрирован раньше маршрутов, чьи ошибки он должен ловить.',
      messages: {
        notFirst: '{{handler}} ловит ошибки только слоёв после себя, но перед ним идут маршруты ({{count}}), начиная с {{first}} ({{firstAt}}): их ошибки попадают в стандартный обработчик Koa (500 простым текстом).',
      },
    },
  },
  check(ctx) {
    const out: RuleReport[] = [];
    ctx.model.stacks.forEach((stack, app) => {
      if (ctx.model.origins[app]?.framework !== 'koa') return;
      const paths = ctx.paths(app);
      for (const catcher of stack) {
        if (catcher.kind !== 'middleware' || !catcher.catchesErrors) continue;
        const before = stack.filter(l => l.order < catcher.order && l.kind === 'route' && paths.covers(catcher.prefix, l.prefix, false));
        if (!before.length) continue;
        const first = before[0];
        // Where the first of those routes enters the app: the `app.use(router.routes())` before it.
        const entry = stack.filter((l): l is OrderedLayer => l.kind === 'mount' && l.order < first.order).pop();
        const move = entry ? moveStatement(catcher.range, entry.range, `Move ${catcher.name} before ${entry.name}`, true) : null;
        out.push({
          ...catcher.range,
          messageId: 'notFirst',
          data: { handler: catcher.name, count: String(before.length), first: first.name, firstAt: at(first.range) },
          related: [{ ...(entry ?? first).range, message: `errors thrown by ${first.name} never reach ${catcher.name}` }],
          fixes: move ? [move] : [],
        });
      }
    });
    return out;
  },
});
