// The lesson's words in both languages: the Russian content (media/lesson-content.ru.js) has the same
// shape as the English one, so no part of the view is left without words in either language.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the content is plain script data
type Lesson = any;

function load(file: string): Lesson {
  // In this realm (not a new context), so its arrays compare with deepStrictEqual.
  const window = {} as { sevenStopsLesson?: Lesson };
  vm.runInThisContext(`(function (window) {\n${fs.readFileSync(path.resolve(__dirname, '../../../media', file), 'utf8')}\n})`)(window);
  return window.sevenStopsLesson;
}

/** Every key path of a value (arrays by index), with the type at each leaf: the shape two contents share. */
function shape(v: unknown, at = ''): string[] {
  if (Array.isArray(v)) return [`${at}[${v.length}]`, ...v.flatMap((x, i) => shape(x, `${at}[${i}]`))];
  if (v && typeof v === 'object') return Object.keys(v).sort().flatMap(k => shape((v as Record<string, unknown>)[k], `${at}.${k}`));
  return [`${at}:${typeof v}`];
}

describe('lesson content in English and Russian', () => {
  const en = load('lesson-content.js');
  const ru = load('lesson-content.ru.js');

  it('has the same parts, the same number of paragraphs and options, and the same ui words', () => {
    assert.deepStrictEqual(shape(ru), shape(en));
  });

  it('keeps the numbers, quiz ids and right answers', () => {
    assert.deepStrictEqual(ru.stops.map((s: Lesson) => s.n), [1, 2, 3, 4, 5, 6, 7]);
    assert.deepStrictEqual(ru.quizzes.map((q: Lesson) => [q.id, q.options.map((o: Lesson) => o.correct)]), en.quizzes.map((q: Lesson) => [q.id, q.options.map((o: Lesson) => o.correct)]));
    assert.deepStrictEqual(ru.symptoms.map((s: Lesson) => s.stop), en.symptoms.map((s: Lesson) => s.stop));
    assert.deepStrictEqual(ru.latency.parts.map((p: Lesson) => [p.ms, p.stop]), en.latency.parts.map((p: Lesson) => [p.ms, p.stop]));
  });

  it('names the stops in Russian, and the order exercise starts with the same stops', () => {
    assert.deepStrictEqual(ru.stops.map((s: Lesson) => s.name), ['Приём', 'Разбор', 'Маршрутизация', 'Middleware', 'Обработка', 'Сериализация', 'Отдача']);
    assert.deepStrictEqual([...ru.order.start].sort(), ru.stops.map((s: Lesson) => s.name).sort());
    assert.deepStrictEqual(en.order.start.map((n: string) => en.stops.findIndex((s: Lesson) => s.name === n)), ru.order.start.map((n: string) => ru.stops.findIndex((s: Lesson) => s.name === n)));
  });

  it('writes Russian counts with the right plural form', () => {
    assert.strictEqual(ru.ui.summary(1, 0, 2), '1 маршрут в рабочей области · без авторизации: 0 · 2 находки');
    assert.strictEqual(ru.ui.summary(11, 3, 5), '11 маршрутов в рабочей области · без авторизации: 3 · 5 находок');
    assert.strictEqual(ru.ui.summary(22, 1, 21), '22 маршрута в рабочей области · без авторизации: 1 · 21 находка');
    assert.strictEqual(ru.ui.yourCode(14), 'Ваш код: 14 мест');
    assert.strictEqual(en.ui.summary(1, 0, 2), '1 route in this workspace · 0 without auth · 2 findings');
  });

  it('keeps backticks paired, so code spans never swallow the text after them', () => {
    const odd = (lesson: Lesson) => JSON.stringify(lesson, (_k, v) => (typeof v === 'function' ? undefined : v)).match(/"(?:[^"\\]|\\.)*"/g)!.filter(s => (s.match(/`/g) ?? []).length % 2);
    assert.deepStrictEqual(odd(ru), []);
    assert.deepStrictEqual(odd(en), []);
  });
});
