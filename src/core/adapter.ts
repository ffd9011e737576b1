// The contract between the core and a framework adapter (express/, later fastify/ and koa/).
import type { SevenStopsConfig } from './config';
import type { EvaluationHooks } from './evaluate';
import type { Span } from './ir';
import type { Annotation, AppInfo, Framework, OrderedLayer, ModelRoute, RoutingContext, SourceRange, StackOrigin } from './model';
import type { PathMatcher } from './path-matcher';

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
}

/** One analysis run of one framework: hooks for the interpreter, then the results. */
export interface FrameworkSession {
  hooks: EvaluationHooks;
  finish(): FrameworkOutput;
}

export interface FrameworkOutput {
  apps: AppInfo[];
  routes: ModelRoute[];
  stacks: OrderedLayer[][];
  origins: StackOrigin[];
  annotations: Annotation[];
  /** The Fastify contexts or Koa routers routes name in `context` (ids unique across adapters); Express leaves it out. */
  contexts?: RoutingContext[];
}

export interface FrameworkAdapter {
  framework: Framework;
  /** Package names whose import marks a file as a starting point for evaluation. */
  packages: string[];
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
