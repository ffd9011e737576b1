// Small readers of raw TypeScript nodes that lowering (lower.ts, lower-modules.ts) shares: keys,
// names, modifiers, and the names a binding pattern binds. Plain functions: nothing allocated per node.
import type { ts } from 'ts-morph';
import type { Pattern } from './ir';
import { tsp } from './ts-plain';

/** How many syntax errors TypeScript's parse recorded for the file. */
export function syntaxErrorCount(sf: ts.SourceFile): number {
  return (sf as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics?.length ?? 0;
}

/** A property or member name as written (`a`, `#a`, `'a'`, `1`); null when computed. */
export function literalKey(n: ts.Node): string | null {
  if (tsp.isIdentifier(n) || tsp.isPrivateIdentifier(n)) return n.text;
  if (tsp.isStringLiteralLike(n) || tsp.isNumericLiteral(n)) return n.text;
  return null;
}

/** The key of `obj[key]` when it is a literal; `obj[name]` reads the variable `name`, not the key 'name'. */
export function elementKey(n: ts.Expression): string | null {
  return tsp.isStringLiteralLike(n) || tsp.isNumericLiteral(n) ? n.text : null;
}

/** The name a binding binds when it is a plain identifier (a function's name hint), else null. */
export function nameOf(n: ts.BindingName): string | null {
  return tsp.isIdentifier(n) ? n.text : null;
}

export function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  const mods = tsp.canHaveModifiers(node) ? tsp.getModifiers(node) : undefined;
  return !!mods?.some(m => m.kind === kind);
}

/** Every name a pattern binds. */
export function patternNames(p: Pattern): string[] {
  if (p.k === 'name') return [p.name];
  if (p.k === 'object') return p.props.flatMap(x => patternNames(x.target));
  if (p.k === 'array') return p.items.flatMap(x => (x ? patternNames(x) : []));
  if (p.k === 'default' || p.k === 'rest') return patternNames(p.target);
  return [];
}
