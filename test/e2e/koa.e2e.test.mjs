// A Koa app in the real VS Code UI (packaged .vsix): the CodeLens of its routes count their layers and
// what runs after await next() (the onion), the Routes view lists them by router, and the lesson adds
// what differs in Koa. The fixture holds a prefixed router with a path-less router.use(auth) on
// @koa/router 15 (K12: the case koa-router-case-bypass reports, in the Problems panel).
import assert from 'node:assert/strict';
import path from 'node:path';
import { root, shots, showSevenStops, workbenchForSuite } from './workbench.mjs';

const fixture = path.join(root, 'test/fixtures/koa-basic');

describe('Seven Stops in the VS Code workbench (packaged .vsix, a Koa app)', function () {
  const ui = workbenchForSuite('koa', { folder: fixture, openFile: 'src/server.js' });
  let page;
  before(() => { ({ page } = ui); });

  it('shows route CodeLens with their layers, the auth and what runs after next()', async () => {
    const lenses = page.locator('.codelens-decoration');
    const orders = lenses.filter({ hasText: 'GET /api/orders ·' });
    await orders.first().waitFor({ timeout: 60000 });
    assert.equal((await orders.first().innerText()).trim(), '③ Route · GET /api/orders · 3 layers · 🔒 requireUser · 1 after next()');
    const texts = (await lenses.allInnerTexts()).map(t => t.trim());
    // Registered before the router's use(auth): not protected.
    assert.ok(texts.includes('③ Route · GET /api/orders/status · 2 layers · ⚠ no auth · 1 after next()'), JSON.stringify(texts));
    await page.screenshot({ path: path.join(shots, 'koa-codelens.png') });
  });

  it('lists koa-router-case-bypass in the Problems panel, naming the installed router version', async () => {
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.filter({ hasText: 'case variant' }).first().waitFor({ timeout: 30000 });
    const texts = (await rows.allInnerTexts()).map(t => t.replace(/\s+/g, ' ').trim());
    const row = /requireUser is skipped for a case variant of the prefix \/api\/orders: @koa\/router 15\.0\.0 .*Seven Stops.*\[Ln 11, Col 12\]/;
    assert.ok(texts.some(t => row.test(t)), JSON.stringify(texts));
    await page.screenshot({ path: path.join(shots, 'koa-problems.png') });
  });

  it('lists the routes by router in the Routes view', async () => {
    await showSevenStops(page);
    const tree = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Routes' }) });
    const header = tree.locator('.pane-header');
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const rows = tree.locator('.monaco-list-row');
    await rows.filter({ hasText: '/api/orders/status' }).first().waitFor({ timeout: 30000 });
    const texts = await rows.evaluateAll(els => els.map(e => [e.querySelector('.label-name'), e.querySelector('.label-description')]
      .map(x => x?.textContent?.trim()).filter(Boolean).join(' — ')));
    assert.deepEqual(texts.slice(0, 7), [
      'koa app — src/server.js:8',
      'router health — no prefix',
      'GET /health — no auth',
      'router orders — /api/orders',
      'GET /api/orders/status — no auth',
      'GET /api/orders — requireUser',
      'POST /api/orders — requireUser',
    ]);
  });

  it('adds what differs in Koa to the lesson when the workspace has a Koa app', async () => {
    await showSevenStops(page);
    const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await view.locator('#summary', { hasText: 'routes in this workspace' }).waitFor({ timeout: 30000 });
    const stop7 = view.locator('#stops > li[data-stop="7"] p.koa');
    await stop7.waitFor({ state: 'attached', timeout: 30000 });
    assert.match(await stop7.textContent(), /^In Koa: ctx\.body = stream/);
    assert.equal(await stop7.evaluate(e => e.hidden), false);
    assert.equal(await view.locator('#stops > li[data-stop="4"] p.fastify').evaluate(e => e.hidden), true);
  });
});
