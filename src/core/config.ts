// The user's configuration, shared by the CLI and the extension: `.sevenstops.json` at the root, or the
// `sevenStops` key of the root package.json. One function validates it and fills every default.
import * as fs from 'fs';
import * as path from 'path';
import type { Severity } from './model';

export type RuleSetting = Severity | 'off';

export interface SevenStopsConfig {
  /** Extra names of middleware that authenticate (identifiers or dotted paths, e.g. `auth.required`). */
  auth: string[];
  /** Per-rule severity overrides, keyed by rule id. */
  rules: Record<string, RuleSetting>;
  /**
   * Glob patterns (relative to the root) of files never read: ALWAYS_EXCLUDE plus either the
   * configured list or, when none is configured, DEFAULT_EXCLUDE.
   */
  exclude: string[];
  /** Files larger than this are skipped and listed in `skipped`. */
  maxFileBytes: number;
  /** Stop after this many source files (the rest are listed as skipped). */
  maxFiles: number;
}

/** Never read, whatever the configuration says. */
export const ALWAYS_EXCLUDE = ['**/node_modules/**', '**/.git/**'];

/** Read unless the configuration gives its own `exclude` (some apps run from build/ or dist/). */
export const DEFAULT_EXCLUDE = [...ALWAYS_EXCLUDE, '**/dist/**', '**/build/**', '**/coverage/**', '**/out/**', '**/*.d.ts', '**/*.min.js'];

export const DEFAULT_CONFIG: SevenStopsConfig = {
  auth: [],
  rules: {},
  exclude: DEFAULT_EXCLUDE,
  maxFileBytes: 1024 * 1024,
  maxFiles: 20000,
};

export class ConfigError extends Error {}

const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);

/** Validates a raw configuration object and fills defaults; throws ConfigError with a one-line reason. */
export function normaliseConfig(raw: unknown, source: string): SevenStopsConfig {
  if (raw === undefined || raw === null) return { ...DEFAULT_CONFIG };
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${source}: expected an object`);
  const r = raw as Record<string, unknown>;
  const strings = (key: string, fallback: string[]): string[] => {
    const v = r[key];
    if (v === undefined) return fallback;
    if (!Array.isArray(v) || v.some(x => typeof x !== 'string')) throw new ConfigError(`${source}: "${key}" must be an array of strings`);
    return v as string[];
  };
  const positive = (key: string, fallback: number): number => {
    const v = r[key];
    if (v === undefined) return fallback;
    if (typeof v !== 'number' || !(v > 0)) throw new ConfigError(`${source}: "${key}" must be a positive number`);
    return v;
  };
  const rules: Record<string, RuleSetting> = {};
  if (r.rules !== undefined) {
    if (typeof r.rules !== 'object' || r.rules === null || Array.isArray(r.rules)) throw new ConfigError(`${source}: "rules" must be an object`);
    for (const [id, sev] of Object.entries(r.rules)) {
      if (typeof sev !== 'string' || !SEVERITIES.has(sev)) throw new ConfigError(`${source}: rule "${id}" must be one of error, warning, info, off`);
      rules[id] = sev as RuleSetting;
    }
  }
  return {
    auth: strings('auth', DEFAULT_CONFIG.auth),
    rules,
    // An explicit list replaces the defaults, so `"exclude": []` scans build/ and dist/ too.
    exclude: r.exclude === undefined ? DEFAULT_EXCLUDE : [...ALWAYS_EXCLUDE, ...strings('exclude', [])],
    maxFileBytes: positive('maxFileBytes', DEFAULT_CONFIG.maxFileBytes),
    maxFiles: positive('maxFiles', DEFAULT_CONFIG.maxFiles),
  };
}

/**
 * Loads the configuration for a root folder: an explicit file, else `.sevenstops.json`, else the
 * `sevenStops` key of package.json, else defaults. Throws ConfigError on unreadable or invalid input.
 */
export function loadConfig(root: string, explicitFile?: string): SevenStopsConfig {
  const readJson = (file: string): unknown => {
    let text: string;
    try { text = fs.readFileSync(file, 'utf8'); } catch (e) { throw new ConfigError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? e}`); }
    try { return JSON.parse(text); } catch (e) { throw new ConfigError(`${file} is not valid JSON: ${(e as Error).message}`); }
  };
  if (explicitFile) {
    const raw = readJson(explicitFile);
    // A package.json given explicitly holds the config under its `sevenStops` key.
    const inner = path.basename(explicitFile) === 'package.json' ? (raw as Record<string, unknown>)?.sevenStops : raw;
    return normaliseConfig(inner, explicitFile);
  }
  const dotFile = path.join(root, '.sevenstops.json');
  if (fs.existsSync(dotFile)) return normaliseConfig(readJson(dotFile), dotFile);
  const pkg = path.join(root, 'package.json');
  if (fs.existsSync(pkg)) {
    try {
      const raw = JSON.parse(fs.readFileSync(pkg, 'utf8')) as Record<string, unknown>;
      return normaliseConfig(raw?.sevenStops, `${pkg} (sevenStops)`);
    } catch (e) {
      if (e instanceof ConfigError) throw e;
      return { ...DEFAULT_CONFIG }; // a broken package.json is the user's code, not our config: scan anyway
    }
  }
  return { ...DEFAULT_CONFIG };
}
