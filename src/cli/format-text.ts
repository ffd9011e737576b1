// The human-readable report: app → mounts (Express), contexts (Fastify) or routers (Koa) → routes with chain and
// verdict (Fastify's by lifecycle phase), then findings.
// Every string from the analysed code goes through `p` (printable): a terminal must see no control
// or bidi character that the code put in a path, a name or a file name (the colours are ours).
import { printable as p } from '../core/display-text';
import { chunkedOutput } from './chunked-output';
import type { AnalysisResult, Framework, ModelRoute, Route } from '../core/model';
import { frameworkList, STOP_GLYPHS } from '../core/model';
import { type ContextGroup, contextDescription, contextName, groupByContext, routerDescription, routerName, routesUnder } from '../core/context-tree';
import { hasPhases, phasedChain } from '../core/phased-chain';
import { CLI_TEXT, type CliText } from './cli-text';

/** The report; `frameworks` are those the scan looked for (named when it found no app). */
export function formatText(r: AnalysisResult, color: boolean, frameworks: readonly Framework[], t: CliText = CLI_TEXT.en): string {
  const parts: string[] = [];
  writeText(r, color, frameworks, text => parts.push(text), t);
  return parts.join('');
}

/** formatText's text, handed to `write` in pieces as it is made (chunked-output.ts). */
export function writeText(r: AnalysisResult, color: boolean, frameworks: readonly Framework[], write: (text: string) => void, t: CliText = CLI_TEXT.en): void {
  const c = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const { out, end } = chunkedOutput(write);
  // Every line ends with a line break (the report ends with one too).
  const lines = { push: (...more: string[]) => { for (const line of more) out(line + '\n'); } };
  const routes = r.routes as (Route & Partial<Pick<ModelRoute, 'app' | 'mountPrefix'>>)[];
  const byApp = new Map<number, typeof routes>();
  for (const route of routes) {
    const k = route.app ?? 0;
    if (!byApp.has(k)) byApp.set(k, []);
    byApp.get(k)!.push(route);
  }
  if (!r.apps.length && !r.routes.length) lines.push(t.noApp(frameworkList(frameworks)));
  const routeLines = (route: Route, indent: string) => {
    const verdict = route.protected ? c('32', `🔒 ${route.authBy.map(p).join(', ')}`) : c('33', t.noAuth);
    lines.push(`${indent}${STOP_GLYPHS[3]} ${p(route.method).padEnd(6)} ${p(route.path)}  ${verdict}  ${c('2', `${p(route.file)}:${route.line}`)}`);
    // A guard has no handler: a request it lets through goes on to the later routes it guards.
    const then = route.guards ? (route.guards.length ? t.nextMatchingRoute : '') : t.handler;
    // Koa code after `await next()` runs once the handler has: said where it matters (K9).
    const entry = (x: Route['chain'][number]) => (x.when === 'after' ? `${p(x.name)} ${t.afterNext}` : p(x.name));
    const chain = hasPhases(route.chain) ? phasedChain(route.chain, p) : route.chain.map(entry).join(' → ');
    if (route.chain.length) lines.push(`${indent}    ${c('2', chain + then)}`);
    for (const g of route.guards ?? []) lines.push(`${indent}    ${c('2', `${t.guards} ${p(g.method)} ${p(g.path)}  ${p(g.file)}:${g.line}`)}`);
    for (const line of exemptionLines(route, t)) lines.push(`${indent}    ${c('2', line)}`);
    if (route.afterHandler) lines.push(`${indent}    ${c('2', `${t.afterHandler} ${phasedChain(route.afterHandler, p)}`)}`);
    for (const u of route.unresolved) lines.push(`${indent}    ${c('2', `? ${p(u)}`)}`);
  };
  r.apps.forEach((app, i) => {
    lines.push(c('1', `${t.app(`${p(app.framework)}${app.frameworkVersion ? ' ' + p(app.frameworkVersion) : ''}`)}  ${p(app.file)}:${app.line}`));
    const appRoutes = byApp.get(i) ?? [];
    // Fastify lists routes by encapsulation context, Koa by router; Express by mount prefix.
    const koa = app.framework === 'koa';
    const groups = (app.framework === 'fastify' || koa) && r.contexts ? groupByContext(appRoutes, r.contexts) : [];
    const grouped = routesUnder(groups);
    const rest = appRoutes.filter(route => !grouped.has(route));
    let mount = '';
    for (const route of rest) {
      const m = route.mountPrefix ?? '/';
      if (m !== mount) { mount = m; if (m !== '/') lines.push(`  ${c('36', p(m))}`); }
      routeLines(route, m === '/' ? '  ' : '    ');
    }
    // A root context's routes sit under the app; each context below gets a heading, its routes indented under it.
    const walk = (g: ContextGroup<(typeof routes)[number]>, depth: number) => {
      const indent = '  '.repeat(depth + 1);
      const where = `${p(contextDescription(g.context))}  ${p(g.context.file)}:${g.context.line}`;
      if (depth > 0) lines.push(`${'  '.repeat(depth)}${c('36', p(contextName(g.context)))}  ${c('2', where)}`);
      for (const route of g.routes) routeLines(route, indent);
      for (const child of g.children) walk(child, depth + 1);
    };
    // Every Koa router is a heading under its app, a nested one (K5) under the router that cloned it in.
    const koaRouter = (g: ContextGroup<Route & { mountPrefix?: string }>, depth: number) => {
      const where = `${routerDescription(g.context, g.routes.map(x => x.mountPrefix ?? '/'))}  ${g.context.file}:${g.context.line}`;
      lines.push(`${'  '.repeat(depth + 1)}${c('36', p(routerName(g.context)))}  ${c('2', p(where))}`);
      for (const route of g.routes) routeLines(route, '  '.repeat(depth + 2));
      for (const child of g.children) koaRouter(child, depth + 1);
    };
    for (const g of groups) if (koa) koaRouter(g, 0); else walk(g, 0);
  });
  const unmounted = [...byApp.entries()].filter(([k]) => k >= r.apps.length).flatMap(([, v]) => v);
  if (unmounted.length) {
    lines.push(c('1', t.unmounted));
    for (const route of unmounted) lines.push(`  ${p(route.method).padEnd(6)} ${p(route.path)}  ${c('2', `${p(route.file)}:${route.line}`)}`);
  }
  lines.push('');
  if (r.findings.length) {
    lines.push(c('1', t.findings(r.findings.length)));
    for (const f of r.findings) {
      const sev = c(f.severity === 'error' ? '31' : f.severity === 'warning' ? '33' : '34', t.severity[f.severity]);
      lines.push(`  ${p(f.file)}:${f.line}:${f.column}  ${sev}  ${p(f.message)}  ${c('2', `${STOP_GLYPHS[f.stop]} ${f.ruleId}`)}`);
    }
  } else lines.push(c('32', t.noFindings));
  if (r.skipped.length) {
    lines.push('', c('2', t.skipped(r.skipped.length)));
    for (const s of r.skipped.slice(0, 20)) lines.push(c('2', `  ${p(s.file)}: ${p(s.reason)}`));
    if (r.skipped.length > 20) lines.push(c('2', `  ${t.andMore(r.skipped.length - 20)}`));
  }
  lines.push(c('2', t.totals(r.routes.length, r.stats.files, r.stats.ms)));
  end();
}

/**
 * "Protected except …": what the route's auth layers let through before their check, with where
 * the test is; on a route such a test lets through, which layer and why it matters.
 */
function exemptionLines(route: Route, t: CliText): string[] {
  const out: string[] = [];
  for (const e of route.exemptions ?? []) {
    const at = `${p(e.file)}:${e.line}`;
    if (e.exempts) out.push(`${p(e.by)} ${t.letsThrough} ${p(e.test)} (${at})${e.caveat ? `; ${p(e.caveat)}` : ''}`);
  }
  const kept = (route.exemptions ?? []).filter(e => !e.exempts && route.authBy.includes(e.by));
  if (kept.length) out.push(`${t.protectedExcept} ${kept.map(e => `${p(e.test)} (${p(e.by)}, ${p(e.file)}:${e.line})`).join(', ')}`);
  return out;
}
