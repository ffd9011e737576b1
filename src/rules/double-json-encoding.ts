// Stop 6: a body encoded twice. `JSON.stringify` makes a string; a send that encodes its value as
// JSON encodes that string again, so the client parses a string of JSON instead of the object. Two
// shapes, measured on the real frameworks (test/oracle/serialize.oracle.test.ts):
// - the whole body, given to a call that encodes every value, a string too: Express `res.json` /
//   `res.jsonp`. (`res.send(str)`, `reply.send(str)`, `ctx.body = str` and a Fastify handler
//   returning a string send the string as it is: valid JSON arrives, not a finding.)
// - a field of an object body (`{ data: JSON.stringify(x) }`) on every send that encodes objects:
//   `res.json`, `res.send`, `reply.send`, `ctx.body =`, what a Fastify handler returns.
// Values are followed through the function's variables; reported at the JSON.stringify call.
import type { Expr } from '../core/ir';
import type { HandlerReach, SourceRange } from '../core/model';
import type { RuleReport } from '../core/rule';
import { at, defineRule, placeKey } from './define-rule';
import { bindsOf, rangeIn, sentParts, type SentValue } from './sent-values';
import { fit } from '../core/compact';

/** How many variables deep a value is followed. */
const MAX_HOPS = 3;

export const doubleJsonEncoding = defineRule({
  id: 'double-json-encoding',
  stop: 6,
  frameworks: ['express', 'fastify', 'koa'],
  description: 'A value JSON.stringify has already encoded must not be encoded as JSON again by the response.',
  defaultSeverity: 'warning',
  messages: {
    whole: '{{send}} encodes its value as JSON, and this value is already JSON text ({{sentAt}}): the client receives one JSON string '
      + '("{\\"id\\":1}") instead of the object. Send the value itself.',
    field: 'The field `{{field}}` holds JSON text and {{send}} encodes the body as JSON again ({{sentAt}}): the client receives `{{field}}` '
      + 'as a string it must parse a second time, not as the object. Put the value itself in the field.',
  },
  translations: {
    ru: {
      description: 'Значение, уже закодированное через JSON.stringify, ответ не должен кодировать в JSON повторно.',
      messages: {
        whole: '{{send}} кодирует значение в JSON, а оно уже JSON-текст ({{sentAt}}): клиент получает одну JSON-строку ("{\\"id\\":1}") вместо объекта. Отправляйте само значение.',
        field: 'Поле `{{field}}` содержит JSON-текст, а {{send}} ещё раз кодирует тело в JSON ({{sentAt}}): клиент получает `{{field}}` строкой, которую надо разбирать второй раз, а не объектом. Кладите в поле само значение.',
      },
    },
  },
  check(ctx) {
    const out = new Map<string, RuleReport>();
    for (const route of ctx.model.routes) {
      // Derived per part of what the route sends (one function's facts): kept across runs while they live.
      const hits = sentParts(ctx, route).flatMap(part => ctx.derived(part, 'double json encoding', () => fit(part.flatMap(sent => doubleEncoded(sent).map(found => ({ sent, found }))))));
      for (const { sent, found } of hits) {
        const key = placeKey(found.stringify);
        if (!out.has(key)) out.set(key, ctx.reuse(found.stringify, [sent.range, sent.by, found.field], () => report(sent, found)));
      }
    }
    return [...out.values()];
  },
});

interface Found {
  /** The JSON.stringify call. */
  stringify: SourceRange;
  /** The field holding it, or null for the whole body. */
  field: string | null;
}

/** The JSON.stringify results a send encodes again. */
function doubleEncoded(sent: SentValue): Found[] {
  const out: Found[] = [];
  const whole = stringified(sent.value, sent.in, MAX_HOPS);
  if (whole) {
    // A string body is sent as it is except by `res.json`: valid JSON arrives.
    if (sent.how === 'json') out.push({ stringify: whole, field: null });
    return out;
  }
  if (sent.how === 'end') return out;
  for (const obj of objects(sent.value, sent.in, MAX_HOPS)) fields(obj, sent.in, '', out);
  return out;
}

/** The fields of an object body (nested objects too) that hold JSON.stringify results. */
function fields(obj: Extract<Expr, { k: 'obj' }>, fn: HandlerReach, prefix: string, out: Found[]): void {
  for (const p of obj.props) {
    if (!('key' in p)) continue;
    const name = `${prefix}${p.key}`;
    const s = stringified(p.value, fn, MAX_HOPS);
    if (s) out.push({ stringify: s, field: name });
    else if (p.value.k === 'obj') fields(p.value, fn, `${name}.`, out);
  }
}

/** Where `e` is a JSON.stringify call (directly, or the value of the variable it names), else null. */
function stringified(e: Expr, fn: HandlerReach, hops: number): SourceRange | null {
  if (e.k === 'call' && e.callee.k === 'member' && e.callee.prop === 'stringify' && e.callee.obj.k === 'ref' && e.callee.obj.name === 'JSON') {
    return rangeIn(fn, e.span);
  }
  if (e.k === 'ref' && hops > 0) {
    const binds = bindsOf(fn, e.name);
    // Every value the variable is given must be one: `let body = x; if (pretty) body = JSON.stringify(x)` is not.
    const all = binds.map(b => (b.path.length || b.from ? null : stringified(b.value, fn, hops - 1)));
    return all.length && all.every(Boolean) ? all[0] : null;
  }
  return null;
}

/** The object literals `e` is, directly or through variables. */
function objects(e: Expr, fn: HandlerReach, hops: number): Extract<Expr, { k: 'obj' }>[] {
  if (e.k === 'obj') return [e];
  if (e.k === 'ref' && hops > 0) return bindsOf(fn, e.name).flatMap(b => (b.path.length || b.from ? [] : objects(b.value, fn, hops - 1)));
  return [];
}

function report(sent: SentValue, found: Found): RuleReport {
  return {
    ...found.stringify,
    messageId: found.field === null ? 'whole' : 'field',
    data: { send: sent.by, sentAt: at(sent.range), ...(found.field === null ? {} : { field: found.field }) },
    related: [{ ...sent.range, message: `${sent.by} encodes the body as JSON here` }],
    fixes: [{ kind: 'unwrap-call', title: 'Send the value itself, not its JSON text', call: found.stringify }],
  };
}
