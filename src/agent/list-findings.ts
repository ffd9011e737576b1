// list_findings: the bugs the rules found, filtered by rule, stop, severity or file.
import type { Finding, Severity, Stop } from '../core/model';
import { STOP_NAMES } from '../core/model';
import { type AgentAnalysis, type Answer, count, DEFAULT_LIMIT, rootRelative, shownOf } from './answer';

export interface FindingFilter {
  /** A rule id (`no-route-before-auth`). */
  rule?: string;
  stop?: Stop;
  severity?: Severity;
  /** A file or folder, relative to the analysed folder or absolute inside it. */
  file?: string;
  /** At most this many in the answer (DEFAULT_LIMIT); `matched` counts them all. */
  limit?: number;
}

export interface FindingItem {
  ruleId: string;
  severity: Severity;
  stop: Stop;
  stopName: string;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Other places the finding points at (the auth layer a route comes before...). */
  related: { message: string; file: string; line: number }[];
  /** The rule's documentation, relative to the Seven Stops repository. */
  docs: string;
  /** The editor offers a quick fix for it. */
  fixable: boolean;
}

/** Whether `file` is `under` or inside the folder `under`. */
export const inFileOrFolder = (file: string, under: string): boolean =>
  under === '' || under === '.' || file === under || file.startsWith(under.endsWith('/') ? under : `${under}/`);

const item = (f: Finding): FindingItem => ({
  ruleId: f.ruleId, severity: f.severity, stop: f.stop, stopName: STOP_NAMES[f.stop], message: f.message,
  file: f.file, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn,
  related: f.related.map(r => ({ message: r.message, file: r.file, line: r.line })),
  docs: `docs/rules/${f.ruleId}.md`, fixable: f.fixes.length > 0,
});

export function listFindings(a: AgentAnalysis, filter: FindingFilter): Answer<{ findings: FindingItem[]; matched: number; total: number }> {
  const under = filter.file !== undefined ? rootRelative(a.root, filter.file) : undefined;
  const matched = a.findings.filter(f =>
    (filter.rule === undefined || f.ruleId === filter.rule)
    && (filter.stop === undefined || f.stop === filter.stop)
    && (filter.severity === undefined || f.severity === filter.severity)
    && (under === undefined || inFileOrFolder(f.file, under)));
  const bySeverity = (['error', 'warning', 'info'] as const).map(s => [s, matched.filter(f => f.severity === s).length] as const).filter(([, n]) => n);
  const of = matched.length === a.findings.length ? '' : ` (of ${a.findings.length})`;
  const findings = matched.slice(0, filter.limit ?? DEFAULT_LIMIT).map(item);
  return {
    summary: `${count(matched.length, 'finding')}${of}${bySeverity.length ? `: ${bySeverity.map(([s, n]) => `${n} ${s}`).join(', ')}` : ''}.`
      + shownOf(findings.length, matched.length),
    data: { findings, matched: matched.length, total: a.findings.length },
  };
}
