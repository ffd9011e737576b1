// The sidebar webview that teaches the seven stops and traces requests through the user's code.
// Strict CSP with a per-render nonce from crypto.randomBytes, resources only from media/, no remote
// content; the scripts render every string with textContent and keep their state with setState.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { printable } from '../core/display-text';
import { type Locale, localeOf } from '../core/locale';
import type { Finding } from '../core/model';
import { localizedMessage } from '../core/rule-locale';
import { allRules } from '../rules';
import { parseRequestLine } from '../core/trace';
import type { Trace } from '../core/trace';
import { trace } from '../tracing';
import type { AnalysisService, FolderAnalysis } from './analysis-service';
import { openLocation } from './commands';
import { literalIcons } from './labels';
import { parseFromLesson, ToLesson } from './lesson-protocol';
import { workspaceMessage } from './lesson-workspace';

/** What `sevenStops.traceRequest` accepts: `'GET /a/1'` or `{ method, path, folder? }` (e.g. from a CodeLens). */
export type TraceArgument = string | { method: string; path: string; folder?: string };

/** The lesson's words come first, in VS Code's display language; the other scripts take theirs from it. */
const CONTENT = { en: 'lesson-content.js', ru: 'lesson-content.ru.js' } as const;
const SCRIPTS = ['lesson-exercises.js', 'lesson.js'];

/**
 * The trace with its findings worded in `locale`: a trace carries each finding's English message, the
 * analysis the same finding with its message id and data, from which the rule's template re-words it.
 */
function traceIn(t: Trace, findings: readonly Finding[], locale: Locale): Trace {
  if (locale === 'en' || !t.verdict.findings.length) return t;
  const word = (f: Trace['verdict']['findings'][number]) => {
    const source = findings.find(x => x.ruleId === f.ruleId && x.file === f.file && x.line === f.line && x.message === f.message);
    return source ? localizedMessage(source, allRules, locale) : f.message;
  };
  return { ...t, verdict: { ...t.verdict, findings: t.verdict.findings.map(f => ({ ...f, message: word(f) })) } };
}

export class LessonViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewId = 'sevenStops.lesson';
  private view: vscode.WebviewView | undefined;
  private ready = false;
  /** A trace asked for (by the command) before the webview could receive it. */
  private pending: Extract<ToLesson, { type: 'trace' }> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private viewSubscriptions: vscode.Disposable[] = [];

  constructor(private readonly extensionUri: vscode.Uri, private readonly service: AnalysisService) {
    this.subscriptions.push(service.onDidChange(() => this.postWorkspace()));
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    for (const d of this.viewSubscriptions) d.dispose();
    this.view = view;
    this.ready = false;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    view.webview.options = { enableScripts: true, localResourceRoots: [media] };
    view.webview.html = this.html(view.webview, media);
    this.viewSubscriptions = [
      view.webview.onDidReceiveMessage((m: unknown) => this.receive(m)),
      // Hidden webviews lose their content (no retainContextWhenHidden); shown again, they send 'ready'.
      view.onDidChangeVisibility(() => { if (!view.visible) this.ready = false; }),
      view.onDidDispose(() => { this.view = undefined; this.ready = false; }),
    ];
  }

  /** The `sevenStops.traceRequest` command: asks for a request when none is given, then shows its trace. */
  async traceCommand(arg?: TraceArgument): Promise<Trace | undefined> {
    let input: string | undefined;
    let folder: string | undefined;
    if (typeof arg === 'string') input = arg;
    else if (arg && typeof arg.method === 'string' && typeof arg.path === 'string') {
      input = `${arg.method.toUpperCase()} ${arg.path}`;
      folder = arg.folder;
    } else {
      const picked = await this.pickRequest();
      if (!picked) return undefined;
      ({ input, folder } = picked);
    }
    await this.service.whenIdle();
    const msg = { ...this.trace(input, folder), reveal: true };
    this.pending = msg;
    await vscode.commands.executeCommand(`${LessonViewProvider.viewId}.focus`);
    if (this.ready) this.flushPending();
    return msg.trace ?? undefined;
  }

  /** Traces `input` in `folder`, or in the first folder where a route answers it. */
  trace(input: string, folder?: string): Extract<ToLesson, { type: 'trace' }> {
    const parsed = parseRequestLine(input);
    const text = input.trim();
    if ('error' in parsed) return { type: 'trace', input: text, folder: null, trace: null, error: parsed.error, reveal: false };
    const candidates = this.service.all().filter(f => f.result && (!folder || f.folder.uri.toString() === folder));
    let first: { folder: FolderAnalysis; trace: Trace } | undefined;
    for (const f of candidates) {
      const t = trace(f.result!, parsed.method, parsed.path, localeOf(vscode.env.language));
      first ??= { folder: f, trace: t };
      if (t.outcome !== 'not-found') { first = { folder: f, trace: t }; break; }
    }
    if (!first) {
      const error = vscode.l10n.t('This workspace has not been analysed yet (or its analysis failed): see the Seven Stops output channel.');
      return { type: 'trace', input: text, folder: null, trace: null, error, reveal: false };
    }
    const worded = traceIn(first.trace, first.folder.result?.findings ?? [], localeOf(vscode.env.language));
    return { type: 'trace', input: text, folder: first.folder.folder.uri.toString(), trace: worded, error: null, reveal: false };
  }

  private async pickRequest(): Promise<{ input: string; folder?: string } | undefined> {
    await this.service.whenIdle();
    type Item = vscode.QuickPickItem & { input: string; folder?: string };
    const multi = this.service.all().length > 1;
    // Shown printable, `$(icon)` as written; `input` keeps the exact path to trace.
    const shown = (s: string) => literalIcons(printable(s));
    const routes: Item[] = this.service.all().flatMap(f => (f.result?.routes ?? []).map(r => ({
      label: shown(`${r.method} ${r.path}`),
      description: shown(`${multi ? `${f.folder.name}/` : ''}${r.file}:${r.line}`),
      detail: r.protected ? shown(vscode.l10n.t('auth: {0}', r.authBy.join(', '))) : vscode.l10n.t('no auth'),
      input: `${r.method === 'ALL' ? 'GET' : r.method} ${r.path}`,
      folder: f.folder.uri.toString(),
    })));
    const qp = vscode.window.createQuickPick<Item>();
    qp.title = vscode.l10n.t('Seven Stops: Trace Request');
    qp.placeholder = vscode.l10n.t('Type a request (GET /api/v1/orders/42) or pick a route');
    qp.matchOnDescription = true;
    qp.items = routes;
    const typed = (value: string): Item[] => {
      const p = parseRequestLine(value);
      if ('error' in p || !value.trim()) return [];
      return [{ label: vscode.l10n.t('Trace {0} {1}', p.method, p.path), description: vscode.l10n.t('the request you typed'), input: value, alwaysShow: true }];
    };
    const disposables = [qp.onDidChangeValue(v => { qp.items = [...typed(v), ...routes]; })];
    try {
      return await new Promise<Item | undefined>(resolve => {
        disposables.push(qp.onDidAccept(() => resolve(qp.selectedItems[0] ?? typed(qp.value)[0])), qp.onDidHide(() => resolve(undefined)));
        qp.show();
      });
    } finally {
      for (const d of disposables) d.dispose();
      qp.dispose();
    }
  }

  private receive(raw: unknown): void {
    const m = parseFromLesson(raw);
    if (!m) return;
    if (m.type === 'ready') {
      this.ready = true;
      // The pending trace first: the webview re-runs whatever trace it shows when the workspace arrives.
      this.flushPending();
      this.postWorkspace();
    } else if (m.type === 'trace') {
      void this.post(this.trace(m.input, m.folder));
    } else if (m.type === 'open') {
      const folder = this.service.all().find(f => f.folder.uri.toString() === m.folder)?.folder;
      if (folder) void openLocation(folder.uri, { file: m.file, line: m.line, column: 1 });
    }
  }

  private flushPending(): void {
    const p = this.pending;
    this.pending = undefined;
    if (p) void this.post(p);
  }

  private post(msg: ToLesson): Thenable<boolean> | undefined {
    return this.view?.webview.postMessage(msg);
  }

  private postWorkspace(): void {
    if (!this.view || !this.ready) return;
    const folders = this.service.all().map(({ folder, result, error }) => ({ uri: folder.uri.toString(), name: folder.name, result, error }));
    // The same counts as the status bar and the routes badge (reachable routes without auth).
    const locale = localeOf(vscode.env.language);
    void this.post(workspaceMessage(folders, vscode.workspace.workspaceFolders?.length ?? 0, this.service.totals(), f => localizedMessage(f, allRules, locale)));
  }

  private html(webview: vscode.Webview, media: vscode.Uri): string {
    const nonce = randomBytes(16).toString('base64');
    const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'lesson.css'));
    const lang = localeOf(vscode.env.language);
    const scripts = [CONTENT[lang], ...SCRIPTS].map(s => `<script nonce="${nonce}" src="${webview.asWebviewUri(vscode.Uri.joinPath(media, s))}"></script>`).join('\n');
    const csp = `default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource}; font-src ${webview.cspSource}; script-src 'nonce-${nonce}';`;
    return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>${vscode.l10n.t('The Seven Stops')}</title>
</head>
<body>
<main id="lesson" aria-live="off"><p class="muted">${vscode.l10n.t('Loading the lesson…')}</p></main>
<div id="announcer" class="visually-hidden" role="status" aria-live="polite"></div>
${scripts}
</body>
</html>`;
  }

  dispose(): void {
    for (const s of [...this.subscriptions, ...this.viewSubscriptions]) s.dispose();
  }
}
