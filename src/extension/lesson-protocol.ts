// The typed message protocol between the extension and the lesson webview (media/lesson.js).
// Plain data both ways. Messages from the webview are checked by parseFromLesson before use.
import type { Trace } from '../core/trace';

/** A place in the user's code. `folder` is the workspace folder's URI string (multi-root). */
export interface LessonPlace {
  folder: string;
  file: string;
  line: number;
  label: string;
}

export interface LessonFinding extends LessonPlace {
  stop: number;
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
}

export interface LessonRoute extends LessonPlace {
  method: string;
  path: string;
  protected: boolean;
}

/** At most this many places per stop are sent; `stopCounts` has the full numbers. */
export const PLACES_PER_STOP = 200;

/** Extension → webview. */
export type ToLesson =
  | {
    type: 'workspace';
    /** Analysed workspace folders (URI string and name); empty until the first analysis ends. */
    folders: { uri: string; name: string }[];
    /** How many folders are open in the workspace (0: nothing to analyse). */
    openFolders: number;
    /** The frameworks of the apps found, sorted (the lesson adds what is particular to each: "In Fastify: …"). */
    frameworks: string[];
    /** Per stop (1-7): how many places in the workspace belong to it. */
    stopCounts: Record<number, number>;
    /** Per stop (1-7): the places themselves, at most PLACES_PER_STOP each. */
    places: Record<number, LessonPlace[]>;
    routes: number;
    unprotected: number;
    findings: LessonFinding[];
    /** Every route, for the trace's route picker. */
    routeList: LessonRoute[];
    /** Folders whose last analysis failed, with the reason. */
    errors: { folder: string; message: string }[];
  }
  | {
    type: 'trace';
    /** What was traced, as the input box shows it (`GET /api/v1/orders/42`). */
    input: string;
    /** The folder the trace ran in, or null when no folder had an analysis. */
    folder: string | null;
    trace: Trace | null;
    /** Why there is no trace (input not understood, nothing analysed yet). */
    error: string | null;
    /** Scroll the trace into view (it was asked for from outside the webview). */
    reveal: boolean;
  };

/** Webview → extension. */
export type FromLesson =
  | { type: 'ready' }
  | { type: 'open'; folder: string; file: string; line: number }
  | { type: 'trace'; input: string; folder?: string };

/** Checks a message from the webview; anything malformed is dropped (null). */
export function parseFromLesson(m: unknown): FromLesson | null {
  if (typeof m !== 'object' || m === null) return null;
  const o = m as Record<string, unknown>;
  if (o.type === 'ready') return { type: 'ready' };
  if (o.type === 'open') {
    if (typeof o.folder !== 'string' || typeof o.file !== 'string' || !isRelativeFile(o.file)) return null;
    if (typeof o.line !== 'number' || !Number.isInteger(o.line) || o.line < 1) return null;
    return { type: 'open', folder: o.folder, file: o.file, line: o.line };
  }
  if (o.type === 'trace') {
    if (typeof o.input !== 'string' || o.input.length > 2000) return null;
    if (o.folder !== undefined && typeof o.folder !== 'string') return null;
    return o.folder === undefined ? { type: 'trace', input: o.input } : { type: 'trace', input: o.input, folder: o.folder };
  }
  return null;
}

/** A `/`-separated path inside the folder: not absolute, no `..` segment, no drive or scheme. */
function isRelativeFile(file: string): boolean {
  if (!file || file.startsWith('/') || file.includes('\\') || /^[A-Za-z]:/.test(file) || file.includes('\0')) return false;
  return !file.split('/').some(s => s === '..');
}
