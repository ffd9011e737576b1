// The rule registry: every rule the engine runs, in documentation order.
import type { Rule } from '../core/rule';
import { noRouteBeforeAuth } from './no-route-before-auth';

export const allRules: Rule[] = [noRouteBeforeAuth];
