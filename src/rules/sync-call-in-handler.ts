// Stop 5: a synchronous file, crypto, compression or child-process call on the request path blocks
// the event loop: while it runs, no other request is handled (p99 latency climbs with traffic).
// Found in a route's own functions and, through its reach facts, in the workspace functions they call.
import type { Framework, ReachedPackage } from '../core/model';
import { moduleName } from '../core/reach';
import type { RuleReport } from '../core/rule';
import { defineRule } from './define-rule';
import type { CallSelection } from './reached-once';
import { reachedSites, throughText } from './reached-sites';

/** Whether a package export blocks: every `*Sync` of fs and zlib and child_process, the slow key derivations of crypto, bcrypt's sync API. */
function blocking(pkg: ReachedPackage): boolean {
  if (pkg.made || pkg.path.length !== 1) return false;
  const name = pkg.path[0];
  switch (moduleName(pkg)) {
    case 'fs': case 'fs-extra': case 'graceful-fs': case 'zlib': case 'child_process': return name.endsWith('Sync');
    case 'crypto': return name === 'pbkdf2Sync' || name === 'scryptSync';
    case 'bcrypt': case 'bcryptjs': return name === 'hashSync' || name === 'compareSync' || name === 'genSaltSync';
    default: return false;
  }
}

const FRAMEWORKS: Framework[] = ['express', 'fastify', 'koa'];

/** The calls this rule looks at: package exports that block. */
const BLOCKING_CALLS: CallSelection = { name: 'sync-call-in-handler', keep: hit => !!hit.pkg && blocking(hit.pkg) };

export const syncCallInHandler = defineRule({
  id: 'sync-call-in-handler',
  stop: 5,
  frameworks: FRAMEWORKS,
  description: 'A route must not make blocking synchronous calls (fs.*Sync, crypto.pbkdf2Sync, zlib.*Sync, child_process.*Sync, bcrypt.hashSync) while it handles a request.',
  defaultSeverity: 'warning',
  messages: {
    blocking: '{{callee}} blocks the event loop while {{route}} is handled{{through}}: no other request is served until it returns.',
  },
  translations: {
    ru: {
      description: 'Маршрут не должен делать блокирующие синхронные вызовы (fs.*Sync, crypto.pbkdf2Sync, zlib.*Sync, child_process.*Sync, bcrypt.hashSync) во время обработки запроса.',
      messages: {
        blocking: '{{callee}} блокирует цикл событий, пока обрабатывается {{route}}{{through}}: пока он не вернёт управление, ни один другой запрос не обслуживается.',
      },
    },
  },
  check(ctx) {
    return reachedSites(ctx, BLOCKING_CALLS, () => true).map((site): RuleReport => ({
      ...site.hit.call.range,
      messageId: 'blocking',
      data: { callee: site.hit.call.callee, route: site.routes, through: throughText(site.hit) },
      related: site.related,
      fixes: [],
    }));
  },
});
