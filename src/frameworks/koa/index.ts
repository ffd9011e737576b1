// The Koa adapter: records apps, routers and what they are given while the interpreter replays the
// workspace, then walks each app's middleware the way Koa runs a request into routes and chains
// (with `when` for code after `await next()`), dispatch order and stop annotations.
import type { AdapterContext, FrameworkAdapter, FrameworkOutput, FrameworkSession } from '../../core/adapter';
import type { AppInfo } from '../../core/model';
import type { Arg } from '../../core/values';
import { koaState } from './analyser-state';
import { annotate } from './annotations';
import { KoaRecorder, ROUTER_PACKAGES } from './hooks';
import { type KoaClassification, classify } from './middleware-kind';
import { koaPathsOf } from './path-matcher';
import { walkApps } from './routes';

export const koaAdapter: FrameworkAdapter = {
  framework: 'koa',
  packages: ['koa', ...ROUTER_PACKAGES],
  paths: koaPathsOf,
  start(ctx: AdapterContext): FrameworkSession {
    const rec = new KoaRecorder(koaState(ctx));
    return {
      hooks: rec,
      finish(): FrameworkOutput {
        // One classification per middleware argument, shared by every route it runs before and kept
        // across runs: an argument of a module replayed after an edit is the same object, holding the
        // same value (the memo is dropped when the configuration, and so the auth names, change).
        const classifyOnce = (arg: Arg): KoaClassification => ctx.memo('koa.classify', arg, () => classify(arg, ctx.config.auth));
        const { routes, stacks, origins, contexts } = walkApps(rec.hosts, rec.nested, rec.ties, classifyOnce, ctx);
        const apps: AppInfo[] = rec.hosts.filter(h => h.kind === 'app').map(h => ({
          framework: 'koa', frameworkVersion: ctx.packageVersionSource(h.site.file, 'koa')?.version ?? null, file: ctx.rel(h.site.file), line: h.site.span.line,
        }));
        // Contexts only when there are some: a workspace without Koa keeps the other frameworks' output as it was.
        const annotations = annotate(rec.hosts, rec.stopSites, routes, classifyOnce, ctx);
        return { apps, routes, stacks, origins, annotations, ...(contexts.length ? { contexts } : {}) };
      },
    };
  },
};
