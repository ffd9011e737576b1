// A rule's words in the reader's language. Findings are made in English (Finding.message); the CLI and
// the editor re-format them from messageId and data with the template of their locale, so the
// analysis, its cache and the JSON output's messageId/data stay the same whatever the language.
import type { Finding } from './model';
import type { Locale } from './locale';
import { formatMessage, type Rule } from './rule';

/**
 * `finding.message` in `locale`: formatted again from its template and data when its rule has one in
 * that language; as it is otherwise (English, or a message no template made, such as an internal error).
 */
export function localizedMessage(finding: Pick<Finding, 'ruleId' | 'messageId' | 'data' | 'message'>, rules: readonly Rule[], locale: Locale): string {
  if (locale === 'en') return finding.message;
  const rule = rules.find(r => r.id === finding.ruleId);
  const text = rule?.translations?.[locale];
  const template = text?.messages[finding.messageId];
  return template ? formatMessage(template, finding.data, text.phrases) : finding.message;
}
