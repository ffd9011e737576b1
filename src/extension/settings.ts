// Every setting Seven Stops reads, validated in one place with its default.
import * as vscode from 'vscode';
import type { Stop } from '../core/model';

export interface Settings {
  codeLensEnabled: boolean;
  /** Which stops get a CodeLens. */
  codeLensStops: Stop[];
  exclude: string[];
}

export const DEFAULT_CODELENS_STOPS: Stop[] = [1, 2, 3, 4];

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration('sevenStops', scope);
  const stops = c.get<unknown>('codeLens.stops');
  const exclude = c.get<unknown>('exclude');
  return {
    codeLensEnabled: c.get<boolean>('codeLens.enabled') !== false,
    codeLensStops: Array.isArray(stops) && stops.every(s => Number.isInteger(s) && s >= 1 && s <= 7) ? (stops as Stop[]) : DEFAULT_CODELENS_STOPS,
    exclude: Array.isArray(exclude) && exclude.every(x => typeof x === 'string') ? (exclude as string[]) : [],
  };
}
