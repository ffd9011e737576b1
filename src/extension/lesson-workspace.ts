// The lesson's 'workspace' message, made from each folder's analysis: the places at each stop (the
// annotations of every framework: Express layers, Fastify hooks at their phase's stop, reply.send at
// 6...), findings, routes and the frameworks found. Pure: lesson-view.ts posts it.
import type { AnalysisResult, Finding, Framework } from '../core/model';
import { type LessonPlace, PLACES_PER_STOP, type ToLesson } from './lesson-protocol';

/** One workspace folder as the lesson sees it. */
export interface LessonFolder {
  uri: string;
  name: string;
  result: Pick<AnalysisResult, 'apps' | 'annotations' | 'findings' | 'routes'> | null;
  error: string | null;
}

export type WorkspaceMessage = Extract<ToLesson, { type: 'workspace' }>;

/**
 * The message for these folders; `totals` are the status bar's counts (reachable routes without auth);
 * `message` words a finding (in the lesson's language).
 */
export function workspaceMessage(
  folders: readonly LessonFolder[], openFolders: number, totals: { routes: number; unprotected: number }, message: (f: Finding) => string = f => f.message,
): WorkspaceMessage {
  const msg: WorkspaceMessage = {
    type: 'workspace', folders: [], openFolders, frameworks: [],
    stopCounts: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0 }, places: { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] },
    routes: totals.routes, unprotected: totals.unprotected, findings: [], routeList: [], errors: [],
  };
  const frameworks = new Set<Framework>();
  for (const { uri, name, result, error } of folders) {
    msg.folders.push({ uri, name });
    if (error) msg.errors.push({ folder: uri, message: error });
    if (!result) continue;
    for (const app of result.apps) frameworks.add(app.framework);
    for (const a of result.annotations) {
      msg.stopCounts[a.stop]++;
      const list: LessonPlace[] = msg.places[a.stop];
      if (list.length < PLACES_PER_STOP) list.push({ folder: uri, file: a.file, line: a.line, label: a.label });
    }
    for (const f of result.findings) {
      msg.findings.push({ folder: uri, stop: f.stop, ruleId: f.ruleId, severity: f.severity, label: message(f), file: f.file, line: f.line });
    }
    for (const r of result.routes) {
      msg.routeList.push({ folder: uri, method: r.method, path: r.path, protected: r.protected, file: r.file, line: r.line, label: `${r.method} ${r.path}` });
    }
  }
  msg.frameworks = [...frameworks].sort();
  return msg;
}
