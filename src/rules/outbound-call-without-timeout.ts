// Stop 5: an HTTP call to another service made while a request is handled, with no timeout and no
// abort signal: when that service stalls, every request waiting on it stalls too ("p50 fast, p99
// terrible"). fetch and undici wait 300 s for headers and again for the body by default, axios and
// got and http.request forever; a route behind a 60 s load balancer has long been cut off by then.
import type { Expr } from '../core/ir';
import type { Fix, Framework, ReachedPackage } from '../core/model';
import { moduleName, type ReachedVia } from '../core/reach';
import type { RuleReport } from '../core/rule';
import { defineRule } from './define-rule';
import type { CallSelection } from './reached-once';
import { reachedSites, throughText } from './reached-sites';

/** An outbound call: the client as people name it, where its options argument is, and the option a fix adds. */
interface Client {
  client: string;
  /** Index of the options argument (or of the config object, for `axios(config)`). */
  optionsAt: number;
  /** Options that bound the call besides `signal`. */
  timeouts: readonly string[];
  fix: { name: string; value: string };
}

const SIGNAL = { name: 'signal', value: 'AbortSignal.timeout(10_000)' };
const UNDICI_TIMEOUTS = ['headersTimeout', 'bodyTimeout', 'dispatcher'];
const AXIOS_WITH_DATA = new Set(['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm']);
const AXIOS_METHODS = new Set(['get', 'delete', 'head', 'options', 'request', ...AXIOS_WITH_DATA]);
const GOT_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head']);

/** What kind of outbound call a package export is, or null. */
function clientOf(pkg: ReachedPackage, args: Expr[]): Client | null {
  const [first, ...rest] = pkg.path;
  const name = moduleName(pkg);
  const one = rest.length === 0;
  switch (name) {
    case 'global':
      return first === 'fetch' && one && !pkg.made ? { client: 'fetch', optionsAt: 1, timeouts: [], fix: SIGNAL } : null;
    case 'node-fetch': case 'cross-fetch': case 'isomorphic-fetch':
      return !pkg.made && (first === undefined || (first === 'default' && one)) ? { client: name, optionsAt: 1, timeouts: [], fix: SIGNAL } : null;
    case 'undici':
      if (pkg.made) return first && ['request', 'stream', 'fetch'].includes(first) && one ? { client: 'undici', optionsAt: 0, timeouts: UNDICI_TIMEOUTS, fix: SIGNAL } : null;
      return first && ['request', 'stream', 'fetch'].includes(first) && one ? { client: 'undici', optionsAt: 1, timeouts: UNDICI_TIMEOUTS, fix: SIGNAL } : null;
    case 'axios': {
      const config = { client: 'axios', timeouts: ['timeout'], fix: { name: 'timeout', value: '10_000' } };
      if (first === undefined) return { ...config, optionsAt: args.length > 1 ? 1 : 0 };
      if (!one || !AXIOS_METHODS.has(first)) return null;
      return { ...config, optionsAt: first === 'request' ? 0 : AXIOS_WITH_DATA.has(first) ? 2 : 1 };
    }
    case 'got': {
      const config = { client: 'got', timeouts: ['timeout'], fix: { name: 'timeout', value: '{ request: 10_000 }' } };
      if (first === undefined) return { ...config, optionsAt: args[0]?.k === 'obj' ? 0 : 1 };
      return one && GOT_METHODS.has(first) ? { ...config, optionsAt: 1 } : null;
    }
    case 'http': case 'https':
      if (pkg.made || !one || (first !== 'request' && first !== 'get')) return null;
      return { client: `${name}.${first}`, optionsAt: args[0]?.k === 'obj' ? 0 : 1, timeouts: ['timeout'], fix: SIGNAL };
    default: return null;
  }
}

/** The client's own default, set where it was made: `axios.create({ timeout })`, `got.extend({ timeout })`, `new Agent({ headersTimeout })`. */
function clientDefault(pkg: ReachedPackage, client: Client): boolean {
  return !!pkg.made && pkg.made.keys.some(k => k === 'signal' || client.timeouts.includes(k));
}

/** Whether the options say how long to wait: true (bounded), false (not), null (options the rule cannot read). */
function bounded(args: Expr[], client: Client): boolean | null {
  const options = args[client.optionsAt];
  if (!options) return args.some(a => a.k === 'spread') ? null : false;
  // A callback where the options would be (`http.get(url, cb)`): there are none.
  if (options.k === 'fn') return false;
  if (options.k !== 'obj') return null;
  let open = false;
  for (const p of options.props) {
    if ('spread' in p) { open = true; continue; }
    if (p.key === 'signal' || client.timeouts.includes(p.key)) return true;
  }
  return open ? null : false;
}

const FRAMEWORKS: Framework[] = ['express', 'fastify', 'koa'];

/** The client a reached call is, when it has no timeout or signal of its own or from its client; else null. */
function unbounded(hit: ReachedVia): Client | null {
  const client = hit.pkg && clientOf(hit.pkg, hit.call.args);
  return client && !clientDefault(hit.pkg!, client) && bounded(hit.call.args, client) === false ? client : null;
}

/** The calls this rule looks at: outbound calls without a bound. */
const CLIENT_CALLS: CallSelection = { name: 'outbound-call-without-timeout', keep: hit => unbounded(hit) !== null };

export const outboundCallWithoutTimeout = defineRule({
  id: 'outbound-call-without-timeout',
  stop: 5,
  frameworks: FRAMEWORKS,
  description: 'An HTTP call made while a request is handled must have a timeout or an abort signal (on the call or on its client).',
  defaultSeverity: 'warning',
  messages: {
    noTimeout: '{{client}} call while {{route}} is handled has no timeout or abort signal{{through}}: when that service stalls, this request waits {{wait}}.',
  },
  translations: {
    ru: {
      description: 'У HTTP-вызова, сделанного во время обработки запроса, должен быть таймаут или abort signal (на самом вызове или на его клиенте).',
      messages: {
        noTimeout: 'У вызова {{client}} во время обработки {{route}} нет ни таймаута, ни abort signal{{through}}: когда тот сервис зависнет, этот запрос будет ждать {{wait}}.',
      },
    },
  },
  check(ctx) {
    const sites = reachedSites(ctx, CLIENT_CALLS, unbounded);
    return sites.map(({ hit, found: client, routes, related }): RuleReport => {
      const fix: Fix = {
        kind: 'add-option', title: `Add ${client.fix.name}: ${client.fix.value}`, call: hit.call.range,
        name: client.fix.name, value: client.fix.value, optionsAt: client.optionsAt,
      };
      const undici = client.client === 'fetch' || client.client === 'undici';
      return {
        ...hit.call.range,
        messageId: 'noTimeout',
        data: {
          client: client.client, route: routes, through: throughText(hit),
          wait: undici ? "up to 300 s for headers and 300 s more for the body (undici's defaults)" : 'as long as the connection stays open',
        },
        related,
        fixes: [fix],
      };
    });
  },
});
