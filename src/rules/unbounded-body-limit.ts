// Stop 2: a body parser whose byte limit is raised past 10 MB or switched off, or an upload parser
// with no file size limit. Every request to its routes may then make the server read (into memory,
// or to disk for uploads) as much as the client sends. The adapters read each parser's limits as
// written or its package's default (frameworks/shared/body-parsers.ts, Fastify's bodyLimit).
import type { BodyLimit, BodyParser, Fix } from '../core/model';
import type { RuleReport } from '../core/rule';
import { defineRule, placeKey } from './define-rule';

/** 10 MB as the `bytes` package reads `'10mb'`: larger limits are findings. */
const MAX_BYTES = 10 * 2 ** 20;

export const unboundedBodyLimit = defineRule({
  id: 'unbounded-body-limit',
  stop: 2,
  frameworks: ['express', 'fastify', 'koa'],
  description: 'A body parser keeps a byte limit of 10 MB or less, and an upload parser has a file size limit.',
  defaultSeverity: 'warning',
  messages: {
    raised: '{{parser}} reads request bodies up to {{size}} ({{option}}: {{written}}): one request can make the server read that much before the handler runs.',
    unlimited: '{{parser}} has no body limit ({{option}}: {{written}}): one request can make the server read as much as the client sends.',
    noFileLimit: '{{parser}} has no file size limit ({{option}} is not set): one upload can be as large as the client sends.',
    largeDefault: '{{parser}} accepts files up to {{size}} ({{option}} is not set, its default): one upload can be that large.',
  },
  translations: {
    ru: {
      description: 'Парсер тела держит лимит не больше 10 МБ, а у парсера загрузок есть лимит размера файла.',
      messages: {
        raised: '{{parser}} читает тела запросов до {{size}} ({{option}}: {{written}}): один запрос может заставить сервер прочитать столько ещё до обработчика.',
        unlimited: 'У {{parser}} нет лимита на тело ({{option}}: {{written}}): один запрос может заставить сервер прочитать всё, что пришлёт клиент.',
        noFileLimit: 'У {{parser}} нет лимита на размер файла ({{option}} не задан): одна загрузка может быть сколь угодно большой.',
        largeDefault: '{{parser}} принимает файлы до {{size}} ({{option}} не задан, это значение по умолчанию): одна загрузка может быть такого размера.',
      },
    },
  },
  check(ctx) {
    const out: RuleReport[] = [];
    const seen = new Set<string>();
    for (const route of ctx.model.routes) {
      for (const parser of route.bodyParsers ?? []) {
        for (const limit of parser.limits) {
          if (limit.bytes === null || limit.bytes <= MAX_BYTES) continue;
          const key = `${placeKey(parser.range)}|${limit.option}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push(report(parser, limit));
        }
      }
    }
    return out;
  },
});

function report(parser: BodyParser, limit: BodyLimit): RuleReport {
  const data: Record<string, string> = { parser: parser.name, option: limit.option, size: size(limit.bytes!) };
  const where = limit.range ?? parser.range;
  const related = limit.range ? [{ ...parser.range, message: `${parser.name} is made here` }] : [];
  if (limit.written !== null) {
    data.written = limit.written;
    // At the value where the analysis has its place, else the value's text inside the parser's call.
    const title = `Set ${limit.option} to 10 MB`;
    const fix: Fix = limit.range
      ? { kind: 'replace-text', title, at: limit.range, to: suggested(limit) }
      : quoted(limit.written)
        ? { kind: 'replace-text', title, at: parser.range, from: limit.written.slice(1, -1), to: '10mb' }
        : { kind: 'replace-text', title, at: parser.range, from: limit.written, to: suggested(limit) };
    return { ...where, messageId: limit.bytes === Infinity ? 'unlimited' : 'raised', data, related, fixes: [fix] };
  }
  const fixes: Fix[] = limit.option === 'limits.fileSize'
    ? [{ kind: 'add-option', title: 'Limit uploads to 10 MB', call: parser.range, name: 'limits', value: '{ fileSize: 10 * 1024 * 1024 }' }]
    : [];
  return { ...where, messageId: limit.bytes === Infinity ? 'noFileLimit' : 'largeDefault', data, related, fixes };
}

/** Options that take a number of bytes only (the body parsers' `limit` options also take `'10mb'`). */
const NUMERIC = new Set(['bodyLimit', 'limits.fileSize', 'formidable.maxFileSize']);

/** The 10 MB limit written the way the option takes it. */
function suggested(limit: BodyLimit): string {
  return NUMERIC.has(limit.option) ? '10 * 1024 * 1024' : "'10mb'";
}

/** A string limit as written (`'50mb'`): its text is replaced inside the quotes, whichever the code uses. */
function quoted(written: string): boolean {
  return written.startsWith("'");
}

/** Bytes for people: `50 MB`, `1 GB`, `12.5 MB` (powers of 1024, as the limits are read). */
function size(bytes: number): string {
  if (bytes === Infinity) return 'any size';
  const units: [string, number][] = [['TB', 2 ** 40], ['GB', 2 ** 30], ['MB', 2 ** 20]];
  const [unit, n] = units.find(([, n]) => bytes >= n) ?? ['MB', 2 ** 20];
  return `${Number((bytes / n).toFixed(1))} ${unit}`;
}
