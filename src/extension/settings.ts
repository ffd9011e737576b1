// Every setting Seven Stops reads, validated in one place with its default. A malformed value
// falls back to the default instead of breaking the extension.
import * as vscode from 'vscode';
import type { RuleSetting } from '../core/config';
import type { Stop } from '../core/model';

export interface Settings {
  codeLensEnabled: boolean;
  /** Which stops get a CodeLens. */
  codeLensStops: Stop[];
  /** Set only when the user set `sevenStops.exclude` (then it replaces the folder's list, like the file's own `exclude`). */
  exclude: string[] | null;
  /** Per-rule severity overrides, the same keys as `rules` in .sevenstops.json (settings win). */
  rules: Record<string, RuleSetting>;
  statusBarEnabled: boolean;
}

/** Routes, the layers in front of them, parsers and listen: the stops where ordering bugs live. */
export const DEFAULT_CODELENS_STOPS: Stop[] = [1, 2, 3, 4];
const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'off'];

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration('sevenStops', scope);
  const stops = c.get<unknown>('codeLens.stops');
  // The contributed default mirrors the core's defaults; only a value the user set overrides the
  // folder's .sevenstops.json, otherwise the defaults would silently replace the file's list.
  const set = c.inspect<unknown>('exclude');
  const exclude = set?.workspaceFolderValue ?? set?.workspaceValue ?? set?.globalValue;
  const rules = c.get<unknown>('rules');
  return {
    codeLensEnabled: c.get<boolean>('codeLens.enabled') !== false,
    codeLensStops: Array.isArray(stops) && stops.every(s => Number.isInteger(s) && s >= 1 && s <= 7) ? (stops as Stop[]) : DEFAULT_CODELENS_STOPS,
    exclude: Array.isArray(exclude) && exclude.every(x => typeof x === 'string') ? (exclude as string[]) : null,
    rules: rules && typeof rules === 'object' && !Array.isArray(rules)
      ? Object.fromEntries(Object.entries(rules).filter((e): e is [string, RuleSetting] => RULE_SETTINGS.includes(e[1] as RuleSetting)))
      : {},
    statusBarEnabled: c.get<boolean>('statusBar.enabled') !== false,
  };
}
