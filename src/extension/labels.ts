// Text shown in the editor for stops and routes, shared by CodeLens and the views.
import type { Annotation, ModelRoute } from '../core/model';
import { STOP_GLYPHS, STOP_NAMES } from '../core/model';

export function stopTitle(a: Annotation): string {
  return `${STOP_GLYPHS[a.stop]} ${STOP_NAMES[a.stop]} · ${a.label}`;
}

/** `③ Route · GET /api/orders/:id · 3 layers · 🔒 requireUser` */
export function routeTitle(r: ModelRoute): string {
  const layers = `${r.chain.length} layer${r.chain.length === 1 ? '' : 's'}`;
  const verdict = r.shadowedBy.length ? '⛔ unreachable' : r.protected ? `🔒 ${r.authBy.join(', ')}` : '⚠ no auth';
  return `${STOP_GLYPHS[3]} ${STOP_NAMES[3]} · ${r.method} ${r.path} · ${layers} · ${verdict}`;
}
