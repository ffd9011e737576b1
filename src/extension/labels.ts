// Text shown in the editor for stops and routes, shared by CodeLens, the routes view and the status bar.
// Names, paths and file names come from the analysed code: they are shown printable (control and bidi
// characters as escapes, see core/display-text), and where the editor reads syntax (CodeLens and
// quick-pick `$(icon)`, Markdown tooltips) that syntax is escaped too.
import { markdownCode, markdownText, printable } from '../core/display-text';
import type { Annotation, ModelRoute } from '../core/model';
import { STOP_GLYPHS, STOP_NAMES } from '../core/model';

/**
 * `s` where `$(name)` shows as written instead of as an icon, for CodeLens titles and quick-pick items,
 * which render codicons. VS Code shows `\$(name)` as the literal `$(name)`.
 */
export function literalIcons(s: string): string {
  return s.replace(/\$\((?=[A-Za-z0-9-]+(?:~[A-Za-z]+)?\))/g, '\\$(');
}

/** `④ Middleware · requireUser`, a CodeLens title. */
export function stopTitle(a: Annotation): string {
  return literalIcons(`${STOP_GLYPHS[a.stop]} ${STOP_NAMES[a.stop]} · ${printable(a.label)}`);
}

/** `🔒 requireUser`, `⚠ no auth` or `⛔ unreachable`; without the glyph where an icon shows it. */
export function routeVerdict(r: ModelRoute, glyph = true): string {
  const [mark, text] = r.shadowedBy.length ? ['⛔', 'unreachable'] : r.protected ? ['🔒', r.authBy.map(printable).join(', ')] : ['⚠', 'no auth'];
  return glyph ? `${mark} ${text}` : text;
}

/**
 * `③ Route · GET /api/orders/:id · 3 layers · 🔒 requireUser`, a CodeLens title; a guard says what it
 * guards instead of counting layers (`guard of 1 route`, `guard, handler elsewhere`).
 */
export function routeTitle(r: ModelRoute): string {
  const layers = r.guards
    ? r.guards.length ? `guard of ${r.guards.length} route${r.guards.length === 1 ? '' : 's'}` : 'guard, handler elsewhere'
    : `${r.chain.length} layer${r.chain.length === 1 ? '' : 's'}`;
  return literalIcons(`${STOP_GLYPHS[3]} ${STOP_NAMES[3]} · ${routeName(r)} · ${layers} · ${routeVerdict(r)}`);
}

/** `GET /api/orders/:id`, printable. */
export function routeName(r: Pick<ModelRoute, 'method' | 'path'>): string {
  return printable(`${r.method} ${r.path}`);
}

/** The Markdown hover of a route in the routes view: verdict, the chain in front of it, what was not resolved. */
export function routeTooltip(r: ModelRoute): string {
  const chain = r.chain.length
    ? r.chain.map((c, i) => `${i + 1}. ${markdownCode(c.name)} ${markdownText(`(${c.kind}, ${c.file}:${c.line})`)}`).join('\n')
    : '_no layers before the handler_';
  const guards = r.guards?.length
    ? `\n\n${markdownText(`A guard: a request it lets through goes on to ${r.guards.map(g => `${g.method} ${g.path} (${g.file}:${g.line})`).join(', ')}.`)}`
    : '';
  const notes = r.unresolved.length ? `\n\n${markdownText(`Not resolved statically: ${r.unresolved.join('; ')}`)}` : '';
  return `**${markdownText(`${r.method} ${r.path}`)}** — ${markdownText(routeVerdict(r))}\n\n${chain}${guards}${notes}`;
}

/** `Seven Stops: 42 routes · 2 ⚠` */
export function statusText(routes: number, unprotected: number, findings: number): string {
  const parts = [`${routes} route${routes === 1 ? '' : 's'}`];
  if (unprotected) parts.push(`${unprotected} ⚠`);
  if (findings) parts.push(`${findings} finding${findings === 1 ? '' : 's'}`);
  return `Seven Stops: ${parts.join(' · ')}`;
}
