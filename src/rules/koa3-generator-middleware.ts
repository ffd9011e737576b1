// Stop 4, Koa (K14): a `function*` middleware. Koa 2 converts one given to app.use() (with a
// deprecation warning) and runs it; Koa 3 accepts it without an error and never runs it, so the
// chain stops there and every request that reaches it gets 404. The routers never convert one, on
// Koa 2 or 3: a router.use(function*) or a generator route argument makes its routes 404. The Koa
// adapter lists the generators per app (StackOrigin.generators) with whether they run.
import type { GeneratorMiddleware, ModelRoute } from '../core/model';
import type { RuleReport } from '../core/rule';
import { defineRule, placeKey } from './define-rule';

const REWRITE = 'Rewrite it as async (ctx, next) => { …; await next(); } (ctx for this).';

export const koa3GeneratorMiddleware = defineRule({
  id: 'koa3-generator-middleware',
  stop: 4,
  frameworks: ['koa'],
  description: 'Koa middleware must be an async function: Koa 3 and the routers accept a function* and never run it.',
  defaultSeverity: 'error',
  messages: {
    koa3: `{{name}} is a generator function (function*): Koa {{version}} accepts it in app.use() and never runs it, so every request that reaches it `
      + `ends there with 404{{routes}}. ${REWRITE}`,
    router: `{{name}} is a generator function (function*) given to {{where}}: the router accepts it and never runs it (on Koa 2 as on Koa 3), `
      + `so {{routes}} 404. ${REWRITE}`,
    koa2: `{{name}} is a generator function (function*): Koa {{version}} converts it with a deprecation warning, but Koa 3 accepts it and never runs it `
      + `(every request would get 404). ${REWRITE}`,
    versionUnknown: `{{name}} is a generator function (function*): Koa 2 converts it (deprecated), Koa 3 never runs it and every request gets 404; `
      + `the Koa version was not found (no node_modules, lock file or package.json names it). ${REWRITE}`,
  },
  translations: {
    ru: {
      description: 'Middleware в Koa должен быть async-функцией: Koa 3 и роутеры принимают function*, но никогда её не выполняют.',
      messages: {
        koa3: '{{name}} — функция-генератор (function*): Koa {{version}} принимает её в app.use(), но никогда не выполняет, поэтому каждый дошедший до неё запрос заканчивается на ней с 404{{routes}}. Перепишите её как async (ctx, next) => { …; await next(); } (ctx вместо this).',
        router: '{{name}} — функция-генератор (function*), переданная в {{where}}: роутер принимает её, но никогда не выполняет (и на Koa 2, и на Koa 3), поэтому {{routes}} отвечают 404. Перепишите её как async (ctx, next) => { …; await next(); } (ctx вместо this).',
        koa2: '{{name}} — функция-генератор (function*): Koa {{version}} конвертирует её с предупреждением о deprecation, но Koa 3 примет её и никогда не выполнит (каждый запрос получит 404). Перепишите её как async (ctx, next) => { …; await next(); } (ctx вместо this).',
        versionUnknown: '{{name}} — функция-генератор (function*): Koa 2 её конвертирует (deprecated), Koa 3 никогда её не выполнит, и каждый запрос получит 404; версию Koa найти не удалось (ни node_modules, ни lock-файл, ни package.json её не называют). Перепишите её как async (ctx, next) => { …; await next(); } (ctx вместо this).',
      },
    },
  },
  messageSeverity: { koa2: 'info', versionUnknown: 'warning' },
  check(ctx) {
    // Routes each generator stops, by its place: one pass over the routes.
    const stopped = new Map<string, ModelRoute[]>();
    for (const route of ctx.model.routes) {
      const s = route.shadowedBy[0];
      if (!s) continue;
      const key = placeKey(s.range);
      stopped.set(key, [...(stopped.get(key) ?? []), route]);
    }
    const out: RuleReport[] = [];
    ctx.model.origins.forEach(origin => {
      for (const g of origin.generators ?? []) {
        const routes = stopped.get(placeKey(g.range)) ?? [];
        const inputs = [g.name, g.level, g.runs, origin.frameworkVersion, routes.length, routes[0]];
        out.push(ctx.reuse(g.range, inputs, () => report(g, origin.frameworkVersion ?? null, routes)));
      }
    });
    return out;
  },
});

function report(g: GeneratorMiddleware, version: string | null, routes: ModelRoute[]): RuleReport {
  const data: Record<string, string> = { name: g.name };
  let messageId: string;
  if (g.level !== 'app') {
    messageId = 'router';
    data.where = g.level === 'router' ? "a router's use()" : 'a route';
    data.routes = routes.length === 1 ? `${routeList(routes)} answers` : routes.length ? `${routeList(routes)} answer` : 'the routes it guards answer';
  } else if (!g.runs) {
    messageId = 'koa3';
    data.version = version ?? '3';
    data.routes = routes.length ? `: ${routeList(routes)}` : '';
  } else if (version) {
    messageId = 'koa2';
    data.version = version;
  } else messageId = 'versionUnknown';
  return {
    ...g.range,
    messageId,
    data,
    related: routes.slice(0, 3).map(r => ({ ...r.range, message: `${r.method} ${r.path} never gets past ${g.name}` })),
    fixes: [],
  };
}

/** `GET /me` or `3 routes (GET /me first)`. */
function routeList(routes: ModelRoute[]): string {
  const first = `${routes[0].method} ${routes[0].path}`;
  return routes.length === 1 ? first : `${routes.length} routes (${first} first)`;
}
