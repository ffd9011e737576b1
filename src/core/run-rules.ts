// Runs rules with the user's severities and honours `// seven-stops-ignore-next-line <rule>`.
import type { SevenStopsConfig } from './config';
import type { AnalysisModel, Finding, Severity } from './model';
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
      out.push(findingOf(rule, setting, r));
    }
  }
  return out;
}

/** Findings of reports a rule gave again (rules may keep reports of unchanged code across runs). */
const findings = new WeakMap<object, Finding>();

function findingOf(rule: Rule, severity: Severity, r: ReturnType<Rule['check']>[number]): Finding {
  const known = findings.get(r);
  if (known && known.ruleId === rule.id && known.severity === severity) return known;
  const f: Finding = { ...r, ruleId: rule.id, severity, stop: rule.stop, message: formatMessage(rule.messages[r.messageId] ?? r.messageId, r.data) };
  findings.set(r, f);
  return f;
}
