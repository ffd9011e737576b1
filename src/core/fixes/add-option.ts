// `add-option`: a property added to the options of a registering call (`preHandler: [auth]` on
// `app.get('/x', { schema }, handler)` or `app.route({...})`), written the way the object around it
// is written: one line stays one line; on a multi-line object the property gets a line of its own
// at the other properties' indentation, with a trailing comma if they end in one.
import { Node, type ObjectLiteralElementLike, type ObjectLiteralExpression, type SourceFile } from 'ts-morph';
import type { Fix, Suggestion, TextEdit } from '../model';
import { eolOf, indentAt, lineStartOf, nodeAt, sourceFileOf, startsLine } from './syntax';

type AddOption = Extract<Fix, { kind: 'add-option' }>;

export function addOption(intent: AddOption, text: string): Suggestion | null {
  const sf = sourceFileOf(intent.call.file, text);
  const call = nodeAt(sf, intent.call, Node.isCallExpression);
  if (!call || !Node.isCallExpression(call)) return null;
  const fix = intent.member ? onReceiver(intent, call.getExpression()) : intent;
  if (!fix) return null;
  const args = call.getArguments();
  const file = fix.call.file;
  if (fix.optionsAt !== undefined) return atArgument(file, text, args, fix.optionsAt, fix, sf);
  const options = args.find(Node.isObjectLiteralExpression);
  let edits: TextEdit[] | null = null;
  if (options) edits = intoObject(file, text, options, fix, elementsOf(sf, fix.value));
  // Only `(path, handler)` gets a new argument: options passed by name may be shared with other
  // calls, and a copy (`{ ...opts, preHandler }`) would replace the hooks they already hold.
  else if (args.length === 2) edits = [newArgument(file, text, args[1], `{ ${propertyText(fix)} }`)];
  return edits && { title: fix.title, edits };
}

/** The options at argument `index`: an object literal there gets the property, a missing last argument is added. */
function atArgument(file: string, text: string, args: Node[], index: number, fix: AddOption, sf: SourceFile): Suggestion | null {
  const options = args[index];
  let edits: TextEdit[] | null = null;
  if (options && Node.isObjectLiteralExpression(options)) edits = intoObject(file, text, options, fix, elementsOf(sf, fix.value));
  else if (!options && args.length === index && index > 0) {
    const end = args[index - 1].getEnd();
    edits = [{ file, start: end, end, newText: `, { ${propertyText(fix)} }` }];
  }
  return edits && { title: fix.title, edits };
}

/** A `member` intent with its value written on the call's receiver: `[instance.authenticate]`; null when the callee is not `receiver.method`. */
function onReceiver(fix: AddOption, callee: Node): AddOption | null {
  if (!Node.isPropertyAccessExpression(callee)) return null;
  return { ...fix, value: `[${callee.getExpression().getText()}.${fix.value}]`, member: undefined };
}

function intoObject(file: string, text: string, object: ObjectLiteralExpression, fix: AddOption, elements: string[]): TextEdit[] | null {
  const properties = object.getProperties();
  // A spread may already hold the property: a new one after it would silently replace it.
  if (properties.some(p => Node.isSpreadAssignment(p))) return null;
  const existing = properties.find(p => keyOf(p) === fix.name);
  if (!existing) return appendToList(file, text, object, properties, [propertyText(fix)], ' ');
  if (Node.isPropertyAssignment(existing)) {
    const value = existing.getInitializerOrThrow();
    if (Node.isArrayLiteralExpression(value)) {
      const missing = elements.filter(e => !value.getElements().some(v => v.getText() === e));
      return missing.length ? appendToList(file, text, value, value.getElements(), missing, '') : null;
    }
    if (elements.includes(value.getText())) return null;
    return [{ file, start: value.getStart(), end: value.getEnd(), newText: `[${[value.getText(), ...elements].join(', ')}]` }];
  }
  if (Node.isShorthandPropertyAssignment(existing) && !elements.includes(fix.name)) {
    return [{ file, start: existing.getStart(), end: existing.getEnd(), newText: `${fix.name}: [${[fix.name, ...elements].join(', ')}]` }];
  }
  // A method or accessor of that name: not a value to extend.
  return null;
}

/**
 * Edits adding `items` after the last of `members`, the elements of the object or array literal
 * `list`. `pad` is what an empty one-line list gets inside its brackets (`{ a }`, `[a]`).
 */
function appendToList(file: string, text: string, list: Node, members: Node[], items: string[], pad: string): TextEdit[] {
  const open = list.getStart();
  const close = list.getEnd() - 1;
  const last = members[members.length - 1];
  if (!startsLine(text, close) || !text.slice(open, close).includes('\n')) {
    if (last) return [{ file, start: last.getEnd(), end: last.getEnd(), newText: `, ${items.join(', ')}` }];
    return [{ file, start: open + 1, end: close, newText: `${pad}${items.join(', ')}${pad}` }];
  }
  const trailingComma = Node.isObjectLiteralExpression(list) ? list.compilerNode.properties.hasTrailingComma
    : Node.isArrayLiteralExpression(list) && list.compilerNode.elements.hasTrailingComma;
  const aligned = [...members].reverse().find(m => startsLine(text, m.getStart()));
  const closeIndent = indentAt(text, close);
  const indent = aligned ? indentAt(text, aligned.getStart()) : closeIndent + (closeIndent.startsWith('\t') ? '\t' : '  ');
  const eol = eolOf(text);
  const lines = items.map((item, i) => `${indent}${item}${i < items.length - 1 || trailingComma ? ',' : ''}${eol}`).join('');
  const edits: TextEdit[] = [{ file, start: lineStartOf(text, close), end: lineStartOf(text, close), newText: lines }];
  if (last && !trailingComma) edits.push({ file, start: last.getEnd(), end: last.getEnd(), newText: ',' });
  return edits;
}

/** The new argument `object`, before the handler: on a line of its own when the handler has one. */
function newArgument(file: string, text: string, handler: Node, object: string): TextEdit {
  const at = handler.getStart();
  return { file, start: at, end: at, newText: startsLine(text, at) ? `${object},${eolOf(text)}${indentAt(text, at)}` : `${object}, ` };
}

function propertyText(fix: AddOption): string {
  return `${/^[A-Za-z_$][\w$]*$/.test(fix.name) ? fix.name : `'${fix.name}'`}: ${fix.value}`;
}

/** The elements the value adds to an existing array (`[auth]` adds `auth`; `auth` adds itself). */
function elementsOf(sf: SourceFile, value: string): string[] {
  // In a folder of its own: the edited file sits at the root under its own name, which could be any.
  const parsed = sf.getProject().createSourceFile('/value/of-the-fix.ts', `(${value});`).getStatements()[0];
  const expr = Node.isExpressionStatement(parsed) ? parsed.getExpression() : undefined;
  const inner = Node.isParenthesizedExpression(expr) ? expr.getExpression() : expr;
  return Node.isArrayLiteralExpression(inner) ? inner.getElements().map(e => e.getText()) : [value.trim()];
}

/** The key a property is written under (`a`, `'a'`, `"a"` are all `a`); null for spreads and computed keys. */
function keyOf(property: ObjectLiteralElementLike): string | null {
  if (Node.isSpreadAssignment(property)) return null;
  const name = property.getNameNode();
  if (Node.isIdentifier(name)) return name.getText();
  if (Node.isStringLiteral(name) || Node.isNoSubstitutionTemplateLiteral(name) || Node.isNumericLiteral(name)) return name.getLiteralText();
  return null;
}
