// Messages between the extension host and the analysis worker (a worker thread, so a scan never
// blocks the extension host's event loop).
import type { SevenStopsConfig } from '../core/config';
import type { FullAnalysis } from '../core/analyse';

export type WorkerRequest = {
  type: 'analyse';
  id: number;
  root: string;
  /** Settings that override the folder's own configuration file. */
  overrides: Partial<SevenStopsConfig>;
  /** Unsaved editor contents: [absolute path, text]. */
  overlays: [string, string][];
  /** Files changed on disk since the last request (from the file watchers). */
  changed: string[];
  /** Files were created or deleted: walk the folder again. */
  rediscover: boolean;
};

export type WorkerResponse =
  | { type: 'result'; id: number; result: FullAnalysis }
  | { type: 'error'; id: number; message: string };
