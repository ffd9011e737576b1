// @ts-check
// The lesson's words in English, as data (media/lesson-content.ru.js holds the same in Russian; the
// view loads the one of VS Code's display language). media/lesson.js renders them with textContent; `code` spans are
// written as `backticks` and rendered as <code> elements, never as HTML.
(function () {
  /** `1 route`, `2 routes`. @param {number} n @param {string} word */
  const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  /**
   * @typedef {{ n: number, name: string, gist: string, body: string[], express: string, fastify: string, koa: string, fails: string }} LessonStop
   * @typedef {{ text: string, correct: boolean, why: string }} QuizOption
   * @typedef {{ id: string, question: string, options: QuizOption[] }} Quiz
   * @typedef {{ symptom: string, stop: number, why: string, fastify?: string, koa?: string }} Symptom
   * @typedef {{ label: string, ms: number, stop: number }} LatencyPart
   */
  const lesson = {
    title: 'Every request makes seven stops',
    intro: [
      'Someone taps “Pay”. Before the spinner has finished its first turn, a lot has happened: a load balancer picked one of your servers, the kernel queued the connection, Node split the bytes into headers and a body, Express found the route, every middleware registered ahead of it had its say, your handler ran, the result became JSON, and the bytes travelled back across the network.',
      'None of this is special to Express. Fastify, Koa, Spring, Go’s `net/http` and Rails walk every request past the same stations under other names, so what you learn here carries over. The goal of the next ten minutes is a reflex: given a symptom, know which stop to look at first.',
    ],
    /** The lesson view's own words (headings, buttons, counts); counts are functions for each language's plurals. */
    ui: {
      analysing: 'Analysing this workspace…',
      noFolder: 'Open a folder with a Node.js server to see your own code at each stop.',
      /** @param {number} routes @param {number} unprotected @param {number} findings */
      summary: (routes, unprotected, findings) => `${plural(routes, 'route')} in this workspace · ${unprotected} without auth · ${plural(findings, 'finding')}`,
      /** @param {string} folder @param {string} message */
      analysisFailed: (folder, message) => ` · ${folder}: analysis failed (${message})`,
      sections: { trace: 'Trace a request', journey: 'The seven stops', proxy: 'The proxy', symptoms: 'Where problems hide', latency: 'Latency', quiz: 'Quiz', order: 'Order', recall: 'Recall' },
      sectionsLabel: 'Lesson sections',
      traceTitle: 'Trace a request',
      traceInputLabel: 'Request to trace: a method and a path',
      traceButton: 'Trace',
      tracePickerLabel: 'Or pick a route to trace',
      traceIntro: 'Type a request the way a client sends it, or pick one of your routes. The trace follows it through your code, stop by stop.',
      tracing: 'Tracing…',
      /** @param {number} n */
      pickRoute: n => (n ? `…or pick one of ${plural(n, 'route')}` : '…no routes found yet'),
      noTrace: 'No trace.',
      /** @param {string} by */
      protectedBy: by => `✓ Protected by ${by}.`,
      noAuth: '⚠ No auth layer runs before this handler.',
      /** @param {string} where */
      lateAuth: where => ` would cover this path, but it is registered after the route (${where}), so it never runs first.`,
      endsAt: 'Ends at ',
      shadowedBy: 'Shadowed by ',
      alsoMatches: 'Also matches ',
      journeyTitle: 'The seven stops',
      yourCodePending: 'Your code: …',
      /** @param {number} n */
      yourCode: n => (n ? `Your code: ${plural(n, 'place')}` : 'Your code: none found'),
      /** @param {number} n */
      andMore: n => `…and ${n} more`,
      inExpress: 'In Express: ',
      inFastify: 'In Fastify: ',
      inKoa: 'In Koa: ',
      whenItFails: 'When it fails: ',
      symptomsTitle: 'Where each problem hides',
      symptomsIntro: 'Read the symptom, name the stop. Under each row: what Seven Stops found at that stop in this workspace.',
      /** @param {number} n */
      inWorkspace: n => `In this workspace: ${plural(n, 'finding')}`,
      nothingFlagged: 'In this workspace: nothing flagged — ',
      /** @param {number} n */
      seePlaces: n => (n ? `see your ${plural(n, 'place')} at this stop` : 'nothing of yours found at this stop'),
      /** @param {number} total @param {number} handler */
      latencyTotal: (total, handler) => `Total ${total} ms, of which the handler is ${handler} ms.`,
      quizTitle: 'Check yourself',
      recallTitle: 'Recall',
      recallIntro: 'Answer out loud or on paper first, then open the answer.',
      /** @param {string} file @param {number} line */
      openAt: (file, line) => `Open ${file} at line ${line}`,
      /** @param {number} n */
      question: n => `Question ${n}. `,
      checkAnswer: 'Check answer',
      pickFirst: 'Pick an answer first.',
      correct: 'Correct. ',
      notQuite: 'Not quite. ',
      theAnswer: 'The answer: ',
      orderLabel: 'The seven stops, in the order you chose',
      checkOrder: 'Check order',
      startOver: 'Start over',
      /** @param {string} name @param {number} pos @param {number} of */
      moved: (name, pos, of) => `${name} moved to position ${pos} of ${of}.`,
      /** @param {string} name @param {number} pos @param {number} of @param {boolean | null} ok */
      orderItem: (name, pos, of, ok) => `${name}, position ${pos} of ${of}${ok === null ? '' : ok ? ', correct' : ', not here'}`,
      /** @param {string} name */
      moveUp: name => `Move ${name} up`,
      /** @param {string} name */
      moveDown: name => `Move ${name} down`,
      /** @param {string[]} names */
      allInOrder: names => `All seven in order. ${names.join(', ')}.`,
      /** @param {number} right @param {number} of */
      partlyInOrder: (right, of) => `${right} of ${of} in the right place. Hint: a request is accepted before it is read, and read before it is routed.`,
      shuffled: 'The stops are shuffled again.',
    },
    /** @type {LessonStop[]} */
    stops: [
      {
        n: 1, name: 'Accept', gist: 'a connection becomes a socket your process can read',
        body: [
          'A client opens a TCP connection. The kernel completes the handshake by itself and parks the finished connection in the listening socket’s queue (the backlog) until your process picks it up. Node picks connections up on its event loop, so a loop that is busy with synchronous work leaves them waiting there.',
          'Connections are reused with keep-alive. Two timers decide how long an idle connection stays open and how long a client may take to send its headers.',
        ],
        express: '`app.listen(port)` (which creates an `http.Server`), its backlog argument, `server.keepAliveTimeout`, `server.headersTimeout`, `server.requestTimeout`',
        fastify: '`fastify.listen({ port })`, the `connectionTimeout`, `keepAliveTimeout`, `requestTimeout` and `http2SessionTimeout` options of `fastify()`',
        koa: '`app.listen(port)` or `http.createServer(app.callback())`, and the same server timeouts',
        fails: 'During a burst the queue fills and new connections are refused or time out — before one line of your code has run.',
      },
      {
        n: 2, name: 'Parse', gist: 'bytes become a method, a URL, headers and a body',
        body: [
          'Node’s HTTP parser turns the incoming bytes into a request line and headers, and refuses headers larger than a fixed limit (16 KB by default). The body is a different matter: Node hands it to you as a stream, and nobody reads it until a body parser does.',
          '`express.json()`, `express.urlencoded()`, multer and their relatives read that stream, enforce a size limit and fill `req.body`. Without one of them in front of a route, `req.body` is simply `undefined`.',
        ],
        express: '`express.json({ limit })`, `express.urlencoded()`, body-parser, multer, cookie-parser',
        fastify: 'Fastify parses JSON and text bodies itself, after the `onRequest` and `preParsing` hooks (so `request.body` is `undefined` in `onRequest`): `bodyLimit`, `addContentTypeParser()`, @fastify/formbody, @fastify/multipart',
        koa: 'Koa reads no body itself: `koa-bodyparser`, `@koa/bodyparser`, `koa-body` or `@koa/multer` must run before the route, or `ctx.request.body` is `undefined`',
        fails: 'Oversized cookies push the headers past the limit: the client gets 431 or 400 and your app never sees the request.',
      },
      {
        n: 3, name: 'Route', gist: 'the method and the path select one handler',
        body: [
          'The router compares the method and the path with your registrations in the order you made them. Express does not look for the most specific pattern: it walks its list, and the first match that answers the request wins.',
          'Mounting with `app.use(\'/api\', router)` strips the prefix as the request enters the router, and `:params` land in `req.params`. HEAD requests are answered by GET routes.',
        ],
        express: '`app.get()`, `app.post()`, `app.route()`, `express.Router()`, `app.use(prefix, router)`',
        fastify: '`fastify.get()`, `fastify.route({ method, url })`, `register(plugin, { prefix })`, @fastify/autoload. The most specific pattern wins, whatever the order: `/users/me` beats `/users/:id`',
        koa: '`router.get()`, `new Router({ prefix })`, `router.prefix()`, `app.use(router.routes())`, nested `parent.use(\'/p\', child.routes())`, `koa-mount`. The first matching route in order answers; one that calls `next()` hands the request on',
        fails: 'Register `/users/:id` before `/users/me` and every request for `/users/me` goes to the wrong handler, silently.',
      },
      {
        n: 4, name: 'Middleware', gist: 'cross-cutting layers run in registration order',
        body: [
          'Before your handler, the request passes every layer registered ahead of it whose path covers it: logging, CORS, security headers, rate limits, authentication, validation. Each layer either calls `next()` to pass the request on, or answers and stops it there.',
          'Order is the only rule. A layer guards what was registered after it and never what came before. Error handlers (four parameters) only see errors from layers above them.',
        ],
        express: '`app.use(fn)`, `router.use(fn)`, route-level `app.get(path, auth, handler)`, `(err, req, res, next)` error handlers',
        fastify: 'hooks by lifecycle phase, `onRequest` → `preParsing` → `preValidation` → `preHandler`: `addHook(phase, fn)` and route options such as `onRequest: [fastify.authenticate]`. Not order but encapsulation decides: a hook reaches the routes of its plugin and the plugins below it, never a sibling — unless the plugin is wrapped in `fastify-plugin`',
        koa: '`app.use(fn)`, `router.use(fn)`, route-level `router.get(path, auth, handler)`. Order decides, as in Express, but `router.use()` runs only when that router has a route for the path and method; and code after `await next()` runs on the way back out, once the handler has run — an auth check there protects nothing',
        fails: 'A route written above `app.use(requireUser)` is public while its neighbours are not — and nothing fails.',
      },
      {
        n: 5, name: 'Handle', gist: 'your business logic, mostly waiting',
        body: [
          'The handler does the real work: validate, read and write the database, call other services, decide. Most of its time is spent waiting — for a pooled connection, a network round trip, a lock — not computing.',
          'Waiting is cheap for the CPU but keeps the request open. Computing synchronously is the opposite: it blocks every other request on the same event loop.',
        ],
        express: 'the last function of a route: `(req, res) => { … }`',
        fastify: 'the route\'s `handler`: `async (request, reply) => { … }`',
        koa: 'the last function of a route: `async (ctx) => { … }`',
        fails: 'The median looks healthy while the slowest one percent is awful: one dependency is sometimes slow, or a pool runs dry under load.',
      },
      {
        n: 6, name: 'Serialize', gist: 'the result becomes bytes',
        body: [
          'Whatever the handler produced has to become bytes. `res.json()` calls `JSON.stringify`, which is synchronous and grows with the size of the object; templates build strings; compression costs more CPU on top.',
          'For a small object this is microseconds. For a twenty-megabyte array it blocks the event loop, and every other request waits with it.',
        ],
        express: '`res.json()`, `res.send()`, `res.render()`, `JSON.stringify`, `compression()`',
        fastify: '`return obj` from an async handler, `reply.send(obj)`, response schemas (compiled serializers), `preSerialization` hooks',
        koa: '`ctx.body = obj` (Koa turns it into JSON once every middleware has returned), `ctx.response.body`, `JSON.stringify` into the body',
        fails: 'CPU spikes and everyone’s latency climbs whenever a few clients download large reports.',
      },
      {
        n: 7, name: 'Drain', gist: 'bytes leave at the client’s pace',
        body: [
          'The bytes go into the socket’s send buffer and travel as fast as the client reads them — which may be far slower than your handler produced them. When `res.write()` returns `false`, the right move is to wait for `\'drain\'`; `pipe()` and `stream.pipeline()` do that for you.',
          'After the last byte the connection goes back to keep-alive or closes. Code listening for `res.on(\'finish\')`, such as access logs and metrics, runs at this stop.',
        ],
        express: 'streams, `.pipe(res)`, `stream.pipeline()`, `res.sendFile()`, `res.write()` / `res.end()`',
        fastify: '`reply.send(stream)`, `reply.raw.write()`, `reply.hijack()`, `onSend` and `onResponse` hooks',
        koa: '`ctx.body = stream`, `ctx.res.write()`, `ctx.respond = false`, and the code of each middleware after `await next()`, innermost first',
        fails: 'Memory grows with the number of slow clients, because whole responses wait in RAM for them.',
      },
    ],
    proxy: {
      title: 'Before stop 1: the reverse proxy',
      body: [
        'In production something nearly always stands in front of Node: nginx, HAProxy, Envoy or a cloud load balancer. It ends TLS, chooses one of your instances, and often reads the whole request before forwarding it — and the whole response before releasing it.',
        'That means it runs its own seven stops before your stop 1 and after your stop 7, with its own queues, size limits and timeouts. A 502 or 504 can come from the proxy alone, for a request your app never logged.',
        'Two timers have to agree. The proxy’s idle timeout for connections to your app must be shorter than your `server.keepAliveTimeout`; otherwise Node may close a connection at the very moment the proxy reuses it, and a user gets a 502.',
      ],
    },
    /** @type {Symptom[]} */
    symptoms: [
      { symptom: 'New connections are refused or time out during traffic spikes', stop: 1, why: 'The queue of finished handshakes filled up faster than the process took connections from it.' },
      { symptom: 'Requests with large cookies fail with 431 or 400', stop: 2, why: 'The headers are larger than the parser accepts, so the request is rejected before routing.' },
      { symptom: 'A request runs a different handler than you expected', stop: 3, why: 'Two patterns overlap and the one registered first wins.', fastify: 'Fastify picks the most specific pattern, not the first: look for a static route beside a parametric one, or a trailing slash that makes it another path.', koa: 'Koa takes the first matching route in order, as Express does; an earlier `/users/:id` answers `/users/me` unless it calls `next()`. Paths match case-insensitively.' },
      { symptom: 'One endpoint answers without a login; its neighbours do not', stop: 4, why: 'It was registered before the auth layer, which only guards what follows it.', fastify: 'It lives in a plugin of its own: the auth hook added in its neighbours’ plugin never reaches a sibling context, even under the same prefix.', koa: 'It is registered before its router’s `router.use(auth)`, or sits in another router: `router.use()` never reaches a sibling router, even with the same prefix. Or the check runs after `await next()`, when the handler has already answered.' },
      { symptom: 'The median is fast, the 99th percentile is terrible', stop: 5, why: 'A dependency is slow some of the time, or a pool is exhausted under load.' },
      { symptom: 'CPU jumps whenever big responses go out', stop: 6, why: 'Turning a large object into JSON is synchronous work on the event loop.' },
      { symptom: 'Memory climbs when clients are on slow networks', stop: 7, why: 'Writes ignore backpressure, so responses wait in memory for the client.' },
    ],
    latency: {
      title: 'Latency adds up across stops',
      body: [
        'Time is not a property of one line of code. What a user waits for is the sum of every stop plus the time the request spends queued between them: in the proxy, in the backlog, behind other work on the event loop, in the socket buffer on the way out.',
        'So a handler that takes 3 ms can sit inside a 250 ms response. Neither number is wrong; each one times a different part of the journey. Before optimising a handler, measure where the time goes: from the request’s arrival to the handler, inside the handler, and from the handler to `\'finish\'`.',
      ],
      caption: 'One 250 ms request under load, stop by stop (an illustration):',
      /** @type {LatencyPart[]} */
      parts: [
        { label: 'Proxy: TLS and buffering', ms: 18, stop: 0 },
        { label: 'Accept: waiting in the backlog', ms: 95, stop: 1 },
        { label: 'Parse', ms: 1, stop: 2 },
        { label: 'Route', ms: 0.5, stop: 3 },
        { label: 'Middleware', ms: 5.5, stop: 4 },
        { label: 'Handle', ms: 3, stop: 5 },
        { label: 'Serialize', ms: 2, stop: 6 },
        { label: 'Drain: a slow client', ms: 125, stop: 7 },
      ],
    },
    /** @type {Quiz[]} */
    quizzes: [
      {
        id: 'gap',
        question: 'Your metrics say the handler of POST /checkout takes 3 ms, yet under load users wait about 250 ms for it. Where does the rest most likely go?',
        options: [
          { text: 'The handler is slower under load than the metric shows.', correct: false, why: 'A handler timer measures exactly the handler. Unless it waits on something contended, its time does not grow eighty-fold; the missing time is outside it.' },
          { text: 'Into waiting before the handler (proxy, backlog, a busy event loop) and into sending the response to slow clients after it.', correct: true, why: 'Latency adds up across stops. Queues in front of stop 1 and a slow drain at stop 7 are invisible to a handler timer and fully visible to the user.' },
          { text: 'Into matching the path against a long list of routes.', correct: false, why: 'Route matching walks a list of regular expressions: microseconds, even with hundreds of routes.' },
          { text: 'Into the JSON body parser.', correct: false, why: 'Parsing a small checkout body takes well under a millisecond. Parsing only matters for very large bodies.' },
        ],
      },
      {
        id: 'proxy',
        question: 'Why does it matter that a reverse proxy sits in front of your app?',
        options: [
          { text: 'It does not: a proxy only forwards bytes.', correct: false, why: 'A proxy ends TLS, buffers, queues and times out on its own. It changes latency and produces errors your app never logs.' },
          { text: 'It adds its own copy of the seven stops — TLS, choosing a backend, buffering, timeouts — in front of yours.', correct: true, why: 'Yes. A 502 or 504 may come from the proxy alone, and its idle timeout has to be shorter than your keepAliveTimeout.' },
          { text: 'It replaces your accept stop, so listen() settings stop mattering.', correct: false, why: 'Your process still accepts connections — from the proxy. Its backlog and keep-alive settings still apply, and the proxy adds its own.' },
        ],
      },
      {
        id: 'auth',
        question: 'GET /invoices/:id answers without a token, while every other /invoices route returns 401. Which stop do you check first?',
        options: [
          { text: '1 · Accept', correct: false, why: 'Accepting happens before the server even knows which path is asked for; it cannot treat one route differently.' },
          { text: '3 · Route', correct: false, why: 'The right handler runs, so routing did its job. What is missing is a layer that should have run before it.' },
          { text: '4 · Middleware', correct: true, why: 'Yes. The route was most likely registered before the auth layer, or on a router the auth layer does not cover. Registration order decides.' },
          { text: '5 · Handle', correct: false, why: 'The handler could check the user itself, but only this one route being open points at the order of layers, not at its logic.' },
        ],
      },
      {
        id: 'memory',
        question: 'Memory on your report-export service climbs while a few customers on hotel Wi-Fi download reports. Which stop?',
        options: [
          { text: '2 · Parse', correct: false, why: 'Downloads send tiny requests; the memory sits on the response side.' },
          { text: '5 · Handle', correct: false, why: 'The handler finished long ago. The data is waiting to leave.' },
          { text: '6 · Serialize', correct: false, why: 'Serializing costs CPU, for fast and slow clients alike. Memory that grows with slow clients is a drain problem.' },
          { text: '7 · Drain', correct: true, why: 'Right: responses are produced faster than those clients read them. Stream with `stream.pipeline()` and respect `write()`’s return value, and memory stays flat.' },
        ],
      },
    ],
    order: {
      title: 'Put the stops in order',
      prompt: 'Drag the stops into the order a request meets them, or focus one and press Alt+↑ / Alt+↓ (or use its arrow buttons).',
      start: ['Middleware', 'Parse', 'Drain', 'Accept', 'Serialize', 'Route', 'Handle'],
    },
    recall: [
      { q: 'Name the seven stops in order, with one thing that can go wrong at each.', a: 'Accept: the backlog overflows and connections are refused. Parse: headers too large, 431. Route: an earlier pattern catches the request. Middleware: a route registered before auth is public. Handle: a slow dependency ruins p99. Serialize: stringifying a huge object blocks the loop. Drain: ignoring backpressure buffers responses in memory.' },
      { q: 'A handler takes 3 ms, the endpoint takes 250 ms. Explain the gap in two sentences.', a: 'The user waits for every stop plus the queues between them, not just the handler. Under load the time goes to waiting before the handler (proxy, backlog, a busy event loop) and to draining the response to slow clients.' },
      { q: 'What does a reverse proxy add, and which timeout must agree with your app?', a: 'Its own copy of the stops: TLS, choosing a backend, buffering, limits and timeouts, and errors of its own (502, 504). Its idle timeout towards your app must be shorter than your server.keepAliveTimeout.' },
      { q: 'Why does `app.use(requireUser)` not protect a route registered above it?', a: 'Express runs layers in registration order and stops at the first one that answers. The earlier route answers before the request ever reaches the auth layer.' },
      { q: 'Some users get 431 from your app. Which stop, and what do you look at?', a: 'Parse: their headers exceed the parser’s limit, usually because of cookies. Shrink the cookies, or raise the limit in Node (--max-http-header-size) and in the proxy together.' },
    ],
  };
  /** @type {any} */ (window).sevenStopsLesson = lesson;
})();
