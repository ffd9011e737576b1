// The composition root: creates every service and provider once, and hands each to
// context.subscriptions so deactivation disposes all of it.
import * as vscode from 'vscode';
import type { FullAnalysis } from '../core/analyse';
import { AnalysisService } from './analysis-service';
import { StopCodeLensProvider } from './codelens';
import { DiagnosticsPublisher } from './diagnostics';
import { LessonViewProvider, TraceArgument } from './lesson-view';

/** What the extension exports (used by integration tests and other extensions). */
export interface SevenStopsApi {
  /** Resolves once the pending analysis (if any) has finished. */
  whenIdle(): Promise<void>;
  /** The latest analysis of the folder containing `uri`. */
  analysisFor(uri: vscode.Uri): FullAnalysis | null;
}

const SELECTOR: vscode.DocumentSelector = ['javascript', 'typescript', 'javascriptreact', 'typescriptreact'].map(language => ({ language, scheme: 'file' }));

export function activate(context: vscode.ExtensionContext): SevenStopsApi {
  const log = vscode.window.createOutputChannel('Seven Stops', { log: true });
  const service = new AnalysisService(context.extensionPath, log);
  const codeLens = new StopCodeLensProvider(service);
  const lesson = new LessonViewProvider(context.extensionUri, service);
  context.subscriptions.push(
    log,
    service,
    codeLens,
    lesson,
    new DiagnosticsPublisher(service),
    vscode.languages.registerCodeLensProvider(SELECTOR, codeLens),
    vscode.window.registerWebviewViewProvider(LessonViewProvider.viewId, lesson),
    vscode.commands.registerCommand('sevenStops.rescanWorkspace', async () => { service.schedule(0); await service.whenIdle(); }),
    vscode.commands.registerCommand('sevenStops.showLesson', () => vscode.commands.executeCommand(`${LessonViewProvider.viewId}.focus`)),
    vscode.commands.registerCommand('sevenStops.traceRequest', (arg?: TraceArgument) => lesson.traceCommand(arg)),
  );
  log.info(`Seven Stops activated (VS Code ${vscode.version}, Node ${process.versions.node})`);
  service.start();
  return {
    whenIdle: () => service.whenIdle(),
    analysisFor: uri => service.forUri(uri)?.result ?? null,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
