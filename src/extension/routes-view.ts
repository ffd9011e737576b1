// The Routes tree: (folder →) app → mount prefix (Express), encapsulation context (Fastify) or router (Koa) →
// route → the chain in front of it. A filter by text, a badge with the number of routes that run
// without auth, and a click opens the code.
// Labels, descriptions and tooltips show code-sourced text printable (see labels.ts).
import * as vscode from 'vscode';
import { printable } from '../core/display-text';
import { type ContextGroup, contextDescription, contextName, groupByContext, routerDescription, routerName, routesUnder } from '../core/context-tree';
import type { ChainEntry, ModelRoute, SourceRange, StackOrigin } from '../core/model';
import { localeOf } from '../core/locale';
import type { AnalysisService, FolderAnalysis } from './analysis-service';
import { entryFacts, routeName, routeTooltip, routeVerdict } from './labels';

type Node =
  | { type: 'folder'; folder: FolderAnalysis }
  | { type: 'app'; folder: FolderAnalysis; app: number; origin: StackOrigin | undefined }
  | { type: 'prefix'; folder: FolderAnalysis; app: number; prefix: string }
  | { type: 'context'; folder: FolderAnalysis; group: ContextGroup<ModelRoute>; koa?: boolean }
  | { type: 'route'; folder: FolderAnalysis; route: ModelRoute }
  | { type: 'layer'; folder: FolderAnalysis; route: ModelRoute; index: number };

export const OPEN_LOCATION = 'sevenStops.openLocation';

export class RoutesViewProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  static readonly viewId = 'sevenStops.routes';
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<Node>;
  private readonly subscriptions: vscode.Disposable[];
  private filter = '';

  constructor(private readonly service: AnalysisService) {
    this.view = vscode.window.createTreeView(RoutesViewProvider.viewId, { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions = [this.changed, this.view, service.onDidChange(() => this.refresh())];
  }

  /** Shows only routes whose method, path, handler file or chain contains `text` (case-insensitive). */
  async setFilter(text: string): Promise<void> {
    this.filter = text.trim().toLowerCase();
    this.view.description = this.filter ? `filter: ${text.trim()}` : undefined;
    await vscode.commands.executeCommand('setContext', 'sevenStops.routesFiltered', !!this.filter);
    this.refresh();
  }

  get currentFilter(): string {
    return this.filter;
  }

  private refresh(): void {
    const { unprotected } = this.service.totals();
    this.view.badge = unprotected ? { value: unprotected, tooltip: `${unprotected} route${unprotected === 1 ? '' : 's'} without authentication` } : undefined;
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const folders = this.service.all().filter(f => f.result);
      if (folders.length > 1) return folders.map(folder => ({ type: 'folder', folder }));
      return folders.flatMap(f => this.appsOf(f));
    }
    switch (node.type) {
      case 'folder': return this.appsOf(node.folder);
      case 'app': {
        if (node.origin?.framework === 'fastify') return this.contextsOf(node.folder, node.app);
        if (node.origin?.framework === 'koa') return this.contextsOf(node.folder, node.app, true);
        const prefixes = [...new Set(this.routesOf(node.folder).filter(r => r.app === node.app).map(r => r.mountPrefix))];
        // Routes registered on the app itself sit directly under it; each mounted router gets a node.
        return [
          ...prefixes.filter(p => p !== '/').map((prefix): Node => ({ type: 'prefix', folder: node.folder, app: node.app, prefix })),
          ...this.routesOf(node.folder).filter(r => r.app === node.app && r.mountPrefix === '/')
            .map((route): Node => ({ type: 'route', folder: node.folder, route })),
        ];
      }
      case 'prefix':
        return this.routesOf(node.folder).filter(r => r.app === node.app && r.mountPrefix === node.prefix)
          .map(route => ({ type: 'route', folder: node.folder, route }));
      case 'context':
        return this.groupChildren(node.folder, node.group, node.koa);
      case 'route':
        return node.route.chain.map((_, index) => ({ type: 'layer', folder: node.folder, route: node.route, index }));
      case 'layer':
        return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.type) {
      case 'folder': {
        const item = new vscode.TreeItem(printable(node.folder.folder.name), vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = vscode.ThemeIcon.Folder;
        return item;
      }
      case 'app': {
        const o = node.origin;
        const label = o?.kind === 'router' ? vscode.l10n.t('Router (not mounted)') : vscode.l10n.t('{0} app', o?.framework ?? 'express');
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
        item.description = o ? `${printable(o.file)}:${o.line}` : undefined;
        item.iconPath = new vscode.ThemeIcon(o?.kind === 'router' ? 'debug-disconnect' : 'server');
        if (o) item.command = openCommand(node.folder, o.file, o.line);
        return item;
      }
      case 'prefix': {
        const item = new vscode.TreeItem(printable(node.prefix), vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon('symbol-namespace');
        item.tooltip = vscode.l10n.t('Routes of the router mounted at {0}', printable(node.prefix));
        return item;
      }
      case 'context': {
        if (node.koa) return routerItem(node.folder, node.group);
        const c = node.group.context;
        const item = new vscode.TreeItem(printable(contextName(c)), vscode.TreeItemCollapsibleState.Expanded);
        item.description = printable(contextDescription(c));
        item.iconPath = new vscode.ThemeIcon('symbol-namespace');
        item.tooltip = printable(`${vscode.l10n.t('Routes of {0} ({1}:{2}).', contextName(c), c.file, c.line)} ${c.encapsulated
          ? vscode.l10n.t('Hooks and decorators added inside reach these routes and the contexts below, never siblings or the parent.')
          : vscode.l10n.t('Its hooks and decorators belong to the parent context (fastify-plugin).')}`);
        item.command = openCommand(node.folder, c.file, c.line);
        return item;
      }
      case 'route': {
        const r = node.route;
        const item = new vscode.TreeItem(routeName(r), r.chain.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.description = routeVerdict(r, false, localeOf(vscode.env.language)); // the icon already says lock / warning / error
        item.iconPath = r.shadowedBy.length
          ? new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'))
          : r.protected ? new vscode.ThemeIcon('lock') : new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
        item.tooltip = new vscode.MarkdownString(routeTooltip(r, localeOf(vscode.env.language)));
        item.command = openCommand(node.folder, r.file, r.line, r.column);
        item.contextValue = 'route';
        item.id = `${node.folder.folder.uri.toString()}|${r.app}|${r.order}|${r.method}|${r.path}`;
        return item;
      }
      case 'layer': {
        const entry = node.route.chain[node.index];
        const range = node.route.chainRanges[node.index];
        const item = new vscode.TreeItem(`${node.index + 1}. ${printable(entry.name)}`);
        item.description = printable(entryFacts(entry, ' · ', localeOf(vscode.env.language)));
        item.iconPath = new vscode.ThemeIcon(entry.kind === 'auth' ? 'shield' : entry.kind === 'parse' ? 'symbol-field' : 'symbol-event');
        item.command = range ? openCommand(node.folder, range.file, range.line, range.column) : openCommand(node.folder, entry.file, entry.line);
        return item;
      }
    }
  }

  /** The visible tree as indented `label — description` lines (for tests and the output channel). */
  outline(node?: Node, depth = 0): string[] {
    return this.getChildren(node).flatMap(child => {
      const item = this.getTreeItem(child);
      const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
      const line = `${'  '.repeat(depth)}${label}${item.description ? ` — ${item.description}` : ''}`;
      const open = item.collapsibleState === vscode.TreeItemCollapsibleState.Expanded;
      return [line, ...(open ? this.outline(child, depth + 1) : [])];
    });
  }

  get badge(): vscode.ViewBadge | undefined {
    return this.view.badge;
  }

  private appsOf(folder: FolderAnalysis): Node[] {
    const apps = [...new Set(this.routesOf(folder).map(r => r.app))].sort((a, b) => a - b);
    return apps.map(app => ({ type: 'app', folder, app, origin: folder.result?.model.origins[app] }));
  }

  /**
   * A Fastify app's children: the contexts below its root context, then the root's own routes (as a
   * mounted router comes before the app's routes); a Koa app's: one node per router it runs, in the
   * order it first runs them, a nested router under the router that cloned it in. Then any route naming no known context.
   */
  private contextsOf(folder: FolderAnalysis, app: number, koa = false): Node[] {
    const routes = this.routesOf(folder).filter(r => r.app === app);
    const groups = groupByContext(routes, folder.result?.contexts ?? []);
    const grouped = routesUnder(groups);
    const loose = routes.filter(r => !grouped.has(r)).map((route): Node => ({ type: 'route', folder, route }));
    const top = koa ? groups.map((group): Node => ({ type: 'context', folder, group, koa })) : groups.flatMap(g => this.groupChildren(folder, g));
    return [...top, ...loose];
  }

  /** A context's children: the contexts below it (a Koa router's nested routers, K5), then its own routes. */
  private groupChildren(folder: FolderAnalysis, g: ContextGroup<ModelRoute>, koa?: boolean): Node[] {
    return [
      ...g.children.map((group): Node => ({ type: 'context', folder, group, ...(koa ? { koa } : {}) })),
      ...g.routes.map((route): Node => ({ type: 'route', folder, route })),
    ];
  }

  private routesOf(folder: FolderAnalysis): ModelRoute[] {
    const routes = folder.result?.model.routes ?? [];
    if (!this.filter) return routes;
    return routes.filter(r => matches(r, this.filter));
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

function matches(r: ModelRoute, needle: string): boolean {
  const hay = [`${r.method} ${r.path}`, r.file, ...r.chain.map((c: ChainEntry) => c.name)].join('\n').toLowerCase();
  return hay.includes(needle);
}

/** A Koa router: its prefix (and koa-mount path) beside it, opening where the router is created. */
function routerItem(folder: FolderAnalysis, g: ContextGroup<ModelRoute>): vscode.TreeItem {
  const c = g.context;
  const item = new vscode.TreeItem(printable(routerName(c)), vscode.TreeItemCollapsibleState.Expanded);
  item.description = printable(routerDescription(c, g.routes.map(r => r.mountPrefix)));
  item.iconPath = new vscode.ThemeIcon('symbol-namespace');
  item.tooltip = printable(vscode.l10n.t('Routes of the router created at {0}:{1}. Its router.use() middleware runs only for a request one of its routes matches (K3).', c.file, c.line));
  item.command = openCommand(folder, c.file, c.line);
  return item;
}

function openCommand(folder: FolderAnalysis, file: string, line: number, column = 1): vscode.Command {
  const at: Pick<SourceRange, 'file' | 'line' | 'column'> = { file, line, column };
  return { command: OPEN_LOCATION, title: vscode.l10n.t('Open'), arguments: [folder.folder.uri.toString(), at] };
}
