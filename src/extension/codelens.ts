// CodeLens naming the stop of each annotated piece of code; on routes, the chain and its verdict.
// provideCodeLenses only places lenses (cheap); titles are built in resolveCodeLens, printable and
// with `$(icon)` from the code shown as written (labels.ts); the trace arguments keep the exact path.
import * as vscode from 'vscode';
import type { Annotation, ModelRoute } from '../core/model';
import { localeOf } from '../core/locale';
import type { AnalysisService } from './analysis-service';
import { routeName, routeTitle, stopTitle } from './labels';
import { readSettings } from './settings';

class StopLens extends vscode.CodeLens {
  constructor(range: vscode.Range, readonly annotation: Annotation, readonly route: ModelRoute | undefined, readonly folder: vscode.Uri) {
    super(range);
  }
}

export class StopCodeLensProvider implements vscode.CodeLensProvider<StopLens>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private readonly index = new WeakMap<ModelRoute[], Map<string, ModelRoute>>();
  /** When the editor was first given lenses (`Date.now()`): the end of "activation to first CodeLens" (test/bench-ext). */
  firstLensesAt: number | undefined;

  constructor(private readonly service: AnalysisService) {
    this.subscriptions = [
      this.changed,
      service.onDidChange(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration('sevenStops.codeLens')) this.changed.fire(); }),
    ];
  }

  provideCodeLenses(doc: vscode.TextDocument): StopLens[] {
    const settings = readSettings(doc.uri);
    if (!settings.codeLensEnabled) return [];
    const analysis = this.service.forUri(doc.uri);
    const result = analysis?.result;
    if (!result) return [];
    const rel = vscode.workspace.asRelativePath(doc.uri, false).split('\\').join('/');
    const file = analysis.folder ? relativeTo(analysis.folder.uri, doc.uri) ?? rel : rel;
    const wanted = new Set(settings.codeLensStops);
    const lenses: StopLens[] = [];
    for (const a of result.annotations) {
      if (a.file !== file || !wanted.has(a.stop)) continue;
      const route = a.stop === 3 ? this.routeAt(result.model.routes).get(`${a.file}:${a.line}:${a.column}`) : undefined;
      const line = Math.min(a.line - 1, doc.lineCount - 1);
      lenses.push(new StopLens(new vscode.Range(line, a.column - 1, line, a.column - 1), a, route, analysis.folder.uri));
    }
    if (lenses.length) this.firstLensesAt ??= Date.now();
    return lenses;
  }

  /** Routes by registration position, built once per analysis (a file may hold hundreds of routes). */
  private routeAt(routes: ModelRoute[]): Map<string, ModelRoute> {
    let index = this.index.get(routes);
    if (!index) {
      index = new Map();
      for (const r of routes) { const k = `${r.file}:${r.line}:${r.column}`; if (!index.has(k)) index.set(k, r); }
      this.index.set(routes, index);
    }
    return index;
  }

  resolveCodeLens(lens: StopLens): StopLens {
    const r = lens.route;
    // A route lens opens that route's journey in the lesson view; other stops open the lesson itself.
    lens.command = r
      ? {
        title: routeTitle(r, localeOf(vscode.env.language)), command: 'sevenStops.traceRequest', tooltip: vscode.l10n.t('Trace {0} through this app', routeName(r)),
        arguments: [{ method: r.method, path: r.path, folder: lens.folder.toString() }],
      }
      : { title: stopTitle(lens.annotation, localeOf(vscode.env.language)), command: 'sevenStops.showLesson', tooltip: vscode.l10n.t('Open the Seven Stops lesson') };
    return lens;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

/** Root-relative `/` path of a file inside a folder, or undefined when outside. */
export function relativeTo(folder: vscode.Uri, file: vscode.Uri): string | undefined {
  const base = folder.path.endsWith('/') ? folder.path : folder.path + '/';
  return file.path.startsWith(base) ? file.path.slice(base.length) : undefined;
}
