// Runs rules with the user's severities and honours `// seven-stops-ignore-next-line <rule>`.
import type { SevenStopsConfig } from './config';
import type { AnalysisModel, Finding } from './model';
import { Rule, RuleContext, formatMessage } from './rule';

export interface RuleHost {
  text(file: string): string | undefined;
  /** Line (1-based) → rule ids ignored on that line ('*' = all), per root-relative file. */
  ignores(file: string): Record<number, string[]>;
}

export function runRules(rules: Rule[], model: AnalysisModel, config: SevenStopsConfig, host: RuleHost): Finding[] {
  const ctx: RuleContext = { model, config, text: host.text };
  const out: Finding[] = [];
  for (const rule of rules) {
    const setting = config.rules[rule.id] ?? rule.defaultSeverity;
    if (setting === 'off') continue;
    let reports: ReturnType<Rule['check']>;
    try {
      reports = rule.check(ctx);
    } catch (e) {
      // A rule bug must not take the whole analysis down; surface it as an info finding instead.
      reports = [];
      out.push({
        ruleId: rule.id, messageId: 'internalError', data: {}, severity: 'info', stop: rule.stop,
        message: `Seven Stops rule ${rule.id} failed: ${(e as Error).message}`,
        file: '.', line: 1, column: 1, endLine: 1, endColumn: 1, related: [], suggestions: [],
      });
    }
    for (const r of reports) {
      const ignored = host.ignores(r.file)[r.line];
      if (ignored && (ignored.includes('*') || ignored.includes(rule.id))) continue;
      out.push({ ...r, ruleId: rule.id, severity: setting, stop: rule.stop, message: formatMessage(rule.messages[r.messageId] ?? r.messageId, r.data) });
    }
  }
  return out;
}
