// The sentences of a request trace (core/trace.ts) in each language the lesson speaks. Names from
// the code (routes, middleware, files, `req.body`, `await next()`) stay as they are written.
import { type Locale, pluralRu } from './locale';
import type { ShadowReason } from './model';

/** Where the hooks of a phased chain (Fastify) run, for hooksNote. */
export type HooksWhen = 'before' | 'after';

export interface TraceText {
  unreadable(n: number): string;
  // Stop 1
  accepts(withTimers: boolean): string;
  noListen: string;
  // Stop 2
  parsersFirst(names: string, n: number): string;
  parsersRead(names: string, n: number): string;
  noParserButReads: string;
  noParserNoRead: string;
  // Stop 3
  matches(route: string, params: string): string;
  // Stop 4
  layersBefore(n: number): string;
  noMiddleware: string;
  hooks(n: number, when: HooksWhen, phases: string[]): string;
  // Stop 5
  handlerRuns: string;
  guardOnly: string;
  handlerUnreadable: string;
  // Stop 6
  becomesBytes(exits: number): string;
  noSerialize: string;
  // Stop 7
  writesItself(names: string): string;
  nodeWrites: string;
  wayBack(n: number): string;
  checksTooLate(names: string, n: number): string;
  // The summary and the verdict
  answeredBy(request: string, route: string, at: string): string;
  endedFirst(request: string, route: string, by: string, at: string): string;
  registeredAfter(route: string): string;
  endsEveryResponse(prefix: string): string;
  /** Why a layer answers every request of the route first (ModelRoute.shadowedBy). */
  shadowedBecause(reason: ShadowReason): string;
  // No route answers
  noRouteEnded(request: string, by: string, at: string): string;
  noRoute(request: string, framework: string): string;
  noRouteAtStop3(request: string): string;
  parsersStillRead(names: string, n: number): string;
  noParserForPath: string;
  appLayersStillRun(n: number): string;
  noMiddlewareCovers: string;
  answersInstead(by: string): string;
  only404Serialized: string;
  short404: string;
  noDispatcher: { summary: string; handler: string };
}

const s = (n: number, one: string, many: string) => (n === 1 ? one : many);
/** Russian verbs agree with a count as its noun does: 1, 21, 101 take the singular. */
const r = (n: number, one: string, many: string) => (n % 10 === 1 && n % 100 !== 11 ? one : many);

const en: TraceText = {
  unreadable: n => `${n} route${s(n, ' has a path', 's have paths')} the analyser could not read (computed or a RegExp), so the trace leaves ${s(n, 'it', 'them')} out.`,
  accepts: timers => `The server that accepts the connection${timers ? ', and the timers that govern its connections' : ''}.`,
  noListen: 'No listen() call was found: the server may be started elsewhere (a test harness or a serverless adapter).',
  parsersFirst: (names, n) => `${names} run${s(n, 's', '')} on the raw body first. `,
  parsersRead: (names, n) => `${names} read${s(n, 's', '')} the body before the handler.`,
  noParserButReads: 'No body parser runs before this handler, yet it reads req.body: it will be undefined.',
  noParserNoRead: 'No body parser runs for this request; the handler does not read req.body.',
  matches: (route, params) => `Matches ${route}${params ? ` with ${params}` : ''}.`,
  layersBefore: n => `${n} layer${s(n, ' runs', 's run')} before the handler, in this order.`,
  noMiddleware: 'No middleware runs before the handler.',
  hooks: (n, when, phases) => {
    const where = when === 'before' ? 'before the handler' : 'after the handler';
    return n ? `${n} hook${s(n, ' runs', 's run')} ${where}, in lifecycle order: ${phases.join(', then ')}.` : `No hook runs ${where}.`;
  },
  handlerRuns: 'Your logic runs here; every database or service call it waits on adds to this stop.',
  guardOnly: 'This route only guards: its last function passes the request on, to a handler registered where the analyser does not see it.',
  handlerUnreadable: 'The handler could not be read.',
  becomesBytes: exits => `The response becomes bytes here (${exits === 1 ? 'one exit' : `${exits} exits`} of the handler).`,
  noSerialize: 'No res.json / res.send in the handler itself: it may serialize elsewhere or stream.',
  writesItself: names => `The handler writes to the socket itself (${names}): backpressure matters here.`,
  nodeWrites: 'Node writes the serialized body; a slow client still holds the socket until it has read it.',
  wayBack: n => `On the way back out, ${n === 1 ? '1 middleware runs its' : `${n} middleware run their`} code after await next(), innermost first.`,
  checksTooLate: (names, n) => `${names} check${s(n, 's', '')} only then: the handler has already run (K9).`,
  answeredBy: (request, route, at) => `${request} is answered by ${route} (${at}).`,
  endedFirst: (request, route, by, at) => `${request} matches ${route}, but ${by} (${at}) answers first.`,
  registeredAfter: route => `registered after ${route}, which answers first`,
  endsEveryResponse: prefix => `ends every response under ${prefix} without calling next()`,
  shadowedBecause: r => (r.k === 'route-first' ? `${r.route} matches first and does not call next()${r.koa ? ' (K7)' : ''}`
    : r.k === 'ends-all' ? `ends every response under ${r.prefix} without calling next()`
    : r.k === 'generator' ? `a generator function ${r.koa3 ? 'Koa 3' : 'the router'} accepts and never runs, so the request goes no further (K14)`
    : `checks request.body in ${r.phase}, where the body is not parsed yet: it stops every request`),
  noRouteEnded: (request, by, at) => `No route matches ${request}; ${by} (${at}) answers it.`,
  noRoute: (request, framework) => `No route matches ${request}: ${framework}`,
  noRouteAtStop3: request => `No route matches ${request}.`,
  parsersStillRead: (names, n) => `${names} still read${s(n, 's', '')} the body.`,
  noParserForPath: 'No body parser runs for this path.',
  appLayersStillRun: n => `${n} app-level layer${s(n, ' still runs', 's still run')}, in this order.`,
  noMiddlewareCovers: 'No middleware covers this path.',
  answersInstead: by => `${by} answers instead of a handler.`,
  only404Serialized: 'Only the 404 body is serialized.',
  short404: 'A short 404 drains quickly.',
  noDispatcher: { summary: 'no framework the trace knows answers it.', handler: 'No handler.' },
};

const ru: TraceText = {
  unreadable: n => `${pluralRu(n, 'маршрут', 'маршрута', 'маршрутов')} с путём, который анализатор не смог прочитать (вычисляемым или RegExp): в трассировку ${r(n, 'он не попал', 'они не попали')}.`,
  accepts: timers => `Сервер, который принимает соединение${timers ? ', и таймеры, от которых зависит жизнь его соединений' : ''}.`,
  noListen: 'Вызов listen() не найден: сервер, возможно, запускается где-то ещё (тестовой обвязкой или serverless-адаптером).',
  parsersFirst: (names, n) => `Сначала ${names} ${r(n, 'читает', 'читают')} сырое тело. `,
  parsersRead: (names, n) => `${names} ${r(n, 'читает', 'читают')} тело до обработчика.`,
  noParserButReads: 'Перед этим обработчиком не работает ни один парсер тела, а он читает req.body: там будет undefined.',
  noParserNoRead: 'Для этого запроса парсер тела не работает; обработчик req.body и не читает.',
  matches: (route, params) => `Совпадает с ${route}${params ? `, где ${params}` : ''}.`,
  layersBefore: n => `Перед обработчиком по порядку ${r(n, 'работает', 'работают')} ${pluralRu(n, 'слой', 'слоя', 'слоёв')}.`,
  noMiddleware: 'Перед обработчиком не работает ни один middleware.',
  hooks: (n, when, phases) => {
    const where = when === 'before' ? 'перед обработчиком' : 'после обработчика';
    return n ? `${where[0].toUpperCase()}${where.slice(1)} ${r(n, 'работает', 'работают')} ${pluralRu(n, 'хук', 'хука', 'хуков')}, в порядке жизненного цикла: ${phases.join(', затем ')}.`
      : `Ни один хук не работает ${where}.`;
  },
  handlerRuns: 'Здесь работает ваша логика; каждый вызов базы или сервиса, которого она ждёт, добавляется к этой остановке.',
  guardOnly: 'Этот маршрут только охраняет: его последняя функция передаёт запрос дальше, обработчику, зарегистрированному там, где анализатор его не видит.',
  handlerUnreadable: 'Обработчик прочитать не удалось.',
  becomesBytes: exits => `Здесь ответ превращается в байты (${exits === 1 ? 'один выход' : pluralRu(exits, 'выход', 'выхода', 'выходов')} из обработчика).`,
  noSerialize: 'В самом обработчике нет res.json / res.send: он может сериализовать ответ в другом месте или отдавать поток.',
  writesItself: names => `Обработчик сам пишет в сокет (${names}): здесь важно обратное давление (backpressure).`,
  nodeWrites: 'Сериализованное тело пишет Node; медленный клиент держит сокет, пока не дочитает его.',
  wayBack: n => `На обратном пути ${n === 1 ? '1 middleware выполняет свой' : `${n} middleware выполняют свой`} код после await next(), начиная с самого внутреннего.`,
  checksTooLate: (names, n) => `${names} ${r(n, 'проверяет', 'проверяют')} только тогда: обработчик уже отработал (K9).`,
  answeredBy: (request, route, at) => `На ${request} отвечает ${route} (${at}).`,
  endedFirst: (request, route, by, at) => `${request} совпадает с ${route}, но раньше отвечает ${by} (${at}).`,
  registeredAfter: route => `зарегистрирован после ${route}, который отвечает первым`,
  endsEveryResponse: prefix => `завершает каждый ответ под ${prefix}, не вызывая next()`,
  shadowedBecause: r => (r.k === 'route-first' ? `${r.route} совпадает первым и не вызывает next()${r.koa ? ' (K7)' : ''}`
    : r.k === 'ends-all' ? `завершает каждый ответ под ${r.prefix}, не вызывая next()`
    : r.k === 'generator' ? `функция-генератор, которую ${r.koa3 ? 'Koa 3' : 'роутер'} принимает, но никогда не запускает, поэтому запрос дальше не идёт (K14)`
    : `проверяет request.body в ${r.phase}, где тело ещё не разобрано: он останавливает каждый запрос`),
  noRouteEnded: (request, by, at) => `Ни один маршрут не совпадает с ${request}; отвечает ${by} (${at}).`,
  noRoute: (request, framework) => `Ни один маршрут не совпадает с ${request}: ${framework}`,
  noRouteAtStop3: request => `Ни один маршрут не совпадает с ${request}.`,
  parsersStillRead: (names, n) => `${names} всё равно ${r(n, 'читает', 'читают')} тело.`,
  noParserForPath: 'Для этого пути парсер тела не работает.',
  appLayersStillRun: n => `По порядку всё равно ${r(n, 'работает', 'работают')} ${pluralRu(n, 'слой', 'слоя', 'слоёв')} уровня приложения.`,
  noMiddlewareCovers: 'Этот путь не покрывает ни один middleware.',
  answersInstead: by => `Вместо обработчика отвечает ${by}.`,
  only404Serialized: 'Сериализуется только тело ответа 404.',
  short404: 'Короткий ответ 404 уходит быстро.',
  noDispatcher: { summary: 'на него не отвечает ни один фреймворк, известный трассировке.', handler: 'Обработчика нет.' },
};

export const TRACE_TEXT: Record<Locale, TraceText> = { en, ru };
