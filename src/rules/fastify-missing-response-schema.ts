// Stop 6, Fastify only: a route with a response schema (`schema.response`) has its bodies written
// by a serializer Fastify compiles from that schema (fast-json-stringify), which is faster than
// JSON.stringify and sends only the fields the schema lists. A route without one that sends an
// object (reply.send(obj), or what its handler returns) serializes with JSON.stringify. Express and
// Koa have no such schema: their bodies always go through JSON.stringify. Info: a choice, not a bug.
import type { Expr } from '../core/ir';
import { REACH, type HandlerReach, type ModelRoute } from '../core/model';
import type { RuleReport } from '../core/rule';
import { at, defineRule, placeKey } from './define-rule';
import { bindsOf, sentParts, type SentValue } from './sent-values';

/** Calls whose result is text, a buffer or a stream, which Fastify sends as it is. */
const NOT_JSON = /^(stringify|toString|createReadStream|readFile|readFileSync|render|view|join|toFixed)$/;

export const fastifyMissingResponseSchema = defineRule({
  id: 'fastify-missing-response-schema',
  stop: 6,
  frameworks: ['fastify'],
  description: 'A Fastify route that sends an object should declare schema.response, so Fastify serializes it with a compiled serializer.',
  defaultSeverity: 'info',
  messages: {
    missing: '{{route}} sends {{what}} ({{sentAt}}) and has no response schema: Fastify serializes it with JSON.stringify. '
      + 'With schema.response, Fastify compiles a serializer for it (fast-json-stringify), faster and sending only the fields the schema lists.',
  },
  phrases: { what: { object: 'an object', array: 'an array', returned: 'what its handler returns', given: 'the value given to {{by}}' } },
  translations: {
    ru: {
      description: 'Маршрут Fastify, который отправляет объект, должен объявлять schema.response, чтобы Fastify сериализовал его скомпилированным сериализатором.',
      phrases: { what: { object: 'объект', array: 'массив', returned: 'то, что возвращает обработчик', given: 'значение, переданное в {{by}}' } },
      messages: {
        missing: '{{route}} отправляет {{what}} ({{sentAt}}) без схемы ответа: Fastify сериализует его через JSON.stringify. Со schema.response Fastify компилирует для него сериализатор (fast-json-stringify): это быстрее, и отправляются только поля, перечисленные в схеме.',
      },
    },
  },
  check(ctx) {
    const out = new Map<string, RuleReport>();
    for (const route of ctx.model.routes) {
      if (route.responseSchema !== false) continue;
      const key = placeKey(route.range);
      if (out.has(key)) continue;
      // What the handler sends comes first: a hook's send (an auth hook's 401 body) only when the handler's is not an object.
      const parts = sentParts(ctx, route);
      const hooks = route[REACH]?.middleware.length ?? 0;
      const serialized = (s: SentValue) => s.how === 'send' && objectLike(s.value, s.in, 2);
      const sent = parts.slice(hooks).flat().find(serialized) ?? parts.slice(0, hooks).flat().find(serialized);
      if (sent) out.set(key, ctx.reuse(route.range, [sent.range, sent.by, route.path], () => report(route, sent)));
    }
    return [...out.values()];
  },
});

/**
 * Whether a sent value may be an object or an array (not text, a number, a buffer or a stream Fastify
 * sends as it is). A name is read through the function's own bindings (`hops` deep); a name bound
 * outside it (a module's `const stream = fs.createReadStream(…)`, a parameter) is not known: not counted.
 */
function objectLike(e: Expr, fn: HandlerReach, hops: number): boolean {
  switch (e.k) {
    case 'obj': case 'arr': case 'member': return true;
    case 'ref': return hops > 0 && bindsOf(fn, e.name).some(b => b.path.length > 0 || b.from !== undefined || objectLike(b.value, fn, hops - 1));
    case 'call': {
      const c = e.callee;
      const name = c.k === 'member' && typeof c.prop === 'string' ? c.prop : c.k === 'ref' ? c.name : '';
      return !NOT_JSON.test(name);
    }
    case 'cond': return e.alternatives.some(a => objectLike(a, fn, hops));
    default: return false;
  }
}

function report(route: ModelRoute, sent: SentValue): RuleReport {
  const what = sent.value.k === 'obj' ? 'object' : sent.value.k === 'arr' ? 'array' : sent.by === 'return' ? 'returned' : 'given';
  return {
    ...route.range,
    messageId: 'missing',
    data: { route: `${route.method} ${route.path}`, what, ...(what === 'given' ? { by: sent.by } : {}), sentAt: at(sent.range) },
    related: [{ ...sent.range, message: `the body is sent here` }],
    fixes: [],
  };
}
