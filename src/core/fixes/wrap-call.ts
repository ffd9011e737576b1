// `wrap-call`: an expression wrapped in a call of a package's default export (a Fastify plugin in
// `fp(...)` from `fastify-plugin`), the package imported or required when the file lacks it.
import { Node, SyntaxKind, type FunctionDeclaration, type SourceFile } from 'ts-morph';
import type { Fix, Suggestion, TextEdit } from '../model';
import { defaultExportBinding } from './module-binding';
import { eolOf, extentOf, isFunction, nodeAt, sourceFileOf, topLevelStart, usesSemicolons } from './syntax';

type WrapCall = Extract<Fix, { kind: 'wrap-call' }>;

export function wrapCall(fix: WrapCall, text: string): Suggestion | null {
  const file = fix.target.file;
  const sf = sourceFileOf(file, text);
  // The range may hold the value itself or the statement that exports or names it; when the text
  // changed past the range's end, only a function starting there is taken for it.
  const found = nodeAt(sf, fix.target, n => Node.isExpression(n) || Node.isStatement(n) || Node.isVariableDeclaration(n), isFunction);
  const target = found && valueOf(found);
  if (!target) return null;
  const binding = defaultExportBinding(sf, file, fix.module, fix.callee, topLevelStart(target));
  if (!binding) return null;
  const parent = target.getParent();
  if (Node.isCallExpression(parent) && parent.getExpression().getText() === binding.name) return null;
  const wrap = Node.isFunctionDeclaration(target) ? wrapDeclaration(sf, file, text, target, binding.name) : [
    { file, start: target.getStart(), end: target.getStart(), newText: `${binding.name}(` },
    { file, start: target.getEnd(), end: target.getEnd(), newText: ')' },
  ];
  return wrap && { title: fix.title, edits: [...binding.edits, ...wrap] };
}

/** What to wrap at the node found: the value a statement exports or assigns, a function declared as the default export. */
function valueOf(node: Node): Node | null {
  if (Node.isExpressionStatement(node)) return valueOf(node.getExpression());
  if (Node.isBinaryExpression(node)) return node.getOperatorToken().getKind() === SyntaxKind.EqualsToken ? node.getRight() : node;
  if (Node.isExportAssignment(node)) return node.getExpression();
  if (Node.isVariableStatement(node)) return node.getDeclarations().length === 1 ? valueOf(node.getDeclarations()[0]) : null;
  if (Node.isVariableDeclaration(node)) return node.getInitializer() ?? null;
  if (Node.isFunctionDeclaration(node)) return node.isDefaultExport() && node.hasBody() ? node : null;
  return Node.isExpression(node) ? node : null;
}

/**
 * `export default async function plugin(app) {}` becomes `export default fp(async function plugin(app) {})`:
 * the edit stays where the reader looks. When the file uses the function's name elsewhere, the
 * expression would no longer bind it, so the declaration stays and the export moves below it:
 * `async function plugin(app) {}` then `export default fp(plugin)`.
 */
function wrapDeclaration(sf: SourceFile, file: string, text: string, decl: FunctionDeclaration, callee: string): TextEdit[] | null {
  const exported = decl.getExportKeyword();
  const dflt = decl.getDefaultKeyword();
  if (!exported || !dflt) return null;
  const afterDefault = dflt.getEnd() + /^\s*/.exec(text.slice(dflt.getEnd()))![0].length;
  const semi = usesSemicolons(sf) ? ';' : '';
  const name = decl.getName();
  const nameNode = decl.getNameNode();
  const usedElsewhere = name !== undefined && sf.getDescendantsOfKind(SyntaxKind.Identifier).some(id => id !== nameNode && id.getText() === name);
  if (!usedElsewhere) {
    return [
      { file, start: afterDefault, end: afterDefault, newText: `${callee}(` },
      { file, start: decl.getEnd(), end: decl.getEnd(), newText: `)${semi}` },
    ];
  }
  const end = extentOf(decl, text).end;
  const eol = eolOf(text);
  return [
    { file, start: exported.getStart(), end: afterDefault, newText: '' },
    { file, start: end, end, newText: `${eol}${eol}export default ${callee}(${name})${semi}` },
  ];
}
