// Stop 1 facts of an Express app: whether it trusts a proxy, and the servers made for it.
import type { AdapterContext } from '../../core/adapter';
import type { AcceptFacts } from '../../core/model';
import { nodeServerFacts } from '../shared/node-server';
import type { ExpressHost } from './objects';

/**
 * Absent when the code neither trusts a proxy nor makes a server for the app. Kept per app across
 * runs: an app of an unchanged module is the same object, its facts too (a change to it re-runs the
 * module, which makes a new app).
 */
export function acceptFacts(app: ExpressHost, ctx: AdapterContext): AcceptFacts | undefined {
  if (!app.trustProxy && !app.servers?.length) return undefined;
  return ctx.memo('express.accept', app, () => ({
    trustProxy: app.trustProxy ? ctx.range(app.trustProxy.file, app.trustProxy.span) : null,
    servers: (app.servers ?? []).map(s => nodeServerFacts(s.site, s.timeouts, ctx)),
  }));
}
