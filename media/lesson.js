// @ts-check
// The lesson sidebar: the seven stops with this workspace's code under each, a request tracer, where
// each problem hides (with this workspace's findings), and the exercises. Renders with textContent
// only: every string from the user's code is data, shown printable (ui.printable: bidi and control
// characters as escapes). The trace input keeps the exact request, so it can be traced. State
// survives hiding through getState/setState.
(function () {
  // @ts-ignore acquireVsCodeApi is provided by the webview host
  const vscode = acquireVsCodeApi();
  const L = /** @type {any} */ (window).sevenStopsLesson;
  const ui = /** @type {any} */ (window).sevenStopsUi;
  const { printable, el, rich, para, announce } = ui;
  /** The view's own words, in the lesson's language. */
  const T = L.ui;

  /**
   * @typedef {{ folder: string, file: string, line: number, label: string }} Place
   * @typedef {Place & { stop: number, ruleId: string, severity: string }} Finding
   * @typedef {Place & { method: string, path: string, protected: boolean }} RouteItem
   * @typedef {{ name: string, file: string, line: number, kind: string, why?: string }} Site
   * @typedef {{ type: 'workspace', folders: { uri: string, name: string }[], openFolders: number, frameworks: string[], stopCounts: Record<number, number>, places: Record<number, Place[]>, routes: number, unprotected: number, findings: Finding[], routeList: RouteItem[], errors: { folder: string, message: string }[] }} WorkspaceMsg
   * @typedef {{ type: 'trace', input: string, folder: string | null, trace: any, error: string | null, reveal: boolean }} TraceMsg
   */

  const GLYPHS = ['', '①', '②', '③', '④', '⑤', '⑥', '⑦'];
  const SELF_EXPLAINING = new Set(['accept', 'mount', 'route', 'handler', 'serialize', 'drain', 'other']);
  const STOP_ORDER = L.stops.map(/** @param {{ name: string }} s */ s => s.name);

  /** @type {Record<string, any>} */
  const state = vscode.getState() ?? {};
  const store = {
    /** @param {string} k */ get: k => state[k],
    /** @param {string} k @param {any} v */ set: (k, v) => { state[k] = v; vscode.setState(state); },
  };

  /** @type {WorkspaceMsg | null} */
  let workspace = null;

  const main = /** @type {HTMLElement} */ (document.getElementById('lesson'));
  main.replaceChildren();

  // ---- Header and contents ---------------------------------------------------------------------
  const summary = el('p', 'muted', [T.analysing]);
  summary.id = 'summary';
  const sections = ['trace', 'journey', 'proxy', 'symptoms', 'latency', 'quiz', 'order', 'recall'].map(id => [id, T.sections[id]]);
  const toc = el('nav', 'toc');
  toc.setAttribute('aria-label', T.sectionsLabel);
  for (const [id, label] of sections) {
    const b = el('button', 'link', [label]);
    b.type = 'button';
    b.addEventListener('click', () => goTo(id));
    toc.append(b);
  }
  main.append(el('h1', '', [L.title]), summary, ...L.intro.map(/** @param {string} p */ p => para('p', p)), toc);

  /** @param {string} id */
  function goTo(id) {
    const h = document.querySelector(`#${id} h2`);
    if (h instanceof HTMLElement) { h.tabIndex = -1; h.scrollIntoView({ block: 'start' }); h.focus({ preventScroll: true }); }
  }

  /** @param {string} id @param {string} title */
  function section(id, title) {
    const s = el('section', 'part');
    s.id = id;
    s.append(el('h2', '', [title]));
    main.append(s);
    return s;
  }

  // ---- Trace a request -------------------------------------------------------------------------
  const traceSection = section('trace', T.traceTitle);
  const form = el('form', 'trace-form');
  const input = el('input');
  input.id = 'trace-input';
  input.type = 'text';
  input.spellcheck = false;
  input.placeholder = 'GET /api/v1/orders/42';
  input.setAttribute('aria-label', T.traceInputLabel);
  input.value = typeof state.traceInput === 'string' ? state.traceInput : '';
  const go = el('button', '', [T.traceButton]);
  go.type = 'submit';
  go.id = 'trace-go';
  form.append(input, go);
  const picker = el('select');
  picker.id = 'trace-route';
  picker.setAttribute('aria-label', T.tracePickerLabel);
  const result = el('div', 'trace-result');
  result.id = 'trace-result'; // not a live region: the summary alone is announced
  traceSection.append(para('p', T.traceIntro, 'muted'), form, picker, result);

  /** @type {string | undefined} */
  let traceFolder = state.traceFolder;
  form.addEventListener('submit', /** @param {Event} e */ e => {
    e.preventDefault();
    traceFolder = undefined;
    requestTrace(input.value);
  });
  picker.addEventListener('change', () => {
    const r = workspace?.routeList[Number(picker.value)];
    if (!r) return;
    input.value = `${r.method === 'ALL' ? 'GET' : r.method} ${r.path}`;
    traceFolder = r.folder;
    requestTrace(input.value);
  });

  /** @param {string} text */
  function requestTrace(text) {
    store.set('traceInput', text);
    store.set('traceFolder', traceFolder);
    if (!text.trim()) { result.replaceChildren(); return; }
    result.replaceChildren(el('p', 'muted', [T.tracing]));
    vscode.postMessage(traceFolder ? { type: 'trace', input: text, folder: traceFolder } : { type: 'trace', input: text });
  }

  function renderPicker() {
    const routes = workspace?.routeList ?? [];
    const multi = (workspace?.folders.length ?? 0) > 1;
    picker.replaceChildren(new Option(T.pickRoute(routes.length), ''));
    routes.forEach((r, i) => picker.append(new Option(printable(`${r.method} ${r.path}${multi ? `  (${folderName(r.folder)})` : ''}`), String(i))));
    picker.disabled = !routes.length;
  }

  /** @param {TraceMsg} msg */
  function renderTrace(msg) {
    result.replaceChildren();
    if (msg.error || !msg.trace) { result.append(el('p', 'error', [msg.error ?? T.noTrace])); return; }
    const t = msg.trace;
    const folder = msg.folder ?? '';
    const v = t.verdict;
    result.append(el('p', `trace-summary ${t.outcome}`, [t.summary]));
    const risky = t.outcome !== 'handled' || !v.protected || v.findings.length > 0;
    const verdict = el('div', `verdict ${risky ? 'risky' : 'safe'}`);
    if (t.outcome !== 'not-found') {
      verdict.append(v.protected
        ? el('p', 'headline ok', [T.protectedBy(v.authBy.join(', '))])
        : el('p', 'headline warn', [T.noAuth]));
    }
    for (const a of v.lateAuth) verdict.append(el('p', 'warn', [`${a.name} `, link(folder, a), T.lateAuth(`${t.route.file}:${t.route.line}`)]));
    if (v.endedBy) verdict.append(el('p', 'warn', [`${T.endsAt}${v.endedBy.name} `, link(folder, v.endedBy), `: it ${v.endedBy.why}.`]));
    for (const s of v.shadowedBy) if (!v.endedBy || s.line !== v.endedBy.line || s.file !== v.endedBy.file) verdict.append(el('p', 'warn', [`${T.shadowedBy}${s.name} `, link(folder, s), `: ${s.why}.`]));
    for (const f of v.findings) verdict.append(el('p', 'finding', [`${GLYPHS[f.stop]} ${f.message} `, link(folder, f)]));
    for (const m of t.alsoMatches) verdict.append(el('p', 'muted', [`${T.alsoMatches}${m.name} `, link(folder, m), ` — ${m.why}.`]));
    for (const n of t.notes) verdict.append(el('p', 'muted', [n]));
    if (verdict.childElementCount) result.append(verdict);
    const stops = el('ol', 'trace-stops');
    for (const s of t.stops) {
      const li = el('li', `trace-stop${s.sites.length ? '' : ' empty'}`);
      li.dataset.stop = String(s.stop);
      const list = el(s.stop === 4 ? 'ol' : 'ul', 'sites');
      for (const site of s.sites) {
        // Layer kinds (auth, parse, logging…) say something; the stop's own kinds would repeat its name.
        const badge = SELF_EXPLAINING.has(site.kind) ? [] : [el('span', `badge kind-${site.kind}`, [site.kind]), ' '];
        list.append(el('li', '', [el('span', 'site-name', [site.name]), ' ', ...badge, link(folder, site)]));
      }
      li.append(el('h3', '', [`${GLYPHS[s.stop]} ${L.stops[s.stop - 1]?.name ?? s.name}`]), el('p', 'note', [s.note]));
      if (s.sites.length) li.append(list);
      stops.append(li);
    }
    result.append(stops);
  }

  /** What only a workspace with a Fastify or Koa app is shown ("In Fastify: …", "In Koa: …"). @type {{ e: HTMLElement, framework: string }[]} */
  const frameworkOnly = [];

  /** Hidden until the workspace has an app of `framework`. @param {HTMLElement} e @param {string} framework */
  function frameworkPart(e, framework) {
    e.hidden = true;
    frameworkOnly.push({ e, framework });
    return e;
  }

  // ---- The seven stops, with this workspace's code ---------------------------------------------
  const journey = section('journey', T.journeyTitle);
  const stopList = el('ol', 'stops');
  stopList.id = 'stops';
  journey.append(stopList);
  /** @type {Map<number, { count: HTMLElement, places: HTMLElement, details: HTMLDetailsElement, findings: HTMLElement }>} */
  const stopParts = new Map();
  for (const s of L.stops) {
    const li = el('li', 'stop');
    li.dataset.stop = String(s.n);
    li.id = `stop-${s.n}`;
    const count = el('span', 'count', [T.yourCodePending]);
    const details = el('details', 'your-code');
    details.append(el('summary', '', [count]));
    const places = el('ul', 'places');
    details.append(places);
    details.open = !!state[`open-${s.n}`];
    details.addEventListener('toggle', () => store.set(`open-${s.n}`, details.open));
    const findings = el('ul', 'findings');
    li.append(
      el('h3', '', [`${s.n} · ${s.name}`]),
      el('p', 'gist', [s.gist]),
      ...s.body.map(/** @param {string} p */ p => para('p', p)),
      el('p', 'express', [el('strong', '', [T.inExpress]), ...rich(s.express)]),
      frameworkPart(el('p', 'fastify', [el('strong', '', [T.inFastify]), ...rich(s.fastify)]), 'fastify'),
      frameworkPart(el('p', 'koa', [el('strong', '', [T.inKoa]), ...rich(s.koa)]), 'koa'),
      el('p', 'fails', [el('strong', '', [T.whenItFails]), ...rich(s.fails)]),
      details,
      findings,
    );
    stopList.append(li);
    stopParts.set(s.n, { count, places, details, findings });
  }

  // ---- The proxy, symptoms, latency ------------------------------------------------------------
  section('proxy', L.proxy.title).append(...L.proxy.body.map(/** @param {string} p */ p => para('p', p)));

  const symptoms = section('symptoms', T.symptomsTitle);
  symptoms.append(para('p', T.symptomsIntro, 'muted'));
  const symptomList = el('ul', 'symptoms');
  /** @type {Map<number, HTMLElement>} */
  const symptomLive = new Map();
  for (const row of L.symptoms) {
    const stop = L.stops[row.stop - 1];
    const live = el('div', 'live');
    const li = el('li', 'symptom', [
      el('p', 'symptom-text', [row.symptom]),
      el('p', 'symptom-stop', ['→ ', el('strong', '', [`${row.stop} · ${stop.name}`]), ` — ${row.why}`]),
      ...(row.fastify ? [frameworkPart(el('p', 'symptom-stop fastify', [el('strong', '', [T.inFastify]), ...rich(row.fastify)]), 'fastify')] : []),
      ...(row.koa ? [frameworkPart(el('p', 'symptom-stop koa', [el('strong', '', [T.inKoa]), ...rich(row.koa)]), 'koa')] : []),
      live,
    ]);
    li.dataset.stop = String(row.stop);
    symptomList.append(li);
    symptomLive.set(row.stop, live);
  }
  symptoms.append(symptomList);

  const latency = section('latency', L.latency.title);
  latency.append(...L.latency.body.map(/** @param {string} p */ p => para('p', p)), el('p', 'muted', [L.latency.caption]));
  const total = L.latency.parts.reduce(/** @param {number} n @param {{ ms: number }} p */ (n, p) => n + p.ms, 0);
  const bars = el('ul', 'waterfall');
  let offset = 0;
  for (const p of L.latency.parts) {
    const bar = el('span', `bar stop-${p.stop}`);
    // CSSOM, not a style attribute: allowed by the CSP (no 'unsafe-inline').
    bar.style.marginLeft = `${(offset / total) * 100}%`;
    bar.style.width = `${Math.max((p.ms / total) * 100, 0.8)}%`;
    offset += p.ms;
    bars.append(el('li', '', [el('span', 'bar-label', [`${p.label} · ${p.ms < 1 ? '<1' : p.ms} ms`]), el('span', 'track', [bar])]));
  }
  latency.append(bars, el('p', 'muted', [T.latencyTotal(total, L.latency.parts.find(/** @param {{ stop: number }} p */ p => p.stop === 5).ms)]));

  // ---- Exercises -------------------------------------------------------------------------------
  const quizzes = section('quiz', T.quizTitle);
  L.quizzes.forEach(/** @param {any} q @param {number} i */ (q, i) => quizzes.append(ui.quiz(q, i, store)));
  section('order', L.order.title).append(ui.order(L.order, STOP_ORDER, store));
  section('recall', T.recallTitle).append(para('p', T.recallIntro, 'muted'), ui.recall(L.recall));

  // ---- Workspace data --------------------------------------------------------------------------
  /** @param {string} uri */
  function folderName(uri) {
    return workspace?.folders.find(f => f.uri === uri)?.name ?? '';
  }

  /** A file:line button that opens the place in an editor. @param {string} folder @param {{ file: string, line: number }} at */
  function link(folder, at) {
    const multi = (workspace?.folders.length ?? 0) > 1;
    const b = el('button', 'link loc', [`${multi ? `${folderName(folder)}/` : ''}${at.file}:${at.line}`]);
    b.type = 'button';
    b.title = printable(T.openAt(at.file, at.line));
    b.addEventListener('click', () => vscode.postMessage({ type: 'open', folder, file: at.file, line: at.line }));
    return b;
  }

  /** @param {Finding} f */
  function findingItem(f) {
    return el('li', `finding ${f.severity}`, [link(f.folder, f), ` ${f.label}`]);
  }

  /** @param {WorkspaceMsg} msg */
  function renderWorkspace(msg) {
    workspace = msg;
    summary.textContent = !msg.openFolders ? T.noFolder
      : !msg.folders.length ? T.analysing
      : T.summary(msg.routes, msg.unprotected, msg.findings.length);
    for (const { e, framework } of frameworkOnly) e.hidden = !msg.frameworks.includes(framework);
    for (const e of msg.errors) summary.append(el('span', 'error', [T.analysisFailed(folderName(e.folder), e.message)]));
    for (const [n, parts] of stopParts) {
      const count = msg.stopCounts[n] ?? 0;
      parts.count.textContent = T.yourCode(count);
      parts.places.replaceChildren(...(msg.places[n] ?? []).map(p => el('li', '', [el('span', 'place-label', [p.label]), ' ', link(p.folder, p)])));
      if (count > (msg.places[n]?.length ?? 0)) parts.places.append(el('li', 'muted', [T.andMore(count - msg.places[n].length)]));
      parts.findings.replaceChildren(...msg.findings.filter(f => f.stop === n).map(findingItem));
    }
    for (const [n, live] of symptomLive) {
      const found = msg.findings.filter(f => f.stop === n);
      live.replaceChildren();
      if (found.length) {
        live.append(el('p', 'live-title', [T.inWorkspace(found.length)]), el('ul', 'findings', found.map(findingItem)));
      } else {
        const count = msg.stopCounts[n] ?? 0;
        const look = el('button', 'link', [T.seePlaces(count)]);
        look.type = 'button';
        look.disabled = !count;
        look.addEventListener('click', () => { const p = stopParts.get(n); if (p) { p.details.open = true; p.details.scrollIntoView({ block: 'center' }); /** @type {HTMLElement} */ (p.details.querySelector('summary')).focus(); } });
        live.append(el('p', 'live-title muted', [T.nothingFlagged, look]));
      }
    }
    renderPicker();
  }

  window.addEventListener('message', event => {
    const msg = event.data;
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === 'workspace') {
      const first = !workspace;
      renderWorkspace(msg);
      // Keep the trace live: re-run it on every new analysis (and once after a reload).
      if (input.value.trim() && (first || result.childElementCount)) requestTrace(input.value);
    } else if (msg.type === 'trace') {
      input.value = msg.input;
      store.set('traceInput', msg.input);
      renderTrace(msg);
      if (msg.trace) announce(msg.trace.summary);
      if (msg.reveal) traceSection.scrollIntoView({ block: 'start' });
    }
  });

  vscode.postMessage({ type: 'ready' });
})();
