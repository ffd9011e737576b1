// Boots a Fastify fixture with the real Fastify 4 or 5 (npm aliases fastify4 / fastify5). The
// fixture exports its root instance (`module.exports = app`), or a plugin the harness registers on
// a root instance of its own (the fastify-cli shape, `module.exports = async function (fastify) {}`).
// Booting is `listen()`, so an app Fastify refuses (a duplicate route, F11) fails here.
// The @fastify plugins a fixture requires check the Fastify major they are loaded into
// (fastify-plugin's `fastify: '5.x'`), so each major gets the plugin majors written for it.

import diagnostics from 'node:diagnostics_channel';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { ListeningApp } from '../harness/listening-app';
import { loadFixture, pickExport, type ModuleBindings } from '../harness/load-fixture';
import type { Runtime, RuntimeApp, RuntimeRoute } from '../harness/runtime-app';
import { TracingSession } from '../harness/tracing-session';
import { instrumentFastify } from './tracing';

export type FastifyMajor = 4 | 5;

/** Bare specifier -> npm alias, per Fastify major (autoload checks no major; 5.x and 6.x are paired as released). */
const PLUGIN_ALIASES: Record<FastifyMajor, Record<string, string>> = {
  4: {
    '@fastify/auth': 'fastifyauth4', '@fastify/jwt': 'fastifyjwt8', '@fastify/middie': 'fastifymiddie8',
    '@fastify/sensible': 'fastifysensible5', '@fastify/autoload': 'fastifyautoload5',
  },
  5: {
    '@fastify/auth': 'fastifyauth5', '@fastify/jwt': 'fastifyjwt10', '@fastify/middie': 'fastifymiddie9',
    '@fastify/sensible': 'fastifysensible6', '@fastify/autoload': 'fastifyautoload6',
  },
};

function bindings(major: FastifyMajor): ModuleBindings {
  const out: ModuleBindings = { fastify: require.resolve(`fastify${major}`) };
  for (const [specifier, alias] of Object.entries(PLUGIN_ALIASES[major])) out[specifier] = require.resolve(alias);
  return out;
}

// Fastify's own types belong to one major; the harness drives both, through this much of them.
interface FastifyInstance {
  register(plugin: unknown): unknown;
  listen(options: { port: number; host: string }): Promise<unknown>;
  close(): Promise<unknown>;
  server: { address(): AddressInfo | string | null };
}

const isFastifyInstance = (value: unknown): value is FastifyInstance =>
  typeof value === 'object' && value !== null && typeof (value as FastifyInstance).register === 'function' && typeof (value as FastifyInstance).listen === 'function';

const isPlugin = (value: unknown): value is (...args: unknown[]) => unknown => typeof value === 'function';

async function bootFastify(root: string, entry: string, major: FastifyMajor, authorization?: string): Promise<RuntimeApp> {
  const modules = bindings(major);
  const fastifyFile = modules.fastify;
  const session = new TracingSession(path.resolve(root));
  const routes: RuntimeRoute[] = [];
  // Published by every Fastify instance at creation, before the code that created it goes on.
  const channel = diagnostics.channel('fastify.initialization');
  const instrument = (message: unknown): void => instrumentFastify((message as { fastify: unknown }).fastify, session, routes);
  channel.subscribe(instrument);
  let app: FastifyInstance;
  try {
    const loaded = await loadFixture(root, entry, modules);
    app = [loaded, loaded?.default].find(isFastifyInstance) ?? withPlugin(require(fastifyFile), pickExport(loaded, isPlugin, entry, 'its fastify instance or a plugin (module.exports = app / module.exports = async function (fastify) {...})'));
  } finally {
    channel.unsubscribe(instrument);
  }
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  const port = (app.server.address() as AddressInfo).port;
  return new ListeningApp(routes, session, { port, close: async () => void (await app.close()) }, authorization);
}

function withPlugin(fastify: () => FastifyInstance, plugin: unknown): FastifyInstance {
  const app = fastify();
  app.register(plugin);
  return app;
}

export const FASTIFY_RUNTIMES: Runtime<FastifyMajor>[] = [
  { framework: 'fastify', label: 'fastify 4', tags: [4], boot: (root, entry, authorization) => bootFastify(root, entry, 4, authorization) },
  { framework: 'fastify', label: 'fastify 5', tags: [5], boot: (root, entry, authorization) => bootFastify(root, entry, 5, authorization) },
];
