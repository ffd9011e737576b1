// How Fastify dispatches one request over an analysed app, for the trace (core/trace.ts): the router
// picks the most specific matching route whatever the registration order (F13); its chain is its
// hooks by lifecycle phase, already in the route, so no middleware runs outside it.
import type { AnalysisModel, ModelRoute, StackOrigin } from '../../core/model';
import type { Dispatch, RequestDispatcher, TraceRequest } from '../../core/trace';
import { readable } from '../../core/trace';
import { compareRank, fastifyPaths } from './path-matcher';

export const fastifyDispatcher: RequestDispatcher = {
  dispatch,
  // Fastify has no order-based middleware layers: a hook is in the chain of every route it reaches.
  layerRuns: () => false,
  notFound: {
    en: {
      summary: "Fastify answers 404 Not Found, running the hooks of the context that owns the 404 handler (the root's unless a plugin under a prefix sets its own).",
      handler: 'No handler: Fastify sends its default 404 (or the setNotFoundHandler of the context that owns the path).',
    },
    ru: {
      summary: 'Fastify отвечает 404 Not Found и запускает хуки контекста, которому принадлежит обработчик 404 (корневого, если плагин под префиксом не задал свой).',
      handler: 'Обработчика нет: Fastify отправляет свой стандартный 404 (или setNotFoundHandler контекста, которому принадлежит путь).',
    },
  },
  builtIn: {
    en: {
      body: 'Fastify parses JSON and plain-text bodies itself (addContentTypeParser for others), after the onRequest and preParsing hooks and before preValidation: request.body is undefined in onRequest.',
      serialize: 'No reply.send in the handler itself: what an async handler returns is serialized by Fastify here (with the response schema\'s serializer when the route has one).',
    },
    ru: {
      body: 'Тела JSON и plain text Fastify разбирает сам (для остальных — addContentTypeParser), после хуков onRequest и preParsing и до preValidation: в onRequest request.body ещё undefined.',
      serialize: 'В самом обработчике нет reply.send: то, что возвращает async-обработчик, Fastify сериализует здесь (сериализатором схемы ответа, если она у маршрута есть).',
    },
  },
};

function dispatch(model: AnalysisModel, app: number, req: TraceRequest): Dispatch {
  const routes = model.routes.filter(r => r.app === app && readable(r));
  const match = matcherFor(model.origins[app]?.router);
  // HEAD is answered by a GET route unless a HEAD route exists (exposeHeadRoutes, F12).
  const method = req.method === 'HEAD' && !routes.some(r => r.method === 'HEAD' && match(r, req.path)) ? 'GET' : req.method;
  const matches = routes
    .filter(r => r.method === method)
    .map(r => ({ route: r, params: match(r, req.path) }))
    .filter((m): m is { route: ModelRoute; params: Record<string, string> } => m.params !== null)
    .sort((a, b) => compareRank(a.route.path, b.route.path));
  const answer = matches[0] ?? null;
  // TODO(fastify): the less specific routes that match too (F13) are not listed: the trace's "also
  // matches" says they were registered after the answer, which is not why Fastify passes them over.
  return { answer: answer?.route ?? null, params: answer?.params ?? {}, ranBefore: [], endedBy: null, later: [] };
}

/**
 * Route matching with the app's router options (F14): case-insensitive when `caseSensitive: false`
 * (param values keep their case); with `ignoreTrailingSlash`, '/x' and '/x/' are one path.
 */
function matcherFor(router: StackOrigin['router']): (r: ModelRoute, path: string) => Record<string, string> | null {
  const caseSensitive = router?.caseSensitive ?? true;
  const trim = (p: string) => (router?.ignoreTrailingSlash && p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p);
  return (r, path) => fastifyPaths.compile(trim(r.path), { end: true, caseSensitive })?.exec(trim(path))?.params ?? null;
}
