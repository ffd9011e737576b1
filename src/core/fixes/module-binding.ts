// The name under which a file can call a package's default export, adding the import or require
// when the file has none, written as the file writes its own: `import` in ES modules and TypeScript,
// `require` in CommonJS, with its quotes and semicolons.
import { Node, SyntaxKind, type SourceFile, type Statement } from 'ts-morph';
import type { TextEdit } from '../model';
import { eolOf, extentOf, usesSemicolons } from './syntax';

export interface Binding {
  name: string;
  /** Edits that bring `name` into the file; none when it binds the package already. */
  edits: TextEdit[];
}

/**
 * A name for the default export of `module` usable by code in the top-level statement starting at
 * `user`: the one the file binds it to, else `name` with the edits adding it; null when the file
 * uses `name` for something else (the new binding would clash with it or be shadowed).
 */
export function defaultExportBinding(sf: SourceFile, file: string, module: string, name: string, user: number): Binding | null {
  const statements = sf.getStatements();
  let partial: Node | null = null;
  for (const s of statements) {
    if (Node.isImportDeclaration(s) && !s.isTypeOnly() && s.getModuleSpecifierValue() === module) {
      const local = s.getDefaultImport();
      if (local) return { name: local.getText(), edits: [] };
      partial ??= s;
    } else if (Node.isImportEqualsDeclaration(s) && !s.isTypeOnly() && requiredBy(s.getModuleReference()) === module) {
      return { name: s.getName(), edits: [] };
    } else if (Node.isVariableStatement(s)) {
      for (const d of s.getDeclarations()) {
        const init = d.getInitializer();
        const value = Node.isPropertyAccessExpression(init) && init.getName() === 'default' ? init.getExpression() : init;
        if (Node.isIdentifier(d.getNameNode()) && requiredBy(value) === module) return { name: d.getName(), edits: [] };
      }
    }
  }
  if (inUse(sf, name)) return null;
  const text = sf.getFullText();
  if (partial && Node.isImportDeclaration(partial)) {
    // `import { x } from 'm'` and `import * as m from 'm'` take a default import in front; `import 'm'` a clause.
    const clause = partial.getImportClause();
    const edit = clause
      ? { file, start: clause.getStart(), end: clause.getStart(), newText: `${name}, ` }
      : { file, start: partial.getModuleSpecifier().getStart(), end: partial.getModuleSpecifier().getStart(), newText: `${name} from ` };
    return { name, edits: [edit] };
  }
  const anchor = statements.filter(s => s.getStart() < user && (isImport(s) || isDirective(s))).pop();
  const quote = stringQuote(sf, anchor);
  const semi = usesSemicolons(sf, anchor && !isDirective(anchor) ? anchor : undefined) ? ';' : '';
  const line = isEsModule(sf, file, text)
    ? `import ${name} from ${quote}${module}${quote}${semi}`
    : `const ${name} = require(${quote}${module}${quote})${semi}`;
  const eol = eolOf(text);
  if (anchor) {
    const extent = extentOf(anchor, text);
    const at = extent.lines?.end ?? extent.end;
    const newText = at === text.length && !text.endsWith('\n') ? `${eol}${line}` : extent.lines ? `${line}${eol}` : `${eol}${line}`;
    // Below a directive ('use strict') the new line starts the imports: a blank line sets it apart.
    return { name, edits: [{ file, start: at, end: at, newText: isDirective(anchor) ? `${eol}${newText}` : newText }] };
  }
  // No imports yet: first, above the first statement and the comments that belong to it.
  const first = extentOf(statements[0], text);
  const at = first.lines?.start ?? first.start;
  return { name, edits: [{ file, start: at, end: at, newText: `${line}${eol}${eol}` }] };
}

/** The module of `require('m')` (also as `import x = require('m')`), else null. */
function requiredBy(node: Node | undefined): string | null {
  if (Node.isExternalModuleReference(node)) {
    const spec = node.getExpression();
    return Node.isStringLiteral(spec) ? spec.getLiteralText() : null;
  }
  if (!Node.isCallExpression(node) || node.getExpression().getText() !== 'require') return null;
  const [spec] = node.getArguments();
  return Node.isStringLiteral(spec) || Node.isNoSubstitutionTemplateLiteral(spec) ? spec.getLiteralText() : null;
}

/** A statement that loads a module: an import, or a variable statement whose values are all `require(...)` (`.x` of one, or a call of one). */
function isImport(s: Statement): boolean {
  if (Node.isImportDeclaration(s) || Node.isImportEqualsDeclaration(s)) return true;
  if (!Node.isVariableStatement(s)) return false;
  return s.getDeclarations().every(d => {
    let value: Node | undefined = d.getInitializer();
    while (Node.isPropertyAccessExpression(value) || (Node.isCallExpression(value) && value.getExpression().getText() !== 'require')) {
      value = value.getExpression();
    }
    return requiredBy(value) !== null;
  });
}

/** `'use strict'` and its kind, at the top of a file. */
function isDirective(s: Node): boolean {
  return Node.isExpressionStatement(s) && Node.isStringLiteral(s.getExpression()) && s.getPreviousSiblings().every(isDirective);
}

/** Whether to write `import`: the file's extension says so, or it imports or exports like a module, or it is TypeScript that does not `require`. */
function isEsModule(sf: SourceFile, file: string, text: string): boolean {
  if (/\.c[jt]s$/i.test(file)) return false;
  if (/\.m[jt]s$/i.test(file)) return true;
  const statements = sf.getStatements();
  if (statements.some(s => Node.isImportDeclaration(s) || Node.isImportEqualsDeclaration(s) || Node.isExportDeclaration(s) || Node.isExportAssignment(s)
    || (Node.isModifierable(s) && s.hasModifier(SyntaxKind.ExportKeyword)))) return true;
  if (statements.some(isImport) || /\b(module\.)?exports(\.[\w$]+)?\s*=[^=]/.test(text)) return false;
  return /\.tsx?$/i.test(file);
}

/** Whether some identifier in the file (other than a property name after a dot) is `name`. */
function inUse(sf: SourceFile, name: string): boolean {
  return sf.getDescendantsOfKind(SyntaxKind.Identifier).some(id => {
    const parent = id.getParent();
    return id.getText() === name && !(Node.isPropertyAccessExpression(parent) && parent.getNameNode() === id);
  });
}

/** The quote the file writes module names with: the anchor's, else the first string's, else `'`. */
function stringQuote(sf: SourceFile, anchor: Statement | undefined): string {
  const literal = (anchor ?? sf).getFirstDescendantByKind(SyntaxKind.StringLiteral);
  return literal?.getText().startsWith('"') ? '"' : "'";
}
