// Commands that act on the analysis: open a location, filter the routes view, export SARIF.
import * as vscode from 'vscode';
import { toSarif } from '../cli/format-sarif';
import { printable } from '../core/display-text';
import type { SourceRange } from '../core/model';
import { allRules } from '../rules';
import type { AnalysisService, FolderAnalysis } from './analysis-service';
import { literalIcons } from './labels';
import { OPEN_LOCATION, RoutesViewProvider } from './routes-view';

export function registerCommands(service: AnalysisService, routes: RoutesViewProvider, context: vscode.ExtensionContext): vscode.Disposable[] {
  const version = String(context.extension.packageJSON.version);
  return [
    vscode.commands.registerCommand('sevenStops.openSampleApp', () => openSampleApp(context)),
    vscode.commands.registerCommand(OPEN_LOCATION, (folderUri: string, at: Pick<SourceRange, 'file' | 'line' | 'column'>) => {
      return openLocation(vscode.Uri.parse(folderUri), at);
    }),
    vscode.commands.registerCommand('sevenStops.filterRoutes', async (given?: string) => {
      const text = typeof given === 'string' ? given : await vscode.window.showInputBox({
        title: vscode.l10n.t('Filter Routes'), prompt: vscode.l10n.t('Show routes whose method, path, file or middleware contains this text'),
        placeHolder: vscode.l10n.t('e.g. /orders, POST, requireUser'), value: routes.currentFilter,
      });
      if (text !== undefined) await routes.setFilter(text);
    }),
    vscode.commands.registerCommand('sevenStops.clearRoutesFilter', () => routes.setFilter('')),
    vscode.commands.registerCommand('sevenStops.exportSarif', (target?: vscode.Uri) => exportSarif(service, version, target)),
  ];
}

/** Copies the bundled sample app to the extension's storage (once) and opens it in a new window. */
async function openSampleApp(context: vscode.ExtensionContext): Promise<void> {
  const source = vscode.Uri.joinPath(context.extensionUri, 'examples', 'shop-express');
  const target = vscode.Uri.joinPath(context.globalStorageUri, 'shop-express');
  try { await vscode.workspace.fs.stat(target); } catch {
    await vscode.workspace.fs.createDirectory(context.globalStorageUri);
    await vscode.workspace.fs.copy(source, target, { overwrite: true });
  }
  await vscode.commands.executeCommand('vscode.openFolder', target, { forceNewWindow: true });
}

export async function openLocation(folder: vscode.Uri, at: Pick<SourceRange, 'file' | 'line' | 'column'>): Promise<void> {
  const pos = new vscode.Position(Math.max(0, at.line - 1), Math.max(0, at.column - 1));
  await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, at.file), { selection: new vscode.Range(pos, pos) });
}

/** Writes the CLI's SARIF for one folder (asks which, and where, unless a target is given). */
async function exportSarif(service: AnalysisService, version: string, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  await service.whenIdle();
  const folders = service.all().filter((f): f is FolderAnalysis & { result: NonNullable<FolderAnalysis['result']> } => !!f.result);
  if (!folders.length) { void vscode.window.showWarningMessage(vscode.l10n.t('Seven Stops: there is no analysis to export yet.')); return undefined; }
  const items = folders.map(f => ({ label: literalIcons(printable(f.folder.name)), f }));
  const pick = folders.length === 1 ? folders[0] : (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export SARIF for which folder?') }))?.f;
  if (!pick) return undefined;
  const uri = target ?? await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(pick.folder.uri, 'seven-stops.sarif'), filters: { SARIF: ['sarif', 'json'] }, title: vscode.l10n.t('Export SARIF'),
  });
  if (!uri) return undefined;
  const sarif = toSarif(pick.result, allRules, version);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(JSON.stringify(sarif, null, 2) + '\n', 'utf8'));
  void vscode.window.showInformationMessage(vscode.l10n.t('Seven Stops: {0} finding(s) written to {1}.', pick.result.findings.length, vscode.workspace.asRelativePath(uri)));
  return uri;
}
