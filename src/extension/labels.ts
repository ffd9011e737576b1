// Text shown in the editor for stops and routes, shared by CodeLens, the routes view and the status bar.
// Names, paths and file names come from the analysed code: they are shown printable (control and bidi
// characters as escapes, see core/display-text), and where the editor reads syntax (CodeLens and
// quick-pick `$(icon)`, Markdown tooltips) that syntax is escaped too.
import { markdownCode, markdownText, printable } from '../core/display-text';
import type { Annotation, ChainEntry, ChainLevel, ModelRoute } from '../core/model';
import { STOP_GLYPHS, STOP_NAMES } from '../core/model';
import { phasedChain } from '../core/phased-chain';

/**
 * `s` where `$(name)` shows as written instead of as an icon, for CodeLens titles and quick-pick items,
 * which render codicons. VS Code shows `\$(name)` as the literal `$(name)`.
 */
export function literalIcons(s: string): string {
  return s.replace(/\$\((?=[A-Za-z0-9-]+(?:~[A-Za-z]+)?\))/g, '\\$(');
}

/**
 * `④ Middleware · requireUser`, a CodeLens title. A Fastify hook names its phase instead of the stop,
 * and its reach: `④ onRequest · authenticate · 12 routes in this context` (its label starts with the phase).
 */
export function stopTitle(a: Annotation): string {
  if (a.phase && a.reach) return literalIcons(`${STOP_GLYPHS[a.stop]} ${printable(a.label)} · ${reachText(a.reach)}`);
  return literalIcons(`${STOP_GLYPHS[a.stop]} ${STOP_NAMES[a.stop]} · ${printable(a.label)}`);
}

/** `12 routes in this context`, `1 route in this app`, `this route only`: how far a hook reaches. */
export function reachText(reach: NonNullable<Annotation['reach']>): string {
  const n = reach.routes;
  if (reach.level === 'route') return n > 1 ? `this route only (${n} methods)` : 'this route only';
  const count = n ? `${n} route${n === 1 ? '' : 's'}` : 'no routes';
  return `${count} in this ${reach.level === 'app' ? 'app' : 'context'}`;
}

/** `🔒 requireUser`, `⚠ no auth` or `⛔ unreachable`; without the glyph where an icon shows it. */
export function routeVerdict(r: ModelRoute, glyph = true): string {
  const [mark, text] = r.shadowedBy.length ? ['⛔', 'unreachable'] : r.protected ? ['🔒', r.authBy.map(printable).join(', ')] : ['⚠', 'no auth'];
  return glyph ? `${mark} ${text}` : text;
}

/**
 * `③ Route · GET /api/orders/:id · 3 layers · 🔒 requireUser`, a CodeLens title; a guard says what it
 * guards instead of counting layers (`guard of 1 route`, `guard, handler elsewhere`). A Fastify route
 * names its hooks by phase, so the lock needs no names: `③ Route · GET /api/orders · onRequest: authenticate · 🔒`.
 * A Koa route counts what runs after `await next()` where there is some (`· 1 after next()`): that
 * code runs once the handler has, on the way back out (K9).
 */
export function routeTitle(r: ModelRoute): string {
  if (r.framework === 'fastify') {
    const hooks = r.chain.length ? phasedChain(r.chain, printable) : 'no hooks';
    const verdict = r.shadowedBy.length || !r.protected ? routeVerdict(r) : '🔒';
    return literalIcons(`${STOP_GLYPHS[3]} ${STOP_NAMES[3]} · ${routeName(r)} · ${hooks} · ${verdict}`);
  }
  const layers = r.guards
    ? r.guards.length ? `guard of ${r.guards.length} route${r.guards.length === 1 ? '' : 's'}` : 'guard, handler elsewhere'
    : `${r.chain.length} layer${r.chain.length === 1 ? '' : 's'}`;
  const after = afterNextCount(r.chain);
  const onion = after ? ` · ${after} after next()` : '';
  return literalIcons(`${STOP_GLYPHS[3]} ${STOP_NAMES[3]} · ${routeName(r)} · ${layers} · ${routeVerdict(r)}${onion}`);
}

/** How many chain entries run only after `await next()` (Koa's onion; 0 for the other frameworks). */
export function afterNextCount(chain: readonly ChainEntry[]): number {
  return chain.filter(c => c.when === 'after').length;
}

/** `GET /api/orders/:id`, printable. */
export function routeName(r: Pick<ModelRoute, 'method' | 'path'>): string {
  return printable(`${r.method} ${r.path}`);
}

/** The Markdown hover of a route in the routes view: verdict, the chain in front of it, what was not resolved. */
export function routeTooltip(r: ModelRoute): string {
  const chain = r.chain.length
    ? r.chain.map((c, i) => `${i + 1}. ${markdownCode(c.name)} ${markdownText(`(${entryFacts(c)})`)}`).join('\n')
    : '_no layers before the handler_';
  const guards = r.guards?.length
    ? `\n\n${markdownText(`A guard: a request it lets through goes on to ${r.guards.map(g => `${g.method} ${g.path} (${g.file}:${g.line})`).join(', ')}.`)}`
    : '';
  const notes = r.unresolved.length ? `\n\n${markdownText(`Not resolved statically: ${r.unresolved.join('; ')}`)}` : '';
  return `**${markdownText(`${r.method} ${r.path}`)}** — ${markdownText(routeVerdict(r))}\n\n${chain}${guards}${notes}`;
}

/**
 * `auth, app.js:4`; with a phase, also where it was added: `onRequest, context hook, auth, app.js:4`;
 * Koa code that runs after `await next()` says so: `auth, after next(), app.js:4`.
 */
export function entryFacts(c: ChainEntry): string {
  const at = `${c.kind}, ${c.when === 'after' ? 'after next(), ' : ''}${c.file}:${c.line}`;
  return c.phase ? `${c.phase}, ${c.level ? `${LEVEL_WORDS[c.level]}, ` : ''}${at}` : at;
}

const LEVEL_WORDS: Record<ChainLevel, string> = { app: 'app hook', context: 'context hook', router: 'router', route: 'route option' };

/** `Seven Stops: 42 routes · 2 ⚠` */
export function statusText(routes: number, unprotected: number, findings: number): string {
  const parts = [`${routes} route${routes === 1 ? '' : 's'}`];
  if (unprotected) parts.push(`${unprotected} ⚠`);
  if (findings) parts.push(`${findings} finding${findings === 1 ? '' : 's'}`);
  return `Seven Stops: ${parts.join(' · ')}`;
}
