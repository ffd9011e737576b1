// SARIF 2.1.0 for GitHub code scanning: one run, the rule catalogue with help text and URIs,
// results with physical locations relative to the scanned folder (%SRCROOT%). Message texts are shown
// to people (code scanning alerts), so they are printable; URIs and fingerprints keep the exact text.
import { printable } from '../core/display-text';
import type { AnalysisResult, Severity, Stop } from '../core/model';
import { STOP_NAMES } from '../core/model';
import { Rule, ruleDocUrl } from '../core/rule';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

export function toSarif(r: AnalysisResult, rules: Rule[], version: string): object {
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'Seven Stops',
          version,
          informationUri: 'https://github.com/seven-stops/seven-stops',
          rules: rules.map(rule => ({
            id: rule.id,
            name: rule.id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
            shortDescription: { text: rule.description },
            fullDescription: { text: `${rule.description} (stop ${rule.stop}, ${STOP_NAMES[rule.stop as Stop]})` },
            help: { text: `${rule.description} See ${ruleDocUrl(rule.id)}`, markdown: `${rule.description}\n\n[Documentation](${ruleDocUrl(rule.id)})` },
            helpUri: ruleDocUrl(rule.id),
            defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
            properties: { tags: ['seven-stops', `stop-${rule.stop}`] },
          })),
        },
      },
      originalUriBaseIds: { '%SRCROOT%': { uri: './' } },
      results: r.findings.map(f => ({
        ruleId: f.ruleId,
        ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
        level: LEVEL[f.severity],
        message: { text: printable(f.message) },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' },
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        }],
        relatedLocations: f.related.map((rel, i) => ({
          id: i + 1,
          message: { text: printable(rel.message) },
          physicalLocation: {
            artifactLocation: { uri: encodeURI(rel.file), uriBaseId: '%SRCROOT%' },
            region: { startLine: rel.line, startColumn: rel.column, endLine: rel.endLine, endColumn: rel.endColumn },
          },
        })),
        partialFingerprints: { 'sevenStops/v1': `${f.ruleId}:${f.file}:${f.message}` },
      })),
    }],
  };
}
