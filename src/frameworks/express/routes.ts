// Turns recorded Express stacks into routes with their chains, walking each app the way Express
// dispatches a request: layers in registration order, descending into mounted routers and sub-apps.
// Path-less `router.use()` layers stay active after their router (E5-E7), a route's position is its
// router's mount position (E4), error handlers never run on the success path (E18).
import { exclusiveArms, type AdapterContext, type ArmPath } from '../../core/adapter';
import { fit } from '../../core/compact';
import type { FnIR } from '../../core/ir';
import type { BodyParser, ChainEntry, LateAuth, ModelRoute, OrderedLayer, RouteRef, SourceRange, StackOrigin } from '../../core/model';
import { REACH } from '../../core/model';
import type { Arg } from '../../core/values';
import { alternatives } from '../../core/values';
import {
  joinPath, mountSegments, patternCoversSegments, plainSegments, prefixCoversSegments, regexPrefixCovers, routeSegments, UNKNOWN_PATH,
} from '../shared/paths';
import type { PathSyntax } from '../shared/paths';
import { acceptFacts } from './accept';
import { expressState } from './analyser-state';
import { Befores, Prefix } from './befores';
import { callsNext } from './middleware-body';
import { Classification, passesOnSuccess } from './middleware-kind';
import { walkOrReuse } from './subtree-reuse';
import { bodyParserReader } from '../shared/body-parsers';
import { handlerFacts, READS_NOTHING } from '../shared/handler-facts';
import { RESPONSE_SECOND, ReachBuilder } from '../shared/handler-reach';
import type { ExpressHost, PathSpec, RouteEntry } from './objects';

interface WalkState {
  /** Classifies a middleware argument once per walk (pass-through routes are re-read for every later route). */
  classify(arg: Arg): Classification;
  /**
   * Chain entries by argument: a layer in front of many routes (a body parser, an app's auth) gives
   * each the same entry, one object instead of one per route. (Keyed by classification too: an
   * app.param callback runs as kind 'other' whatever it is.)
   */
  entries: WeakMap<Arg, { cls: Classification; entry: ChainEntry }>;
  /** Lists of auth layer names by content: most routes of an app are protected by the same few. */
  authLists: Map<string, string[]>;
  /** Lists of body parsers by their first: most routes of an app sit behind the same one or two (see sharedParsers). */
  parserLists: Map<BodyParser, BodyParser[][]>;
  app: number;
  /** How this app's routers read `*` (from its express version): decides which routes are wildcards. */
  syntax: PathSyntax;
  before: Befores;
  layers: OrderedLayer[];
  routes: ModelRoute[];
  visiting: Set<ExpressHost>;
  /** What route functions call, for the stop 5-7 rules (one builder per run, shared by the apps). */
  reach: ReachBuilder;
  /** The body parser a chain argument makes, read once per argument (stop 2). */
  bodyParser: (arg: Arg) => BodyParser | null;
  /** Walks each router still has to come, for `done` (see walkApps); null when nothing is let go. */
  pending: Map<ExpressHost, number> | null;
  /** Told when a router's last walk is over (see walkApps). */
  done: (host: ExpressHost) => void;
}

/**
 * `done`, when given, is told of each app and router once its last walk is over, so that what was
 * recorded for it can go before the other routers are walked (one-run scans: on 100,000 routes the
 * route functions and their IR were half the heap at the end of the walk).
 */
export function walkApps(
  hosts: readonly ExpressHost[], classifyOnce: (arg: Arg) => Classification, ctx: AdapterContext, done?: (host: ExpressHost) => void,
): { routes: ModelRoute[]; stacks: OrderedLayer[][]; origins: StackOrigin[] } {
  markMounted(hosts);
  const routes: ModelRoute[] = [];
  const stacks: OrderedLayer[][] = [];
  const origins: StackOrigin[] = [];
  // Apps first, then routers nobody mounts (their routes are still worth showing, marked unresolved).
  const entries = new WeakMap<Arg, { cls: Classification; entry: ChainEntry }>();
  const authLists = new Map<string, string[]>();
  const parserLists = new Map<BodyParser, BodyParser[][]>();
  const reach = new ReachBuilder(ctx);
  const bodyParser = bodyParserReader(ctx);
  const roots = [...hosts.filter(h => h.kind === 'app' && !h.mounted), ...hosts.filter(h => h.kind === 'router' && !h.mounted && h.stack.length)];
  // A factory called from several places (`ParseServer.app()` from two start paths) builds the same
  // app more than once; at run time one of those paths runs. Identical copies are reported once.
  const seenApps = new Set<string>();
  const siteOf = (h: ExpressHost) => `${h.site.file}:${h.site.span.start}`;
  const sites = new Map<string, number>();
  for (const root of roots) sites.set(siteOf(root), (sites.get(siteOf(root)) ?? 0) + 1);
  const pending = done ? walksToCome(roots) : null;
  for (const root of roots) {
    const syntax = pathSyntax(ctx.packageVersion(root.site.file, 'express'));
    const state: WalkState = {
      classify: classifyOnce, entries, authLists, parserLists, app: stacks.length, syntax, before: new Befores(expressState(ctx)), layers: [], routes, visiting: new Set(), reach, bodyParser,
      pending, done: done ?? (() => {}),
    };
    const note = root.kind === 'router'
      ? [`router created at ${ctx.rel(root.site.file)}:${root.site.span.line} is not mounted on any app the analyser found`]
      : [];
    const first = routes.length;
    walk(root, { path: '', segs: [], mask: [] }, state, note, ctx);
    // Only roots sharing a creation site can be copies: the others skip building signatures.
    if (sites.get(siteOf(root))! > 1) {
      const copy = `${siteOf(root)}|${routes.slice(first).map(routeSignature).join('|')}`;
      if (seenApps.has(copy)) { routes.length = first; continue; }
      seenApps.add(copy);
    }
    stacks.push(state.layers);
    const accept = root.kind === 'app' ? acceptFacts(root, ctx) : undefined;
    origins.push({
      kind: root.kind === 'app' ? 'app' : 'router', framework: 'express', file: ctx.rel(root.site.file), line: root.site.span.line, pathSyntax: syntax,
      // express-async-errors patches Express 4's router to hand a rejected promise to next(err) (E20).
      ...(ctx.packageVersion(root.site.file, 'express-async-errors') !== null ? { asyncErrorsPatched: true as const } : {}),
      ...(accept ? { accept } : {}),
    });
  }
  linkGuards(routes);
  return { routes, stacks, origins };
}

/**
 * Fills in the later routes each guard runs in front of: those of its app whose chain holds its last
 * function. A guard with none says so: its handler is registered where the analyser does not see it
 * (a library, a loop over something unknown). Guards are copied, never changed: a walk reused after
 * an edit (subtree-reuse.ts) hands back the objects it made before.
 */
function sameRange(a: SourceRange, b: SourceRange): boolean {
  return a === b || (a.file === b.file && a.line === b.line && a.column === b.column && a.endLine === b.endLine && a.endColumn === b.endColumn);
}

function linkGuards(routes: ModelRoute[]): void {
  routes.forEach((g, i) => {
    if (!g.guards) return;
    const last = g.chainRanges[g.chainRanges.length - 1];
    const guards: RouteRef[] = [];
    for (let j = i + 1; j < routes.length; j++) {
      const r = routes[j];
      if (r.app === g.app && last && r.chainRanges.some(x => x !== null && sameRange(x, last))) {
        guards.push({ method: r.method, path: r.path, file: r.file, line: r.line });
      }
    }
    const unresolved = guards.length
      ? g.unresolved
      : [...g.unresolved, `handler registered elsewhere: no later route for ${g.method} ${g.path} found; this route only guards it`];
    routes[i] = { ...g, guards, unresolved };
  });
}

/** What makes two routes the same for de-duplicating copies of one app: where, what, and in front of it. */
function routeSignature(r: ModelRoute): string {
  return `${r.method} ${r.path} ${r.file}:${r.line}:${r.column} ${r.chain.map(c => `${c.name}@${c.file}:${c.line}`).join(',')}`;
}

/**
 * How many times each app and router can be walked: once per root, and per walk of an object that
 * mounts it, once per mount (path and argument) as walk() descends. An upper bound: a walk the
 * cycle guard skips is counted, so such a router is never let go, never let go too early.
 */
function walksToCome(roots: readonly ExpressHost[]): Map<ExpressHost, number> {
  const count = new Map<ExpressHost, number>();
  const onPath = new Set<ExpressHost>();
  const visit = (h: ExpressHost): void => {
    count.set(h, (count.get(h) ?? 0) + 1);
    if (onPath.has(h)) return;
    onPath.add(h);
    for (const layer of h.stack) {
      if (layer.type !== 'use') continue;
      for (const fn of layer.fns) {
        const child = mountedBy(h, fn);
        if (child) for (let i = 0; i < layer.paths.length; i++) visit(child);
      }
    }
    onPath.delete(h);
  };
  for (const root of roots) visit(root);
  return count;
}

/** The app or router a use() argument of `parent` mounts, which walk() descends into (the first object it may be), or null. */
function mountedBy(parent: ExpressHost, fn: Arg): ExpressHost | null {
  const child = alternatives(fn.value).find(v => v.t === 'host');
  return child && child.t === 'host' && child.host !== parent && (child.host as ExpressHost).kind !== 'server' ? child.host as ExpressHost : null;
}

function markMounted(hosts: readonly ExpressHost[]): void {
  // Hosts of modules replayed after an edit come from the previous run, marks included.
  for (const h of hosts) h.mounted = false;
  for (const h of hosts) {
    for (const layer of h.stack) {
      if (layer.type !== 'use') continue;
      for (const fn of layer.fns) for (const v of alternatives(fn.value)) if (v.t === 'host' && v.host !== h) (v.host as ExpressHost).mounted = true;
    }
  }
}

/**
 * Where a router is mounted: its full path as shown, its matching segments (shared/paths.ts), and
 * the case sensitivity of each segment as the router that matched it saw it. Each app and router
 * matches its own paths with its own setting: the app's 'case sensitive routing' does not reach a
 * `Router()`, nor a `Router({ caseSensitive })` the app (E9).
 */
interface Mount { path: string; segs: string[]; mask: boolean[] }

function walk(host: ExpressHost, at: Mount, st: WalkState, unresolved: string[], ctx: AdapterContext): void {
  if (st.visiting.has(host)) return; // a router mounted inside itself
  st.visiting.add(host);
  const caseSensitive = host.caseSensitive;
  // A router's routes have paths of a few lengths: one mask per length, shared by its routes.
  const masks = new Map<number, boolean[]>();
  const routeMask = (n: number) => {
    let m = masks.get(n);
    if (!m) masks.set(n, (m = extendMask(at.mask, n, caseSensitive)));
    return m;
  };
  for (const layer of host.stack) {
    const range = ctx.range(layer.site.file, layer.site.span);
    if (layer.type === 'use') {
      for (const p of layer.paths) {
        const { full, segs, notes } = resolvePath(at, p, 'mount', st, unresolved);
        const inner: Mount = { path: full, segs, mask: extendMask(at.mask, segs.length, caseSensitive) };
        // app.param callbacks fire for params in this object's own mount paths (E15).
        for (const fn of paramFns(host, p)) {
          st.before.addMw({
            router: host.id, prefix: prefixOf(inner, p), arg: fn, cls: { ...st.classify(fn), errorHandler: false, kind: 'other' },
            layer: {
              order: st.layers.length, kind: 'middleware', name: fn.name, layerKind: 'other', prefix: full || '/', range,
              argRange: argRange(fn, ctx), terminal: false, owner: host.id,
            },
          });
        }
        for (const fn of layer.fns) {
          const sub = mountedBy(host, fn);
          if (sub) {
            st.layers.push({
              order: st.layers.length, kind: 'mount', name: fn.name, layerKind: 'other', prefix: full || '/', range,
              argRange: argRange(fn, ctx), terminal: false, owner: host.id, mounts: sub.id,
            });
            if (p.kind === 'str' && !st.visiting.has(sub)) walkOrReuse(sub, inner, notes, st, ctx, () => walk(sub, inner, st, notes, ctx));
            else walk(sub, inner, st, notes, ctx);
            continue;
          }
          const cls = st.classify(fn);
          const ol: OrderedLayer = {
            order: st.layers.length, kind: 'middleware', name: fn.name, layerKind: cls.kind, prefix: full || '/', range,
            argRange: argRange(fn, ctx), terminal: cls.terminal, ...caseFlags(inner.mask), owner: host.id,
          };
          st.layers.push(ol);
          st.before.addMw({ router: host.id, prefix: prefixOf(inner, p), arg: fn, cls, layer: ol });
        }
      }
      continue;
    }
    // `app.route(p).all(a).get(h)`: every entry is a route; earlier entries that call next() join
    // later chains through the pass-through of earlier routes (E13).
    const entries: RouteEntry[] = layer.type === 'route' ? [{ method: layer.method, fns: layer.fns, site: layer.site, arms: layer.arms }] : layer.route.routeStack;
    for (const p of layer.path) {
      // One path, one set of matching segments: the entries of `app.route(p)` share its unreadable piece.
      const { full, segs, notes } = resolvePath(at, p, 'route', st, unresolved);
      const path = full || '/';
      const params = paramFns(host, p);
      const routeSegs = fit(segs);
      for (const e of entries) {
        if (!e.fns.length) continue;
        const fns = params.length ? [...params, ...e.fns] : e.fns;
        const routeRange = ctx.range(e.site.file, e.site.span);
        addRoute({ router: host.id, prefix: at.path, arms: e.arms, ...(p.kind === 'str' && !p.note ? { written: p.v } : {}) }, path, routeSegs, e.method, fns, routeRange, routeMask(routeSegs.length), notes, st, ctx);
      }
    }
  }
  st.visiting.delete(host);
  const left = st.pending?.get(host);
  if (left === undefined) return;
  st.pending!.set(host, left - 1);
  if (left === 1) st.done(host);
}

interface RouteSite { router: number; prefix: string; arms: ArmPath | null; written?: string }

function addRoute(
  { router, prefix, arms, written }: RouteSite, path: string, segs: string[], method: string, fns: Arg[], range: SourceRange, caseSensitive: boolean[],
  unresolved: string[], st: WalkState, ctx: AdapterContext,
): void {
  const handlerArg = fns[fns.length - 1];
  // A guard: its last function is middleware too, so a request that passes it goes on to a later
  // route (E22), whose chain it joins; it has no handler of its own.
  const guard = passesOnSuccess(handlerArg, st.classify);
  const routeLevel = guard ? fns : fns.slice(0, -1);
  const chain: ChainEntry[] = [];
  const chainRanges: (SourceRange | null)[] = [];
  const authBy: string[] = [];
  const shadowedBy: ModelRoute['shadowedBy'] = [];
  const exits: number[] = [];
  const lateAuth: LateAuth[] = [];
  const bodyParsers: BodyParser[] = [];
  let identitySetBy: string | undefined;
  // `protects`: a request without credentials stopped by this layer does not reach the handler.
  // Not so for auth that rejects and calls next() anyway (E23), nor for a layer that sends the
  // request on to this route with next('route') / next('router') when it fails (E17).
  // `own`: one of this route's own arguments, which no other route's chain holds.
  const push = (arg: Arg, cls: Classification, protects = true, own = false) => {
    const r = argRange(arg, ctx);
    chain.push(r && !own
      ? chainEntry(arg, cls, r, st)
      : { name: arg.name, kind: cls.kind, stop: cls.stop, file: r?.file ?? range.file, line: r?.line ?? range.line });
    chainRanges.push(r);
    const parser = cls.kind === 'parse' ? st.bodyParser(arg) : null;
    if (parser) bodyParsers.push(parser);
    if (cls.setsIdentity && cls.kind !== 'auth') identitySetBy ??= arg.name;
    if (cls.kind === 'auth' && protects && !cls.leaks) authBy.push(arg.name);
    if (cls.kind === 'auth' && cls.leaks) lateAuth.push({ name: arg.name, range: r, how: 'rejects-and-continues', evidence: cls.evidence });
  };
  // The apps and routers this route sits in: next('router') from one of them skips it.
  // (Made only when a layer may leave a router: most routes never ask.)
  let ids: Set<number> | undefined;
  const enclosing = (id: number) => (ids ??= new Set([...st.visiting].map(h => h.id))).has(id);
  for (const b of st.before.candidates(segs)) {
    if (b.type === 'mw') {
      if (b.cls.errorHandler || !covers(b.prefix, segs, path)) continue;
      if (b.cls.terminal) {
        shadowedBy.push({ name: b.arg.name, range: b.layer.range, reason: { k: 'ends-all', prefix: b.layer.prefix } });
      }
      // In a use() layer next('route') is next(); next('router') leaves the layer's router, which
      // stops this route only when the route is inside that router (E17).
      const leavesThisRoute = b.cls.skips === 'router' && enclosing(b.router);
      if (leavesThisRoute) exits.push(b.router);
      push(b.arg, b.cls, b.cls.skips === null || leavesThisRoute);
    } else if (!exclusiveArms(b.arms, arms) && sameMethod(b.method, method) && patternCoversSegments(b.segs, segs, b.caseSensitive)) {
      // (A route registered in the other arm of an undecided `if` never exists beside this one.)
      // An earlier route on the same path runs first; if it calls next() its layers join this chain (E12, E22).
      if (b.passes) {
        for (const f of b.fns) { const cls = st.classify(f); push(f, cls, cls.skips === null); }
        continue;
      }
      // Its route-level next('route') hands the request on to this route (E17): b.fns holds the
      // layers it passes on the way (skipRouteLayers), none when it cannot.
      const via = b.fns;
      if (via.length) {
        const firstSkip = via.findIndex(f => st.classify(f).skips !== null);
        via.forEach((f, i) => push(f, st.classify(f), i < firstSkip));
      } else if (b.ends && b.exits.every(enclosing)) {
        // (A next('router') in b's chain that leaves a router this route is not in also lets the request through.)
        const first = `${b.method.toUpperCase()} ${b.path}`;
        shadowedBy.push({ name: b.name, range: b.range, reason: { k: 'route-first', route: first } });
      }
    }
  }
  for (const f of routeLevel) {
    const cls = st.classify(f);
    if (cls.skips === 'router') exits.push(router);
    push(f, cls, true, true);
  }
  const handlerFn = guard ? null : fnOf(handlerArg);
  const handlerSite = guard ? null : handlerFn ? { file: handlerFn.file, span: handlerFn.fn.headSpan } : handlerArg.site;
  const notes = !guard && !handlerFn && handlerArg.value.t === 'unknown'
    ? [...unresolved, `handler ${handlerArg.name}: ${handlerArg.value.why}`]
    : fit(unresolved);
  const upper = method === 'all' ? 'ALL' : method.toUpperCase();
  // One string for the route's layer, its dispatch entry (and its annotation, see annotations.ts).
  const name = `${upper} ${path}`;
  // Every list a route holds is complete here and kept for the whole run: at its size (see core/compact.ts).
  const route: ModelRoute = {
    framework: 'express',
    method: upper,
    path,
    file: range.file,
    line: range.line,
    column: range.column,
    range,
    handler: handlerSite ? { file: ctx.rel(handlerSite.file), line: handlerSite.span.line } : null,
    chain: fit(chain),
    protected: authBy.length > 0,
    authBy: sharedList(authBy, st.authLists),
    unresolved: notes,
    app: st.app,
    router,
    mountPrefix: prefix || '/',
    order: st.layers.length,
    facts: handlerFn
      ? ctx.memo('express.handlerFacts', handlerFn.fn, () => handlerFacts(handlerFn.fn, handlerFn.file, ctx))
      : READS_NOTHING,
    chainRanges: fit(chainRanges),
    ...caseFlags(caseSensitive),
    shadowedBy: fit(shadowedBy),
    ...(lateAuth.length ? { lateAuth } : {}),
    ...(bodyParsers.length ? { bodyParsers: sharedParsers(bodyParsers, st.parserLists) } : {}),
    ...(identitySetBy ? { identitySetBy } : {}),
    ...(written !== undefined ? { writtenPath: written } : {}),
    ...(guard ? { guards: [] } : {}),
    [REACH]: { handler: handlerFn ? st.reach.of(handlerArg.value, RESPONSE_SECOND) : null, middleware: st.reach.each(routeLevel, RESPONSE_SECOND) },
  };
  st.routes.push(route);
  st.layers.push({
    order: st.layers.length, kind: 'route', name, layerKind: 'other', prefix: path, range, argRange: null, terminal: false, route: st.routes.length - 1,
    owner: router,
  });
  const passes = fns.every(f => { const fn = fnOf(f); return fn ? callsNext(fn.fn) : passesOnSuccess(f, st.classify); });
  // Only a handler we can read and that never calls next() certainly ends the request.
  const ends = !!handlerFn && !callsNext(handlerFn.fn);
  st.before.addRoute({ segs, caseSensitive, path, method, fns: onwardFns(fns, passes, st.classify), passes, ends, name, range, router, exits: fit(exits), arms });
}

/**
 * What a later route on the same path meets of a route's functions `fns`: all of them when they all
 * pass the request on (`passes`), else the route-level ones a request goes through before one hands
 * it on with next('route') (skipRouteLayers), usually none. Only these are kept while the app is
 * walked, not the others nor what they hold (on 100,000 routes, a factory's closure per route:
 * 65 MB of the walk's peak).
 */
export function onwardFns(fns: Arg[], passes: boolean, classifyArg: (arg: Arg) => Classification): Arg[] {
  return fit(passes ? fns : skipRouteLayers(fns.slice(0, -1), classifyArg) ?? []);
}

/**
 * The route-level layers of an earlier route (`routeLevel`: its functions but the handler) that run
 * before it sends a request on with next('route'): up to the last layer that may do so, when every
 * layer before that calls next(). Null when no route-level layer calls next('route').
 */
function skipRouteLayers(routeLevel: Arg[], classifyArg: (arg: Arg) => Classification): Arg[] | null {
  let last = -1;
  for (let i = 0; i < routeLevel.length; i++) {
    if (classifyArg(routeLevel[i]).skips === 'route') last = i;
    const fn = fnOf(routeLevel[i]);
    if (!fn || !callsNext(fn.fn)) break;
  }
  return last >= 0 ? routeLevel.slice(0, last + 1) : null;
}

/** The object's own param callbacks for the `:name` params of one of its paths, in registration order. */
function paramFns(host: ExpressHost, p: PathSpec): Arg[] {
  if (p.kind !== 'str' || !host.params.length) return [];
  const names = new Set([...p.v.matchAll(/:(\w+)/g)].map(m => m[1]));
  return host.params.filter(x => names.has(x.name)).map(x => x.fn);
}

/** Whether an earlier route with `earlier` method answers requests for `later` (HEAD goes to GET, E14). */
function sameMethod(earlier: string, later: string): boolean {
  return earlier === later || earlier === 'all' || (earlier === 'get' && later === 'head');
}

function fnOf(arg: Arg): { fn: FnIR; file: string } | null {
  const v = alternatives(arg.value).find(o => o.t === 'fn');
  return v && v.t === 'fn' ? { fn: v.fn, file: v.file } : null;
}

/** A list of names, the same array as an earlier one with the same names (lists in routes are never written to). */
function sharedList(names: string[], known: Map<string, string[]>): string[] {
  if (!names.length) return fit(names);
  const key = names.join('\n');
  let list = known.get(key);
  if (!list) known.set(key, (list = fit(names)));
  return list;
}

/** The same array as an earlier route's when it holds the same parsers (lists in routes are never written to). */
function sharedParsers(parsers: BodyParser[], known: Map<BodyParser, BodyParser[][]>): BodyParser[] {
  let lists = known.get(parsers[0]);
  if (!lists) known.set(parsers[0], (lists = []));
  const same = lists.find(l => l.length === parsers.length && l.every((p, i) => p === parsers[i]));
  if (same) return same;
  const list = fit(parsers);
  lists.push(list);
  return list;
}

/** The chain entry of a layer with a known site: the same object for every route it runs before. */
function chainEntry(arg: Arg, cls: Classification, r: SourceRange, st: WalkState): ChainEntry {
  const known = st.entries.get(arg);
  if (known && known.cls === cls) return known.entry;
  const entry: ChainEntry = { name: arg.name, kind: cls.kind, stop: cls.stop, file: r.file, line: r.line };
  st.entries.set(arg, { cls, entry });
  return entry;
}

function argRange(arg: Arg, ctx: AdapterContext): SourceRange | null {
  return arg.site ? ctx.range(arg.site.file, arg.site.span) : null;
}

/**
 * A use-path or route path under `at`: its full path as shown, its matching segments, and the notes
 * so far. A RegExp path is shown as written and matched as an unreadable piece.
 */
function resolvePath(at: Mount, p: PathSpec, kind: 'mount' | 'route', st: WalkState, unresolved: string[]): { full: string; segs: string[]; notes: string[] } {
  const own = p.kind === 'str' ? p.v : '/' + UNKNOWN_PATH;
  const unknown = () => st.before.unknownPiece();
  const segs = kind === 'route' ? routeSegments(at.segs, own, st.syntax, unknown) : mountSegments(at.segs, own, unknown);
  if (p.kind === 'str') return { full: joinPath(at.path, p.v), segs, notes: p.note ? [...unresolved, p.note] : unresolved };
  if (p.kind === 'regex') return { full: joinPath(at.path, `/${p.source}/`), segs, notes: [...unresolved, `RegExp path /${p.source}/${p.flags}`] };
  return { full: joinPath(at.path, own), segs, notes: [...unresolved, `path: ${p.why}`] };
}

/** Express 4 reads paths with path-to-regexp 0.1, Express 5 with v8; unknown when no version is found. */
function pathSyntax(version: string | null): PathSyntax {
  const major = version === null ? NaN : parseInt(version, 10);
  return major >= 5 ? 'express5' : major >= 1 ? 'express4' : 'unknown';
}

/** The case flags of a path of `n` segments: those of its prefix (`mask`, its first segments), then `caseSensitive` for the rest. */
function extendMask(mask: boolean[], n: number, caseSensitive: boolean): boolean[] {
  return n <= mask.length ? mask.slice(0, n) : fit([...mask, ...new Array<boolean>(n - mask.length).fill(caseSensitive)]);
}

/** A layer's or route's `caseSensitive` field: only where some router on its path is case-sensitive (E9). */
function caseFlags(mask: boolean[]): { caseSensitive?: boolean[] } {
  return mask.includes(true) ? { caseSensitive: mask } : {};
}

function prefixOf(at: Mount, p: PathSpec): Prefix {
  if (p.kind === 'regex') return { kind: 'regex', source: p.source, flags: p.flags };
  if (p.kind === 'unknown') return { kind: 'unknown' };
  return { kind: 'str', v: at.path || '/', segs: at.segs, caseSensitive: at.mask };
}

function covers(prefix: Prefix, segs: string[], path: string): boolean {
  if (prefix.kind === 'unknown') return false;
  // A RegExp is tried on one sample path: only a path as written has one that stands for all.
  if (prefix.kind === 'regex') return plainSegments(segs) && regexPrefixCovers(prefix.source, prefix.flags, path);
  return prefixCoversSegments(prefix.segs, segs, prefix.caseSensitive);
}
