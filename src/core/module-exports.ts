// Reading a module's exports the way Node and the compilers do: ESM bindings (evaluated on first
// read), re-exports (`export * from`, `export { a as b } from`), namespaces, and what an `import`
// of a CommonJS module gives (module.exports, or `exports.default` behind the `__esModule` flag).
import { truthy } from './builtins';
import type { Expr } from './ir';
import type { ModuleRecord } from './module-reuse';
import type { ModuleResolver } from './resolve-module';
import { type Env, type ObjValue, type Site, UNKNOWN, type Value, type Owner } from './values';

/** What reading exports needs of the interpreter. */
export interface ModuleRuntime {
  readonly owner: Owner;
  readonly resolver: ModuleResolver;
  evaluateModule(file: string): ModuleRecord | null;
  eval(e: Expr, env: Env, file: string): Value;
  member(obj: Value, prop: string, site: Site | null): Value;
  touch(value: { owner?: object | null }): void;
}

/**
 * The value of `import { name } from spec` (`*`: the namespace, `default`, '' for a side-effect import).
 * ESM bindings are live: in an import cycle the module may not have made the export yet, and then
 * `rebind` is called with its value once the module has run, as code that reads it later would see.
 */
export function importBinding(rt: ModuleRuntime, fromFile: string, spec: string, name: string, rebind?: (v: Value) => void): Value {
  const r = rt.resolver.resolve(fromFile, spec);
  if (r.kind === 'package') {
    const path = r.subpath ? [r.subpath] : [];
    return { t: 'pkg', name: r.name, path: name === 'default' || name === '*' ? path : [...path, name] };
  }
  if (r.kind === 'missing') return UNKNOWN(`cannot resolve '${spec}'`);
  const rec = rt.evaluateModule(r.file);
  if (!rec) return UNKNOWN(`'${spec}' was skipped`);
  if (name === '') return UNKNOWN(`side-effect import of '${spec}'`);
  if (name === '*') return namespace(rt, rec);
  const v = exportOf(rt, rec, name, new Set());
  if (v.t === 'unknown' && rebind && rec.state === 'evaluating') whenDone(rec, () => rebind(exportOf(rt, rec, name, new Set())));
  return v;
}

/** Runs `read` when the module (in a cycle, still running) has run to its end: see finishModule. */
function whenDone(rec: ModuleRecord, read: () => void): void {
  (rec.cycleReads ??= []).push(read);
}

/** Called as a module's code ends: importers that read its exports while it ran see them now. */
export function finishModule(rec: ModuleRecord): void {
  rec.state = 'done';
  const reads = rec.cycleReads;
  rec.cycleReads = undefined;
  for (const read of reads ?? []) read();
}

function exportOf(rt: ModuleRuntime, rec: ModuleRecord, name: string, seen: Set<string>): Value {
  const key = `${rec.file}#${name}`;
  if (seen.has(key)) return UNKNOWN(`circular re-export of ${name}`);
  seen.add(key);
  const cached = rec.esmExports.get(name);
  if (cached) return cached;
  const expr = rec.ir.exports[name];
  if (expr) {
    const v = rt.eval(expr, rec.env, rec.file);
    // A binding read before the module made it (an import cycle) is made later: read it again then.
    if (v.t !== 'unknown' || rec.state === 'done') rec.esmExports.set(name, v);
    return v;
  }
  for (const re of rec.ir.reexports) {
    const r = rt.resolver.resolve(rec.file, re.spec);
    if (r.kind === 'package') {
      if (re.names === '*' || re.names.some(n => n.as === name)) {
        const from = re.names === '*' ? name : re.names.find(n => n.as === name)!.from;
        return { t: 'pkg', name: r.name, path: from === 'default' ? [] : [from] };
      }
      continue;
    }
    if (r.kind !== 'file') continue;
    const target = rt.evaluateModule(r.file);
    if (!target) continue;
    if (re.names === '*') {
      if (name !== 'default' && exportNames(rt, target, new Set()).has(name)) return exportOf(rt, target, name, seen);
    } else {
      const hit = re.names.find(n => n.as === name);
      if (hit) return hit.from === '*' ? namespace(rt, target) : exportOf(rt, target, hit.from, seen);
    }
  }
  // CommonJS: `import x from './cjs'` is module.exports; a named import is one of its properties.
  const cjs = rec.module.props.get('exports')!;
  // A module compiled from ESM (`__esModule` set) keeps its default export in `exports.default`, and
  // TypeScript and Babel hand that to `import x from` (their interop helper checks the flag).
  if (name === 'default') {
    if (rec.ir.esm) return UNKNOWN(`no default export in ${rec.file}`);
    return truthy(rt.member(cjs, '__esModule', null)) ? rt.member(cjs, 'default', null) : cjs;
  }
  return rt.member(cjs, name, null);
}

function exportNames(rt: ModuleRuntime, rec: ModuleRecord, seen: Set<string>): Set<string> {
  const names = new Set(Object.keys(rec.ir.exports));
  if (seen.has(rec.file)) return names;
  seen.add(rec.file);
  for (const re of rec.ir.reexports) {
    if (re.names !== '*') { for (const n of re.names) names.add(n.as); continue; }
    const r = rt.resolver.resolve(rec.file, re.spec);
    const target = r.kind === 'file' ? rt.evaluateModule(r.file) : null;
    if (target) for (const n of exportNames(rt, target, seen)) if (n !== 'default') names.add(n);
  }
  return names;
}

/** The namespace object of a module (`import * as ns`, or `require()` of an ESM module): live, as in Node. */
function namespace(rt: ModuleRuntime, rec: ModuleRecord): Value {
  const names = exportNames(rt, rec, new Set());
  const props = new Map<string, Value>();
  for (const n of names) props.set(n, exportOf(rt, rec, n, new Set()));
  const ns: ObjValue = { t: 'obj', owner: rt.owner, props, esm: true };
  if (rec.state === 'evaluating') {
    // An import cycle: members the module makes after this point are there when code reads them later.
    whenDone(rec, () => {
      rt.touch(ns);
      for (const n of names) ns.props.set(n, exportOf(rt, rec, n, new Set()));
    });
  }
  return ns;
}

/** What `require()` returns: module.exports for CommonJS, the namespace object for ESM. */
export function moduleValue(rt: ModuleRuntime, rec: ModuleRecord): Value {
  const cjs = rec.module.props.get('exports')!;
  if (!rec.ir.esm) return cjs;
  return namespace(rt, rec);
}
