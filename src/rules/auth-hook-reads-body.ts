// Stop 2: Fastify parses the body after the onRequest and preParsing hooks, so `request.body` is
// always undefined there (F16). An auth hook that takes its credential from the body in one of those
// phases rejects every request (when the body is its only credential) or never sees that credential.
// Reported once per place the hook is put in such a phase (an addHook call, a route option).
import type { ModelRoute } from '../core/model';
import type { RuleReport } from '../core/rule';
import { at, defineRule } from './define-rule';

type EarlyRead = NonNullable<ModelRoute['bodyBeforeParse']>[number];

export const authHookReadsBody = defineRule({
  id: 'auth-hook-reads-body',
  stop: 2,
  frameworks: ['fastify'],
  description: 'An auth hook must not read request.body in onRequest or preParsing, where Fastify has not parsed it yet.',
  defaultSeverity: 'error',
  messages: {
    stopsAll: '{{hook}} checks request.body ({{readAt}}) in {{phase}}, where Fastify has not parsed the body yet: it is always undefined, '
      + 'so the check rejects every request to {{routes}}. Run it in preValidation or preHandler.',
    neverSeen: '{{hook}} reads request.body ({{readAt}}) in {{phase}}, where Fastify has not parsed the body yet: it is always undefined, '
      + 'so that credential is never accepted on {{routes}}. Run it in preValidation or preHandler.',
  },
  translations: {
    ru: {
      description: 'Хук авторизации не должен читать request.body в onRequest или preParsing: там Fastify тело ещё не разобрал.',
      messages: {
        stopsAll: '{{hook}} проверяет request.body ({{readAt}}) в {{phase}}, где Fastify тело ещё не разобрал: оно всегда undefined, поэтому проверка отклоняет каждый запрос к {{routes}}. Перенесите её в preValidation или preHandler.',
        neverSeen: '{{hook}} читает request.body ({{readAt}}) в {{phase}}, где Fastify тело ещё не разобрал: оно всегда undefined, поэтому эти учётные данные на {{routes}} никогда не принимаются. Перенесите проверку в preValidation или preHandler.',
      },
    },
  },
  check(ctx) {
    // One report per placement: a context's hook is in the chain of each of its routes.
    const byPlace = new Map<string, { read: EarlyRead; routes: ModelRoute[] }>();
    for (const route of ctx.model.routes) {
      for (const read of route.bodyBeforeParse ?? []) {
        const key = `${read.at.file}:${read.at.line}:${read.at.column}:${read.hook}:${read.phase}`;
        const seen = byPlace.get(key);
        if (seen) { if (!seen.routes.includes(route)) seen.routes.push(route); } else byPlace.set(key, { read, routes: [route] });
      }
    }
    const out: RuleReport[] = [];
    for (const { read, routes } of byPlace.values()) {
      out.push(ctx.reuse(read.at, [read.read, read.hook, read.phase, read.stopsAll, ...routes.map(r => `${r.method} ${r.path}`)], () => reportFor(read, routes)));
    }
    return out;
  },
});

function reportFor(read: EarlyRead, routes: ModelRoute[]): RuleReport {
  const names = [...new Set(routes.map(r => `${r.method} ${r.path}`))];
  return {
    ...read.at,
    messageId: read.stopsAll ? 'stopsAll' : 'neverSeen',
    data: { hook: read.hook, phase: read.phase, readAt: at(read.read), routes: names.length === 1 ? names[0] : `${names.length} routes` },
    related: [{ ...read.read, message: `${read.hook} reads request.body here` }],
    // preHandler runs after parsing and validation; the hook keeps its place among the route's hooks.
    fixes: [{ kind: 'move-hook', title: `Run ${read.hook} in preHandler`, hook: read.at, from: read.phase, to: 'preHandler' }],
  };
}
