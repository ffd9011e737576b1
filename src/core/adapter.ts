// The contract between the core and a framework adapter (express/, later fastify/ and koa/).
import type { SevenStopsConfig } from './config';
import type { EvaluationHooks } from './evaluate';
import type { FolderEntry } from './folders';
import type { Span } from './ir';
import type { Annotation, AppInfo, Framework, ModelContext, OrderedLayer, ModelRoute, SourceRange, StackOrigin } from './model';
import type { PackageVersion } from './package-version';
import type { PathMatcher } from './path-matcher';
import type { Arg, Owner, Site, Value } from './values';

/** What an adapter may ask of the core while it works. */
export interface AdapterContext {
  config: SevenStopsConfig;
  /** Root-relative `/` path of an absolute file. */
  rel(file: string): string;
  /** Converts a span in a file to a reported range. */
  range(file: string, span: Span): SourceRange;
  /** The declared or installed version of a package, seen from a file (null when unknown). */
  packageVersion(fromFile: string, pkg: string): string | null;
  /**
   * The version of a package seen from a file and where it was read: installed (node_modules), a
   * lock file, or the lowest version a package.json range declares, each searched up to the root in
   * that order (package-version.ts). For adapters that report which (Koa: K11/K12 changed within a
   * major); packageVersion keeps its nearest-folder-first answer, which Express and Fastify report.
   */
  packageVersionSource(fromFile: string, pkg: string): PackageVersion | null;
  /**
   * Remembers a fact derived from one IR object (a function, a module) across runs: the IR of an
   * unchanged file is the same object next run, so re-analysis after an edit recomputes only the
   * edited file's facts. `make` must depend on nothing but `key` (and the root), never on other files.
   */
  memo<K extends object, V>(table: string, key: K, make: () => V): V;
  /**
   * State an adapter keeps across this analyser's runs (id counters, marks stamped per run), made on
   * first use under `name`. It belongs to the analyser, never to a module, so two analysers in one
   * process never see each other's; unlike `memo` it survives configuration changes.
   */
  state<T>(name: string, make: () => T): T;
  /**
   * Set when the analyser runs once and is dropped (the CLI's scan): what an adapter keeps only to
   * speed up a next run (a walk to add again after an edit) is then only memory held to the end.
   */
  readonly oneRun?: true;
}

/**
 * What a hook may ask of the running interpreter (passed to every EvaluationHooks call): run code the
 * program hands to the framework (`fastify.register(plugin)`, `after(cb)`, Koa's `compose([...])`),
 * load workspace files (`@fastify/autoload`), and keep module replay correct.
 *
 * The replay contract (see module-reuse.ts). After an edit, a module whose file and dependencies are
 * unchanged is not run again: the interpreter re-requires what it required, in order, and hands each
 * hook, through `EvaluationHooks.replay`, the entries that hook appended to its `log` while the module
 * ran the first time. So an adapter must:
 * - append to `log` everything it records outside the values it returns (a host it adds to its list
 *   of apps, a site it remembers), and re-record those entries in `replay`. Objects it created keep
 *   their state between runs: a replayed module's hosts hold what its code registered on them;
 * - give every object it creates the current `owner`, and call `touch(value)` before it changes an
 *   object in place that the call did not come through (the interpreter touches the host of a method
 *   called, `app` in `app.get(...)`, itself). A module changing what another owns makes both unfit for
 *   replay; changing what a replayed module owns restarts the run without replays;
 * - load files only through `require`/`requireFile`: the module that runs now (whose code made the hook
 *   call) records them as its dependencies, so editing them re-runs it. Code run through `call` is
 *   attributed to the module whose code made the hook call, and re-recorded when it is replayed.
 */
/**
 * Which arm of each `if` the running code is in, innermost first, for the `if`s whose test the
 * interpreter could not decide: it runs both arms, but the real program runs one. Code in the two
 * arms of one execution of an `if` never runs in the same start, so what they register excludes
 * each other (`if (upload) app.post('/nodes', a) else app.post('/nodes', b)` is no duplicate).
 */
export interface ArmPath {
  /** One execution of one `if` (a fresh object each time it runs: a loop's rounds do not exclude each other). */
  readonly exec: object;
  readonly arm: 0 | 1;
  readonly up: ArmPath | null;
}

/** Whether code in `a` and code in `b` run in different arms of one execution of an `if`. */
export function exclusiveArms(a: ArmPath | null | undefined, b: ArmPath | null | undefined): boolean {
  for (let x = a ?? null; x; x = x.up) {
    for (let y = b ?? null; y; y = y.up) if (x.exec === y.exec) return x.arm !== y.arm;
  }
  return false;
}

export interface AdapterRuntime {
  /** The module evaluation running now: the owner of objects a hook creates (see Owner). */
  readonly owner: Owner;
  /** The undecided `if` arms the code running now is in (null outside any). */
  readonly arms: ArmPath | null;
  /**
   * Calls a value as the program would (a closure, an `either` of them, a package or host method through
   * the hooks), with the interpreter's recursion and step limits; async functions give what they resolve to.
   */
  call(callee: Value, args: Arg[], site: Site, thisArg?: Value): Value;
  /** What `require(spec)` gives in `fromFile` (a workspace module's exports, or a package value). */
  require(fromFile: string, spec: string): Value;
  /** What `require()` of a workspace file (absolute path) gives; unknown when the file was not analysed. */
  requireFile(file: string): Value;
  /** The discovered files and folders directly in `dir` (absolute), sorted by name; null when the scan saw no file under it. */
  list(dir: string): FolderEntry[] | null;
  /** Call before changing a value in place (see the replay contract above). */
  touch(value: { owner?: Owner }): void;
}

/** One analysis run of one framework: hooks for the interpreter, then the results. */
export interface FrameworkSession {
  hooks: EvaluationHooks;
  /**
   * Entry points no code calls: fastify-cli loads `app.js` and calls the plugin it exports; a routes
   * folder may be loaded by a tool and import nothing. Given every analysed module (absolute paths),
   * return the files whose exports `entry` should see; they are loaded after the program ran from its
   * starting points. The adapter names the same files in FrameworkAdapter.scope.entries, or they are
   * not parsed (nothing imports them).
   */
  entries?(files: readonly string[]): string[];
  /**
   * Called with the exports of each file `entries` named. What it runs through `rt` belongs to no
   * module (it runs again every run, never replayed): changes it makes to a module's values make that
   * module evaluate afresh next run.
   */
  entry?(file: string, exports: Value, rt: AdapterRuntime): void;
  /**
   * Called once the program and the entry points ran: work the framework does after the code that
   * asked for it (Fastify loads a plugin queued by `register()` on a later tick even when nothing
   * awaits it). Runs as code of no module, like `entry`; what the queue holds must be logged (a
   * replayed module does not queue again).
   */
  settle?(rt: AdapterRuntime): void;
  finish(): FrameworkOutput;
}

export interface FrameworkOutput {
  apps: AppInfo[];
  routes: ModelRoute[];
  stacks: OrderedLayer[][];
  origins: StackOrigin[];
  annotations: Annotation[];
  /** The Fastify contexts or Koa routers routes name in `context` (ids unique across adapters); Express leaves it out. */
  contexts?: ModelContext[];
}

export interface FrameworkAdapter {
  framework: Framework;
  /** Package names whose import marks a file as a starting point for evaluation. */
  packages: string[];
  /**
   * What else makes a file one that can matter, told before anything is parsed (core/closure.ts):
   * plugin packages whose import marks a file too, packages that load a folder's files (their import
   * widens the closure to the folders the file names), and files a framework tool loads by name (the
   * same as FrameworkSession.entries names).
   */
  scope?: { packages?: string[]; folderLoaders?: string[]; entries?(files: readonly string[]): string[] };
  start(ctx: AdapterContext): FrameworkSession;
}

// ---- Paths: what the rules ask of an adapter (the trace asks a RequestDispatcher, core/trace.ts) ----

export interface FrameworkAdapter {
  /**
   * How the routers of one of its stacks match paths (chosen by framework version and router
   * options). Without it, rules compare paths segment by segment as written (core/path-matcher.ts literalPaths).
   */
  paths?(origin: StackOrigin): PathMatcher;
}
