// stops_of_file: what the editor shows over one file (the stop of each annotated line), with the
// routes it registers and the findings in it, so an agent editing the file knows where each line
// sits in a request's journey.
import type { Annotation, LifecyclePhase, Stop } from '../core/model';
import { STOP_NAMES } from '../core/model';
import { type AgentAnalysis, AgentInputError, type Answer, count, rootRelative } from './answer';
import { type RouteSummary, routeSummary } from './list-routes';

export interface StopMark {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  stop: Stop;
  stopName: string;
  label: string;
  phase?: LifecyclePhase;
  /** Fastify hooks: how many routes it reaches, and at which level it was added. */
  reach?: { routes: number; level: 'app' | 'context' | 'route' };
}

export interface FileStops {
  file: string;
  annotations: StopMark[];
  routes: RouteSummary[];
  findings: { ruleId: string; severity: string; stop: Stop; message: string; line: number }[];
}

const mark = (a: Annotation): StopMark => ({
  line: a.line, column: a.column, endLine: a.endLine, endColumn: a.endColumn, stop: a.stop, stopName: STOP_NAMES[a.stop], label: a.label,
  ...(a.phase !== undefined ? { phase: a.phase } : {}),
  ...(a.reach !== undefined ? { reach: { routes: a.reach.routes, level: a.reach.level } } : {}),
});

export function stopsOfFile(a: AgentAnalysis, input: { file: string }): Answer<FileStops> {
  const file = rootRelative(a.root, input.file);
  const annotations = a.annotations.filter(x => x.file === file).map(mark);
  const routes = a.model.routes.filter(r => r.file === file).map(routeSummary);
  const findings = a.findings.filter(f => f.file === file).map(f => ({ ruleId: f.ruleId, severity: f.severity, stop: f.stop, message: f.message, line: f.line }));
  if (!annotations.length && !routes.length && !findings.length) {
    const skipped = a.skipped.find(s => s.file === file);
    if (skipped) throw new AgentInputError(`${file} was not analysed: ${skipped.reason}.`);
    const known = a.annotations.some(x => x.file.endsWith(`/${file}`)) ? ` Paths are relative to ${a.root}.` : '';
    return { summary: `${file}: no stops (no app, route, middleware or handler code the analysis saw).${known}`, data: { file, annotations, routes, findings } };
  }
  const stops = [...new Set(annotations.map(x => x.stop))].sort().join(', ');
  return {
    summary: `${file}: ${count(annotations.length, 'annotation')}${stops ? ` (stops ${stops})` : ''}; ${count(routes.length, 'route')}; ${count(findings.length, 'finding')}.`,
    data: { file, annotations, routes, findings },
  };
}
