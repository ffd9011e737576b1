// What well-known @fastify plugins add to the context they are registered in (each is wrapped in
// fastify-plugin, so that is the registering context). Registering an auth plugin protects nothing by
// itself (F8), except @fastify/bearer-auth, which adds its own onRequest hook unless told not to.
import type { Arg, Site, Value } from '../../core/values';

/** A plugin's contribution: decorators it adds, and hooks it adds itself. */
export interface PluginEffects {
  decorators: [string, Value][];
  hooks: { phase: 'onRequest' | 'preHandler'; fn: Arg }[];
}

/** Whether a package value used as a hook authenticates (hook-kind.ts): the decorators and hooks above, `fastifyPassport.authenticate(...)`. */
export function authPackageHook(v: Extract<Value, { t: 'pkg' | 'pkgcall' }>): boolean {
  if (AUTH_PLUGINS.has(v.name)) return true;
  return v.name === '@fastify/passport' && v.t === 'pkgcall' && v.path.filter(p => p !== 'default').join('.') === 'authenticate';
}

/** A function one of the plugins above added (a decorator or its own hook), named by its path. */
export function pluginFunction(v: Extract<Value, { t: 'pkgcall' }>): boolean {
  return AUTH_PLUGINS.has(v.name) && v.args.length === 0 && v.path.length === 1;
}

const AUTH_PLUGINS = new Set(['@fastify/basic-auth', '@fastify/bearer-auth', 'fastify-basic-auth', 'fastify-bearer-auth']);

/** What registering package `name` with options `opts` adds to the context; null for packages it does not know. */
export function pluginEffects(name: string, opts: Value | undefined, site: Site): PluginEffects | null {
  const option = (key: string) => (opts?.t === 'obj' ? opts.props.get(key) : undefined);
  const made = (path: string): Value => ({ t: 'pkgcall', name, path: [path], args: [], site });
  switch (name) {
    case '@fastify/basic-auth': case 'fastify-basic-auth':
      return { decorators: [['basicAuth', made('basicAuth')]], hooks: [] };
    case '@fastify/bearer-auth': case 'fastify-bearer-auth': {
      const addHook = option('addHook');
      if (addHook?.t === 'bool' && !addHook.v) return { decorators: [['verifyBearerAuth', made('verifyBearerAuth')]], hooks: [] };
      const phase = addHook?.t === 'str' && addHook.v === 'preHandler' ? 'preHandler' : 'onRequest';
      return { decorators: [], hooks: [{ phase, fn: { value: made('bearerAuthHook'), name: 'bearerAuthHook', site } }] };
    }
    default: return null;
  }
}
