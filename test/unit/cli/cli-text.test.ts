import * as assert from 'assert';
import { CLI_TEXT, envLocale, langArgument } from '../../../src/cli/cli-text';

describe('cli-text', () => {
  it('reads LC_ALL before LC_MESSAGES before LANG, skipping empty ones', () => {
    assert.strictEqual(envLocale({ LANG: 'ru_RU.UTF-8' }), 'ru');
    assert.strictEqual(envLocale({ LC_ALL: 'en_US.UTF-8', LANG: 'ru_RU.UTF-8' }), 'en');
    assert.strictEqual(envLocale({ LC_ALL: '', LC_MESSAGES: 'ru_RU', LANG: 'en_US' }), 'ru');
    assert.strictEqual(envLocale({}), 'en');
  });

  it('finds --lang in both spellings, wherever it stands', () => {
    assert.strictEqual(langArgument(['scan', '.', '--lang', 'ru']), 'ru');
    assert.strictEqual(langArgument(['--lang=en', 'scan']), 'en');
    assert.strictEqual(langArgument(['scan', '--lang']), undefined);
    assert.strictEqual(langArgument(['scan']), undefined);
  });

  it('writes Russian counts with the right plural form and the Russian "or"', () => {
    assert.strictEqual(CLI_TEXT.ru.totals(1, 2, 5), '1 маршрут, 2 файла, 5 мс');
    assert.strictEqual(CLI_TEXT.ru.totals(11, 21, 5), '11 маршрутов, 21 файл, 5 мс');
    assert.strictEqual(CLI_TEXT.ru.noApp('Express, Fastify or Koa'), 'Приложение Express, Fastify или Koa не найдено.');
    assert.strictEqual(CLI_TEXT.en.totals(1, 2, 5), '1 routes, 2 files, 5 ms');
  });
});
