// `seven-stops scan [dir]`: the same engine as the extension, for terminals and CI; `seven-stops mcp
// [dir]`: the same answers for coding agents, as an MCP server on stdio (mcp-server.ts).
// Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage/config/I-O error.
import * as fs from 'fs';
import * as path from 'path';
import { ConfigError, loadConfig } from '../core/config';
import { printable } from '../core/display-text';
import type { Locale } from '../core/locale';
import type { AnalysisPhase, Framework, Severity } from '../core/model';
import { frameworkList } from '../core/model';
import { localizedMessage } from '../core/rule-locale';
import { adapters, analyseFolder, analyseFolderWarm } from '../engine';
import { allRules } from '../rules';
import { CLI_TEXT, type CliText, envLocale, langArgument } from './cli-text';
import { writeJson } from './format-json';
import { toSarif } from './format-sarif';
import { writeText } from './format-text';
import { favourSizeFromNowOn, growHeapSlowly } from './heap-growth';
import { serveMcp } from './mcp-server';

declare const SEVEN_STOPS_VERSION: string | undefined;
const VERSION = typeof SEVEN_STOPS_VERSION === 'string' ? SEVEN_STOPS_VERSION : '0.0.0-dev';

/** The frameworks the scan understands: one adapter each. */
const FRAMEWORKS: readonly Framework[] = adapters.map(a => a.framework);

class UsageError extends Error {}

const SCAN_ONLY = new Set(['--format', '--fail-on', '--no-color', '--no-closure', '--cache-dir', '--no-cache']);

interface Options {
  command: 'scan' | 'mcp'; dir: string; format: 'text' | 'json' | 'sarif'; config?: string; failOn: Severity | 'none'; color: boolean; lang: Locale; closure: boolean;
  /** false: --no-cache; a folder: --cache-dir; undefined: the default under the scanned folder's node_modules. */
  cache?: string | false;
}

function parseArgs(argv: string[], t: CliText, lang: Locale): Options | 'help' | 'version' {
  const args = [...argv];
  if (args[0] === '-h' || args[0] === '--help' || args.length === 0) return 'help';
  if (args[0] === '-v' || args[0] === '--version') return 'version';
  const cmd = args.shift();
  if (cmd !== 'scan' && cmd !== 'mcp') throw new UsageError(t.unknownCommand(String(cmd)));
  const o: Options = { command: cmd, dir: '.', format: 'text', failOn: 'error', color: !!process.stdout.isTTY && !process.env.NO_COLOR, lang, closure: true };
  let dirSet = false;
  while (args.length) {
    const a = args.shift()!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? args.shift();
      if (v === undefined) throw new UsageError(t.needsValue(flag));
      return v;
    };
    if (flag === '-h' || flag === '--help') return 'help';
    // The server answers in MCP's JSON and exits only when its client goes: the report's options mean nothing to it.
    if (cmd === 'mcp' && SCAN_ONLY.has(flag)) throw new UsageError(t.scanOnly(flag));
    if (flag === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(t.badFormat(v));
      o.format = v;
    } else if (flag === '--config') o.config = value();
    else if (flag === '--fail-on') {
      const v = value();
      if (v !== 'error' && v !== 'warning' && v !== 'none') throw new UsageError(t.badFailOn(v));
      o.failOn = v;
    } else if (flag === '--lang') value(); // read first, by langArgument
    else if (flag === '--no-color') o.color = false;
    else if (flag === '--no-closure') o.closure = false;
    else if (flag === '--no-cache') o.cache = false;
    else if (flag === '--cache-dir') o.cache = value();
    else if (flag.startsWith('-')) throw new UsageError(t.unknownOption(flag));
    else if (!dirSet) { o.dir = flag; dirSet = true; } else throw new UsageError(t.unexpectedArgument(flag));
  }
  return o;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** One line on stderr. Messages quote arguments and file names, which may hold control characters. */
function complain(message: string): void {
  process.stderr.write(`seven-stops: ${printable(message)}\n`);
}

/**
 * The exit code, or 'serving' when the MCP server runs on until its client closes stdin.
 * `ownProcess`: the CLI runs as its own process, whose heap it may tune (see heap-growth.ts); a test
 * or a host calling main() keeps its heap as it is.
 */
export function main(argv: string[], env: NodeJS.ProcessEnv = process.env, ownProcess = false): number | 'serving' {
  // --lang first, so that even a usage error speaks it; then LC_ALL, LC_MESSAGES, LANG.
  const asked = langArgument(argv);
  const lang = asked === 'en' || asked === 'ru' ? asked : envLocale(env);
  const t = CLI_TEXT[lang];
  const usage = t.usage(frameworkList(FRAMEWORKS));
  let opts: ReturnType<typeof parseArgs>;
  try {
    if (asked !== undefined && asked !== 'en' && asked !== 'ru') throw new UsageError(t.badLang(asked));
    opts = parseArgs(argv, t, lang);
  } catch (e) {
    complain((e as Error).message);
    process.stderr.write(usage + '\n');
    return 2;
  }
  if (opts === 'help') { process.stdout.write(usage + '\n'); return 0; }
  if (opts === 'version') { process.stdout.write(VERSION + '\n'); return 0; }
  const dir = path.resolve(opts.dir);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    complain(t.notAFolder(opts.dir));
    return 2;
  }
  if (opts.command === 'mcp') {
    serveMcp(dir, opts.config, VERSION).catch(e => { complain(`MCP server stopped: ${(e as Error).message}`); process.exitCode = 2; });
    return 'serving';
  }
  let progress: NodeJS.Timeout | undefined;
  try {
    const config = loadConfig(dir, opts.config);
    // A progress line only for slow scans on a terminal, so CI logs and pipes stay clean.
    if (process.stderr.isTTY) progress = setTimeout(() => process.stderr.write(`seven-stops: ${t.scanning(printable(opts.dir))}\r`), 1000);
    const options = { config, closure: opts.closure, ...(ownProcess ? { onPhaseEnd: (p: AnalysisPhase) => { if (p === 'load') favourSizeFromNowOn(); } } : {}) };
    const result = opts.cache === false
      ? analyseFolder(dir, options)
      : analyseFolderWarm(dir, opts.cache === undefined ? path.join(dir, 'node_modules', '.cache', 'seven-stops') : path.resolve(opts.cache), options);
    result.root = opts.dir;
    // Rule messages in the chosen language (messageId and data stay as they are). SARIF keeps the
    // English text: code scanning tells findings apart by it, so it must not change with the reader.
    const localized = opts.lang === 'en' ? result : { ...result, findings: result.findings.map(f => ({ ...f, message: localizedMessage(f, allRules, opts.lang) })) };
    const write = (text: string) => process.stdout.write(text);
    if (opts.format === 'json') writeJson(localized, write);
    else if (opts.format === 'text') writeText(localized, opts.color, FRAMEWORKS, write, t);
    else write(JSON.stringify(toSarif(result, allRules, VERSION), null, 2) + '\n');
    if (opts.failOn === 'none') return 0;
    const threshold = RANK[opts.failOn];
    return result.findings.some(f => RANK[f.severity] >= threshold) ? 1 : 0;
  } catch (e) {
    complain(e instanceof ConfigError ? e.message : `${(e as Error).message}`);
    return 2;
  } finally {
    if (progress) clearTimeout(progress);
  }
}

/**
 * Runs the CLI as its own process: the command (bin.ts) calls it once the bundle is loaded. Only
 * then does it set the heap's growth: main() called in a test or a host leaves their heap alone.
 */
export function runAsProcess(): void {
  growHeapSlowly();
  const code = main(process.argv.slice(2), process.env, true);
  if (code !== 'serving') process.exitCode = code;
}

// Run directly (`tsx src/cli/main.ts`, or the bundle without bin.ts).
if (require.main === module) runAsProcess();
