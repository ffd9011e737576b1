// Findings → Problems panel. After every analysis each file shows exactly its current findings (only
// files whose findings changed are re-sent); a failed analysis clears its folder, so nothing stale stays.
import * as vscode from 'vscode';
import { printable } from '../core/display-text';
import type { Finding, Severity } from '../core/model';
import { localeOf } from '../core/locale';
import { ruleDocUrl } from '../core/rule';
import { localizedMessage } from '../core/rule-locale';
import { allRules } from '../rules';
import type { AnalysisService } from './analysis-service';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export const DIAGNOSTIC_SOURCE = 'Seven Stops';

export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('seven-stops');
  private readonly subscription: vscode.Disposable;

  constructor(private readonly service: AnalysisService) {
    this.subscription = service.onDidChange(() => this.publish());
  }

  /** What each file showed last time (as text), so an edit only re-sends the files whose findings changed. */
  private shown = new Map<string, string>();

  private publish(): void {
    const next = new Map<string, { uri: vscode.Uri; root: vscode.Uri; findings: Finding[] }>();
    for (const { folder, result } of this.service.all()) {
      if (!result) continue;
      for (const f of result.findings) {
        const uri = vscode.Uri.joinPath(folder.uri, f.file);
        const key = uri.toString();
        const entry = next.get(key) ?? { uri, root: folder.uri, findings: [] };
        entry.findings.push(f);
        next.set(key, entry);
      }
    }
    const shown = new Map<string, string>();
    for (const [key, { uri, root, findings }] of next) {
      const text = JSON.stringify(findings);
      shown.set(key, text);
      if (this.shown.get(key) !== text) this.collection.set(uri, findings.map(f => toDiagnostic(root, f)));
    }
    // Files with nothing to show any more (fixed, deleted, or their folder's analysis failed).
    for (const key of this.shown.keys()) if (!shown.has(key)) this.collection.delete(vscode.Uri.parse(key));
    this.shown = shown;
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}

function toRange(r: { line: number; column: number; endLine: number; endColumn: number }): vscode.Range {
  return new vscode.Range(r.line - 1, r.column - 1, r.endLine - 1, r.endColumn - 1);
}

/**
 * A finding as a diagnostic, its message in VS Code's display language; messages quote paths and names
 * from the code, so they are shown printable.
 */
export function toDiagnostic(root: vscode.Uri, f: Finding): vscode.Diagnostic {
  const message = localizedMessage(f, allRules, localeOf(vscode.env.language));
  const d = new vscode.Diagnostic(toRange(f), printable(message), SEVERITY[f.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: f.ruleId, target: vscode.Uri.parse(ruleDocUrl(f.ruleId)) };
  // An unreachable route is dead code: the editor fades it like an unused variable.
  if (f.ruleId === 'no-shadowed-route') d.tags = [vscode.DiagnosticTag.Unnecessary];
  d.relatedInformation = f.related.map(r => new vscode.DiagnosticRelatedInformation(
    new vscode.Location(vscode.Uri.joinPath(root, r.file), toRange(r)), printable(r.message)));
  return d;
}
