// The lesson in Russian: the packaged extension in the real VS Code UI with the display language set
// to Russian (`--locale ru`). The stops, a quiz, the summary counts and the findings speak Russian;
// the view's name comes from package.nls.ru.json. Screenshots of the Russian lesson go with the rest.
import assert from 'node:assert/strict';
import path from 'node:path';
import { root, shots, workbenchForSuite } from './workbench.mjs';

const STOPS = ['Приём', 'Разбор', 'Маршрутизация', 'Middleware', 'Обработка', 'Сериализация', 'Отдача'];

/** The webview document's Frame, for evaluating script inside it. */
async function lessonFrame(page) {
  const outer = await (await page.locator('iframe.webview.ready').elementHandle()).contentFrame();
  return (await outer.locator('#active-frame').elementHandle()).contentFrame();
}

/** Scrolls the lesson so that the section with this id starts at the top (for screenshots). */
async function scrollTo(page, id) {
  await (await lessonFrame(page)).evaluate(i => document.getElementById(i)?.scrollIntoView({ block: 'start' }), id);
}

describe('The lesson in Russian (packaged .vsix, --locale ru, dark theme)', function () {
  const ui = workbenchForSuite('ru', { folder: path.join(root, 'examples/shop-express'), openFile: 'src/server.js', theme: 'Default Dark Modern', locale: 'ru' }, async page => {
    await page.locator('.activitybar .action-item', { has: page.locator('a[aria-label^="Seven Stops"]') }).click();
    const lesson = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await lesson.locator('#summary', { hasText: 'в рабочей области' }).waitFor({ timeout: 60000 });
    // The routes view, named from package.nls.ru.json, collapsed so the lesson has the full height.
    const routes = page.locator('.sidebar .pane-header[aria-expanded="true"]', { hasText: 'Маршруты' });
    await routes.waitFor({ timeout: 15000 });
    await routes.click();
    const box = await page.locator('.part.sidebar').boundingBox();
    await page.mouse.move(box.x + box.width + 1, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 560, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    return lesson;
  });
  let page;
  let view;
  before(() => { ({ page, view } = ui); });

  it('names the seven stops in Russian and counts routes and findings with Russian plurals', async () => {
    assert.equal(await (await lessonFrame(page)).evaluate(() => document.documentElement.lang), 'ru');
    assert.deepEqual(await view.locator('#stops > li.stop > h3').allInnerTexts(), STOPS.map((s, i) => `${i + 1} · ${s}`));
    assert.equal(await view.locator('h1').innerText(), 'Семь остановок каждого запроса');
    assert.match(await view.locator('#summary').innerText(), /^12 маршрутов в рабочей области · без авторизации: \d+ · 7 находок$/);
    assert.match(await view.locator('#stops > li[data-stop="4"] .findings').innerText(), /GET \/api\/v1\/orders\/export работает без аутентификации, но читает req\.user/);
    await page.screenshot({ path: path.join(shots, 'lesson-ru-stops-dark.png') });
  });

  it('checks a quiz in Russian and explains the right and the wrong answer', async () => {
    const gap = view.locator('fieldset[data-quiz="gap"]');
    await gap.locator('label.option', { hasText: 'На ожидание до обработчика' }).click();
    await gap.getByRole('button', { name: 'Проверить' }).click();
    assert.match(await gap.locator('.feedback .explanation').first().innerText(), /^Верно\. Задержка складывается из всех остановок\./);

    const auth = view.locator('fieldset[data-quiz="auth"]');
    assert.match(await auth.locator('legend').innerText(), /^Вопрос 3\. GET \/invoices\/:id отвечает без токена/);
    await auth.locator('label.option', { hasText: '5 · Обработка' }).click();
    await auth.getByRole('button', { name: 'Проверить' }).click();
    const texts = await auth.locator('.feedback .explanation').allInnerTexts();
    assert.match(texts[0], /^Не совсем\. Обработчик мог бы и сам проверить пользователя/);
    assert.match(texts[1], /^Правильный ответ: 4 · Middleware Да\. Скорее всего, маршрут зарегистрирован раньше слоя авторизации/);
    await scrollTo(page, 'quiz');
    await page.screenshot({ path: path.join(shots, 'lesson-ru-quiz-dark.png') });
  });

  it('traces a request and names its stops in Russian', async () => {
    await view.locator('#trace-input').fill('GET /api/v1/orders/export');
    await view.locator('#trace-input').press('Enter');
    await view.locator('#trace-result .trace-summary').waitFor({ timeout: 30000 });
    assert.deepEqual(await view.locator('#trace-result li.trace-stop h3').allInnerTexts(), ['①', '②', '③', '④', '⑤', '⑥', '⑦'].map((g, i) => `${g} ${STOPS[i]}`));
    const verdict = await view.locator('#trace-result .verdict').innerText();
    assert.match(verdict, /Перед этим обработчиком не работает ни один слой авторизации/);
    assert.match(verdict, /requireUser src\/server\.js:27 покрыл бы этот путь, но зарегистрирован после маршрута \(src\/server\.js:24\), поэтому раньше обработчика не срабатывает/);
    assert.match(verdict, /GET \/api\/v1\/orders\/export работает без аутентификации, но читает req\.user/);
    await scrollTo(page, 'trace');
    await page.screenshot({ path: path.join(shots, 'lesson-ru-trace-dark.png') });
    await scrollTo(page, 'symptoms');
    await page.screenshot({ path: path.join(shots, 'lesson-ru-symptoms-dark.png') });
  });
});
