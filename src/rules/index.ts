// The rule registry: every rule the engine runs, in documentation order.
import type { Rule } from '../core/rule';
import { authAfterNext } from './auth-after-next';
import { authHookReadsBody } from './auth-hook-reads-body';
import { bodyParserBeforeRoutes } from './body-parser-before-routes';
import { errorHandlerLast } from './error-handler-last';
import { koa3GeneratorMiddleware } from './koa3-generator-middleware';
import { koaRouterCaseBypass } from './koa-router-case-bypass';
import { noDuplicateRoute } from './no-duplicate-route';
import { noRouteBeforeAuth } from './no-route-before-auth';
import { noRouteOutsideAuthScope } from './no-route-outside-auth-scope';
import { noShadowedRoute } from './no-shadowed-route';
import { duplicateBodyParser } from './duplicate-body-parser';
import { express5PathSyntax } from './express5-path-syntax';
import { keepAliveTimeoutBelowProxy } from './keep-alive-timeout-below-proxy';
import { unboundedBodyLimit } from './unbounded-body-limit';

export const allRules: Rule[] = [
  noRouteBeforeAuth, bodyParserBeforeRoutes, errorHandlerLast, noShadowedRoute,
  noRouteOutsideAuthScope, noDuplicateRoute, authHookReadsBody, koaRouterCaseBypass,
  authAfterNext, koa3GeneratorMiddleware,
  keepAliveTimeoutBelowProxy, unboundedBodyLimit, duplicateBodyParser, express5PathSyntax,
];
