// Stop 1: an app that trusts a proxy (so it runs behind one) while its server closes idle keep-alive
// connections no later than common load balancers do (60 s: AWS ALB, GCP, nginx upstream pools).
// The proxy then sends a request on a connection Node has just closed, and the client gets a 502.
// The adapters say where trust is turned on and what each server's keepAliveTimeout is: set by the
// code, else the framework's default (Node's http.Server 5 s for Express and Koa; Fastify 72 s, F20).
import type { Fix, ServerFacts, SourceRange, StackOrigin } from '../core/model';
import type { RuleReport } from '../core/rule';
import { at, defineRule } from './define-rule';

/** The idle timeout of common load balancers (AWS ALB, Google Cloud LB): Node's must be longer. */
const PROXY_IDLE_MS = 60_000;
/** What the suggestion sets: above the proxy's idle timeout, with headersTimeout a second above it. */
const SUGGESTED_MS = 65_000;

export const keepAliveTimeoutBelowProxy = defineRule({
  id: 'keep-alive-timeout-below-proxy',
  stop: 1,
  frameworks: ['express', 'fastify', 'koa'],
  description: "An app behind a proxy keeps idle connections open longer than the proxy's idle timeout (60 s).",
  defaultSeverity: 'warning',
  messages: {
    byDefault: "The server closes idle connections after {{seconds}} s ({{framework}}'s default keepAliveTimeout) while the app trusts a proxy ({{trustAt}}): a load balancer that keeps connections 60 s reuses one Node has just closed, and the client gets a 502. Set keepAliveTimeout above 60 s.",
    set: 'keepAliveTimeout is {{ms}} ms while the app trusts a proxy ({{trustAt}}): a load balancer that keeps connections 60 s reuses one Node has just closed, and the client gets a 502. Set it above 60 s.',
  },
  phrases: { framework: { node: "Node's http.Server", fastify: 'Fastify' } },
  translations: {
    ru: {
      description: 'Приложение за прокси держит простаивающие соединения открытыми дольше, чем idle-таймаут прокси (60 с).',
      phrases: { framework: { node: 'http.Server в Node', fastify: 'Fastify' } },
      messages: {
        byDefault: 'Сервер закрывает простаивающие соединения через {{seconds}} с (keepAliveTimeout по умолчанию в {{framework}}), а приложение доверяет прокси ({{trustAt}}): балансировщик, который держит соединения 60 с, переиспользует соединение, только что закрытое Node, и клиент получает 502. Поставьте keepAliveTimeout больше 60 с.',
        set: 'keepAliveTimeout равен {{ms}} мс, а приложение доверяет прокси ({{trustAt}}): балансировщик, который держит соединения 60 с, переиспользует соединение, только что закрытое Node, и клиент получает 502. Поставьте больше 60 с.',
      },
    },
  },
  check(ctx) {
    const out: RuleReport[] = [];
    for (const origin of ctx.model.origins) {
      const trust = origin.accept?.trustProxy;
      if (!trust) continue;
      const servers = origin.accept!.servers;
      for (const server of servers) {
        // A server made in a file where another server of the app gets its keepAliveTimeout is one
        // branch of `let server = cond ? https.createServer(…) : http.createServer(…)` followed by one
        // `server.keepAliveTimeout = …`: the analyser's variable holds the last branch only.
        const sibling = server.keepAliveTimeout ? null : servers.find(o => o.keepAliveTimeout && o.range.file === server.range.file);
        const report = check(sibling ? { ...server, keepAliveTimeout: sibling.keepAliveTimeout } : server, trust, origin);
        if (report) out.push(report);
      }
    }
    return out;
  },
});

function check(server: ServerFacts, trust: SourceRange, origin: StackOrigin): RuleReport | null {
  const set = server.keepAliveTimeout;
  if (set && set.ms === null) return null; // a value the analyser cannot read
  const ms = set?.ms ?? server.defaultKeepAliveTimeout;
  if (ms > PROXY_IDLE_MS) return null;
  const related = [{ ...trust, message: 'the app trusts a proxy here' }];
  if (!set) {
    const framework = origin.framework === 'fastify' ? 'fastify' : 'node';
    related.push({ ...server.range, message: 'the server is made here' });
    return { ...server.range, messageId: 'byDefault', data: { seconds: String(ms / 1000), framework, trustAt: at(trust) }, related, fixes: [] };
  }
  const fix: Fix = { kind: 'replace-text', title: `Set keepAliveTimeout to ${SUGGESTED_MS}`, at: set.range, from: String(ms), to: String(SUGGESTED_MS) };
  return { ...set.range, messageId: 'set', data: { ms: String(ms), trustAt: at(trust) }, related, fixes: [fix] };
}
