// Text shown in the editor for stops and routes, shared by CodeLens, the routes view and the status bar.
import type { Annotation, ModelRoute } from '../core/model';
import { STOP_GLYPHS, STOP_NAMES } from '../core/model';

export function stopTitle(a: Annotation): string {
  return `${STOP_GLYPHS[a.stop]} ${STOP_NAMES[a.stop]} · ${a.label}`;
}

/** `🔒 requireUser`, `⚠ no auth` or `⛔ unreachable`; without the glyph where an icon shows it. */
export function routeVerdict(r: ModelRoute, glyph = true): string {
  const [mark, text] = r.shadowedBy.length ? ['⛔', 'unreachable'] : r.protected ? ['🔒', r.authBy.join(', ')] : ['⚠', 'no auth'];
  return glyph ? `${mark} ${text}` : text;
}

/** `③ Route · GET /api/orders/:id · 3 layers · 🔒 requireUser` */
export function routeTitle(r: ModelRoute): string {
  const layers = `${r.chain.length} layer${r.chain.length === 1 ? '' : 's'}`;
  return `${STOP_GLYPHS[3]} ${STOP_NAMES[3]} · ${r.method} ${r.path} · ${layers} · ${routeVerdict(r)}`;
}

/** `Seven Stops: 42 routes · 2 ⚠` */
export function statusText(routes: number, unprotected: number, findings: number): string {
  const parts = [`${routes} route${routes === 1 ? '' : 's'}`];
  if (unprotected) parts.push(`${unprotected} ⚠`);
  if (findings) parts.push(`${findings} finding${findings === 1 ? '' : 's'}`);
  return `Seven Stops: ${parts.join(' · ')}`;
}
