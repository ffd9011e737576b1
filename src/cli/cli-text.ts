// The CLI's own words in English and Russian: help, errors and the text report. Which language: --lang,
// else the POSIX locale variables (LC_ALL, then LC_MESSAGES, then LANG), else English.
import type { Locale } from '../core/locale';
import { localeOf, pluralRu as ru } from '../core/locale';

/** The CLI's words in one language; counts are functions for each language's plurals. */
export interface CliText {
  usage(frameworks: string): string;
  unknownCommand(cmd: string): string;
  scanOnly(flag: string): string;
  needsValue(flag: string): string;
  badFormat(value: string): string;
  badFailOn(value: string): string;
  badLang(value: string): string;
  unknownOption(flag: string): string;
  unexpectedArgument(arg: string): string;
  notAFolder(dir: string): string;
  scanning(dir: string): string;
  noApp(frameworks: string): string;
  noAuth: string;
  nextMatchingRoute: string;
  handler: string;
  afterNext: string;
  guards: string;
  afterHandler: string;
  /** The heading of an app: `express 5.1.0 app`. */
  app(name: string): string;
  unmounted: string;
  findings(n: number): string;
  noFindings: string;
  skipped(n: number): string;
  andMore(n: number): string;
  totals(routes: number, files: number, ms: number): string;
  letsThrough: string;
  protectedExcept: string;
  severity: Record<'error' | 'warning' | 'info', string>;
}

/** A list of frameworks (core's frameworkList, joined with 'or') with the Russian conjunction. */
const orRu = (list: string) => list.replace(/ or (?=[^ ]+$)/, ' или ');


const en: CliText = {
  usage: frameworks => `Usage: seven-stops scan [dir] [options]
       seven-stops mcp [dir] [--config <file>]

Shows every ${frameworks} route with its middleware chain and auth verdict, and the bugs at each stop.
\`mcp\` serves the same answers to coding agents: a Model Context Protocol server on stdin/stdout with the tools
list_routes, explain_route, trace_request, list_findings and stops_of_file (see the README).

Options:
  --format text|json|sarif   output format (default: text)
  --config <file>            configuration file (default: <dir>/.sevenstops.json or package.json "sevenStops")
  --fail-on error|warning|none
                             exit 1 when a finding at or above this severity exists (default: error)
  --lang en|ru               language of messages (default: from LC_ALL, LC_MESSAGES or LANG)
  --no-color                 plain text output
  --no-closure               parse every source file, also those no framework import reaches (slower; same results)
  --cache-dir <dir>          where to keep what a scan can reuse next time (default: <dir>/node_modules/.cache/seven-stops)
  --no-cache                 neither read nor write the cache (every file parsed again; same results)
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no findings at or above --fail-on, 1 findings at or above it, 2 usage, configuration or I/O error.`,
  unknownCommand: cmd => `unknown command '${cmd}' (expected 'scan' or 'mcp')`,
  scanOnly: flag => `${flag} is an option of scan, not of mcp`,
  needsValue: flag => `${flag} needs a value`,
  badFormat: v => `--format must be text, json or sarif (got '${v}')`,
  badFailOn: v => `--fail-on must be error, warning or none (got '${v}')`,
  badLang: v => `--lang must be en or ru (got '${v}')`,
  unknownOption: flag => `unknown option ${flag}`,
  unexpectedArgument: arg => `unexpected argument '${arg}'`,
  notAFolder: dir => `not a folder: ${dir}`,
  scanning: dir => `scanning ${dir}…`,
  noApp: frameworks => `No ${frameworks} app found.`,
  noAuth: '⚠ no auth',
  nextMatchingRoute: ' → next matching route',
  handler: ' → handler',
  afterNext: '(after next())',
  guards: 'guards',
  afterHandler: 'after the handler:',
  app: name => `${name} app`,
  unmounted: 'Routes on routers not mounted on any app found',
  findings: n => `${n} finding${n === 1 ? '' : 's'}`,
  noFindings: 'No findings.',
  skipped: n => `Skipped ${n} file(s):`,
  andMore: n => `… and ${n} more (see --format json)`,
  totals: (routes, files, ms) => `${routes} routes, ${files} files, ${ms} ms`,
  letsThrough: 'lets it through:',
  protectedExcept: 'protected except',
  severity: { error: 'error', warning: 'warning', info: 'info' },
};

const russian: CliText = {
  usage: frameworks => `Использование: seven-stops scan [папка] [опции]
               seven-stops mcp [папка] [--config <файл>]

Показывает каждый маршрут ${orRu(frameworks)} с его цепочкой middleware и вердиктом об авторизации, а также баги на каждой остановке.
\`mcp\` отдаёт те же ответы агентам для написания кода: сервер Model Context Protocol на stdin/stdout с инструментами
list_routes, explain_route, trace_request, list_findings и stops_of_file (см. README).

Опции:
  --format text|json|sarif   формат вывода (по умолчанию text)
  --config <файл>            файл конфигурации (по умолчанию <папка>/.sevenstops.json или "sevenStops" в package.json)
  --fail-on error|warning|none
                             код выхода 1, если есть находка такого или более высокого уровня (по умолчанию error)
  --lang en|ru               язык сообщений (по умолчанию из LC_ALL, LC_MESSAGES или LANG)
  --no-color                 вывод без цвета
  --no-closure               разбирать все исходные файлы, и те, до которых не доходит ни один импорт фреймворка (медленнее; результат тот же)
  --cache-dir <папка>        где хранить то, что следующее сканирование сможет взять готовым (по умолчанию <папка>/node_modules/.cache/seven-stops)
  --no-cache                 не читать и не писать кэш (каждый файл разбирается заново; результат тот же)
  -h, --help                 показать эту справку
  -v, --version              показать версию

Коды выхода: 0 — нет находок уровня --fail-on и выше, 1 — такие находки есть, 2 — ошибка в аргументах, конфигурации или ввода-вывода.`,
  unknownCommand: cmd => `неизвестная команда '${cmd}' (ожидается 'scan' или 'mcp')`,
  scanOnly: flag => `${flag} — опция scan, а не mcp`,
  needsValue: flag => `для ${flag} нужно значение`,
  badFormat: v => `--format может быть text, json или sarif (получено '${v}')`,
  badFailOn: v => `--fail-on может быть error, warning или none (получено '${v}')`,
  badLang: v => `--lang может быть en или ru (получено '${v}')`,
  unknownOption: flag => `неизвестная опция ${flag}`,
  unexpectedArgument: arg => `лишний аргумент '${arg}'`,
  notAFolder: dir => `это не папка: ${dir}`,
  scanning: dir => `анализируем ${dir}…`,
  noApp: frameworks => `Приложение ${orRu(frameworks)} не найдено.`,
  noAuth: '⚠ без авторизации',
  nextMatchingRoute: ' → следующий подходящий маршрут',
  handler: ' → обработчик',
  afterNext: '(после next())',
  guards: 'охраняет',
  afterHandler: 'после обработчика:',
  app: name => `приложение ${name}`,
  unmounted: 'Маршруты роутеров, не смонтированных ни в одно найденное приложение',
  findings: n => `Находок: ${n}`,
  noFindings: 'Находок нет.',
  skipped: n => `Пропущены файлы (${n}):`,
  andMore: n => `… и ещё ${n} (см. --format json)`,
  totals: (routes, files, ms) => `${ru(routes, 'маршрут', 'маршрута', 'маршрутов')}, ${ru(files, 'файл', 'файла', 'файлов')}, ${ms} мс`,
  letsThrough: 'пропускает его:',
  protectedExcept: 'защищён, кроме',
  severity: { error: 'ошибка', warning: 'предупреждение', info: 'инфо' },
};

export const CLI_TEXT: Record<Locale, CliText> = { en, ru: russian };

/** The locale the environment asks for: LC_ALL wins over LC_MESSAGES, which wins over LANG (POSIX). */
export function envLocale(env: NodeJS.ProcessEnv): Locale {
  return localeOf(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

/** `--lang x` / `--lang=x` anywhere in argv (read before the rest, so usage errors speak it too), or undefined. */
export function langArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang') return argv[i + 1];
    if (argv[i].startsWith('--lang=')) return argv[i].slice('--lang='.length);
  }
  return undefined;
}
