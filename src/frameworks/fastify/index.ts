// The Fastify adapter: runs the plugin tree while the interpreter replays the workspace (contexts,
// hooks, decorators, routes), then turns each context's routes into chains by lifecycle phase.
import type { AdapterContext, FrameworkAdapter, FrameworkOutput, FrameworkSession } from '../../core/adapter';
import type { AppInfo } from '../../core/model';
import type { Arg } from '../../core/values';
import { fastifyState } from './analyser-state';
import { annotate } from './annotations';
import type { FnIR } from '../../core/ir';
import { type HookClassification, type HookCode, classifyHook, hookCode } from './hook-kind';
import { FastifyRecorder } from './hooks';
import { fastifyPaths } from './path-matcher';
import { walkContexts } from './routes';

/** The file fastify-cli's generated apps start from (`fastify start -l info app.js`). */
const CLI_ENTRY = /^app\.[cm]?[jt]s$/;
const cliEntries = (files: readonly string[]) => files.filter(f => CLI_ENTRY.test(f.split(/[\\/]/).pop() ?? ''));

export const fastifyAdapter: FrameworkAdapter = {
  framework: 'fastify',
  packages: ['fastify'],
  scope: { packages: ['fastify-plugin'], folderLoaders: ['@fastify/autoload', 'fastify-autoload'], entries: cliEntries },
  paths: () => fastifyPaths,
  start(ctx: AdapterContext): FrameworkSession {
    const rec = new FastifyRecorder(fastifyState(ctx));
    return {
      hooks: rec,
      // fastify-cli (`fastify start app.js`) calls the plugin app.js exports with a root instance.
      entries: cliEntries,
      entry: (file, exports, rt) => rec.cliEntry(file, exports, rt),
      finish(): FrameworkOutput {
        const seen = new WeakMap<Arg, HookClassification>();
        // Hook arguments are new every run (plugin bodies run again); what classification reads of a
        // function's code is kept as long as the function's IR is, i.e. while its file is unchanged.
        const code = (fn: FnIR): HookCode => ctx.memo('fastify.hookCode', fn, () => hookCode(fn));
        const classify = (arg: Arg) => {
          let c = seen.get(arg);
          if (!c) seen.set(arg, (c = classifyHook(arg, ctx.config.auth, code)));
          return c;
        };
        const { routes, stacks, origins, contexts, routesPerRecord } = walkContexts(rec.roots, classify, ctx);
        const apps: AppInfo[] = rec.roots.map(r => ({
          framework: 'fastify', frameworkVersion: ctx.packageVersion(r.site.file, 'fastify'), file: ctx.rel(r.site.file), line: r.site.span.line,
        }));
        const annotations = annotate(rec.roots, rec.stopSites, routes, routesPerRecord, ctx);
        // Contexts only when there are some: a workspace without Fastify keeps Express's output as it was.
        return { apps, routes, stacks, origins, annotations, ...(contexts.length ? { contexts } : {}) };
      },
    };
  },
};
