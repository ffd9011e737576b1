// Turns recorded Fastify contexts into routes with their chains: each route's chain is its
// context's hooks per lifecycle phase, in the order the context received them (F7), then the
// route's own, phase by phase; a route is protected when an auth hook sits in that chain.
import type { AdapterContext } from '../../core/adapter';
import type { ChainEntry, ChainLevel, ModelRoute, OrderedLayer, RoutingContext, SourceRange, StackOrigin } from '../../core/model';
import type { Arg, Site } from '../../core/values';
import { alternatives } from '../../core/values';
import type { HookClassification } from './hook-kind';
import { hookName } from './hook-kind';
import { exempts } from './exemptions';
import { AFTER_PHASES, ALL_METHODS_4, ALL_METHODS_5, CHAIN_PHASES, FastifyContext, RouteRecord, descendants } from './objects';
import { routePath } from './paths';
import { handlerFacts } from '../shared/handler-facts';

export interface FastifyWalk {
  routes: ModelRoute[];
  stacks: OrderedLayer[][];
  origins: StackOrigin[];
  contexts: RoutingContext[];
  /** How many routes each registration made (one per method): what a hook reaches is counted in these. */
  routesPerRecord: Map<RouteRecord, number>;
}

export function walkContexts(roots: readonly FastifyContext[], classify: (arg: Arg) => HookClassification, ctx: AdapterContext): FastifyWalk {
  const out: FastifyWalk = { routes: [], stacks: [], origins: [], contexts: [], routesPerRecord: new Map() };
  // Output ids number contexts in walk order, so an analysis after an edit (whose replayed modules
  // keep their contexts' host ids) names them as a fresh one does.
  const numbers = new Map<FastifyContext, number>();
  const contextId = (c: FastifyContext) => `fastify:${numbers.get(c)}`;
  for (const root of roots) {
    const app = out.stacks.length;
    // Rules read dispatch order from stacks; Fastify dispatches by find-my-way, not by order (F13).
    out.stacks.push([]);
    out.origins.push({ kind: 'app', framework: 'fastify', file: ctx.rel(root.site.file), line: root.site.span.line });
    const major = ctx.packageVersion(root.site.file, 'fastify')?.startsWith('4') ? 4 : 5;
    for (const c of descendants(root)) {
      numbers.set(c, numbers.size + 1);
      out.contexts.push({
        id: contextId(c), parent: c.parent ? contextId(c.parent) : null, prefix: c.prefix, encapsulated: c.parent !== null,
        name: c.pluginName, file: ctx.rel(c.site.file), line: c.site.span.line,
      });
      for (const r of c.routes) addRoutes(c, numbers.get(c)!, contextId(c), r, app, major, classify, out, ctx);
    }
  }
  return out;
}

const NO_FACTS: ModelRoute['facts'] = { readsBody: null, readsIdentity: null };

function addRoutes(c: FastifyContext, router: number, context: string, r: RouteRecord, app: number, major: 4 | 5, classify: (arg: Arg) => HookClassification, out: FastifyWalk, ctx: AdapterContext): void {
  const range = ctx.range(r.site.file, r.site.span);
  const path = routePath(r.prefix, r.url ?? '/…');
  const chain: ChainEntry[] = [];
  const chainRanges: (SourceRange | null)[] = [];
  const authBy: string[] = [];
  const shadowedBy: ModelRoute['shadowedBy'] = [];
  const push = (fn: Arg, phase: (typeof CHAIN_PHASES)[number], level: ChainLevel, at: Site) => {
    const cls = classify(fn);
    const fnRange = argRange(fn, ctx);
    const where = fnRange ?? ctx.range(at.file, at.span);
    const name = hookName(fn);
    chain.push({ name, kind: cls.kind, stop: phase === 'preParsing' ? 2 : cls.stop, file: where.file, line: where.line, phase, level });
    chainRanges.push(fnRange);
    // An exemption written in the hook lets this route's requests through before the check.
    if (cls.kind === 'auth' && !cls.exempt?.some(e => exempts(e, path, r.config))) authBy.push(name);
    if (cls.bodyOnly && (phase === 'onRequest' || phase === 'preParsing')) {
      shadowedBy.push({ name, range: where, why: `${name} checks request.body in ${phase}, where the body is not parsed yet: it stops every request` });
    }
  };
  for (const phase of CHAIN_PHASES) {
    for (const h of c.hooks[phase] ?? []) {
      if (!h.middie) { push(h.fn, phase, h.from.parent ? 'context' : 'app', h.site); continue; }
      for (const m of c.middleware) if (underPrefix(path, m.path)) push(m.fn, phase, m.from.parent ? 'context' : 'app', m.fn.site ?? r.site);
    }
    for (const f of r.hooks[phase] ?? []) push(f, phase, 'route', r.site);
  }
  // After the handler: named for the trace only (they neither protect nor stop a request before it).
  const after: ChainEntry[] = [];
  for (const phase of AFTER_PHASES) {
    const entry = (fn: Arg, level: ChainLevel, at: Site): ChainEntry => {
      const where = argRange(fn, ctx) ?? ctx.range(at.file, at.span);
      return { name: hookName(fn), kind: classify(fn).kind, stop: phase === 'preSerialization' ? 6 : 7, file: where.file, line: where.line, phase, level };
    };
    for (const h of c.hooks[phase] ?? []) if (!h.middie) after.push(entry(h.fn, h.from.parent ? 'context' : 'app', h.site));
    for (const f of r.hooks[phase] ?? []) after.push(entry(f, 'route', r.site));
  }
  const handler = r.handler ? alternatives(r.handler.value).find(v => v.t === 'fn') : undefined;
  const unresolved = [...r.notes];
  if (r.url === null) unresolved.push(`path: ${r.urlWhy ?? 'unknown'}`);
  if (r.handler && !handler) unresolved.push(`handler ${r.handler.name}: not a function the analyser can read`);
  const facts = handler?.t === 'fn' ? ctx.memo('fastify.handlerFacts', handler.fn, () => handlerFacts(handler.fn, handler.file, ctx)) : NO_FACTS;
  const methods = r.methods.flatMap(m => (m === 'ALL' ? (major === 4 ? ALL_METHODS_4 : ALL_METHODS_5) : [m]));
  out.routesPerRecord.set(r, methods.length);
  for (const method of methods) {
    out.routes.push({
      framework: 'fastify', method, path, file: range.file, line: range.line, column: range.column, range,
      handler: handler?.t === 'fn' ? { file: ctx.rel(handler.file), line: handler.fn.headSpan.line } : null,
      chain, protected: authBy.length > 0, authBy, unresolved,
      app, router, mountPrefix: c.prefix || '/', order: out.routes.length,
      facts,
      chainRanges, shadowedBy, context, ...(after.length ? { after } : {}),
    });
  }
}

/** Whether middie runs a `use(prefix, fn)` middleware for `path`: a case-insensitive segment prefix (F18). */
function underPrefix(path: string, prefix: string | null): boolean {
  if (prefix === null || prefix === '/' || prefix === '') return true;
  const p = path.toLowerCase();
  const want = prefix.toLowerCase().replace(/\/$/, '');
  return p === want || p.startsWith(`${want}/`);
}

/** Where a hook is written: the function itself when the analyser can read it, else the argument. */
function argRange(arg: Arg, ctx: AdapterContext): SourceRange | null {
  const fn = alternatives(arg.value).find(v => v.t === 'fn');
  if (fn?.t === 'fn') return ctx.range(fn.file, fn.fn.headSpan);
  return arg.site ? ctx.range(arg.site.file, arg.site.span) : null;
}
