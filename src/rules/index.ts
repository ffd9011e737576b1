// The rule registry: every rule the engine runs, by stop (the order of the catalogue in the README).
import type { Rule } from '../core/rule';
import { asyncHandlerWithoutCatch } from './async-handler-without-catch';
import { authAfterNext } from './auth-after-next';
import { authHookReadsBody } from './auth-hook-reads-body';
import { bodyParserBeforeRoutes } from './body-parser-before-routes';
import { bufferedFileResponse } from './buffered-file-response';
import { doubleJsonEncoding } from './double-json-encoding';
import { duplicateBodyParser } from './duplicate-body-parser';
import { errorHandlerFirst } from './error-handler-first';
import { errorHandlerLast } from './error-handler-last';
import { express5PathSyntax } from './express5-path-syntax';
import { fastifyMissingResponseSchema } from './fastify-missing-response-schema';
import { keepAliveTimeoutBelowProxy } from './keep-alive-timeout-below-proxy';
import { koa3GeneratorMiddleware } from './koa3-generator-middleware';
import { koaRouterCaseBypass } from './koa-router-case-bypass';
import { noDuplicateRoute } from './no-duplicate-route';
import { noRouteBeforeAuth } from './no-route-before-auth';
import { noRouteOutsideAuthScope } from './no-route-outside-auth-scope';
import { noShadowedRoute } from './no-shadowed-route';
import { outboundCallWithoutTimeout } from './outbound-call-without-timeout';
import { pipeWithoutErrorHandling } from './pipe-without-error-handling';
import { securityMiddlewareAfterRoutes } from './security-middleware-after-routes';
import { syncCallInHandler } from './sync-call-in-handler';
import { unboundedBodyLimit } from './unbounded-body-limit';
import { unboundedQueryResponse } from './unbounded-query-response';
import { writeIgnoresBackpressure } from './write-ignores-backpressure';

export const allRules: Rule[] = [
  // 1 Accept
  keepAliveTimeoutBelowProxy,
  // 2 Parse
  bodyParserBeforeRoutes, authHookReadsBody, unboundedBodyLimit, duplicateBodyParser,
  // 3 Route
  noShadowedRoute, noDuplicateRoute, express5PathSyntax,
  // 4 Middleware
  noRouteBeforeAuth, noRouteOutsideAuthScope, errorHandlerLast, errorHandlerFirst, authAfterNext, koaRouterCaseBypass,
  koa3GeneratorMiddleware, securityMiddlewareAfterRoutes,
  // 5 Handle
  syncCallInHandler, outboundCallWithoutTimeout, asyncHandlerWithoutCatch,
  // 6 Serialize
  unboundedQueryResponse, doubleJsonEncoding, fastifyMissingResponseSchema,
  // 7 Drain
  pipeWithoutErrorHandling, writeIgnoresBackpressure, bufferedFileResponse,
];
