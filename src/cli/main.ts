// `seven-stops scan [dir]`: the same engine as the extension, for terminals and CI.
// Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage/config/I-O error.
import * as fs from 'fs';
import * as path from 'path';
import { ConfigError, loadConfig } from '../core/config';
import { printable } from '../core/display-text';
import type { Framework, Severity } from '../core/model';
import { frameworkList } from '../core/model';
import { adapters, analyseFolder, analyseFolderWarm } from '../engine';
import { allRules } from '../rules';
import { writeJson } from './format-json';
import { toSarif } from './format-sarif';
import { writeText } from './format-text';

declare const SEVEN_STOPS_VERSION: string | undefined;
const VERSION = typeof SEVEN_STOPS_VERSION === 'string' ? SEVEN_STOPS_VERSION : '0.0.0-dev';

/** The frameworks the scan understands: one adapter each. */
const FRAMEWORKS: readonly Framework[] = adapters.map(a => a.framework);

const USAGE = `Usage: seven-stops scan [dir] [options]

Shows every ${frameworkList(FRAMEWORKS)} route with its middleware chain and auth verdict, and the bugs at each stop.

Options:
  --format text|json|sarif   output format (default: text)
  --config <file>            configuration file (default: <dir>/.sevenstops.json or package.json "sevenStops")
  --fail-on error|warning|none
                             exit 1 when a finding at or above this severity exists (default: error)
  --no-color                 plain text output
  --no-closure               parse every source file, also those no framework import reaches (slower; same results)
  --cache-dir <dir>          where to keep what a scan can reuse next time (default: <dir>/node_modules/.cache/seven-stops)
  --no-cache                 neither read nor write the cache (every file parsed again; same results)
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no findings at or above --fail-on, 1 findings at or above it, 2 usage, configuration or I/O error.`;

class UsageError extends Error {}

interface Options {
  dir: string; format: 'text' | 'json' | 'sarif'; config?: string; failOn: Severity | 'none'; color: boolean; closure: boolean;
  /** false: --no-cache; a folder: --cache-dir; undefined: the default under the scanned folder's node_modules. */
  cache?: string | false;
}

function parseArgs(argv: string[]): Options | 'help' | 'version' {
  const args = [...argv];
  if (args[0] === '-h' || args[0] === '--help' || args.length === 0) return 'help';
  if (args[0] === '-v' || args[0] === '--version') return 'version';
  const cmd = args.shift();
  if (cmd !== 'scan') throw new UsageError(`unknown command '${cmd}' (expected 'scan')`);
  const o: Options = { dir: '.', format: 'text', failOn: 'error', color: !!process.stdout.isTTY && !process.env.NO_COLOR, closure: true };
  let dirSet = false;
  while (args.length) {
    const a = args.shift()!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? args.shift();
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '-h' || flag === '--help') return 'help';
    if (flag === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(`--format must be text, json or sarif (got '${v}')`);
      o.format = v;
    } else if (flag === '--config') o.config = value();
    else if (flag === '--fail-on') {
      const v = value();
      if (v !== 'error' && v !== 'warning' && v !== 'none') throw new UsageError(`--fail-on must be error, warning or none (got '${v}')`);
      o.failOn = v;
    } else if (flag === '--no-color') o.color = false;
    else if (flag === '--no-closure') o.closure = false;
    else if (flag === '--no-cache') o.cache = false;
    else if (flag === '--cache-dir') o.cache = value();
    else if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
    else if (!dirSet) { o.dir = flag; dirSet = true; } else throw new UsageError(`unexpected argument '${flag}'`);
  }
  return o;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** One line on stderr. Messages quote arguments and file names, which may hold control characters. */
function complain(message: string): void {
  process.stderr.write(`seven-stops: ${printable(message)}\n`);
}

export function main(argv: string[]): number {
  let opts: ReturnType<typeof parseArgs>;
  try { opts = parseArgs(argv); } catch (e) {
    complain((e as Error).message);
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  if (opts === 'help') { process.stdout.write(USAGE + '\n'); return 0; }
  if (opts === 'version') { process.stdout.write(VERSION + '\n'); return 0; }
  const dir = path.resolve(opts.dir);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    complain(`not a folder: ${opts.dir}`);
    return 2;
  }
  let progress: NodeJS.Timeout | undefined;
  try {
    const config = loadConfig(dir, opts.config);
    // A progress line only for slow scans on a terminal, so CI logs and pipes stay clean.
    if (process.stderr.isTTY) progress = setTimeout(() => process.stderr.write(`seven-stops: scanning ${printable(opts.dir)}…\r`), 1000);
    const options = { config, closure: opts.closure };
    const result = opts.cache === false
      ? analyseFolder(dir, options)
      : analyseFolderWarm(dir, opts.cache === undefined ? path.join(dir, 'node_modules', '.cache', 'seven-stops') : path.resolve(opts.cache), options);
    result.root = opts.dir;
    const write = (text: string) => process.stdout.write(text);
    if (opts.format === 'json') writeJson(result, write);
    else if (opts.format === 'text') writeText(result, opts.color, FRAMEWORKS, write);
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

if (require.main === module) process.exitCode = main(process.argv.slice(2));
