// The framework-neutral data model shared by the analyser, the rules, the CLI and the extension.
// Everything here is plain data (JSON-serialisable): no ts-morph nodes, no vscode types, so results
// can cross a worker boundary and be written as the CLI's JSON contract (schemaVersion 1).

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

export type HttpMethod =
  | 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS' | 'ALL' | (string & { readonly brand?: 'method' });

export type Severity = 'error' | 'warning' | 'info';

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

/** One layer a request passes through before a route's handler, in run order. */
export interface ChainEntry {
  name: string;
  kind: LayerKind;
  stop: Stop;
  file: string;
  line: number;
}

export interface AppInfo {
  framework: Framework;
  /** From the nearest package.json (declared range stripped to a version), or null when unknown. */
  frameworkVersion: string | null;
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
}

/** A text replacement suggested by a rule; offsets are 0-based UTF-16 offsets into the file's text. */
export interface TextEdit {
  file: string;
  start: number;
  end: number;
  newText: string;
}

export interface Suggestion {
  title: string;
  edits: TextEdit[];
}

/** The other end of a problem (e.g. the auth layer a route misses). */
export interface RelatedLocation extends SourceRange {
  message: string;
}

export interface Finding extends SourceRange {
  ruleId: string;
  severity: Severity;
  stop: Stop;
  message: string;
  related: RelatedLocation[];
  suggestions: Suggestion[];
}

/** A labelled piece of code: which stop it belongs to. */
export interface Annotation extends SourceRange {
  stop: Stop;
  label: string;
}

export interface Skipped {
  file: string;
  reason: string;
}

export interface AnalysisStats {
  files: number;
  ms: number;
}

export interface AnalysisResult {
  /** The folder as given by the caller. */
  root: string;
  apps: AppInfo[];
  routes: Route[];
  findings: Finding[];
  annotations: Annotation[];
  skipped: Skipped[];
  stats: AnalysisStats;
}
