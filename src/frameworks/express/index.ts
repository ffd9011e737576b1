// The Express adapter: records registrations while the interpreter replays the workspace, then
// walks each app's stack into routes, chains, dispatch order and stop annotations.
import type { AdapterContext, FrameworkAdapter, FrameworkOutput, FrameworkSession } from '../../core/adapter';
import type { AppInfo } from '../../core/model';
import type { Arg } from '../../core/values';
import { expressState } from './analyser-state';
import { annotate, hostAnnotationsOf } from './annotations';
import { ExpressRecorder, ROUTER_PACKAGES } from './hooks';
import { type Classification, classifier } from './middleware-kind';
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
        // A one-run scan lets each router's recorded layers go once its last walk is over, their stop
        // annotations made first: the functions they hold (and their IR) are not kept to the end of the walk.
        const { routes, stacks, origins } = walkApps(rec.hosts, classify, ctx, ctx.oneRun ? h => letGo(h, classify, ctx) : undefined);
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

/** Empties what was recorded on an app or router (and its `app.route()` objects) once its annotations are made. */
function letGo(host: ExpressHost, classify: (arg: Arg) => Classification, ctx: AdapterContext): void {
  hostAnnotationsOf(host, classify, ctx);
  for (const layer of host.stack) {
    if (layer.type !== 'routeObj') continue;
    hostAnnotationsOf(layer.route, classify, ctx);
    layer.route.routeStack = [];
  }
  host.stack = [];
  host.params = [];
}
