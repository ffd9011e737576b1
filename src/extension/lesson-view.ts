// The sidebar webview that teaches the seven stops. Strict CSP with a per-render nonce from
// crypto.randomBytes, resources only from media/, scripts render everything with textContent.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { AnalysisService } from './analysis-service';
import type { FromLesson, ToLesson } from './lesson-protocol';

export class LessonViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewId = 'sevenStops.lesson';
  private view: vscode.WebviewView | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly extensionUri: vscode.Uri, private readonly service: AnalysisService) {
    this.subscriptions.push(service.onDidChange(() => this.post()));
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    view.webview.options = { enableScripts: true, localResourceRoots: [media] };
    view.webview.html = this.html(view.webview, media);
    this.subscriptions.push(
      view.webview.onDidReceiveMessage((m: FromLesson) => this.receive(m)),
      view.onDidDispose(() => { this.view = undefined; }),
    );
  }

  private receive(m: FromLesson): void {
    if (m.type === 'ready') this.post();
    else if (m.type === 'open') {
      const target = this.service.all().map(f => vscode.Uri.joinPath(f.folder.uri, m.file)).find(Boolean);
      if (target) void vscode.window.showTextDocument(target, { selection: new vscode.Range(m.line - 1, 0, m.line - 1, 0) });
    }
  }

  private post(): void {
    if (!this.view) return;
    const stopCounts: Record<number, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0 };
    let routes = 0;
    let unprotected = 0;
    const findings: ToLesson['findings'] = [];
    for (const { result } of this.service.all()) {
      if (!result) continue;
      for (const a of result.annotations) stopCounts[a.stop]++;
      routes += result.routes.length;
      unprotected += result.routes.filter(r => !r.protected).length;
      for (const f of result.findings) findings.push({ stop: f.stop, message: f.message, file: f.file, line: f.line });
    }
    const msg: ToLesson = { type: 'workspace', stopCounts, routes, unprotected, findings };
    void this.view.webview.postMessage(msg);
  }

  private html(webview: vscode.Webview, media: vscode.Uri): string {
    const nonce = randomBytes(16).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'lesson.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'lesson.css'));
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource}; font-src ${webview.cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>The Seven Stops</title>
</head>
<body>
<main>
  <h2 id="title">Every request makes seven stops</h2>
  <p id="summary" class="muted">Analysing this workspace…</p>
  <ol id="stops" class="stops"></ol>
</main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
