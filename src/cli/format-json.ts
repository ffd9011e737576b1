// The JSON output: a stable contract (schemaVersion 1). Fields are picked explicitly so internal
// additions to the model never leak into it.
import type { AnalysisResult } from '../core/model';

export function toJsonReport(r: AnalysisResult): object {
  return {
    schemaVersion: 1,
    root: r.root,
    apps: r.apps.map(a => ({ framework: a.framework, frameworkVersion: a.frameworkVersion, file: a.file, line: a.line })),
    routes: r.routes.map(x => ({
      framework: x.framework, method: x.method, path: x.path, file: x.file, line: x.line, column: x.column,
      handler: x.handler ? { file: x.handler.file, line: x.handler.line } : null,
      chain: x.chain.map(c => ({ name: c.name, kind: c.kind, stop: c.stop, file: c.file, line: c.line })),
      protected: x.protected, authBy: x.authBy, unresolved: x.unresolved,
      ...(x.guards ? { guards: x.guards.map(g => ({ method: g.method, path: g.path, file: g.file, line: g.line })) } : {}),
    })),
    findings: r.findings.map(f => ({
      ruleId: f.ruleId, severity: f.severity, stop: f.stop, message: f.message,
      file: f.file, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn,
    })),
    annotations: r.annotations.map(a => ({ file: a.file, line: a.line, column: a.column, endLine: a.endLine, endColumn: a.endColumn, stop: a.stop, label: a.label })),
    skipped: r.skipped.map(s => ({ file: s.file, reason: s.reason })),
    stats: { files: r.stats.files, ms: r.stats.ms },
  };
}

export function formatJson(r: AnalysisResult): string {
  return JSON.stringify(toJsonReport(r), null, 2) + '\n';
}
