// The typed message protocol between the extension and the lesson webview (media/lesson.js).

/** Extension → webview. */
export type ToLesson = {
  type: 'workspace';
  /** Per stop (1-7): how many places in the workspace belong to it. */
  stopCounts: Record<number, number>;
  routes: number;
  unprotected: number;
  findings: { stop: number; message: string; file: string; line: number }[];
};

/** Webview → extension. */
export type FromLesson = { type: 'ready' } | { type: 'open'; file: string; line: number };
