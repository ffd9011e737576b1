// The Express adapter: records registrations while the interpreter replays the workspace, then
// walks each app's stack into routes, chains, dispatch order and stop annotations.
import type { AdapterContext, FrameworkAdapter, FrameworkOutput, FrameworkSession } from '../../core/adapter';
import type { AppInfo } from '../../core/model';
import { expressState } from './analyser-state';
import { annotate } from './annotations';
import { ExpressRecorder, ROUTER_PACKAGES } from './hooks';
import { classifier } from './middleware-kind';
import type { ExpressHost } from './objects';
import { expressPathsOf } from './path-matcher';
import { walkApps } from './routes';

export const expressAdapter: FrameworkAdapter = {
  framework: 'express',
  packages: ['express', ...ROUTER_PACKAGES],
  paths: expressPathsOf,
  start(ctx: AdapterContext): FrameworkSession {
    const rec = new ExpressRecorder(expressState(ctx));
    return {
      hooks: rec,
      finish(): FrameworkOutput {
        // One classification per middleware argument, shared by the walk and the stop annotations.
        const classify = classifier(ctx.config.auth);
        const { routes, stacks, origins } = walkApps(rec.hosts, classify, ctx);
        // One entry per creation site: a factory called from several places is one app in the code.
        const sites = new Set<string>();
        const firstAtSite = (h: ExpressHost) => {
          const key = `${h.site.file}:${h.site.span.start}`;
          return !sites.has(key) && !!sites.add(key);
        };
        const apps: AppInfo[] = rec.hosts.filter(h => h.kind === 'app' && firstAtSite(h)).map(h => ({
          framework: 'express',
          frameworkVersion: ctx.packageVersion(h.site.file, 'express'),
          file: ctx.rel(h.site.file),
          line: h.site.span.line,
        }));
        return { apps, routes, stacks, origins, annotations: annotate(rec, routes, classify, ctx) };
      },
    };
  },
};
