// A Fastify app in the real VS Code UI (packaged .vsix): the CodeLens of its routes name their hooks
// by phase, and a hook's lens its reach. The fixture holds a route in a sibling context of protected
// routes under the same prefix (GET /api/orders/export): the case no-route-outside-auth-scope reports,
// in the Problems panel.
import assert from 'node:assert/strict';
import path from 'node:path';
import { root, shots, showSevenStops, workbenchForSuite } from './workbench.mjs';

const fixture = path.join(root, 'test/fixtures/fastify-basic');

describe('Seven Stops in the VS Code workbench (packaged .vsix, a Fastify app)', function () {
  const ui = workbenchForSuite('fastify', { folder: fixture, openFile: 'src/server.js' });
  let page;
  before(() => { ({ page } = ui); });

  it('shows route CodeLens naming hooks by phase, and a hook lens naming its phase and reach', async () => {
    const lenses = page.locator('.codelens-decoration');
    const orders = lenses.filter({ hasText: 'GET /api/orders/:id' });
    await orders.first().waitFor({ timeout: 60000 });
    assert.equal((await orders.first().innerText()).trim(), '③ Route · GET /api/orders/:id · onRequest: authenticate · 🔒');
    const texts = (await lenses.allInnerTexts()).map(t => t.trim());
    assert.ok(texts.includes('④ onRequest · authenticate · 2 routes in this context'), JSON.stringify(texts));
    // The sibling plugin under the same prefix: no hook of the orders plugin reaches it.
    assert.ok(texts.includes('③ Route · GET /api/orders/export · no hooks · ⚠ no auth'), JSON.stringify(texts));
    await page.screenshot({ path: path.join(shots, 'fastify-codelens.png') });
  });

  it('lists no-route-outside-auth-scope in the Problems panel, naming the context boundary and the auth hook', async () => {
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.filter({ hasText: 'runs without authentication' }).first().waitFor({ timeout: 30000 });
    const texts = (await rows.allInnerTexts()).map(t => t.replace(/\s+/g, ' ').trim());
    const row = /GET \/api\/orders\/export runs without authentication: it is registered in plugin exports .*outside plugin orders .*onRequest hook authenticate .*Seven Stops.*\[Ln 15, Col 3\]/;
    assert.ok(texts.some(t => row.test(t)), JSON.stringify(texts));
    await page.screenshot({ path: path.join(shots, 'fastify-problems.png') });
  });

  it('lists the routes by encapsulation context in the Routes view', async () => {
    await showSevenStops(page);
    const tree = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Routes' }) });
    const header = tree.locator('.pane-header');
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const rows = tree.locator('.monaco-list-row');
    await rows.filter({ hasText: '/api/orders/export' }).first().waitFor({ timeout: 30000 });
    const texts = await rows.evaluateAll(els => els.map(e => [e.querySelector('.label-name'), e.querySelector('.label-description')]
      .map(x => x?.textContent?.trim()).filter(Boolean).join(' — ')));
    assert.deepEqual(texts.slice(0, 6), [
      'fastify app — src/server.js:4',
      'plugin orders — /api/orders · encapsulated',
      'GET /api/orders — authenticate',
      'GET /api/orders/:id — authenticate',
      'plugin exports — /api/orders · encapsulated',
      'GET /api/orders/export — no auth',
    ]);
  });

  it('adds what differs in Fastify to the lesson when the workspace has a Fastify app', async () => {
    await showSevenStops(page);
    const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await view.locator('#summary', { hasText: 'routes in this workspace' }).waitFor({ timeout: 30000 });
    const stop4 = view.locator('#stops > li[data-stop="4"] p.fastify');
    await stop4.waitFor({ state: 'attached', timeout: 30000 });
    assert.match(await stop4.textContent(), /^In Fastify: hooks by lifecycle phase/);
    assert.equal(await stop4.evaluate(e => e.hidden), false);
    const symptom = view.locator('li.symptom[data-stop="4"] p.fastify');
    assert.match(await symptom.textContent(), /sibling context, even under the same prefix/);
    assert.equal(await symptom.evaluate(e => e.hidden), false);
  });
});
