// The rule registry: every rule the engine runs, in documentation order.
import type { Rule } from '../core/rule';
import { asyncHandlerWithoutCatch } from './async-handler-without-catch';
import { authAfterNext } from './auth-after-next';
import { authHookReadsBody } from './auth-hook-reads-body';
import { bodyParserBeforeRoutes } from './body-parser-before-routes';
import { bufferedFileResponse } from './buffered-file-response';
import { errorHandlerFirst } from './error-handler-first';
import { errorHandlerLast } from './error-handler-last';
import { koaRouterCaseBypass } from './koa-router-case-bypass';
import { koa3GeneratorMiddleware } from './koa3-generator-middleware';
import { noDuplicateRoute } from './no-duplicate-route';
import { noRouteBeforeAuth } from './no-route-before-auth';
import { noRouteOutsideAuthScope } from './no-route-outside-auth-scope';
import { noShadowedRoute } from './no-shadowed-route';
import { outboundCallWithoutTimeout } from './outbound-call-without-timeout';
import { pipeWithoutErrorHandling } from './pipe-without-error-handling';
import { syncCallInHandler } from './sync-call-in-handler';
import { writeIgnoresBackpressure } from './write-ignores-backpressure';

export const allRules: Rule[] = [
  noRouteBeforeAuth, bodyParserBeforeRoutes, errorHandlerLast, noShadowedRoute,
  noRouteOutsideAuthScope, noDuplicateRoute, authHookReadsBody, koaRouterCaseBypass,
  authAfterNext, koa3GeneratorMiddleware,
  errorHandlerFirst, syncCallInHandler, outboundCallWithoutTimeout, asyncHandlerWithoutCatch,
  pipeWithoutErrorHandling, writeIgnoresBackpressure, bufferedFileResponse,
];
