// Turns recorded Fastify contexts into routes with their chains: each route's chain is its
// context's hooks per lifecycle phase, in the order the context received them (F7), then the
// route's own, phase by phase; a route is protected when an auth hook sits in that chain.
import type { AdapterContext } from '../../core/adapter';
import type { FnIR } from '../../core/ir';
import type {
  AuthExemption, ChainEntry, ChainLevel, ContextHook, LifecyclePhase, ModelContext, ModelRoute, OrderedLayer, SourceRange, StackOrigin, UndefinedHook,
} from '../../core/model';
import { ARMS, REACH } from '../../core/model';
import type { Arg, Site } from '../../core/values';
import { alternatives } from '../../core/values';
import type { HookClassification } from './hook-kind';
import { hookName, rejects } from './hook-kind';
import { declarationSite, rootOf, visibleDecorators } from './decorators';
import { type Exemption, describeExemption, exemptionCaveat, exempts } from './exemptions';
import {
  AFTER_HANDLER_PHASES, ALL_METHODS_4, ALL_METHODS_5, CHAIN_PHASES, DEFAULT_ROUTER_OPTIONS, FastifyContext, type HookRecord, type RateLimitRecord, RouteRecord, descendants, routerOptionsFor,
} from './objects';
import { routePath } from './paths';
import { HookEntries, argRange } from './chain-entries';
import { handlerFacts, READS_NOTHING } from '../shared/handler-facts';
import { RESPONSE_SECOND, ReachBuilder } from '../shared/handler-reach';
import { acceptFacts, routeBodyParsers } from './server-options';

export interface FastifyWalk {
  routes: ModelRoute[];
  stacks: OrderedLayer[][];
  origins: StackOrigin[];
  contexts: ModelContext[];
  /** How many routes each registration made (one per method): what a hook reaches is counted in these. */
  routesPerRecord: Map<RouteRecord, number>;
}

export function walkContexts(roots: readonly FastifyContext[], classify: (arg: Arg) => HookClassification, ctx: AdapterContext): FastifyWalk {
  const out: FastifyWalk = { routes: [], stacks: [], origins: [], contexts: [], routesPerRecord: new Map() };
  // Output ids number contexts in walk order, so an analysis after an edit (whose replayed modules
  // keep their contexts' host ids) names them as a fresh one does.
  const numbers = new Map<FastifyContext, number>();
  const entries = new HookEntries(classify, ctx);
  const reach = new ReachBuilder(ctx);
  // Each id made once (every route names its context).
  const ids = new Map<FastifyContext, string>();
  const contextId = (c: FastifyContext) => ids.get(c) ?? `fastify:${numbers.get(c)}`;
  for (const root of roots) {
    const app = out.stacks.length;
    // Rules read dispatch order from stacks; Fastify dispatches by find-my-way, not by order (F13).
    out.stacks.push([]);
    const version = ctx.packageVersion(root.site.file, 'fastify');
    const major = version?.startsWith('4') ? 4 : 5;
    const router = routerOptionsFor(major, root.routerOptions);
    const defaults = router.caseSensitive === DEFAULT_ROUTER_OPTIONS.caseSensitive && router.ignoreTrailingSlash === DEFAULT_ROUTER_OPTIONS.ignoreTrailingSlash;
    out.origins.push({
      kind: 'app', framework: 'fastify', frameworkVersion: version, file: ctx.rel(root.site.file), line: root.site.span.line, ...(defaults ? {} : { router }),
      accept: acceptFacts(root, ctx),
    });
    const tree = descendants(root);
    const rateLimitsMissed = missedRateLimits(tree, ctx);
    // Numbered before any is described: a hook may name a decorator declared in a later context.
    for (const c of tree) {
      const n = numbers.size + 1;
      numbers.set(c, n);
      ids.set(c, `fastify:${n}`);
    }
    for (const c of tree) {
      out.contexts.push({
        id: contextId(c), parent: c.parent ? contextId(c.parent) : null, prefix: c.prefix, encapsulated: c.parent !== null,
        file: ctx.rel(c.site.file), line: c.site.span.line, name: c.pluginName, framework: 'fastify',
        ...contextFacts(c, contextId, classify, ctx),
      });
      for (const r of c.routes) addRoutes(c, numbers.get(c)!, contextId, r, app, major, entries, out, ctx, reach, rateLimitsMissed.get(r));
    }
  }
  return out;
}

/**
 * What a handler reads: a handler that authenticates the request itself (`await request.jwtVerify()`,
 * a 401 sent) before reading `request.user` reads an identity it checked.
 */
function fastifyHandlerFacts(fn: FnIR, file: string, ctx: AdapterContext): ModelRoute['facts'] {
  const facts = handlerFacts(fn, file, ctx);
  return facts.readsIdentity && rejects(fn) ? { ...facts, readsIdentity: null } : facts;
}

/** What rules read of a context: the hooks it added itself, its visible decorators, its undefined hooks, the call that made it. */
function contextFacts(c: FastifyContext, contextId: (c: FastifyContext) => string, classify: (arg: Arg) => HookClassification, ctx: AdapterContext): Pick<ModelContext, 'ownHooks' | 'decorators' | 'undefinedHooks' | 'register'> {
  const decorators = visibleDecorators(c);
  const ownHooks: ContextHook[] = [];
  for (const phase of CHAIN_PHASES) {
    for (const h of c.hooks[phase] ?? []) {
      if (h.from !== c || h.middie) continue;
      const member = /^[\w$]+\.([\w$]+)$/.exec(h.fn.name)?.[1];
      ownHooks.push({
        name: hookName(h.fn), text: h.fn.name, decorator: member && decorators.includes(member) ? member : null,
        kind: classify(h.fn).kind, phase, range: ctx.range(h.site.file, h.site.span), fnRange: argRange(h.fn, ctx),
      });
    }
  }
  const undefinedHooks = c.undefinedHooks.map(h => undefinedHook(c, h.phase, h.arg, h.site, true, contextId, ctx));
  const register = c.parent && c.pluginSite
    ? { call: ctx.range(c.site.file, c.site.span), plugin: ctx.range(c.pluginSite.file, c.pluginSite.span) }
    : null;
  return { ownHooks, decorators, undefinedHooks, register };
}

/** A hook that is `undefined` in `c` (a decorator it cannot see), with where another context declares it. */
function undefinedHook(
  c: FastifyContext, phase: LifecyclePhase, arg: Arg, at: Site, refused: boolean, contextId: (c: FastifyContext) => string, ctx: AdapterContext,
): UndefinedHook {
  const decorator = /([\w$]+)$/.exec(arg.name)?.[1] ?? arg.name;
  const declared = declarationSite(c, decorator);
  const site = arg.site ?? at;
  return {
    phase, text: arg.name, decorator, range: ctx.range(site.file, site.span), refused,
    declaredAt: declared ? ctx.range(declared.site.file, declared.site.span) : null, declaredIn: declared ? contextId(declared.in) : null,
  };
}

/**
 * Per route record, the rate limiters above it that never limit it (F19; hooks.ts records when each
 * loads), left out for a route another one does limit.
 */
function missedRateLimits(tree: FastifyContext[], ctx: AdapterContext): Map<RouteRecord, NonNullable<ModelRoute['rateLimitsMissed']>> {
  const out = new Map<RouteRecord, NonNullable<ModelRoute['rateLimitsMissed']>>();
  if (!tree.some(c => c.rateLimits)) return out;
  const before = new Map<RateLimitRecord, Set<RouteRecord>>();
  for (const c of tree) for (const rl of c.rateLimits ?? []) before.set(rl, new Set(rl.before));
  for (const c of tree) {
    const above: RateLimitRecord[] = [];
    for (let p: FastifyContext | null = c; p; p = p.parent) above.push(...(p.rateLimits ?? []));
    if (!above.length) continue;
    for (const r of c.routes) {
      const missed = above.filter(rl => before.get(rl)!.has(r) || r.beforeRateLimitLoads?.includes(rl));
      if (!missed.length || missed.length < above.length) continue;
      out.set(r, missed.map(rl => ({ name: rl.name, range: ctx.range(rl.site.file, rl.site.span), why: before.get(rl)!.has(r) ? 'before' : 'not-awaited' })));
    }
  }
  return out;
}

function addRoutes(
  c: FastifyContext, router: number, contextId: (c: FastifyContext) => string, r: RouteRecord, app: number, major: 4 | 5, entries: HookEntries, out: FastifyWalk,
  ctx: AdapterContext, reach: ReachBuilder, rateLimitsMissed: ModelRoute['rateLimitsMissed'],
): void {
  const range = ctx.range(r.site.file, r.site.span);
  const path = routePath(r.prefix, r.url ?? '/…');
  const chain: ChainEntry[] = [];
  const chainRanges: (SourceRange | null)[] = [];
  const authBy: string[] = [];
  const shadowedBy: ModelRoute['shadowedBy'] = [];
  const exemptions: AuthExemption[] = [];
  const bodyBeforeParse: NonNullable<ModelRoute['bodyBeforeParse']> = [];
  const push = (fn: Arg, phase: (typeof CHAIN_PHASES)[number], level: ChainLevel, at: Site, record: HookRecord | null) => {
    const { cls, name, entry, fnRange, where, file } = entries.of(fn, phase, level, at, record);
    chain.push(entry);
    chainRanges.push(fnRange);
    // An exemption written in the hook lets this route's requests through before the check.
    if (cls.kind === 'auth' && file) for (const e of cls.exempt ?? []) exemptions.push(exemptionFor(e, name, file, path, r.config, ctx));
    if (cls.kind === 'auth' && !cls.exempt?.some(e => exempts(e, path, r.config))) authBy.push(name);
    if (cls.bodyRead && (phase === 'onRequest' || phase === 'preParsing')) {
      // Where the hook is put in that phase: the addHook call, or the route option's value.
      const placed = level === 'route' && fn.site ? fn.site : at;
      bodyBeforeParse.push({ hook: name, phase, level, at: ctx.range(placed.file, placed.span), read: ctx.range(cls.bodyRead.file, cls.bodyRead.span), stopsAll: !!cls.bodyOnly });
    }
    if (cls.bodyOnly && (phase === 'onRequest' || phase === 'preParsing')) {
      shadowedBy.push({ name, range: where, reason: { k: 'body-before-parse', phase } });
    }
  };
  // After the handler: serializing (6) and writing (7); they never decide whether the handler runs.
  const afterHandler: ChainEntry[] = [];
  // `record`: a context's hook, whose entry is made once for all the routes under it (chain-entries.ts).
  const each = (phase: LifecyclePhase, before: boolean, fn: Arg, level: ChainLevel, at: Site, record: HookRecord | null) => {
    if (before) push(fn, phase as (typeof CHAIN_PHASES)[number], level, at, record);
    else afterHandler.push(entries.afterHandler(fn, phase, level, at, record));
  };
  // (No closure per phase, no empty list per missing phase: this runs for every route, every run.)
  const hooksOf = (phase: LifecyclePhase, before: boolean) => {
    const hooks = c.hooks[phase];
    if (hooks) {
      for (const h of hooks) {
        if (!h.middie) { each(phase, before, h.fn, h.from.parent ? 'context' : 'app', h.site, h); continue; }
        for (const m of c.middleware) if (underPrefix(path, m.path)) each(phase, before, m.fn, m.from.parent ? 'context' : 'app', m.fn.site ?? r.site, null);
      }
    }
    const own = r.hooks[phase];
    if (own) for (const f of own) each(phase, before, f, 'route', r.site, null);
  };
  for (const phase of CHAIN_PHASES) hooksOf(phase, true);
  for (const phase of AFTER_HANDLER_PHASES) hooksOf(phase, false);
  const handler = r.handler ? alternatives(r.handler.value).find(v => v.t === 'fn') : undefined;
  const unresolved = [...r.notes];
  if (r.url === null) unresolved.push(`path: ${r.urlWhy ?? 'unknown'}`);
  if (r.handler && !handler) unresolved.push(`handler ${r.handler.name}: not a function the analyser can read`);
  const facts = handler?.t === 'fn' ? ctx.memo('fastify.handlerFacts', handler.fn, () => fastifyHandlerFacts(handler.fn, handler.file, ctx)) : READS_NOTHING;
  const methods = r.methods.flatMap(m => (m === 'ALL' ? (major === 4 ? ALL_METHODS_4 : ALL_METHODS_5) : [m]));
  // lib/route.js: a GET gets a HEAD route of its own unless it registers HEAD itself or says exposeHeadRoute: false (F12).
  const impliedHead = (r.exposeHeadRoute ?? c.exposeHeadRoutes) && methods.includes('GET') && !methods.includes('HEAD');
  // A '/' route under a prefix is registered at the prefix and at prefix + '/' (F6).
  const aliases = r.url === '/' && r.prefix && !r.prefix.endsWith('/') ? [`${r.prefix}/`] : [];
  const undefinedHooks = r.undefinedHooks.map(h => undefinedHook(c, h.phase, h.arg, r.site, h.inArray, contextId, ctx));
  const context = contextId(c);
  const bodyParsers = routeBodyParsers(rootOf(c), c, r, ctx);
  out.routesPerRecord.set(r, methods.length);
  const handlerAt = handler?.t === 'fn' ? { file: ctx.rel(handler.file), line: handler.fn.headSpan.line } : null;
  const routeReach = {
    handler: handler ? reach.of(handler, RESPONSE_SECOND) : null,
    middleware: reach.each(CHAIN_PHASES.flatMap(phase => r.hooks[phase] ?? []), RESPONSE_SECOND),
  };
  for (const method of methods) {
    const route: ModelRoute = {
      framework: 'fastify', method, path, file: range.file, line: range.line, column: range.column, range,
      handler: handlerAt, chain, protected: authBy.length > 0, authBy, unresolved,
      app, router, mountPrefix: c.prefix || '/', order: out.routes.length,
      facts,
      chainRanges, shadowedBy, context, [REACH]: routeReach,
    };
    // The optional fields one by one, in the order they always came: a spread of a conditional
    // object per field took V8's slow path, once per route.
    if (exemptions.length) route.exemptions = exemptions;
    if (afterHandler.length) route.afterHandler = afterHandler;
    if (aliases.length) route.aliases = aliases;
    if (impliedHead && method === 'GET') route.impliedHead = true;
    if (undefinedHooks.length) route.undefinedHooks = undefinedHooks;
    if (bodyBeforeParse.length) route.bodyBeforeParse = bodyBeforeParse;
    // lib/handleRequest.js sends a handler's result unless it is undefined (awaited when it is a promise).
    route.sendsReturn = true;
    route.responseSchema = r.responseSchema;
    if (bodyParsers.length) route.bodyParsers = bodyParsers;
    if (rateLimitsMissed) route.rateLimitsMissed = rateLimitsMissed;
    if (r.arms) route[ARMS] = r.arms;
    out.routes.push(route);
  }
}

function exemptionFor(e: Exemption, by: string, file: string, path: string, config: RouteRecord['config'], ctx: AdapterContext): AuthExemption {
  const lets = exempts(e, path, config);
  const caveat = lets ? exemptionCaveat(e, path) : null;
  return { by, test: describeExemption(e), file: ctx.rel(file), line: e.span.line, exempts: lets, ...(caveat ? { caveat } : {}) };
}

/** Whether middie runs a `use(prefix, fn)` middleware for `path`: a case-insensitive segment prefix (F18). */
function underPrefix(path: string, prefix: string | null): boolean {
  if (prefix === null || prefix === '/' || prefix === '') return true;
  const p = path.toLowerCase();
  const want = prefix.toLowerCase().replace(/\/$/, '');
  return p === want || p.startsWith(`${want}/`);
}
