// `Seven Stops: 42 routes · 2 ⚠` in the status bar; a click opens the Seven Stops views.
import * as vscode from 'vscode';
import { printable } from '../core/display-text';
import { localeOf } from '../core/locale';
import type { AnalysisService } from './analysis-service';
import { statusText } from './labels';
import { readSettings } from './settings';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('sevenStops.status', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly service: AnalysisService) {
    this.item.name = 'Seven Stops';
    this.item.command = 'sevenStops.showLesson';
    this.subscriptions = [
      this.item,
      service.onDidChange(() => this.update()),
      vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration('sevenStops.statusBar')) this.update(); }),
    ];
    this.update();
  }

  private update(): void {
    const folders = this.service.all();
    if (!readSettings().statusBarEnabled || !folders.length) { this.item.hide(); return; }
    const { routes, unprotected, findings } = this.service.totals();
    const failed = folders.filter(f => f.error);
    this.item.text = failed.length ? `$(warning) ${vscode.l10n.t('Seven Stops: analysis failed')}` : statusText(routes, unprotected, findings, localeOf(vscode.env.language));
    this.item.tooltip = failed.length
      ? failed.map(f => printable(`${f.folder.name}: ${f.error}`)).join('\n')
      : `${routes} routes, ${unprotected} without authentication, ${findings} findings. Click to open the Seven Stops lesson.`;
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
