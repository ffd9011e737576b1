// A Node http.Server as Express and Koa apps are served by (`app.listen()`, `http.createServer(app)`),
// with the timeouts the code sets on it (stop 1). Node's own default keepAliveTimeout is 5 s.
import type { AdapterContext } from '../../core/adapter';
import type { ServerFacts, TimeoutSetting } from '../../core/model';
import type { Site, Value } from '../../core/values';
import { byteLimit } from './byte-size';

/** http.Server's keepAliveTimeout when the code sets none (Node 18-24: 5000 ms; pinned by the oracle). */
export const NODE_KEEP_ALIVE_MS = 5_000;

/** A server made at `site`, with the `timeouts` assigned on it (`server.keepAliveTimeout = 65000`). */
export function nodeServerFacts(site: Site, timeouts: ReadonlyMap<string, { value: Value; site: Site }> | undefined, ctx: AdapterContext): ServerFacts {
  const setting = (prop: string): TimeoutSetting | null => {
    const t = timeouts?.get(prop);
    return t ? { ms: millis(t.value), range: ctx.range(t.site.file, t.site.span) } : null;
  };
  return {
    range: ctx.range(site.file, site.span), defaultKeepAliveTimeout: NODE_KEEP_ALIVE_MS,
    keepAliveTimeout: setting('keepAliveTimeout'), headersTimeout: setting('headersTimeout'),
  };
}

/** Milliseconds a value certainly is: a number, or a product the interpreter left unknown by its text (`65 * 1000`). */
function millis(v: Value): number | null {
  if (v.t === 'num') return v.v;
  const text = v.t === 'unknown' ? /^`(.+)`$/.exec(v.why)?.[1] : undefined;
  return text ? byteLimit({ value: v, name: text, site: null }).bytes : null;
}
