// Findings → Problems panel. Each folder's diagnostics are replaced wholesale on every analysis and
// cleared when its analysis fails, so nothing stale stays behind.
import * as vscode from 'vscode';
import type { Finding, Severity } from '../core/model';
import { ruleDocUrl } from '../core/rule';
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

  private publish(): void {
    this.collection.clear();
    for (const { folder, result } of this.service.all()) {
      if (!result) continue;
      const byFile = new Map<string, vscode.Diagnostic[]>();
      for (const f of result.findings) {
        const list = byFile.get(f.file) ?? [];
        list.push(toDiagnostic(folder.uri, f));
        byFile.set(f.file, list);
      }
      for (const [file, diags] of byFile) this.collection.set(vscode.Uri.joinPath(folder.uri, file), diags);
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}

function toRange(r: { line: number; column: number; endLine: number; endColumn: number }): vscode.Range {
  return new vscode.Range(r.line - 1, r.column - 1, r.endLine - 1, r.endColumn - 1);
}

export function toDiagnostic(root: vscode.Uri, f: Finding): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(f), f.message, SEVERITY[f.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: f.ruleId, target: vscode.Uri.parse(ruleDocUrl(f.ruleId)) };
  // An unreachable route is dead code: the editor fades it like an unused variable.
  if (f.ruleId === 'no-shadowed-route') d.tags = [vscode.DiagnosticTag.Unnecessary];
  d.relatedInformation = f.related.map(r => new vscode.DiagnosticRelatedInformation(
    new vscode.Location(vscode.Uri.joinPath(root, r.file), toRange(r)), r.message));
  return d;
}
