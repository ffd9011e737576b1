// The framework-neutral data model shared by the analyser, the rules, the CLI and the extension.
// Everything here is plain data (JSON-serialisable): no ts-morph nodes, no vscode types, so results
// can cross a worker boundary and be written as the CLI's JSON contract (schemaVersion 1).
import type { ArmPath } from './adapter';
import type { Expr } from './ir';

/** The seven stops of an HTTP request, in order. */
export type Stop = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const STOP_NAMES: Record<Stop, string> = {
  1: 'Accept',
  2: 'Parse',
  3: 'Route',
  4: 'Middleware',
  5: 'Handle',
  6: 'Serialize',
  7: 'Drain',
};

/** Circled digits used in labels (`③ Route`). */
export const STOP_GLYPHS: Record<Stop, string> = { 1: '①', 2: '②', 3: '③', 4: '④', 5: '⑤', 6: '⑥', 7: '⑦' };

export type Framework = 'express' | 'fastify' | 'koa';

/** How each framework is named in texts for people. */
export const FRAMEWORK_NAMES: Record<Framework, string> = { express: 'Express', fastify: 'Fastify', koa: 'Koa' };

/** Frameworks named in a sentence: `Express`, `Express or Koa`, `Express, Fastify or Koa`. */
export function frameworkList(frameworks: readonly Framework[]): string {
  const names = frameworks.map(f => FRAMEWORK_NAMES[f]);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0] ?? 'web';
}

export type HttpMethod =
  | 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS' | 'ALL' | (string & { readonly brand?: 'method' });

export type Severity = 'error' | 'warning' | 'info';

// Positions: four types, one meaning each.
// - Span (ir.ts): an extent within one file, as lowering records it: 0-based offsets plus 1-based
//   line and column (worked out when read, by parse-source.ts's LineSpan). It names no file.
// - Site (values.ts): a Span in a file named by its absolute path; what the interpreter attaches to
//   values and call arguments.
// - SourceRange (below): a reported extent, file relative to the scanned root; made from a Site by
//   AdapterContext.range. Findings, annotations and chain entries carry these.
// - SourceLocation (below): a reported start, file and line only (a route's handler).

/** A range in a file: `file` relative to the scanned root with `/` separators; lines and columns 1-based. */
export interface SourceRange {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A position without an end, used where only "where it starts" matters. */
export interface SourceLocation {
  file: string;
  line: number;
}

export type LayerKind =
  | 'auth' | 'parse' | 'security' | 'cors' | 'logging' | 'rate-limit' | 'static' | 'error-handler' | 'other';

/**
 * A Fastify lifecycle hook a chain entry runs in (framework-semantics.md §2, "Fastify lifecycle
 * order"). Order-based frameworks (Express, Koa) have no phases: their entries leave it absent.
 */
export type LifecyclePhase =
  | 'onRequest' | 'preParsing' | 'preValidation' | 'preHandler' | 'preSerialization' | 'onSend' | 'onResponse' | 'onError';

/**
 * Where a chain entry was registered: on the app, on a Fastify encapsulation context (`context`) or
 * a Koa router (`router`), or on the route itself (its own arguments or route options).
 */
export type ChainLevel = 'app' | 'context' | 'router' | 'route';

/** One layer a request passes through before a route's handler, in run order. */
export interface ChainEntry {
  name: string;
  kind: LayerKind;
  stop: Stop;
  file: string;
  line: number;
  /** Fastify: the lifecycle hook it runs in. Absent where the framework has no phases (Express, Koa). */
  phase?: LifecyclePhase;
  /** Whether its code runs before or after the handler (Koa code after `await next()`); absent means before. */
  when?: 'before' | 'after';
  /** Where it was registered; absent where the adapter does not say (Express). */
  level?: ChainLevel;
}

/**
 * A test inside an auth layer that lets some requests through before its check (a Fastify hook's
 * `if (request.url.startsWith('/auth/login')) return;`). The layer protects every route it reaches
 * except the ones such a test lets through: their verdict reads "protected except …".
 */
export interface AuthExemption {
  /** The auth layer holding the test (a chain entry's name). */
  by: string;
  /** The test that lets requests through: `request.url.startsWith('/auth/login')`. */
  test: string;
  file: string;
  line: number;
  /** Whether it lets this route's requests through: the route is then not protected by `by`. */
  exempts: boolean;
  /** Where the test's text semantics matter for this route (a text prefix, the query string). */
  caveat?: string;
}

/**
 * A scope routes live in, for frameworks that have them: a Fastify encapsulation context (the root
 * instance or a `register`ed plugin) or a Koa router. Express leaves the list absent.
 */
export interface RoutingContext {
  /** Unique within one result; routes name it in `context`. */
  id: string;
  /** The enclosing context's id, null for a root. */
  parent: string | null;
  /** The path prefix its routes get (Fastify `prefix` option, Koa router `prefix` or mount path); '' when none. */
  prefix: string;
  /** Whether hooks added inside stay inside (a plain Fastify `register`); false for `fastify-plugin` and Koa routers. */
  encapsulated: boolean;
  file: string;
  line: number;
  /** The plugin function that fills it (`fastify()` for a root), for texts that name the context; absent where the adapter has none. */
  name?: string;
}

export interface AppInfo {
  framework: Framework;
  /** From the nearest package.json (declared range stripped to a version), or null when unknown. */
  frameworkVersion: string | null;
  file: string;
  line: number;
}

/** A route named by its method, full path and where it is registered. */
export interface RouteRef {
  method: HttpMethod;
  path: string;
  file: string;
  line: number;
}

export interface Route {
  framework: Framework;
  method: HttpMethod;
  /** The full path with every mount prefix applied. */
  path: string;
  file: string;
  line: number;
  column: number;
  /** Exact range of the registering call, for editors (not part of the JSON contract). */
  range: SourceRange;
  handler: SourceLocation | null;
  chain: ChainEntry[];
  protected: boolean;
  authBy: string[];
  /** What could not be resolved statically (a computed path, a router from an unknown function...). */
  unresolved: string[];
  /**
   * Only on a guard: a route whose every function is middleware that calls next() when it succeeds
   * (`app.get('/api/Users', isAuthorized())` in front of the real handler). It has no handler; its
   * `chain` is all of it, and these are the later routes a request goes on to (their chains include it).
   */
  guards?: RouteRef[];
  /** The id of the RoutingContext the route lives in (Fastify context, Koa router); absent for Express. */
  context?: string;
  /** The exemptions written in the auth layers of its chain; absent when none. */
  exemptions?: AuthExemption[];
  /**
   * What the framework runs after the handler, in run order: Fastify's preSerialization, onSend and
   * onResponse hooks (each with its `phase`). Absent when none; never part of the protection verdict.
   */
  afterHandler?: ChainEntry[];
}

/** A text replacement suggested by a rule; offsets are 0-based UTF-16 offsets into the file's text. */
export interface TextEdit {
  file: string;
  start: number;
  end: number;
  newText: string;
}

/** A quick fix as edits, built on request from a Fix and the file's text then (see core/fix-edits.ts). */
export interface Suggestion {
  title: string;
  edits: TextEdit[];
}

/**
 * A quick fix as a rule proposes it: what to change, not yet the edits. Edits are built only when
 * someone asks (a code action, a test), from the text at that moment (core/fixes/<kind>.ts): rules
 * run on every keystroke and most fixes are never looked at. Each kind is framework-neutral; where
 * the code no longer has the shape a kind expects, no edits are offered.
 */
export type Fix =
  /** Move the statement holding `from` to just after the one holding `anchor` (just before, with `before`), in one block. */
  | { kind: 'move-statement'; title: string; from: SourceRange; anchor: SourceRange; before: boolean }
  /**
   * Move the statement holding `from` to just before the nearest earlier statement of its block that
   * calls `callee` in the same function (`if (!ctx.state.user) ctx.throw(401)` above `await next()`).
   * No rule proposes it yet: the Koa rules will.
   */
  | { kind: 'move-before-call'; title: string; from: SourceRange; callee: string }
  /**
   * Add the property `name: value` (both source text: `preHandler`, `[auth]`) to the options object of
   * the call at `call` (`app.get('/x', opts, handler)`, `app.route({...})`), or a new options argument
   * before the handler; an existing array property gets the value's elements appended. With `member`,
   * `value` is a member of the call's receiver (a Fastify decorator): `authenticate` on
   * `instance.get(...)` is written `[instance.authenticate]`. With `optionsAt`, the options are the
   * call's argument at that index (`fetch(url, options)`: 1): an object literal there gets the property;
   * a call with exactly that many arguments gets `{ name: value }` as a new last argument.
   */
  | { kind: 'add-option'; title: string; call: SourceRange; name: string; value: string; member?: true; optionsAt?: number }
  /**
   * Wrap the expression at `target` in a call of the default export of `module` (`fp(plugin)` with
   * `fastify-plugin`): under the name the file already binds it to, else `callee`, imported or required
   * as the file does. No rule proposes it yet: the Fastify rules will.
   */
  | { kind: 'wrap-call'; title: string; target: SourceRange; callee: string; module: string }
  /**
   * Move a lifecycle hook from phase `from` to `to` where it is written: `hook` is an
   * `addHook('onRequest', fn)` call (its phase argument changes) or the value of a route option
   * `onRequest: fn` (its key changes, when it holds that hook alone and no `to` option exists).
   */
  | { kind: 'move-hook'; title: string; hook: SourceRange; from: string; to: string }
  /**
   * Move the statement that is the call `from` to just after the one that is the call `anchor`, in
   * another block (a route into the plugin whose hooks should reach it): its receiver becomes the
   * anchor's (`app.get` → `instance.get`) and, with `path`, its first argument, the string `path.from`,
   * becomes `path.to`. Not offered when the moved code names a local of the function it leaves.
   */
  | { kind: 'move-call'; title: string; from: SourceRange; anchor: SourceRange; path?: { from: string; to: string } }
  /** Replace the call at `call` with its first argument as written (`JSON.stringify(user)` → `user`). */
  | { kind: 'unwrap-call'; title: string; call: SourceRange }
  /** Append `.name(args)` (source text) to the call at `call`: `User.find({})` → `User.find({}).limit(100)`. */
  | { kind: 'append-call'; title: string; call: SourceRange; name: string; args: string }
  /**
   * Rewrite the pipe chain that is the call at `call` (`src.pipe(gzip).pipe(res)`) as
   * `stream.pipeline(src, gzip, res, callback)`, `stream` required or imported as the file does.
   */
  | { kind: 'pipe-to-pipeline'; title: string; call: SourceRange }
  /**
   * Replace text inside `at`: with `from`, its first occurrence there inside a string literal (a
   * construct in a route's path: `:id?` → `{/:id}`), else the first token that is `from` (`Infinity`);
   * without, the whole of `at` (an option's value: `'1gb'` → `'10mb'`). Not offered when the text at `at` no longer holds `from`.
   */
  | { kind: 'replace-text'; title: string; at: SourceRange; from?: string; to: string };

/** The other end of a problem (e.g. the auth layer a route misses). */
export interface RelatedLocation extends SourceRange {
  message: string;
}

export interface Finding extends SourceRange {
  ruleId: string;
  /** Which of the rule's messages, and the values filled into it (asserted by rule tests). */
  messageId: string;
  data: Record<string, string>;
  severity: Severity;
  stop: Stop;
  message: string;
  related: RelatedLocation[];
  /** Quick fixes, best first (turned into edits by core/fix-edits.ts when asked for). */
  fixes: Fix[];
}

/** A labelled piece of code: which stop it belongs to. */
export interface Annotation extends SourceRange {
  stop: Stop;
  label: string;
  /** Fastify hooks: the lifecycle hook it runs in (then `label` is `<phase> · <name>`). */
  phase?: LifecyclePhase;
  /**
   * Fastify hooks: how many routes it reaches, and from where (its context and the contexts below,
   * or the one route whose options name it).
   */
  reach?: { routes: number; level: 'app' | 'context' | 'route' };
}

export interface Skipped {
  file: string;
  reason: string;
}

export interface AnalysisStats {
  files: number;
  ms: number;
  /** Files read from disk or an editor overlay this run (the rest were vouched unchanged). */
  read?: number;
  /** Files parsed and lowered this run (the rest came from the content-hash cache). */
  lowered?: number;
  /** Files whose IR was reloaded from the on-disk cache of an earlier process (core/ir-cache.ts) instead of parsed. */
  reloaded?: number;
  /** Set when the whole result came from the on-disk cache (core/run-cache.ts): nothing it was derived from changed. */
  fromCache?: true;
  /** Modules whose evaluation was replayed from the previous run (unchanged, see core/module-reuse.ts). */
  replayed?: number;
  /** Readable files that cannot matter (no framework import reaches them, see core/closure.ts): never parsed. */
  notNeeded?: number;
  /** Milliseconds per phase: load (discover, read, lower), evaluate, link (routes, chains, stops), rules. */
  phases?: Record<AnalysisPhase, number>;
}

/** The phases of a run, in order (AnalysisStats.phases). */
export type AnalysisPhase = 'load' | 'evaluate' | 'link' | 'rules';

export interface AnalysisResult {
  /** The folder as given by the caller. */
  root: string;
  apps: AppInfo[];
  routes: Route[];
  /** The contexts routes name in `context`; absent when no adapter reports any (Express). */
  contexts?: RoutingContext[];
  findings: Finding[];
  annotations: Annotation[];
  skipped: Skipped[];
  stats: AnalysisStats;
}

// ---- Internal model for rules (not part of the JSON contract) ------------------------------------

/**
 * A call made by a function on a route's request path (HandlerReach.calls): a plain call
 * (`fs.readFileSync(p)`) or a call on one of the function's parameters (`res.status(500).json(x)`).
 */
export interface ReachedCall {
  /** As written, with the arguments of inner calls dropped: `fs.readFileSync`, `axios.get`, `res.status().json`. */
  callee: string;
  /** The callee's receiver, as `callee` writes it (`fs`, `res.status()`, `ctx.res`); '' for a plain function call. */
  receiver: string;
  /** The called name: `readFileSync`, `json`, `fetch`. */
  name: string;
  args: Expr[];
  /** The whole call. */
  range: SourceRange;
  /** How it runs in the function making it: FLOW bits (core/ir.ts; read with core/reach.ts). */
  flow: number;
  /**
   * Where the response takes part: the receiver (`res.write(…)`, `reply.send(…)`, `ctx.res.end()`),
   * an argument (`src.pipe(res)`, `pipeline(src, ctx.res, cb)`), or neither (null).
   */
  response: 'receiver' | 'argument' | null;
}

/** A member of the response or the Koa context written: `ctx.body = stream`, `res.statusCode = 500`. */
export interface ReachedWrite {
  /** `ctx.body`, `ctx.response.body`, `res.statusCode`. */
  target: string;
  value: Expr;
  range: SourceRange;
  flow: number;
}

/** A local variable given a value (HandlerReach.binds): `name` holds `value`, or the member `path` of it. */
export interface ReachedBind {
  name: string;
  value: Expr;
  /** Properties picked from the value by destructuring ([] for a plain binding). */
  path: string[];
  /**
   * A callback's parameter rather than a variable: what a promise resolves to (`q.then(rows => …)`,
   * `value` is `q`), or by Node's convention the result passed after the error (`q(args, (err, rows) => …)`,
   * `value` is the call without its callback).
   */
  from?: 'then' | 'callback';
}

/**
 * What one function on a route's request path does (the handler, a route-level middleware), and
 * what the workspace functions it calls do, followed a few calls deep (ModelRoute.reach). Shared:
 * one object per function (and how its parameters are used) per run, however many routes run it.
 */
export interface HandlerReach {
  /** The function's name (`anonymous function` when it has none) and its header. */
  name: string;
  range: SourceRange;
  async: boolean;
  /** Its calls, in source order (callbacks written inside it too: their `flow` has FLOW.nested). */
  calls: ReachedCall[];
  writes: ReachedWrite[];
  /** The values it returns (`return rows`: what an async Fastify handler sends), not its callbacks'. */
  returns: { value: Expr; range: SourceRange }[];
  /**
   * Its local variables and the values given them (`const rows = await q`, `rows = q`, `const { rows } = await
   * pool.query(sql)` with `path` ['rows']; `const [rows] = …` with ['0']), those of the callbacks written in it
   * and the callbacks' parameters (ReachedBind.from), in source order: what a value sent by name may hold
   * (await is not written in the value). A name given several values has several.
   */
  binds?: ReachedBind[];
  /**
   * The workspace functions it calls that were read, each with the call (an entry of `calls`) and
   * what that function reaches. A function already on the path (recursion) is not followed again.
   */
  followed: { call: ReachedCall; reach: HandlerReach }[];
  /**
   * Parallel to `calls`: the package export each callee is, read through the function's closure
   * (`fs.readFileSync` written `readFileSync` after `const { readFileSync } = require('fs')`), or null.
   */
  packages: (ReachedPackage | null)[];
}

/** A package export a call names (HandlerReach.packages). */
export interface ReachedPackage {
  /** As required: `fs`, `node:fs`, `axios`, `@prisma/client`; `global` for a name nothing binds (`fetch`, `JSON`). */
  module: string;
  /** The members from the module's export to the callee: `['readFileSync']`, `['get']`, [] for the export itself (`got(url)`). */
  path: string[];
  /**
   * When the callee is a member of what a call into the package made (`api.get` after
   * `const api = axios.create({ timeout: 5000 })`): that call's path and the keys of its first
   * argument when it is an object literal.
   */
  made?: { path: string[]; keys: string[] };
}

/** What a route's handler does with the request, for rules. */
export interface HandlerFacts {
  /** Where the handler reads `req.body`, if it does. */
  readsBody: SourceRange | null;
  /** Where the handler reads the authenticated identity (`req.user`, `req.auth`...). */
  readsIdentity: { expr: string; range: SourceRange } | null;
}

/** A layer in the order a framework dispatches it, flattened across mounts. */
export interface OrderedLayer {
  /** Position in dispatch order within its app (0-based). */
  order: number;
  kind: 'middleware' | 'route' | 'mount';
  name: string;
  layerKind: LayerKind;
  /** The full mount prefix the layer applies under ('/' for everything). */
  prefix: string;
  /** Range of the registering call. */
  range: SourceRange;
  /** Range of the middleware argument itself (for related locations). */
  argRange: SourceRange | null;
  /** Ends every response without calling next (a catch-all): later layers under `prefix` are unreachable. */
  terminal: boolean;
  /**
   * The app or router the layer was registered on (an id unique within one run), where the adapter
   * says (Express). A stack lists a router's layers right after its mount, so these tell where a
   * router's own layers end.
   */
  owner?: number;
  /** On a mount: the router it mounts (its layers name it as `owner`). */
  mounts?: number;
  /** Index into AnalysisModel.routes for kind 'route'. */
  route?: number;
  /** Per segment of `prefix`, whether the router matching it is case-sensitive (E9); absent when none is. */
  caseSensitive?: boolean[];
  /** Koa: a middleware that catches what the layers after it throw (`try { await next() } catch`); absent otherwise. */
  catchesErrors?: true;
}

/** Everything the rules see: routes plus the dispatch order per app. */
export interface AnalysisModel {
  routes: ModelRoute[];
  /** One list per app, in dispatch order. */
  stacks: OrderedLayer[][];
  /** Where each stack starts, parallel to `stacks`: an app, or a router no app mounts. */
  origins: StackOrigin[];
  /** The contexts routes name in `context` (Fastify), with what rules read of them; absent when there are none. */
  contexts?: ModelContext[];
}

/** A hook a context added itself (it reaches that context and every one below it), as rules read it. */
export interface ContextHook {
  /** The name it runs under (ChainEntry.name). */
  name: string;
  /** How the hook argument is written: `requireUser`, `fastify.authenticate`. */
  text: string;
  /** The decorator it reads when written `instance.<decorator>` and that decorator is visible there. */
  decorator: string | null;
  kind: LayerKind;
  phase: LifecyclePhase;
  /** The call that added it (`addHook(...)`, or the plugin registration that adds its own hook). */
  range: SourceRange;
  /** The hook function itself, when the analyser can read it. */
  fnRange: SourceRange | null;
}

/**
 * A hook given as a decorator the context it is read in cannot see (Fastify: declared in another
 * encapsulated plugin, F3), so it is `undefined` there.
 */
export interface UndefinedHook {
  phase: LifecyclePhase;
  /** As written: `instance.authenticate`. */
  text: string;
  decorator: string;
  range: SourceRange;
  /** The framework refuses to start (an `undefined` in a hook array, or given to addHook); else the hook is silently absent. */
  refused: boolean;
  /** Where a context that cannot be seen from here declares it, if one does, and that context's id. */
  declaredAt: SourceRange | null;
  declaredIn: string | null;
}

/** A RoutingContext with what rules read of it (not part of the JSON contract); adapters fill what they know. */
export interface ModelContext extends RoutingContext {
  /** Whose context it is, so a rule sees only its frameworks' (absent: kept for every rule). */
  framework?: Framework;
  /** Hooks added in this context itself, in the order they were added. */
  ownHooks?: ContextHook[];
  /** The decorators visible in it (its own and its ancestors'). */
  decorators?: string[];
  /** `addHook` calls in it whose hook is undefined there. */
  undefinedHooks?: UndefinedHook[];
  /** The `register()` call that created it and its plugin argument; null for a root or a context no call in the code creates (autoload). */
  register?: { call: SourceRange; plugin: SourceRange | null } | null;
  /**
   * Koa: the router package the router comes from, its version and where that was read (installed,
   * a lock file, or the declared range; null when none says): use-paths match differently by version (K11, K12).
   */
  routerPackage?: { name: string; version: string | null; from: 'installed' | 'lock' | 'declared' | null };
  /**
   * Koa: the `use()` layers in the router's stack written without a path, in order, with the prefix
   * they sit under ('' for none: the router's prefix, or the use-path of a router it was nested in).
   * On @koa/router 14.0.0-15.7.0 and koa-router 14 a case variant of a non-empty prefix skips them (K12).
   * `kind` and `protects` are the middleware's classification (an auth that rejects before next()
   * protects; one that checks after `await next()` does not, K9).
   */
  pathlessUses?: { name: string; prefix: string; range: SourceRange | null; kind: LayerKind; protects: boolean }[];
  /**
   * Koa: the `use()` layers written with a path (`router.use('/admin', auth)`, `parent.use('/kids', auth, kids.routes())`),
   * in order, `path` with the prefixes applied. koa-router 14 and @koa/router 14.0.0 compile that path as a
   * case-sensitive RegExp while routes match in any case, so a case variant skips them (K11).
   */
  pathUses?: { name: string; path: string; range: SourceRange | null; kind: LayerKind; protects: boolean }[];
}

/** A Koa `function*` middleware an app is given (StackOrigin.generators, K14). */
export interface GeneratorMiddleware {
  name: string;
  range: SourceRange;
  /** Given to `app.use()`, a router's `use()`, or a route's own arguments. */
  level: ChainLevel;
  /** Koa 2 converts one given to `app.use()` (deprecated) and runs it; Koa 3 and the routers accept it and never run it. */
  runs: boolean;
}

/** Stop 1: what the code tells an app's servers about connections (StackOrigin.accept), as its adapter reads it. */
export interface AcceptFacts {
  /** Where the app is told to trust a proxy (`app.set('trust proxy', …)`, Fastify `trustProxy`, Koa `proxy`); null when it is not. */
  trustProxy: SourceRange | null;
  /** The servers the code makes for the app: `app.listen()`, `http.createServer(app)`, the Fastify factory call. */
  servers: ServerFacts[];
}

/** A server an app is served by, with its keep-alive settings. */
export interface ServerFacts {
  /** The call that makes it. */
  range: SourceRange;
  /** Its keepAliveTimeout when the code sets none, in ms (Node's http.Server: 5000; Fastify: 72000, F20). */
  defaultKeepAliveTimeout: number;
  keepAliveTimeout: TimeoutSetting | null;
  headersTimeout: TimeoutSetting | null;
}

/** A timeout the code sets: its value in ms (null when not a known number) and where. */
export interface TimeoutSetting {
  ms: number | null;
  range: SourceRange;
}

/** What a body parser reads (parsers sharing one read the same requests). */
export type BodyType = 'json' | 'urlencoded' | 'text' | 'raw' | 'multipart';

/** A body parser (stop 2) as rules read it: the route's (ModelRoute.bodyParsers). */
export interface BodyParser {
  /** Its factory as the code names it: `express.json`, `bodyParser.urlencoded`, `koa-bodyparser`, `multer`, `fastify`. */
  name: string;
  /** The package it comes from: `body-parser` (express.json is body-parser), `koa-bodyparser`, `multer`, `fastify`… */
  package: string;
  /** The content it parses; empty when its `type` option makes that unknown. */
  types: BodyType[];
  /**
   * What a later parser of the same package does in a chain after it: skips the request when it reads
   * one of the same types (`same-type`: body-parser sees the body already read) or always (`any`:
   * koa-bodyparser sets ctx.request.body for every request); null when not known.
   */
  repeat: 'same-type' | 'any' | null;
  /** The call that makes it (or the option that sets it). */
  range: SourceRange;
  /** The byte limits that apply to it, each as written or its default. */
  limits: BodyLimit[];
}

/** One byte limit of a body parser. */
export interface BodyLimit {
  /** The option: `limit`, `jsonLimit`, `limits.fileSize`, `formidable.maxFileSize`, `bodyLimit`. */
  option: string;
  /** Bytes (as the `bytes` package reads a string); Infinity when nothing limits it; null when not known. */
  bytes: number | null;
  /** The value as written (`'50mb'`, `Infinity`); null when the default applies. */
  written: string | null;
  /** Where it is written; null when the default applies. */
  range: SourceRange | null;
}

export interface StackOrigin {
  kind: 'app' | 'router';
  framework: Framework;
  /** The framework's version (AppInfo.frameworkVersion), where its rules depend on it (Fastify 4 vs 5, F12); absent when not told. */
  frameworkVersion?: string | null;
  file: string;
  line: number;
  /** Which path syntax the stack's routers read, named by its adapter (Express: 'express4', 'express5', 'unknown'). */
  pathSyntax?: string;
  /**
   * How the app's router matches request paths where the adapter reads it from options (Fastify's
   * `caseSensitive`, `ignoreTrailingSlash`, F14); absent when the framework's defaults apply.
   */
  router?: { caseSensitive: boolean; ignoreTrailingSlash: boolean };
  /**
   * Koa: the `function*` middleware the app and the routers it runs are given, in the order met,
   * and whether each runs (K14); absent when none.
   */
  generators?: GeneratorMiddleware[];
  /** Express: `express-async-errors` is a dependency of the app: it makes Express 4 pass a rejected promise to next(err) (E20). */
  asyncErrorsPatched?: true;
  /** Stop 1: proxy trust and the app's servers, where the adapter reads them; absent when it does not. */
  accept?: AcceptFacts;
}

/** An auth layer that rejects too late to stop the handler (ModelRoute.lateAuth). */
export interface LateAuth {
  name: string;
  /** Where it is registered (the chain entry's range), when known. */
  range: SourceRange | null;
  how: 'after-next' | 'rejects-and-continues';
  /** What the adapter read in its body: `sets ctx.status = 401 only after await next()…`. */
  evidence: string;
}

/**
 * A layer that answers every request of a route first: its name, where it is, and why as data, which
 * rules, the trace and agents word per language (rules in their messages, the others with trace-text.ts).
 */
export interface Shadowing {
  name: string;
  range: SourceRange;
  reason: ShadowReason;
}

/** Why a layer stops every request of a route (see Shadowing). */
export type ShadowReason =
  /** An earlier route (`route`: method and path) on the same path that does not call next() (E22; Koa K7). */
  | { k: 'route-first'; route: string; koa?: true }
  /** A catch-all middleware under `prefix` that never calls next() (Express E21, Koa). */
  | { k: 'ends-all'; prefix: string }
  /** A Koa generator function the runtime accepts and never runs (K14; `koa3`: Koa 3's app, else the router). */
  | { k: 'generator'; koa3: boolean }
  /** A Fastify hook that rejects on request.body before the body is parsed (F16). */
  | { k: 'body-before-parse'; phase: string };

export interface ModelRoute extends Route {
  /** The app stack (index into AnalysisModel.stacks) and position in it. */
  app: number;
  /** Identity of the app or router the route was registered on, and the prefix it was mounted at. */
  router: number;
  mountPrefix: string;
  order: number;
  facts: HandlerFacts;
  /** Chain entries with their ranges, parallel to `chain`. */
  chainRanges: (SourceRange | null)[];
  /** Per segment of `path`, whether the router matching it is case-sensitive (E9); absent when none is. */
  caseSensitive?: boolean[];
  /** Layers that reach every request this route matches and end it first (catch-alls, shadowing routes). */
  shadowedBy: Shadowing[];
  /** Paths the framework registers the route at besides `path` (Fastify: `get('/')` under a prefix also answers at prefix + '/', F6). */
  aliases?: string[];
  /** A GET for which the framework registers a HEAD route of its own (Fastify's exposeHeadRoute(s), F12). */
  impliedHead?: boolean;
  /**
   * Auth hooks in its chain that read the request body in a phase that runs before the body is parsed
   * (Fastify onRequest/preParsing, F16): `stopsAll` when the body is their only credential.
   */
  bodyBeforeParse?: { hook: string; phase: LifecyclePhase; level: ChainLevel; at: SourceRange; read: SourceRange; stopsAll: boolean }[];
  /**
   * Auth layers in its chain that let the handler run for a request they reject: Koa auth whose
   * rejection comes only after `await next()` (`after-next`, K9), or auth that rejects and still
   * calls next() on that path (`rejects-and-continues`, Express E23, and its Koa form). The client
   * gets a 401, but the handler's side effects happen. Parallel to no list; absent when none.
   */
  lateAuth?: LateAuth[];
  /** Route-level hooks that are undefined where the route is registered (a decorator it cannot see, F3). */
  undefinedHooks?: UndefinedHook[];
  /**
   * What the route's own functions do, for the stop 5-7 rules: its handler, and the middleware given
   * to the route itself (Express route arguments, Koa route middleware, Fastify route-level hooks),
   * in run order. Absent when the adapter read none. Under a symbol key (REACH).
   */
  [REACH]?: RouteReach;
  /** The undecided `if` arms it was registered in, where the adapter says (Fastify); absent outside any. */
  [ARMS]?: ArmPath;
  /** The framework sends what the handler returns (Fastify: a value an async handler resolves to, or a sync one returns). */
  sendsReturn?: true;
  /**
   * Whether the route declares a schema for its responses, which the framework compiles into the
   * serializer of its bodies (Fastify `schema.response`); null when its options cannot be read.
   * Absent where the framework has no such schema (Express, Koa).
   */
  responseSchema?: boolean | null;
  /**
   * A layer of its chain that sets who is asking without requiring it (a session loader, optional
   * auth: `req.user = …`, `passport.session()`): the handler's own code decides what an anonymous
   * caller may do. Absent when none does (Express).
   */
  identitySetBy?: string;
  /**
   * Fastify: the @fastify/rate-limit registrations of its context or above that never limit it (F19):
   * `before`, it was added before the register call; `not-awaited`, the same code added it right
   * after a register it did not await, so still before the plugin loaded. Absent when none.
   */
  rateLimitsMissed?: { name: string; range: SourceRange; why: 'before' | 'not-awaited' }[];
  /** The body parsers a request to it runs through, in run order (stop 2); absent when none is known. */
  bodyParsers?: BodyParser[];
  /**
   * Its own path argument as the code writes it, when a string (no mount or router prefix): what the
   * router compiles with path-to-regexp (stop 3). Absent for a RegExp or a path the analyser cannot compute.
   */
  writtenPath?: string;
}

/**
 * The key of a route's reach facts. A symbol: a route copied with spread (moved, shifted into the
 * merged list) keeps them, while the routes sent to the editor (structured clone) and written as
 * JSON leave them out: nothing outside the rules reads them, and they are the biggest part of a route.
 */
export const REACH: unique symbol = Symbol('reach');

/**
 * The key of the undecided `if` arms a route was registered in (AdapterRuntime.arms): a route in the
 * other arm of one of them never exists beside it. A symbol, as REACH: never sent to the editor.
 */
export const ARMS: unique symbol = Symbol('arms');

/** What a route's own functions do (ModelRoute[REACH]). */
export interface RouteReach {
  handler: HandlerReach | null;
  middleware: HandlerReach[];
}
