// The lesson sidebar as a user meets it: the packaged extension in the real VS Code UI. On the sample
// app (dark theme): a quiz, the order exercise by keyboard, a trace typed in the view and one started
// from the command palette. On test/fixtures/xss-express (light theme): strings from the user's code
// that look like HTML render as text and never run.
import assert from 'node:assert/strict';
import path from 'node:path';
import { root, shots, workbenchForSuite } from './workbench.mjs';

const STOPS = ['Accept', 'Parse', 'Route', 'Middleware', 'Handle', 'Serialize', 'Drain'];

/** Opens the Seven Stops sidebar; returns a locator scope inside the lesson webview. */
async function openLesson(page) {
  // The item, not its link: the unprotected-routes badge sits on top of the icon.
  await page.locator('.activitybar .action-item', { has: page.locator('a[aria-label^="Seven Stops"]') }).click();
  const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await view.locator('#summary', { hasText: 'routes in this workspace' }).waitFor({ timeout: 60000 });
  // The Routes view shares the container; collapsed, it leaves the lesson the full height.
  const routes = page.locator('.sidebar .pane-header[aria-expanded="true"]', { hasText: 'Routes' });
  if (await routes.isVisible()) await routes.click();
  return view;
}

/** The webview document's Frame, for evaluating script inside it. */
async function lessonFrame(page) {
  const outer = await (await page.locator('iframe.webview.ready').elementHandle()).contentFrame();
  return (await outer.locator('#active-frame').elementHandle()).contentFrame();
}

/** Scrolls the lesson so that the section with this id starts at the top (for screenshots). */
async function scrollTo(page, id) {
  await (await lessonFrame(page)).evaluate(i => document.getElementById(i)?.scrollIntoView({ block: 'start' }), id);
}

/** Makes the sidebar wider so screenshots show the lesson at a readable width. */
async function widenSidebar(page, width) {
  const box = await page.locator('.part.sidebar').boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 8 });
  await page.mouse.up();
}

describe('The lesson view on the sample app (packaged .vsix, dark theme)', function () {
  const ui = workbenchForSuite('lesson', { folder: path.join(root, 'examples/shop-express'), openFile: 'src/server.js', theme: 'Default Dark Modern' }, async page => {
    const lesson = await openLesson(page);
    await widenSidebar(page, 520);
    return lesson;
  });
  let page;
  let view;
  before(() => { ({ page, view } = ui); });

  it('checks a quiz answer and explains both a right and a wrong choice', async () => {
    const gap = view.locator('fieldset[data-quiz="gap"]');
    await gap.locator('label.option', { hasText: 'Into waiting before the handler' }).click();
    await gap.getByRole('button', { name: 'Check answer' }).click();
    const right = gap.locator('.feedback .explanation');
    await right.first().waitFor();
    assert.match(await right.first().innerText(), /^Correct\. Latency adds up across stops\./);

    const auth = view.locator('fieldset[data-quiz="auth"]');
    await auth.locator('label.option', { hasText: '5 · Handle' }).click();
    await auth.getByRole('button', { name: 'Check answer' }).click();
    const texts = await auth.locator('.feedback .explanation').allInnerTexts();
    assert.match(texts[0], /^Not quite\. The handler could check the user itself/);
    assert.match(texts[1], /^The answer: 4 · Middleware Yes\. The route was most likely registered before the auth layer/);
    await scrollTo(page, 'quiz');
    await page.screenshot({ path: path.join(shots, 'lesson-quiz-dark.png') });
  });

  it('puts the seven stops in order with the keyboard alone (Alt+ArrowUp)', async () => {
    const names = () => view.locator('#order-list .order-name').allInnerTexts();
    for (let target = 0; target < STOPS.length; target++) {
      const from = (await names()).indexOf(STOPS[target]);
      await view.locator('#order-list > li').nth(from).focus();
      for (let i = from; i > target; i--) await page.keyboard.press('Alt+ArrowUp');
    }
    assert.deepEqual(await names(), STOPS);
    assert.match(await view.locator('#order-list > li').nth(3).getAttribute('aria-label'), /^Middleware, position 4 of 7/);
    await view.locator('#order-check').focus();
    await page.keyboard.press('Enter');
    await view.locator('.order-result', { hasText: 'All seven in order' }).waitFor();
    assert.equal(await view.locator('#order-list .order-item.right').count(), 7);
  });

  it('traces GET /api/v1/orders/42 through the sample app, stop by stop, and opens a site on click', async () => {
    await view.locator('#trace-input').fill('GET /api/v1/orders/42');
    await view.locator('#trace-input').press('Enter');
    const summary = view.locator('#trace-result .trace-summary');
    await summary.waitFor({ timeout: 30000 });
    assert.equal(await summary.innerText(), 'GET /api/v1/orders/42 is answered by GET /api/v1/orders/:id (src/routes/orders.js:22).');
    const stop = n => view.locator(`#trace-result li[data-stop="${n}"]`);
    assert.deepEqual(await stop(4).locator('.site-name').allInnerTexts(), ['requestLogger', 'express.json', 'requireUser']);
    assert.deepEqual(await stop(4).locator('button.loc').allInnerTexts(), ['src/server.js:15', 'src/server.js:17', 'src/server.js:27']);
    assert.deepEqual(await stop(2).locator('.site-name').allInnerTexts(), ['express.json']);
    assert.match(await stop(3).locator('.note').innerText(), /with id = 42\.$/);
    assert.deepEqual(await stop(3).locator('.site-name').allInnerTexts(), ['mount routes.orders at /api/v1/orders', 'GET /api/v1/orders/:id']);
    assert.deepEqual(await stop(6).locator('button.loc').allInnerTexts(), ['src/routes/orders.js:25', 'src/routes/orders.js:27']);
    assert.match(await view.locator('#trace-result .verdict').innerText(), /Protected by requireUser/);
    await scrollTo(page, 'trace');
    await page.screenshot({ path: path.join(shots, 'lesson-trace-dark.png') });

    await stop(5).locator('button.loc').click();
    await page.locator('.tabs-container .tab.active', { hasText: 'orders.js' }).waitFor({ timeout: 15000 });
  });

  it('traces from the command palette and says where and why a route runs without auth', async () => {
    await page.keyboard.press('F1');
    const quickInput = page.locator('.quick-input-widget input');
    await quickInput.fill('>Seven Stops: Trace Request');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Seven Stops: Trace Request' }).first().click();
    await page.locator('.quick-input-widget input[placeholder^="Type a request"]').waitFor({ timeout: 15000 });
    await quickInput.fill('GET /api/v1/orders/export');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Trace GET /api/v1/orders/export' }).first().waitFor();
    await quickInput.press('Enter');
    const summary = view.locator('#trace-result .trace-summary', { hasText: '/api/v1/orders/export is answered' });
    await summary.waitFor({ timeout: 30000 });
    const verdict = await view.locator('#trace-result .verdict').innerText();
    assert.match(verdict, /No auth layer runs before this handler/);
    assert.match(verdict, /requireUser src\/server\.js:27 would cover this path, but it is registered after the route \(src\/server\.js:24\)/);
    assert.match(verdict, /runs without authentication but reads req\.user/);
    assert.match(verdict, /Also matches GET \/api\/v1\/orders\/:id src\/routes\/orders\.js:22/);
    assert.equal(await view.locator('#trace-input').inputValue(), 'GET /api/v1/orders/export');
    await view.locator('#trace-result li[data-stop="3"] button.loc').click();
    await page.locator('.tabs-container .tab.active', { hasText: 'server.js' }).waitFor({ timeout: 15000 });
    await scrollTo(page, 'trace');
    await page.screenshot({ path: path.join(shots, 'lesson-trace-unprotected-dark.png'), clip: { x: 0, y: 0, width: 1180, height: 900 } });
  });

  it('keeps the trace input, quiz answers and the order after the view is hidden and shown again', async () => {
    await page.locator('.activitybar .action-item', { has: page.locator('a[aria-label^="Explorer"]') }).click();
    view = await openLesson(page);
    assert.equal(await view.locator('#trace-input').inputValue(), 'GET /api/v1/orders/export');
    await view.locator('#trace-result .trace-summary').waitFor({ timeout: 30000 });
    assert.deepEqual(await view.locator('#order-list .order-name').allInnerTexts(), STOPS);
    assert.match(await view.locator('fieldset[data-quiz="gap"] .feedback').innerText(), /^Correct\./);
  });

  it('also reorders the stops by drag and drop', async () => {
    await view.getByRole('button', { name: 'Start over' }).click();
    await scrollTo(page, 'order'); // source and target both in view: a drag must not scroll
    const names = () => view.locator('#order-list .order-name').allInnerTexts();
    assert.deepEqual(await names(), ['Middleware', 'Parse', 'Drain', 'Accept', 'Serialize', 'Route', 'Handle']);
    await view.locator('#order-list > li[data-name="Accept"]').dragTo(view.locator('#order-list > li').first());
    assert.deepEqual(await names(), ['Accept', 'Middleware', 'Parse', 'Drain', 'Serialize', 'Route', 'Handle']);
  });
});

describe('The lesson view escapes strings from the user\'s code (light theme, xss fixture)', function () {
  const ui = workbenchForSuite('lesson-xss', { folder: path.join(root, 'test/fixtures/xss-express'), openFile: 'src/server.js', theme: 'Default Light Modern' }, async page => {
    const lesson = await openLesson(page);
    await widenSidebar(page, 520);
    return lesson;
  });
  let page;
  let view;
  before(() => { ({ page, view } = ui); });

  it('shows route paths, middleware names and findings that look like HTML as text, and runs none of them', async () => {
    const img = '/x<img src=x onerror=window.__pwned=1>';
    const svg = 'layers.<svg onload=window.__pwned=2>';
    const options = await view.locator('#trace-route option').allInnerTexts();
    assert.ok(options.includes(`GET ${img}`), JSON.stringify(options));

    await view.locator('#trace-input').fill(`GET ${img}`);
    await view.locator('#trace-input').press('Enter');
    const summary = view.locator('#trace-result .trace-summary');
    await summary.waitFor({ timeout: 30000 });
    assert.equal(await summary.innerText(), `GET ${img} is answered by GET ${img} (src/server.js:15).`);
    assert.deepEqual(await view.locator('#trace-result li[data-stop="4"] .site-name').allInnerTexts(), ['express.json', svg]);
    assert.match(await view.locator('#stops > li[data-stop="4"] .findings').innerText(), /GET \/x<img src=x onerror=window\.__pwned=1> runs without authentication/);

    const places = view.locator('#stops > li[data-stop="3"] details.your-code');
    await places.locator('summary').click();
    assert.ok((await places.locator('.place-label').allInnerTexts()).includes(`GET ${img}`));

    const frame = await lessonFrame(page);
    const probe = await frame.evaluate(() => ({
      pwned: /** @type {any} */ (window).__pwned ?? null,
      injected: document.querySelectorAll('#lesson img, #lesson svg, #lesson script').length,
    }));
    assert.deepEqual(probe, { pwned: null, injected: 0 });
    await scrollTo(page, 'trace');
    await page.screenshot({ path: path.join(shots, 'lesson-xss-light.png') });
    await scrollTo(page, 'symptoms');
    await page.screenshot({ path: path.join(shots, 'lesson-symptoms-light.png') });
    await scrollTo(page, 'latency');
    await page.screenshot({ path: path.join(shots, 'lesson-latency-light.png') });
    await scrollTo(page, 'stop-3');
    await page.screenshot({ path: path.join(shots, 'lesson-stops-light.png') });
  });
});
