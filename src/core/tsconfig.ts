// What a folder's tsconfig.json (or jsconfig.json) says that changes which code runs: `paths` aliases
// and whether import lines are kept verbatim (ModuleResolver asks for the nearest one above each file). Read with TypeScript's own parser, so `extends` chains,
// comments and trailing commas mean what they mean to tsc; the folder is never listed.
import * as fs from 'fs';
import * as path from 'path';
import { tsp } from './ts-plain';

export interface PathAlias { prefix: string; suffix: string; wildcard: boolean; targets: string[] }

export interface CompilerFacts {
  /** `compilerOptions.paths` (longest prefix first), then `baseUrl` itself for bare specifiers. */
  aliases: PathAlias[];
  /**
   * `verbatimModuleSyntax` (or, before TypeScript 5.5, `importsNotUsedAsValues: "preserve"`): an import
   * line whose names are all types still loads its module (`import { type A } from 'a'` → `import {} from 'a'`).
   */
  keepsImportLines: boolean;
}

/** No config file: no aliases, type-only import lines erased (TypeScript's defaults). */
export const NO_FACTS: CompilerFacts = Object.freeze({ aliases: [], keepsImportLines: false });

/** The facts of the first of tsconfig.json and jsconfig.json in `root` that parses; null when neither does. */
export function readCompilerFacts(root: string): CompilerFacts | null {
  for (const name of ['tsconfig.json', 'jsconfig.json']) {
    const file = path.join(root, name);
    if (!fs.existsSync(file)) continue;
    const read = tsp.readConfigFile(file, f => readText(f));
    if (read.error || typeof read.config !== 'object' || read.config === null) continue;
    const host = {
      useCaseSensitiveFileNames: true,
      fileExists: (f: string) => fs.existsSync(f),
      readFile: readText,
      // The file list is not wanted: the analyser discovers files itself.
      readDirectory: () => [],
    };
    const parsed = tsp.parseJsonConfigFileContent(read.config, host, root, undefined, file);
    const o = parsed.options;
    return {
      aliases: aliasesOf(o.paths, o.baseUrl, (o.pathsBasePath as string | undefined) ?? root),
      keepsImportLines: o.verbatimModuleSyntax === true
        || (o as { importsNotUsedAsValues?: number }).importsNotUsedAsValues === tsp.ImportsNotUsedAsValues.Preserve,
    };
  }
  return null;
}

function aliasesOf(paths: Record<string, string[]> | undefined, baseUrl: string | undefined, pathsBase: string): PathAlias[] {
  const base = baseUrl ?? pathsBase;
  const out: PathAlias[] = [];
  for (const [pattern, targets] of Object.entries(paths ?? {})) {
    if (!Array.isArray(targets)) continue;
    const star = pattern.indexOf('*');
    out.push({
      prefix: star < 0 ? pattern : pattern.slice(0, star),
      suffix: star < 0 ? '' : pattern.slice(star + 1),
      wildcard: star >= 0,
      targets: targets.filter(t => typeof t === 'string').map(t => path.resolve(base, t)),
    });
  }
  // Longest prefix first, as TypeScript does.
  out.sort((a, b) => b.prefix.length - a.prefix.length);
  // TypeScript also resolves bare specifiers against `baseUrl` itself, after `paths` (`routes/users`
  // is `<baseUrl>/routes/users`); a specifier with no such file stays a package.
  if (baseUrl !== undefined) out.push({ prefix: '', suffix: '', wildcard: true, targets: [path.join(baseUrl, '*')] });
  return out;
}

function readText(file: string): string | undefined {
  try { return fs.readFileSync(file, 'utf8'); } catch { return undefined; }
}
