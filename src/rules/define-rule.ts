// Helpers shared by rules: typing a rule, and proposing "move this statement" fixes (the analysed
// code is never mutated; fixes are suggestions the user applies).
import type { Rule } from '../core/rule';
import type { Fix, SourceLocation, SourceRange } from '../core/model';

/** Identity function that checks a rule against the contract. */
export function defineRule(rule: Rule): Rule {
  return rule;
}

/** `file:line` for messages. */
export function at(r: SourceLocation): string {
  return `${r.file}:${r.line}`;
}

/** A range's start as a map key: chain entries, findings and model facts naming one registration meet there. */
export function placeKey(r: SourceLocation & { column: number }): string {
  return `${r.file}:${r.line}:${r.column}`;
}

/** Whether two ranges start at the same place (one call registering several routes, a hook and its function). */
export function samePlace(a: SourceRange, b: SourceRange): boolean {
  return a.file === b.file && a.line === b.line && a.column === b.column;
}

/**
 * A use-prefix as an index key: lower case, no trailing slash ('/' becomes ''). Rules look layers up
 * by the keys of a path's leading segments, then ask the stack's path matcher (RuleContext.paths).
 */
export function prefixKey(prefix: string): string {
  return prefix.toLowerCase().replace(/\/$/, '');
}

/**
 * A fix moving the statement at `from` to just after the statement at `anchor` (same file), or, with
 * `before`, to just before it; null across files. Its edits are built when asked for (core/fix-edits.ts).
 */
export function moveStatement(from: SourceRange, anchor: SourceRange, title: string, before = false): Fix | null {
  return from.file === anchor.file ? { kind: 'move-statement', title, from, anchor, before } : null;
}

/** The index of the first item (sorted by order) whose order is greater than `order`, by binary search. */
export function firstAfter(items: { order: number }[], order: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].order > order) hi = mid; else lo = mid + 1;
  }
  return lo;
}

/** `items` grouped by `key` (items whose key is undefined left out), each group in the items' order. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K | undefined): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const list = out.get(k);
    if (list) list.push(item); else out.set(k, [item]);
  }
  return out;
}
