// Messages between the extension host and the analysis worker (a worker thread, so a scan never
// blocks the extension host's event loop).
import type { SevenStopsConfig } from '../core/config';
import type { Fix, Suggestion } from '../core/model';
import type { ResultPart } from './result-parts';
import type { EncodedResult } from './result-transfer';

/** workerData: a one-slot Int32Array counter the host bumps to cancel the running analysis. */
export interface WorkerData {
  cancel: SharedArrayBuffer;
  /** Objects per message of a large result (result-parts.ts); tests set it low. */
  partObjects?: number;
  /** Where the IR cache lives (under the workspace's storage folder): one subfolder per workspace folder. Absent: no cache. */
  cacheDir?: string;
  /** Quiet time in ms before a finished run's result is stored for the next window (analysis-worker.ts); tests set it low. */
  storeAfterMs?: number;
  /** Wait in ms after a stored result is sent before the warm-up run (analysis-worker.ts); tests set it low. */
  warmUpAfterMs?: number;
}

export type WorkerRequest = AnalyseRequest | { type: 'part'; id: number } | FixRequest;

/** Build a quick fix's edits against a document's current text (see core/fix-edits.ts): done here, where ts-morph is loaded already. */
export type FixRequest = { type: 'fix'; id: number; fix: Fix; text: string };

export type AnalyseRequest = {
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
  /** The run is obsolete once the shared cancellation counter moves past this value. */
  generation: number;
  /** The host lost the last result it was sent: send this one whole (see result-transfer.ts). */
  resetTransfer?: boolean;
};

/**
 * A large result comes as a first message with `parts` more to follow, each sent when the host asks
 * for it with a `part` request (see result-parts.ts).
 */
export type WorkerResponse =
  | { type: 'result'; id: number; result: EncodedResult; parts: number }
  | { type: 'part'; id: number; part: ResultPart }
  | { type: 'error'; id: number; message: string }
  | { type: 'cancelled'; id: number }
  | { type: 'fixed'; id: number; suggestion: Suggestion | null };

/**
 * Unasked: the result last sent for `root` (a stored one) is not the analyser's answer to what the
 * host asked: it was the disk's while the host had unsaved texts, or (never expected, the stored
 * result's key names all it was made from) the analyser's own run found otherwise. The host asks again.
 */
export type WorkerNotice = { type: 'stale'; root: string };

/** Everything the worker posts. */
export type WorkerMessage = WorkerResponse | WorkerNotice;
