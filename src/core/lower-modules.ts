// Lowering of the statements that link modules: `import`, `export`, `export default`, `export =` and
// `import x = require()`. They fill the module's imports, exports, re-exports and dependencies
// (ModuleIR); only `export default` and the CommonJS forms also leave a statement to run.
import type { ts } from 'ts-morph';
import type { Expr, ModuleIR, Span, Stmt } from './ir';
import { tsp } from './ts-plain';

/** The binding `export default <expression>` writes (not a valid identifier, so no code can shadow it). */
const DEFAULT_EXPORT = '*default*';

/** What these functions need of the file's lowering (lower.ts's Lowerer). */
export interface ModuleLowering {
  readonly ir: ModuleIR;
  /** TypeScript sources: their compilers erase import lines that bind no value. */
  readonly typeScript: boolean;
  /** Set by `export =`: the file is CommonJS even when it also has `import` lines. */
  exportEquals: boolean;
  span(node: ts.Node): Span;
  expr(node: ts.Expression): Expr;
}

export function importDeclaration(low: ModuleLowering, st: ts.ImportDeclaration): void {
  if (!tsp.isStringLiteralLike(st.moduleSpecifier)) return;
  const ir = low.ir;
  ir.esm = true;
  const spec = st.moduleSpecifier.text;
  const clause = st.importClause;
  // `import type ...` is erased by every compiler: it loads nothing (and may close no cycle).
  if (clause?.isTypeOnly) return;
  const nb = clause?.namedBindings;
  const values = nb && tsp.isNamedImports(nb) ? nb.elements.filter(el => !el.isTypeOnly) : [];
  const binds = !!clause && (!!clause.name || (!!nb && tsp.isNamespaceImport(nb)) || values.length > 0);
  const written = nb && tsp.isNamedImports(nb) ? nb.elements.length : 0;
  if (clause && !binds && (written > 0 || low.typeScript)) {
    // Every name a type (`import { type A } from 'x'`), or none in TypeScript (`import {} from 'x'`):
    // erased unless tsconfig keeps import lines verbatim, which the interpreter knows (see ModuleResolver).
    ir.imports[`side effect: ${spec}`] = { spec, name: '', erased: true };
    return;
  }
  ir.deps.push(spec);
  if (!binds) {
    // `import './routes'` binds nothing but runs the module (it may register routes on a shared app).
    ir.imports[`side effect: ${spec}`] = { spec, name: '' };
    return;
  }
  if (clause!.name) ir.imports[clause!.name.text] = { spec, name: 'default' };
  if (nb && tsp.isNamespaceImport(nb)) ir.imports[nb.name.text] = { spec, name: '*' };
  for (const el of values) ir.imports[el.name.text] = { spec, name: (el.propertyName ?? el.name).text };
}

export function exportDeclaration(low: ModuleLowering, st: ts.ExportDeclaration): void {
  const ir = low.ir;
  ir.esm = true;
  // `export type { A }`, `export type * from 'x'`: types only, nothing exported or loaded at run time.
  if (st.isTypeOnly) return;
  const spec = st.moduleSpecifier && tsp.isStringLiteralLike(st.moduleSpecifier) ? st.moduleSpecifier.text : null;
  const clause = st.exportClause;
  if (!clause) {
    if (spec) { ir.deps.push(spec); ir.reexports.push({ spec, names: '*' }); }
    return;
  }
  if (tsp.isNamespaceExport(clause)) {
    if (spec) { ir.deps.push(spec); ir.reexports.push({ spec, names: [{ from: '*', as: clause.name.text }] }); }
    return;
  }
  const names = clause.elements.filter(el => !el.isTypeOnly).map(el => ({ from: (el.propertyName ?? el.name).text, as: el.name.text }));
  if (!spec) { for (const n of names) ir.exports[n.as] = { k: 'ref', name: n.from, span: low.span(st) }; return; }
  // `export { type A } from 'x'` with every name a type is erased like the import form.
  if (names.length === 0 && clause.elements.length > 0) { ir.imports[`side effect: ${spec}`] = { spec, name: '', erased: true }; return; }
  ir.deps.push(spec);
  ir.reexports.push({ spec, names });
}

/** `export default e`, or TypeScript's `export = e`. */
export function exportAssignment(low: ModuleLowering, st: ts.ExportAssignment, out: Stmt[]): void {
  if (st.isExportEquals) {
    // TypeScript's `export = x` compiles to `module.exports = x`: importers get x itself, not { default: x }.
    low.exportEquals = true;
    const span = low.span(st);
    out.push({ k: 'assign', obj: { k: 'ref', name: 'module', span }, prop: 'exports', e: low.expr(st.expression), span });
    return;
  }
  low.ir.esm = true;
  exportDefault(low, out, low.expr(st.expression), st);
}

/** `import x = require('y')` (TypeScript CommonJS interop); `import type x = require('y')` is erased. */
export function importEquals(low: ModuleLowering, st: ts.ImportEqualsDeclaration, out: Stmt[]): void {
  const ref = st.moduleReference;
  if (st.isTypeOnly) return;
  if (tsp.isExternalModuleReference(ref) && tsp.isStringLiteralLike(ref.expression)) {
    low.ir.deps.push(ref.expression.text);
    out.push({ k: 'bind', target: { k: 'name', name: st.name.text }, e: { k: 'require', spec: ref.expression.text } });
  }
}

/**
 * `export default <expression>` runs where it is written, like any statement: its value is bound to a
 * name no code can write, which the export reads. (Evaluated on first import instead, what it creates
 * would belong to the importer, and a module replayed after an edit would not hold it; see module-reuse.ts.)
 */
export function exportDefault(low: ModuleLowering, out: Stmt[], e: Expr, node: ts.Node): void {
  out.push({ k: 'bind', target: { k: 'name', name: DEFAULT_EXPORT }, e });
  low.ir.exports.default = { k: 'ref', name: DEFAULT_EXPORT, span: low.span(node) };
}
