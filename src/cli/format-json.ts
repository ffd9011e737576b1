// The JSON output: a stable contract (schemaVersion 1). Fields are picked explicitly so internal
// additions to the model never leak into it.
import { chunkedOutput } from './chunked-output';
import type { AnalysisResult, Annotation, AppInfo, AuthExemption, ChainEntry, Finding, Route, RoutingContext, Skipped } from '../core/model';

const app = (a: AppInfo) => ({ framework: a.framework, frameworkVersion: a.frameworkVersion, file: a.file, line: a.line });
// Fields an adapter may leave absent are written only when present, so an Express report (which
// has none of them) keeps its exact shape.
const entry = (c: ChainEntry) => ({
  name: c.name, kind: c.kind, stop: c.stop, file: c.file, line: c.line,
  ...(c.phase !== undefined ? { phase: c.phase } : {}),
  ...(c.when !== undefined ? { when: c.when } : {}),
  ...(c.level !== undefined ? { level: c.level } : {}),
});
const route = (x: Route) => ({
  framework: x.framework, method: x.method, path: x.path, file: x.file, line: x.line, column: x.column,
  handler: x.handler ? { file: x.handler.file, line: x.handler.line } : null,
  chain: x.chain.map(entry),
  protected: x.protected, authBy: x.authBy, unresolved: x.unresolved,
  ...(x.guards ? { guards: x.guards.map(g => ({ method: g.method, path: g.path, file: g.file, line: g.line })) } : {}),
  ...(x.context !== undefined ? { context: x.context } : {}),
  ...(x.exemptions ? { exemptions: x.exemptions.map(exemption) } : {}),
  ...(x.afterHandler ? { afterHandler: x.afterHandler.map(entry) } : {}),
});
const exemption = (e: AuthExemption) => ({
  by: e.by, test: e.test, file: e.file, line: e.line, exempts: e.exempts, ...(e.caveat !== undefined ? { caveat: e.caveat } : {}),
});
const context = (c: RoutingContext) => ({
  id: c.id, parent: c.parent, prefix: c.prefix, encapsulated: c.encapsulated,
  ...(c.name !== undefined ? { name: c.name } : {}),
  file: c.file, line: c.line,
});
const finding = (f: Finding) => ({
  ruleId: f.ruleId, severity: f.severity, stop: f.stop, message: f.message,
  file: f.file, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn,
});
const annotation = (a: Annotation) => ({
  file: a.file, line: a.line, column: a.column, endLine: a.endLine, endColumn: a.endColumn, stop: a.stop, label: a.label,
  ...(a.phase !== undefined ? { phase: a.phase } : {}),
  ...(a.reach !== undefined ? { reach: { routes: a.reach.routes, level: a.reach.level } } : {}),
});
const skip = (s: Skipped) => ({ file: s.file, reason: s.reason });

/** A list of the report, with what each item shows. */
interface List<T> { items: readonly T[]; pick: (item: T) => object }
const list = <T>(items: readonly T[], pick: (item: T) => object): List<unknown> => ({ items, pick } as List<unknown>);

/** The report's fields in contract order. */
function fields(r: AnalysisResult): [string, unknown][] {
  return [
    ['schemaVersion', 1],
    ['root', r.root],
    ['apps', list(r.apps, app)],
    ['routes', list(r.routes, route)],
    ...(r.contexts ? [['contexts', list(r.contexts, context)] as [string, unknown]] : []),
    ['findings', list(r.findings, finding)],
    ['annotations', list(r.annotations, annotation)],
    ['skipped', list(r.skipped, skip)],
    // notNeeded: files read but never parsed (no framework import reaches them, core/closure.ts).
    ['stats', { files: r.stats.files, ms: r.stats.ms, ...(r.stats.notNeeded ? { notNeeded: r.stats.notNeeded } : {}) }],
  ];
}

const isList = (v: unknown): v is List<unknown> => typeof v === 'object' && v !== null && 'pick' in v;

export function toJsonReport(r: AnalysisResult): object {
  return Object.fromEntries(fields(r).map(([k, v]) => [k, isList(v) ? v.items.map(v.pick) : v]));
}

export function formatJson(r: AnalysisResult): string {
  return JSON.stringify(toJsonReport(r), null, 2) + '\n';
}

/**
 * formatJson's text, handed to `write` in pieces of about 64 KB (chunked-output.ts). Made one item
 * at a time: on 100,000 routes the report object and its text were 400 MB more at the peak of a scan.
 */
export function writeJson(r: AnalysisResult, write: (text: string) => void): void {
  const { out, end } = chunkedOutput(write);
  // JSON.stringify(report, null, 2) indents a field by two spaces and a list item by four; what is
  // inside them by as much again (no JSON text holds a raw line break, so every '\n' starts a line).
  const indented = (v: unknown, by: string) => JSON.stringify(v, null, 2).replace(/\n/g, `\n${by}`);
  out('{');
  fields(r).forEach(([k, v], i) => {
    out(`${i ? ',' : ''}\n  ${JSON.stringify(k)}: `);
    if (!isList(v)) { out(indented(v, '  ')); return; }
    if (!v.items.length) { out('[]'); return; }
    out('[');
    v.items.forEach((item, j) => out(`${j ? ',' : ''}\n    ${indented(v.pick(item), '    ')}`));
    out('\n  ]');
  });
  out('\n}\n');
  end();
}
