// The contract of a rule: a pure function over the framework-neutral model.
import type { SevenStopsConfig } from './config';
import type { Locale } from './locale';
import type { AnalysisModel, Framework, Finding, Severity, Stop } from './model';
import type { PathMatcher } from './path-matcher';

/** What a rule may read besides the model. */
export interface RuleContext {
  model: AnalysisModel;
  config: SevenStopsConfig;
  /** How the routers of stack `app` (an index into model.stacks) match paths: its framework's, for its version. */
  paths(app: number): PathMatcher;
  /**
   * The report this rule built for `key` in an earlier run of the same analyser when every one of
   * `inputs` is identical (===), else `make()`'s, remembered. Ranges and facts of unchanged files
   * are the same objects run after run, so re-analysis after an edit rebuilds only what it touched.
   */
  reuse(key: object, inputs: readonly unknown[], make: () => RuleReport): RuleReport;
  /**
   * A value worked out once per run from this model and shared by every rule that asks with the
   * same `key` (a walk of every route's reach facts that several rules filter): `make` runs for the
   * first rule that asks. The value must depend on the model only.
   */
  shared<T>(key: object, make: () => T): T;
  /**
   * What `make` derives from the model object `of` alone (a function's reach facts), under `name`,
   * kept across runs for as long as that object lives: facts of unchanged files are the same
   * objects run after run, so after an edit only what it changed is derived again.
   */
  derived<T>(of: object, name: string, make: () => T): T;
}

/** A finding as a rule reports it; the runner adds rule id, severity, stop and the formatted message. */
export type RuleReport = Omit<Finding, 'ruleId' | 'severity' | 'stop' | 'message'>;

export interface Rule {
  id: string;
  stop: Stop;
  frameworks: Framework[];
  /** One sentence: the claim the rule enforces. */
  description: string;
  defaultSeverity: Severity;
  /** Message templates by id; `{{name}}` is replaced from the report's data. */
  messages: Record<string, string>;
  /**
   * A message's own default severity where it differs from the rule's (a deprecation notice beside
   * an error). The user's setting for the rule, when given, applies to every message.
   */
  messageSeverity?: Record<string, Severity>;
  /**
   * Words a report's data names by key instead of holding them (`{ from: 'lock' }` reads "read from
   * the lock file"): per placeholder, the text of each key, itself a template over the same data.
   * The data is then the same whatever the language; each language has its own words (RuleText).
   */
  phrases?: Phrases;
  /** The description, message templates and phrases in other languages (same ids, same `{{placeholders}}`). */
  translations?: Partial<Record<Exclude<Locale, 'en'>, RuleText>>;
  check(ctx: RuleContext): RuleReport[];
}

/** Per placeholder, the words of each key its data may hold (Rule.phrases). */
export type Phrases = Record<string, Record<string, string>>;

/** A rule's words in one language. */
export interface RuleText {
  description: string;
  messages: Record<string, string>;
  /** The rule's phrases in this language, with the same keys and placeholders (Rule.phrases). */
  phrases?: Phrases;
}

/** Where a rule's documentation lives (the Diagnostic code target and the SARIF helpUri). */
export function ruleDocUrl(id: string): string {
  return `https://github.com/seven-stops/seven-stops/blob/main/docs/rules/${id}.md`;
}

export function formatMessage(template: string, data: Record<string, string>, phrases: Phrases = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => {
    // A phrase's own placeholders come from the same data (no phrase inside a phrase).
    const phrase = phrases[k]?.[data[k]];
    return phrase !== undefined ? formatMessage(phrase, data) : data[k] ?? `{{${k}}}`;
  });
}
