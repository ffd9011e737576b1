// Quick fixes for Seven Stops diagnostics: the finding's suggested edits (move a `use` above the
// route, the error handler to the end, …) and "ignore on this line". Suggestions only: nothing is
// applied without the user choosing it.
import * as vscode from 'vscode';
import { printable } from '../core/display-text';
import type { Finding, Suggestion } from '../core/model';
import type { AnalysisService } from './analysis-service';
import { relativeTo } from './codelens';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

export const IGNORE_COMMENT = 'seven-stops-ignore-next-line';

export class QuickFixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly service: AnalysisService) {}

  async provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const analysis = this.service.forUri(doc.uri);
    const result = analysis?.result;
    if (!analysis || !result) return [];
    const file = relativeTo(analysis.folder.uri, doc.uri);
    const actions: vscode.CodeAction[] = [];
    for (const diag of context.diagnostics) {
      if (diag.source !== DIAGNOSTIC_SOURCE) continue;
      const ruleId = typeof diag.code === 'object' ? String(diag.code.value) : String(diag.code);
      const start = diag.range.start;
      const finding = result.findings.find(f => f.file === file && f.ruleId === ruleId && f.line - 1 === start.line && f.column - 1 === start.character);
      if (!finding) continue;
      // Built now, from the document as it is: the analysis only says what each fix should do.
      let first = true;
      for (const fix of finding.fixes) {
        const s = await this.service.suggestion(fix, doc.getText());
        const action = s && this.fromSuggestion(doc, file!, s, diag);
        if (action) { action.isPreferred = first; first = false; actions.push(action); }
      }
      actions.push(ignoreLine(doc, finding, diag));
    }
    return actions;
  }

  /** Edits are offsets into the document's current text (they were just built from it). Only same-file edits are offered. */
  private fromSuggestion(doc: vscode.TextDocument, file: string, s: Suggestion, diag: vscode.Diagnostic): vscode.CodeAction | null {
    if (s.edits.some(e => e.file !== file || e.end > doc.getText().length)) return null;
    const edit = new vscode.WorkspaceEdit();
    for (const e of s.edits) edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
    // Titles name routes and layers (`Move GET /x above requireUser`): shown printable.
    const action = new vscode.CodeAction(printable(s.title), vscode.CodeActionKind.QuickFix);
    action.edit = edit;
    action.diagnostics = [diag];
    return action;
  }
}

function ignoreLine(doc: vscode.TextDocument, finding: Finding, diag: vscode.Diagnostic): vscode.CodeAction {
  const line = doc.lineAt(Math.min(finding.line - 1, doc.lineCount - 1));
  const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
  const action = new vscode.CodeAction(vscode.l10n.t('Ignore {0} on this line', finding.ruleId), vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  action.edit.insert(doc.uri, line.range.start, `${indent}// ${IGNORE_COMMENT} ${finding.ruleId}\n`);
  action.diagnostics = [diag];
  return action;
}
