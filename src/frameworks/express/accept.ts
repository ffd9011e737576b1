// Stop 1 facts of an Express app: whether it trusts a proxy, and the servers made for it.
import type { AdapterContext } from '../../core/adapter';
import type { AcceptFacts } from '../../core/model';
import { nodeServerFacts } from '../shared/node-server';
import type { ExpressHost } from './objects';

/** Absent when the code neither trusts a proxy nor makes a server for the app. */
export function acceptFacts(app: ExpressHost, ctx: AdapterContext): AcceptFacts | undefined {
  if (!app.trustProxy && !app.servers?.length) return undefined;
  return {
    trustProxy: app.trustProxy ? ctx.range(app.trustProxy.file, app.trustProxy.span) : null,
    servers: (app.servers ?? []).map(s => nodeServerFacts(s.site, s.timeouts, ctx)),
  };
}
