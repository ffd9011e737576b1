// @ts-check
// The lesson sidebar. Renders with textContent only: every string from the user's code is data.
(function () {
  // @ts-ignore acquireVsCodeApi is provided by the webview host
  const vscode = acquireVsCodeApi();

  /** The seven stops, in our words. */
  const STOPS = [
    { n: 1, name: 'Accept', text: 'The kernel finishes the TCP handshake and hands your process a connected socket. listen(), the backlog and the server timeouts live here.' },
    { n: 2, name: 'Parse', text: 'Raw bytes become a request line, headers and a body. Body parsers and their size limits decide what req.body will be.' },
    { n: 3, name: 'Route', text: 'The method and the path pick exactly one handler. Overlapping patterns are resolved by registration order: the first match wins.' },
    { n: 4, name: 'Middleware', text: 'Cross-cutting layers run in the order they were registered: logging, rate limits, authentication. A layer only guards what comes after it.' },
    { n: 5, name: 'Handle', text: 'Your business logic runs, usually waiting on a database or another service. This is where p99 latency tends to come from.' },
    { n: 6, name: 'Serialize', text: 'The result becomes bytes: res.json, res.send, a template render. Large objects cost CPU here.' },
    { n: 7, name: 'Drain', text: 'The bytes are written to a socket that may be slower than your handler. Streams and backpressure keep memory flat.' },
  ];

  const list = /** @type {HTMLOListElement} */ (document.getElementById('stops'));
  const summary = /** @type {HTMLElement} */ (document.getElementById('summary'));
  /** @type {Map<number, HTMLElement>} */
  const counters = new Map();
  /** @type {Map<number, HTMLElement>} */
  const findingLists = new Map();

  for (const stop of STOPS) {
    const li = document.createElement('li');
    li.className = 'stop';
    li.dataset.stop = String(stop.n);
    const h = document.createElement('h3');
    h.textContent = `${stop.n} · ${stop.name}`;
    const p = document.createElement('p');
    p.textContent = stop.text;
    const count = document.createElement('p');
    count.className = 'muted count';
    const ul = document.createElement('ul');
    ul.className = 'findings';
    li.append(h, p, count, ul);
    list.append(li);
    counters.set(stop.n, count);
    findingLists.set(stop.n, ul);
  }

  window.addEventListener('message', event => {
    const msg = event.data;
    if (!msg || msg.type !== 'workspace') return;
    summary.textContent = `${msg.routes} route${msg.routes === 1 ? '' : 's'} in this workspace · ${msg.unprotected} without auth · ${msg.findings.length} finding${msg.findings.length === 1 ? '' : 's'}`;
    for (const [n, el] of counters) {
      const c = msg.stopCounts[n] ?? 0;
      el.textContent = c ? `Your code: ${c} place${c === 1 ? '' : 's'}` : 'Your code: none found';
    }
    for (const [n, ul] of findingLists) {
      ul.replaceChildren();
      for (const f of msg.findings.filter(/** @param {{stop:number}} f */ f => f.stop === n)) {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = '#';
        a.textContent = `${f.file}:${f.line}`;
        a.addEventListener('click', e => { e.preventDefault(); vscode.postMessage({ type: 'open', file: f.file, line: f.line }); });
        const span = document.createElement('span');
        span.textContent = ` ${f.message}`;
        li.append(a, span);
        ul.append(li);
      }
    }
  });

  vscode.postMessage({ type: 'ready' });
})();
