// Turns recorded Koa apps and routers into routes with their chains, walking each app the way Koa
// runs a request: `app.use` entries in order (K1), a router's dispatch running the layers of its
// stack that match the path, only when one of its routes matches path and method (K3, K4), a route
// handler that awaits next() handing the request on (K1, K7). A route's chain is what runs before
// its handler; code a middleware runs after `await next()` is marked `when: 'after'` (K9).
import { type AdapterContext, type ArmPath, exclusiveArms } from '../../core/adapter';
import type { BodyParser, ChainEntry, ChainLevel, GeneratorMiddleware, LateAuth, ModelContext, ModelRoute, OrderedLayer, SourceRange, StackOrigin } from '../../core/model';
import { REACH } from '../../core/model';
import type { Arg } from '../../core/values';
import { bodyParserReader } from '../shared/body-parsers';
import { nodeServerFacts } from '../shared/node-server';
import { samplePath } from '../shared/paths';
import { handlerFacts, READS_NOTHING } from '../shared/handler-facts';
import { CONTEXT_FIRST, ReachBuilder } from '../shared/handler-reach';
import type { KoaClassification } from './middleware-kind';
import { middlewareName } from './middleware-kind';
import { type KoaApp, type KoaLayer, type KoaRouter, type UnlessRules, fnOf, koaHost } from './objects';
import type { RouterTies } from './hooks';
import { type KoaPathSyntax, SEGMENT_SYNTAX, routerSyntax } from './path-matcher';
import { KOA_CONTEXT } from './request-shape';
import { type Ran, walkOrReuse } from './router-reuse';
import { type LayerIndex, type RoutePath, type UseMatching, candidateLayers, indexLayers, joinMount, layerSegments, routeCovers, routePath, underMount, useCovers, useMatching } from './paths';

export interface KoaWalk {
  routes: ModelRoute[];
  stacks: OrderedLayer[][];
  origins: StackOrigin[];
  contexts: ModelContext[];
}

interface Walk {
  classify(arg: Arg): KoaClassification;
  ctx: AdapterContext;
  /** The app's Koa major (null: unknown): Koa 3 never runs a generator middleware, Koa 2 converts it (K14). */
  major: number | null;
  app: number;
  layers: OrderedLayer[];
  out: KoaWalk;
  contextOf(router: KoaRouter): string;
  /** Routers whose dispatch some app runs (the others are reported on their own). */
  reached: Set<KoaRouter>;
  /** Routers whose dispatch this app runs (their versions name its path syntax). */
  routers: Set<KoaRouter>;
  /** How the version of the router that made a layer matches its use-path (K11). */
  useMatching(router: KoaRouter): UseMatching;
  /** A layer's matching segments, computed once per walk (every later route compares with them). */
  segments(layer: KoaLayer): string[];
  /** The syntax a router's version reads its paths in (K15), for a route's own segments. */
  syntax(router: KoaRouter): KoaPathSyntax;
  /** `function*` middleware given to `app.use()` in this app (its routers' are added after the walk). */
  generators: GeneratorMiddleware[];
  /** A stack's layers by first segment, computed once per walk: a route is compared only with the layers that may match it. */
  index(stack: readonly KoaLayer[]): LayerIndex;
  /** What route functions call, for the stop 5-7 rules (one builder per run). */
  reach: ReachBuilder;
  /** The body parser a middleware argument makes, read once per argument (stop 2). */
  bodyParser(arg: Arg): BodyParser | null;
}

export function walkApps(hosts: readonly (KoaApp | KoaRouter)[], nested: ReadonlySet<KoaRouter>, ties: RouterTies, classify: (arg: Arg) => KoaClassification, ctx: AdapterContext): KoaWalk {
  const out: KoaWalk = { routes: [], stacks: [], origins: [], contexts: [] };
  const numbers = new Map<KoaRouter, number>();
  const contextOf = (r: KoaRouter): string => {
    let n = numbers.get(r);
    if (n === undefined) {
      numbers.set(r, (n = numbers.size + 1));
      const pkg = ctx.packageVersionSource(r.site.file, r.pkg);
      // A nested router sits under the router that cloned it in (K5), its prefix the one its routes get there.
      const nestedIn = ties.nestedIn.get(r);
      const parent = nestedIn ? contextOf(nestedIn.router) : null;
      const under = nestedIn ? (out.contexts.find(c => c.id === parent)?.prefix ?? '') + nestedIn.path : '';
      out.contexts.push({
        id: `koa:${n}`, parent, prefix: under + r.prefix, encapsulated: false, file: ctx.rel(r.site.file), line: r.site.span.line, framework: 'koa',
        ...(ties.names.has(r) ? { name: ties.names.get(r)! } : {}),
        routerPackage: { name: r.pkg, version: pkg?.version ?? null, from: pkg?.from ?? null },
        // A stack of a router replayed from the previous run is the same array: read once.
        pathlessUses: ctx.memo('koa.pathlessUses', r.stack, () => usesOf(r.stack, true, classify, ctx)
          .map(u => ({ name: u.name, prefix: u.path, range: u.range, kind: u.kind, protects: u.protects }))),
        pathUses: ctx.memo('koa.pathUses', r.stack, () => usesOf(r.stack, false, classify, ctx)),
      });
    }
    return `koa:${n}`;
  };
  const apps = hosts.filter((h): h is KoaApp => h.kind === 'app');
  const mountedApps = new Set<KoaApp>();
  for (const a of apps) for (const m of a.middleware) collectMounted(m, mountedApps, new Set());
  const reached = new Set<KoaRouter>();
  const matching = new Map<KoaRouter, UseMatching>();
  const layerSegs = new Map<KoaLayer, string[]>();
  const syntaxes = new Map<KoaRouter, KoaPathSyntax>();
  const syntax = (r: KoaRouter): KoaPathSyntax => {
    let s = syntaxes.get(r);
    if (!s) syntaxes.set(r, (s = syntaxOf([r], ctx)));
    return s;
  };
  const segments = (l: KoaLayer): string[] => {
    let segs = layerSegs.get(l);
    if (!segs) layerSegs.set(l, (segs = layerSegments(l, SEGMENT_SYNTAX[syntax(l.owner)])));
    return segs;
  };
  const useMatchingOf = (r: KoaRouter): UseMatching => {
    let m = matching.get(r);
    if (!m) matching.set(r, (m = useMatching(r.pkg, ctx.packageVersionSource(r.site.file, r.pkg)?.version ?? null)));
    return m;
  };
  const reach = new ReachBuilder(ctx);
  const bodyParser = bodyParserReader(ctx);
  const indices = new Map<readonly KoaLayer[], LayerIndex>();
  const index = (stack: readonly KoaLayer[]): LayerIndex => {
    let i = indices.get(stack);
    if (!i) indices.set(stack, (i = indexLayers(stack, segments, l => useMatchingOf(l.owner) === 'raw')));
    return i;
  };
  for (const app of apps.filter(a => !mountedApps.has(a))) {
    const version = ctx.packageVersionSource(app.site.file, 'koa')?.version;
    const w: Walk = {
      classify, ctx, major: version ? parseInt(version, 10) : null, app: out.stacks.length, layers: [], out, contextOf, reached,
      routers: new Set(), useMatching: useMatchingOf, segments, syntax, generators: [], index, reach, bodyParser,
    };
    walkMiddleware(app.middleware, '', [], w, new Set([app]));
    out.stacks.push(w.layers);
    out.origins.push({
      kind: 'app', framework: 'koa', frameworkVersion: version ?? null, file: ctx.rel(app.site.file), line: app.site.span.line,
      pathSyntax: syntaxOf([...w.routers], ctx),
      ...generatorsOf(w),
      ...acceptOf(app, ctx),
    });
  }
  // Routers no app runs, and that no other router cloned in (a router holding only nested routers'
  // layers is nested too): their routes are still worth showing.
  for (const r of hosts) {
    if (r.kind !== 'router' || reached.has(r) || nested.has(r) || !r.stack.some(l => l.kind === 'route')) continue;
    const w: Walk = {
      classify, ctx, major: null, app: out.stacks.length, layers: [], out, contextOf, reached, routers: new Set([r]), useMatching: useMatchingOf, segments, syntax,
      generators: [], index, reach, bodyParser,
    };
    const note = `router created at ${ctx.rel(r.site.file)}:${r.site.span.line} is not mounted on any app the analyser found`;
    addRoutes(r, '', [], w, [note]);
    out.stacks.push(w.layers);
    out.origins.push({ kind: 'router', framework: 'koa', file: ctx.rel(r.site.file), line: r.site.span.line, pathSyntax: syntaxOf([r], ctx) });
  }
  return out;
}

/**
 * The app's generator middleware (`app.use`, met during the walk) and then its routers' (a router's
 * `use()` and route arguments, never run by the router on Koa 2 or 3, K14), each place once.
 */
function generatorsOf(w: Walk): { generators?: GeneratorMiddleware[] } {
  const out = [...w.generators];
  const seen = new Set(out.map(g => `${g.range.file}:${g.range.line}:${g.range.column}`));
  for (const r of w.routers) {
    for (const g of w.ctx.memo('koa.stackGenerators', r.stack, () => stackGenerators(r.stack, w))) {
      const key = `${g.range.file}:${g.range.line}:${g.range.column}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(g);
    }
  }
  return out.length ? { generators: out } : {};
}

/** The generator middleware of a router's stack, in order (a stack replayed from the previous run is the same array: read once). */
function stackGenerators(stack: readonly KoaLayer[], w: Pick<Walk, 'classify' | 'ctx'>): GeneratorMiddleware[] {
  const out: GeneratorMiddleware[] = [];
  for (const layer of stack) {
    for (const f of flat(layer.fns)) {
      const range = w.classify(f).generator ? argRange(f, w.ctx) : null;
      if (range) out.push({ name: middlewareName(f), range, level: layer.kind === 'use' ? 'router' : 'route', runs: false });
    }
  }
  return out;
}

/** The path syntax routers read when they agree (their packages' versions, K15), else 'unknown'. */
function syntaxOf(routers: readonly KoaRouter[], ctx: AdapterContext): KoaPathSyntax {
  const all = new Set(routers.map(r => routerSyntax(r.pkg, ctx.packageVersionSource(r.site.file, r.pkg)?.version ?? null)));
  return all.size === 1 ? [...all][0] : 'unknown';
}

function collectMounted(arg: Arg, into: Set<KoaApp>, seen: Set<object>): void {
  const h = koaHost(arg);
  if (!h || seen.has(h)) return;
  seen.add(h);
  if (h.kind === 'compose') for (const f of h.fns) collectMounted(f, into, seen);
  if (h.kind === 'mount') {
    const target = koaHost(h.target);
    if (target?.kind === 'app') {
      into.add(target);
      for (const m of target.middleware) collectMounted(m, into, seen);
    } else collectMounted(h.target, into, seen);
  }
}

/** Walks `app.use` entries in order under a koa-mount prefix (`mount`, '' for none); `ran` grows as it goes. */
function walkMiddleware(list: readonly Arg[], mount: string, ran: Ran[], w: Walk, visiting: Set<object>): void {
  for (const arg of list) {
    const h = koaHost(arg);
    const range = arg.site ? w.ctx.range(arg.site.file, arg.site.span) : null;
    if (h?.kind === 'dispatch') {
      w.reached.add(h.router);
      w.routers.add(h.router);
      if (range) w.layers.push(mountLayer(w, arg.name, mount, range));
      const st = {
        app: w.app, major: w.major, layers: w.layers, routes: w.out.routes, classify: w.classify, useMatching: w.useMatching, contextOf: w.contextOf,
        argRange: (a: Arg) => argRange(a, w.ctx),
      };
      walkOrReuse(h.router, mount, ran, st, w.ctx, contextOf => addRoutes(h.router, mount, ran, { ...w, contextOf }, []));
      ran.push({ kind: 'router', router: h.router, mount });
      continue;
    }
    if (h?.kind === 'compose') { walkMiddleware(h.fns, mount, ran, w, visiting); continue; }
    if (h?.kind === 'mount') {
      const target = koaHost(h.target);
      const at = joinMount(mount, h.prefix);
      if (range) w.layers.push(mountLayer(w, arg.name, at, range));
      if (target?.kind === 'app') {
        if (visiting.has(target)) continue;
        visiting.add(target);
        walkMiddleware(target.middleware, at, ran, w, visiting);
        visiting.delete(target);
      } else walkMiddleware([h.target], at, ran, w, visiting);
      continue;
    }
    const cls = w.classify(arg);
    const fnRange = argRange(arg, w.ctx);
    if (cls.generator && fnRange) w.generators.push({ name: middlewareName(arg), range: fnRange, level: 'app', runs: w.major !== 3 });
    if (range) {
      w.layers.push({
        order: w.layers.length, kind: 'middleware', name: middlewareName(arg), layerKind: cls.kind, prefix: mount || '/', range, argRange: range,
        terminal: !cls.passes || (cls.generator && w.major === 3),
        ...(cls.catches ? { catchesErrors: true as const } : {}),
      });
    }
    ran.push({ kind: 'mw', arg, mount });
  }
}

/** Stop 1: the app's proxy trust and the servers made for it; nothing when the code says neither. */
function acceptOf(app: KoaApp, ctx: AdapterContext): Pick<StackOrigin, 'accept'> {
  if (!app.proxy && !app.servers?.length) return {};
  // Kept per app across runs, as Express's (express/accept.ts).
  return {
    accept: ctx.memo('koa.accept', app, () => ({
      trustProxy: app.proxy ? ctx.range(app.proxy.file, app.proxy.span) : null,
      servers: (app.servers ?? []).map(s => nodeServerFacts(s.site, s.timeouts, ctx)),
    })),
  };
}

/** A router's dispatch or a koa-mount in an app's stack. */
function mountLayer(w: Walk, name: string, prefix: string, range: SourceRange): OrderedLayer {
  return { order: w.layers.length, kind: 'mount', name, layerKind: 'other', prefix: prefix || '/', range, argRange: range, terminal: false };
}

function addRoutes(router: KoaRouter, mount: string, ran: readonly Ran[], w: Walk, notes: string[]): void {
  // Every router an app runs is a context, also one holding only routers nested in it (its clones, K5).
  w.contextOf(router);
  router.stack.forEach((layer, i) => {
    if (layer.kind === 'route') for (const method of layer.methods) addRoute(router, i, method, mount, ran, w, notes);
  });
}

/** A route's chain, built as Koa runs a request to it. */
class Chain {
  readonly entries: ChainEntry[] = [];
  readonly ranges: (SourceRange | null)[] = [];
  readonly authBy: string[] = [];
  /** Auth that rejects only after the handler ran (K9), or rejects and calls next() anyway. */
  readonly lateAuth: LateAuth[] = [];
  /** The body parsers it runs through, in order. */
  readonly bodyParsers: BodyParser[] = [];
  /** What the verdict could not read (a koa-unless custom function), for the route's `unresolved`. */
  readonly notes: string[] = [];
  /** Set once something before the handler ends every request that gets there. */
  stoppedBy: ModelRoute['shadowedBy'][number] | null = null;

  constructor(
    private readonly w: Walk, private readonly fallback: SourceRange, private readonly path: string, private readonly method: string,
    /** The undecided `if` arms the route was registered in: routes of the other arm never answer before it. */
    readonly arms: ArmPath | null,
  ) {}

  /**
   * Adds a middleware that runs before the handler. `mount` is the koa-mount prefix it runs under
   * (koa-unless tests the URL with or without it). Returns false when the request goes no further.
   */
  push(arg: Arg, level: ChainLevel, mount: string, generatorRuns: boolean): boolean {
    const cls = this.w.classify(arg);
    const name = middlewareName(arg);
    const r = argRange(arg, this.w.ctx);
    if (cls.generator && !generatorRuns) {
      this.stoppedBy = { name, range: r ?? this.fallback, reason: { k: 'generator', koa3: level === 'app' } };
      return false;
    }
    const at = r ?? this.fallback;
    this.entries.push({ name, kind: cls.kind, stop: cls.stop, file: at.file, line: at.line, when: cls.when, level });
    this.ranges.push(r);
    const parser = cls.kind === 'parse' ? this.w.bodyParser(arg) : null;
    if (parser) this.bodyParsers.push(parser);
    if (cls.kind === 'auth' && cls.protects && !(cls.unless && exempts(cls.unless, this.path, mount, this.method))) {
      this.authBy.push(name);
      // The verdict stays "protected" (the other rules were read), but the function may exempt this route.
      if (cls.unless?.custom) this.notes.push(`${name} at ${at.file}:${at.line} exempts what a custom function returns true for; it is not read, so this route may not be protected`);
    }
    // An auth layer that does not protect is one whose rejection comes after next() or goes on to it (middleware-kind.ts).
    if (cls.kind === 'auth' && !cls.protects) {
      this.lateAuth.push({ name, range: r, how: cls.when === 'after' ? 'after-next' : 'rejects-and-continues', evidence: cls.evidence });
    }
    return true;
  }
}

/** A router's use() layers written without a path (or with one), a function each: what rules read of a router's own use order. */
function usesOf(stack: readonly KoaLayer[], pathless: boolean, classify: (arg: Arg) => KoaClassification, ctx: AdapterContext) {
  return stack.filter(l => l.kind === 'use' && l.pathless === pathless).flatMap(l => l.fns.map(f => {
    const cls = classify(f);
    return { name: middlewareName(f), path: l.path, range: argRange(f, ctx), kind: cls.kind, protects: cls.protects };
  }));
}

function addRoute(router: KoaRouter, index: number, method: string, mount: string, ran: readonly Ran[], w: Walk, notes: string[]): void {
  const layer = router.stack[index];
  const path = joinMount(mount, layer.path);
  const range = w.ctx.range(layer.site.file, layer.site.span);
  const chain = new Chain(w, range, path, method, layer.arms ?? null);
  // The route's path as seen inside each koa-mount prefix it is compared under, made once per prefix.
  const inside = new Map<string, RoutePath>();
  const localPath = (m: string): RoutePath => {
    let p = inside.get(m);
    if (!p) inside.set(m, (p = routePath(local(path, m), SEGMENT_SYNTAX[w.syntax(router)])));
    return p;
  };
  let going = true;
  for (const r of ran) {
    if (!going) break;
    if (r.kind === 'mw') {
      if (!underMount(r.mount, path)) continue;
      going = chain.push(r.arg, 'app', r.mount, w.major !== 3);
      if (going && !w.classify(r.arg).passes) {
        going = false;
        const name = middlewareName(r.arg);
        chain.stoppedBy = { name, range: argRange(r.arg, w.ctx) ?? range, reason: { k: 'ends-all', prefix: r.mount || '/' } };
      }
    } else if (underMount(r.mount, path)) {
      going = runRouter(r.router.stack, r.router.stack.length, localPath(r.mount), method, r.mount, chain, w, true);
    }
  }
  if (going) going = runRouter(router.stack, index, localPath(mount), method, mount, chain, w, false);
  const routeLevel = layer.fns.slice(0, -1);
  if (going) for (const f of [...paramFns(layer), ...flat(routeLevel)]) if (!(going = chain.push(f, 'route', mount, false))) break;
  const handlerArg = layer.fns[layer.fns.length - 1];
  const handler = fnOf(handlerArg);
  const unresolved = [...notes, ...chain.notes];
  if (layer.pathWhy) unresolved.push(`path: ${layer.pathWhy}`);
  if (!handler && handlerArg.value.t === 'unknown' && handlerArg.name !== '(redirect)') unresolved.push(`handler ${handlerArg.name}: ${handlerArg.value.why}`);
  const facts = handler ? w.ctx.memo('koa.handlerFacts', handler.fn, () => handlerFacts(handler.fn, handler.file, w.ctx, KOA_CONTEXT)) : READS_NOTHING;
  w.out.routes.push({
    framework: 'koa', method, path, file: range.file, line: range.line, column: range.column, range,
    handler: handler ? { file: w.ctx.rel(handler.file), line: handler.fn.headSpan.line } : null,
    chain: chain.entries, protected: chain.authBy.length > 0, authBy: chain.authBy, unresolved,
    app: w.app, router: router.id, mountPrefix: mount || '/', order: w.layers.length, facts,
    chainRanges: chain.ranges, shadowedBy: chain.stoppedBy ? [chain.stoppedBy] : [], context: w.contextOf(layer.owner),
    ...(chain.lateAuth.length ? { lateAuth: chain.lateAuth } : {}),
    [REACH]: { handler: w.reach.of(handlerArg.value, CONTEXT_FIRST), middleware: w.reach.each(flat(routeLevel), CONTEXT_FIRST) },
    ...(chain.bodyParsers.length ? { bodyParsers: chain.bodyParsers } : {}),
    ...(layer.written !== undefined ? { writtenPath: layer.written } : {}),
  });
  w.layers.push({
    order: w.layers.length, kind: 'route', name: `${method} ${path}`, layerKind: 'other', prefix: path, range, argRange: null, terminal: false,
    route: w.out.routes.length - 1,
  });
}

/**
 * Runs the layers of a router stack before `end` that match `route` (its path inside the router's
 * mount) and `method`, as the router's dispatch composes them: every matching use layer and route in
 * stack order. An earlier router runs only when one of its routes matches (`needsRoute`, K3); a
 * matching route whose functions do not all call next() ends the request there (K6, K7).
 * Returns false when the request goes no further.
 */
function runRouter(
  stack: readonly KoaLayer[], end: number, route: RoutePath, method: string, mount: string, chain: Chain, w: Walk, needsRoute: boolean,
): boolean {
  const hits = (l: KoaLayer) => (l.kind === 'use'
    ? useCovers(l, w.segments(l), route, w.useMatching(l.owner))
    : routeCovers(l, w.segments(l), route, method));
  // Only the layers whose first segment may match the route's are compared (a big router's others never match).
  const candidates = candidateLayers(w.index(stack), route, end);
  // Most earlier routers have no route for this path: checking their routes first skips their use layers.
  if (needsRoute && !candidates.some(i => stack[i].kind === 'route' && hits(stack[i]))) return true;
  for (const i of candidates) {
    const l = stack[i];
    // (A route registered in the other arm of an undecided `if` never exists beside this one.)
    if (!hits(l) || (l.kind === 'route' && exclusiveArms(l.arms, chain.arms))) continue;
    const fns = [...paramFns(l), ...flat(l.fns)];
    if (l.kind === 'use') {
      for (const f of fns) if (!chain.push(f, 'router', mount, false)) return false;
      continue;
    }
    if (!passes(l, w)) {
      const first = w.ctx.range(l.site.file, l.site.span);
      const name = `${l.methods.join(',')} ${joinMount(mount, l.path)}`;
      chain.stoppedBy = { name, range: first, reason: { k: 'route-first', route: name, koa: true } };
      return false;
    }
    for (const f of fns) if (!chain.push(f, 'route', mount, false)) return false;
  }
  return true;
}

/** Whether every function of a route calls next() (a handler only when it can be read: a redirect ends the request). */
function passes(l: KoaLayer, w: Walk): boolean {
  const handler = fnOf(l.fns[l.fns.length - 1]);
  return !!handler && flat(l.fns).every(f => w.classify(f).passes);
}

/** The path inside a koa-mount prefix (koa-mount strips it). */
function local(path: string, mount: string): string {
  return mount ? path.slice(mount.length) || '/' : path;
}

/** `router.param()` handlers for the `:name` params of a layer's path, in param order, run before its middleware (K10). */
function paramFns(layer: KoaLayer): Arg[] {
  // Most routers have no router.param(): their layers' paths need not be read (asked per route and layer).
  if (!layer.owner.params.length) return [];
  const names = [...layer.path.matchAll(/:(\w+)/g)].map(m => m[1]);
  return names.flatMap(n => layer.owner.params.filter(p => p.name === n).map(p => p.fn));
}

/** Route-level middleware with koa-compose arrays flattened in place (the list itself when it holds none: asked per route and layer). */
function flat(fns: readonly Arg[]): readonly Arg[] {
  let out: Arg[] | null = null;
  fns.forEach((f, i) => {
    const h = f.value.t === 'host' || f.value.t === 'either' ? koaHost(f) : null;
    if (h?.kind === 'compose') (out ??= fns.slice(0, i)).push(...flat(h.fns));
    else out?.push(f);
  });
  return out ?? fns;
}


function argRange(arg: Arg, ctx: AdapterContext): SourceRange | null {
  if (arg.site) return ctx.range(arg.site.file, arg.site.span);
  const f = fnOf(arg);
  return f ? ctx.range(f.file, f.fn.headSpan) : null;
}

/**
 * Whether koa-unless lets requests to the route with full path `path` through unchecked: a string
 * path is the pathname exactly, a RegExp is tried unanchored, on `ctx.originalUrl` (the mount prefix
 * included) unless `useOriginalUrl: false`. A `custom` function is not read: it exempts nothing here (the
 * route's chain notes it).
 */
export function exempts(rules: UnlessRules, path: string, mount: string, method: string): boolean {
  const url = samplePath(rules.useOriginalUrl ? path : local(path, mount));
  if (rules.methods.includes(method)) return true;
  if (rules.exts.some(e => url.endsWith(e.startsWith('.') ? e : `.${e}`))) return true;
  return rules.paths.some(p => {
    if (p.kind === 'str') return p.v === url;
    try { return new RegExp(p.source, p.flags.replace(/[gy]/g, '')).test(url); } catch { return false; }
  });
}
