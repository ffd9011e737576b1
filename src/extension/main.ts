// The composition root: creates every service and provider once, and hands each to
// context.subscriptions so deactivation disposes all of it.
import * as vscode from 'vscode';
import type { FullAnalysis } from '../core/analyse';
import { AnalysisService } from './analysis-service';
import { QuickFixProvider } from './code-actions';
import { StopCodeLensProvider } from './codelens';
import { registerCommands } from './commands';
import { DiagnosticsPublisher } from './diagnostics';
import { LessonViewProvider, TraceArgument } from './lesson-view';
import { registerLmTools } from './lm-tools';
import { RoutesViewProvider } from './routes-view';
import { StatusBar } from './status-bar';

/** What the extension exports (used by integration tests and other extensions). */
export interface SevenStopsApi {
  /** Resolves once the pending analysis (if any) has finished. */
  whenIdle(): Promise<void>;
  /** The latest analysis of the folder containing `uri`. */
  analysisFor(uri: vscode.Uri): FullAnalysis | null;
  /** The routes view as indented lines, expanded as a user first sees it, and its badge. */
  routesView(): { lines: string[]; badge: number | undefined };
  /**
   * When activation began and when the editor was first given Seven Stops CodeLenses (`Date.now()`;
   * undefined until then): "activation to first CodeLens", test/bench-ext.
   */
  timings(): { activatedAt: number; firstLensesAt: number | undefined };
}

const SELECTOR: vscode.DocumentSelector = ['javascript', 'typescript', 'javascriptreact', 'typescriptreact'].map(language => ({ language, scheme: 'file' }));

export function activate(context: vscode.ExtensionContext): SevenStopsApi {
  const activatedAt = Date.now();
  const log = vscode.window.createOutputChannel('Seven Stops', { log: true });
  // The workspace's storage folder holds the IR cache and the last result (issue 17, open warm; none
  // without a workspace); the global one the worker's compiled code.
  const service = new AnalysisService(context.extensionPath, log, { workspace: context.storageUri?.fsPath, global: context.globalStorageUri.fsPath });
  const codeLens = new StopCodeLensProvider(service);
  const lesson = new LessonViewProvider(context.extensionUri, service);
  const routes = new RoutesViewProvider(service);
  context.subscriptions.push(
    log,
    service,
    codeLens,
    lesson,
    routes,
    new DiagnosticsPublisher(service),
    new StatusBar(service),
    vscode.languages.registerCodeLensProvider(SELECTOR, codeLens),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new QuickFixProvider(service), QuickFixProvider.metadata),
    ...registerCommands(service, routes, context),
    ...registerLmTools(service),
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
    routesView: () => ({ lines: routes.outline(), badge: routes.badge?.value }),
    timings: () => ({ activatedAt, firstLensesAt: codeLens.firstLensesAt }),
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
