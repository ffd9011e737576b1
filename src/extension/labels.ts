// Text shown in the editor for stops and routes, shared by CodeLens, the routes view and the status bar.
// Names, paths and file names come from the analysed code: they are shown printable (control and bidi
// characters as escapes, see core/display-text), and where the editor reads syntax (CodeLens and
// quick-pick `$(icon)`, Markdown tooltips) that syntax is escaped too.
import { markdownCode, markdownText, printable } from '../core/display-text';
import type { Annotation, ChainEntry, ChainLevel, LayerKind, ModelRoute } from '../core/model';
import { STOP_GLYPHS, STOP_NAMES } from '../core/model';
import { type Locale, pluralRu } from '../core/locale';
import { phasedChain } from '../core/phased-chain';

/**
 * `s` where `$(name)` shows as written instead of as an icon, for CodeLens titles and quick-pick items,
 * which render codicons. VS Code shows `\$(name)` as the literal `$(name)`.
 */
export function literalIcons(s: string): string {
  return s.replace(/\$\((?=[A-Za-z0-9-]+(?:~[A-Za-z]+)?\))/g, '\\$(');
}

/** The words of the editor's labels in one language (counts are functions, for Russian plurals). */
interface LabelWords {
  stops: Record<number, string>;
  routes(n: number): string;
  noRoutes: string;
  findings(n: number): string;
  layers(n: number): string;
  inThis(level: 'app' | 'context'): string;
  thisRouteOnly(methods: number): string;
  guardOf(n: number): string;
  guardElsewhere: string;
  afterNext(n: number): string;
  unreachable: string;
  noAuth: string;
  noHooks: string;
  /** What a chain entry is (LayerKind), and where a Fastify hook was added (ChainLevel). */
  kinds: Record<LayerKind, string>;
  levels: Record<ChainLevel, string>;
  afterNextShort: string;
  noLayers: string;
  guardGoesOn(routes: string): string;
  notResolved(what: string): string;
}

const WORDS: Record<Locale, LabelWords> = {
  en: {
    stops: STOP_NAMES,
    routes: n => `${n} route${n === 1 ? '' : 's'}`,
    noRoutes: 'no routes',
    findings: n => `${n} finding${n === 1 ? '' : 's'}`,
    layers: n => `${n} layer${n === 1 ? '' : 's'}`,
    inThis: level => `in this ${level}`,
    thisRouteOnly: n => (n > 1 ? `this route only (${n} methods)` : 'this route only'),
    guardOf: n => `guard of ${n} route${n === 1 ? '' : 's'}`,
    guardElsewhere: 'guard, handler elsewhere',
    afterNext: n => `${n} after next()`,
    unreachable: 'unreachable',
    noAuth: 'no auth',
    noHooks: 'no hooks',
    kinds: {
      auth: 'auth', parse: 'parse', security: 'security', cors: 'cors', logging: 'logging', 'rate-limit': 'rate-limit', static: 'static',
      'error-handler': 'error-handler', other: 'other',
    },
    levels: { app: 'app hook', context: 'context hook', router: 'router', route: 'route option' },
    afterNextShort: 'after next()',
    noLayers: 'no layers before the handler',
    guardGoesOn: routes => `A guard: a request it lets through goes on to ${routes}.`,
    notResolved: what => `Not resolved statically: ${what}`,
  },
  // The lesson's names of the stops (media/lesson-content.ru.js).
  ru: {
    stops: { 1: 'Приём', 2: 'Разбор', 3: 'Маршрутизация', 4: 'Middleware', 5: 'Обработка', 6: 'Сериализация', 7: 'Отдача' },
    routes: n => pluralRu(n, 'маршрут', 'маршрута', 'маршрутов'),
    noRoutes: 'нет маршрутов',
    findings: n => pluralRu(n, 'находка', 'находки', 'находок'),
    layers: n => pluralRu(n, 'слой', 'слоя', 'слоёв'),
    inThis: level => (level === 'app' ? 'в этом приложении' : 'в этом контексте'),
    thisRouteOnly: n => (n > 1 ? `только этот маршрут (методов: ${n})` : 'только этот маршрут'),
    guardOf: n => `охраняет ${pluralRu(n, 'маршрут', 'маршрута', 'маршрутов')}`,
    guardElsewhere: 'охрана, обработчик в другом месте',
    afterNext: n => `после next(): ${n}`,
    unreachable: 'недостижим',
    noAuth: 'без авторизации',
    noHooks: 'без хуков',
    kinds: {
      auth: 'авторизация', parse: 'разбор', security: 'защита', cors: 'cors', logging: 'журнал', 'rate-limit': 'ограничение частоты',
      static: 'статика', 'error-handler': 'обработчик ошибок', other: 'другое',
    },
    levels: { app: 'хук приложения', context: 'хук контекста', router: 'роутер', route: 'опция маршрута' },
    afterNextShort: 'после next()',
    noLayers: 'перед обработчиком нет слоёв',
    guardGoesOn: routes => `Охрана: пропущенный ею запрос идёт дальше к ${routes}.`,
    notResolved: what => `Не определено статически: ${what}`,
  },
};

/**
 * `④ Middleware · requireUser`, a CodeLens title. A Fastify hook names its phase instead of the stop,
 * and its reach: `④ onRequest · authenticate · 12 routes in this context` (its label starts with the phase).
 */
export function stopTitle(a: Annotation, locale: Locale = 'en'): string {
  if (a.phase && a.reach) return literalIcons(`${STOP_GLYPHS[a.stop]} ${printable(a.label)} · ${reachText(a.reach, locale)}`);
  return literalIcons(`${STOP_GLYPHS[a.stop]} ${WORDS[locale].stops[a.stop]} · ${printable(a.label)}`);
}

/** `12 routes in this context`, `1 route in this app`, `this route only`: how far a hook reaches. */
export function reachText(reach: NonNullable<Annotation['reach']>, locale: Locale = 'en'): string {
  const w = WORDS[locale];
  if (reach.level === 'route') return w.thisRouteOnly(reach.routes);
  return `${reach.routes ? w.routes(reach.routes) : w.noRoutes} ${w.inThis(reach.level === 'app' ? 'app' : 'context')}`;
}

/** `🔒 requireUser`, `⚠ no auth` or `⛔ unreachable`; without the glyph where an icon shows it. */
export function routeVerdict(r: ModelRoute, glyph = true, locale: Locale = 'en'): string {
  const w = WORDS[locale];
  const [mark, text] = r.shadowedBy.length ? ['⛔', w.unreachable] : r.protected ? ['🔒', r.authBy.map(printable).join(', ')] : ['⚠', w.noAuth];
  return glyph ? `${mark} ${text}` : text;
}

/**
 * `③ Route · GET /api/orders/:id · 3 layers · 🔒 requireUser`, a CodeLens title; a guard says what it
 * guards instead of counting layers (`guard of 1 route`, `guard, handler elsewhere`). A Fastify route
 * names its hooks by phase, so the lock needs no names: `③ Route · GET /api/orders · onRequest: authenticate · 🔒`.
 * A Koa route counts what runs after `await next()` where there is some (`· 1 after next()`): that
 * code runs once the handler has, on the way back out (K9).
 */
export function routeTitle(r: ModelRoute, locale: Locale = 'en'): string {
  const w = WORDS[locale];
  if (r.framework === 'fastify') {
    const hooks = r.chain.length ? phasedChain(r.chain, printable) : w.noHooks;
    const verdict = r.shadowedBy.length || !r.protected ? routeVerdict(r, true, locale) : '🔒';
    return literalIcons(`${STOP_GLYPHS[3]} ${w.stops[3]} · ${routeName(r)} · ${hooks} · ${verdict}`);
  }
  const layers = r.guards ? (r.guards.length ? w.guardOf(r.guards.length) : w.guardElsewhere) : w.layers(r.chain.length);
  const after = afterNextCount(r.chain);
  const onion = after ? ` · ${w.afterNext(after)}` : '';
  return literalIcons(`${STOP_GLYPHS[3]} ${w.stops[3]} · ${routeName(r)} · ${layers} · ${routeVerdict(r, true, locale)}${onion}`);
}

/** How many chain entries run only after `await next()` (Koa's onion; 0 for the other frameworks). */
export function afterNextCount(chain: readonly ChainEntry[]): number {
  return chain.filter(c => c.when === 'after').length;
}

/** `GET /api/orders/:id`, printable. */
export function routeName(r: Pick<ModelRoute, 'method' | 'path'>): string {
  return printable(`${r.method} ${r.path}`);
}

/**
 * The Markdown hover of a route in the routes view: verdict, the chain in front of it, what was not
 * resolved (the analyser's notes on unresolved code stay in English, like the code they quote).
 */
export function routeTooltip(r: ModelRoute, locale: Locale = 'en'): string {
  const w = WORDS[locale];
  const chain = r.chain.length
    ? r.chain.map((c, i) => `${i + 1}. ${markdownCode(c.name)} ${markdownText(`(${entryFacts(c, ', ', locale)})`)}`).join('\n')
    : `_${markdownText(w.noLayers)}_`;
  const guards = r.guards?.length
    ? `\n\n${markdownText(w.guardGoesOn(r.guards.map(g => `${g.method} ${g.path} (${g.file}:${g.line})`).join(', ')))}`
    : '';
  const notes = r.unresolved.length ? `\n\n${markdownText(w.notResolved(r.unresolved.join('; ')))}` : '';
  return `**${markdownText(`${r.method} ${r.path}`)}** — ${markdownText(routeVerdict(r, true, locale))}\n\n${chain}${guards}${notes}`;
}

/**
 * `auth, app.js:4`; with a phase, also where it was added: `onRequest, context hook, auth, app.js:4`;
 * Koa code that runs after `await next()` says so: `auth, after next(), app.js:4`. Parts joined by
 * `sep` (the routes view's layer rows use ` · `); the file is shown as written (not printable: callers escape).
 */
export function entryFacts(c: ChainEntry, sep = ', ', locale: Locale = 'en'): string {
  const w = WORDS[locale];
  const parts = [
    ...(c.phase ? [c.phase, ...(c.level ? [w.levels[c.level]] : [])] : []),
    w.kinds[c.kind],
    ...(c.when === 'after' ? [w.afterNextShort] : []),
    `${c.file}:${c.line}`,
  ];
  return parts.join(sep);
}

/** `Seven Stops: 42 routes · 2 ⚠` */
export function statusText(routes: number, unprotected: number, findings: number, locale: Locale = 'en'): string {
  const w = WORDS[locale];
  const parts = [w.routes(routes)];
  if (unprotected) parts.push(`${unprotected} ⚠`);
  if (findings) parts.push(w.findings(findings));
  return `Seven Stops: ${parts.join(' · ')}`;
}
