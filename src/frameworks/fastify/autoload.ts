// @fastify/autoload, read from the discovered files instead of run: the folder tree becomes plugin
// registrations the way autoload 5.x/6.x makes them (lib/find-plugins.js, index.js). A folder name is
// the prefix (dirNameRoutePrefix), an `index` file serves its folder alone (its sibling files are not
// loaded, its subfolders are), `autoPrefix`/`prefixOverride` exports and `options.prefix` apply,
// `routeParams` turns `_id` into `:id`, and `autohooks` files wrap their folder (and, with
// cascadeHooks, its subfolders) in a context of their own.
import type { AdapterRuntime } from '../../core/adapter';
import type { Site, Value } from '../../core/values';
import { alternatives, asString } from '../../core/values';
import type { FastifyContext } from './objects';

const SCRIPT = /(?:(?:^.?|\.[^d]|[^.]d|[^.][^d])\.ts|\.js|\.cjs|\.mjs|\.cts|\.mts)$/i;
const INDEX = /^index(?:\.ts|\.js|\.cjs|\.mjs|\.cts|\.mts)$/i;
const AUTOHOOKS = /^[_.]?auto_?hooks(?:\.ts|\.js|\.cjs|\.mjs|\.cts|\.mts)$/i;

/** What autoload asks of the recorder. */
export interface Registrar {
  /** `register(plugin, { prefix })` on `ctx`; `shared`: the plugin is marked skip-override. */
  plugin(ctx: FastifyContext, plugin: Value, prefix: string | null, site: Site, rt: AdapterRuntime, shared: boolean): void;
  /** A child context of `ctx` that autoload fills itself (its composed plugin for a folder with hooks). */
  context(ctx: FastifyContext, prefix: string | null, name: string, site: Site, rt: AdapterRuntime): FastifyContext;
}

interface Options {
  dir: string;
  dirNameRoutePrefix: boolean;
  autoHooks: boolean;
  cascadeHooks: boolean;
  overwriteHooks: boolean;
  routeParams: boolean;
  encapsulate: boolean;
  appendAutoPrefix: boolean;
  maxDepth: number;
  /** `options.prefix` given to every plugin. */
  prefix: string | null;
  ignorePattern: RegExp | null;
  matchFilter: ((p: string) => boolean) | null;
  ignoreFilter: ((p: string) => boolean) | null;
}

interface Node {
  dir: string;
  hooks: string[];
  plugins: { file: string; prefix: string | undefined }[];
}

/** `register(autoload, opts)`: registers the plugins of `opts.dir` on `ctx` (autoload is itself skip-override). */
export function autoload(ctx: FastifyContext, opts: Value | undefined, site: Site, rt: AdapterRuntime, reg: Registrar): void {
  const o = readOptions(opts);
  if (!o) return;
  const tree = new Map<string, Node>();
  buildTree(tree, o.dir, undefined, 0, [], o, rt);
  for (const node of tree.values()) {
    const plugins = node.plugins.flatMap(p => load(p.file, p.prefix, o, rt) ?? []);
    if (!node.hooks.length) {
      for (const p of plugins) reg.plugin(ctx, p.plugin, p.prefix, site, rt, p.shared);
      continue;
    }
    // The folder's plugins go in a context of their own, under their common prefix, after its hooks.
    const prefixes = plugins.map(p => p.prefix).filter((p): p is string => !!p);
    const common = prefixes.length && prefixes.every(p => p === prefixes[0]) ? prefixes[0] : null;
    const scope = reg.context(ctx, common, 'composedPlugin', site, rt);
    for (const h of node.hooks) {
      const hook = pluginOf(rt.requireFile(h));
      if (hook) reg.plugin(scope, hook, null, site, rt, true);
    }
    for (const p of plugins) reg.plugin(scope, p.plugin, common && p.prefix?.startsWith(common) ? p.prefix.slice(common.length) || null : p.prefix, site, rt, p.shared);
  }
}

function readOptions(v: Value | undefined): Options | null {
  const obj = v?.t === 'obj' ? v : null;
  const dir = obj ? asString(obj.props.get('dir') ?? { t: 'unknown', why: '' }) : null;
  if (!obj || !dir) return null;
  const flag = (key: string, dflt: boolean) => {
    const f = obj.props.get(key);
    return f?.t === 'bool' ? f.v : f ? true : dflt;
  };
  const nested = obj.props.get('options');
  const prefix = nested?.t === 'obj' ? asString(nested.props.get('prefix') ?? { t: 'unknown', why: '' }) : null;
  const depth = obj.props.get('maxDepth');
  return {
    dir,
    dirNameRoutePrefix: flag('dirNameRoutePrefix', true), autoHooks: flag('autoHooks', false), cascadeHooks: flag('cascadeHooks', false),
    overwriteHooks: flag('overwriteHooks', false), routeParams: flag('routeParams', false), encapsulate: flag('encapsulate', true),
    appendAutoPrefix: flag('appendAutoPrefix', false), maxDepth: depth?.t === 'num' ? depth.v : Infinity,
    prefix: prefix?.endsWith('/') ? prefix.slice(0, -1) : prefix,
    ignorePattern: pattern(obj.props.get('ignorePattern')), matchFilter: filter(obj.props.get('matchFilter')), ignoreFilter: filter(obj.props.get('ignoreFilter')),
  };
}

function pattern(v: Value | undefined): RegExp | null {
  if (v?.t === 'regex') return new RegExp(v.source, v.flags);
  if (v?.t === 'str') return new RegExp(v.v);
  return null;
}

function filter(v: Value | undefined): ((p: string) => boolean) | null {
  if (v?.t === 'str') return p => p.includes(v.v);
  const re = pattern(v);
  return re ? p => re.test(p) : null;
}

function buildTree(tree: Map<string, Node>, dir: string, prefix: string | undefined, depth: number, inherited: string[], o: Options, rt: AdapterRuntime): void {
  const node: Node = tree.get(dir) ?? { dir, hooks: [], plugins: [] };
  tree.set(dir, node);
  const entries = rt.list(dir) ?? [];
  let hooks = o.autoHooks ? [...inherited] : [];
  const hookFile = o.autoHooks ? entries.find(e => !e.folder && AUTOHOOKS.test(e.name)) : undefined;
  if (hookFile) {
    if (o.overwriteHooks) hooks = [];
    hooks.push(inside(dir, hookFile.name));
  }
  node.hooks = hooks;
  const accumulate = (file: string) => {
    const rel = `/${relativeTo(o.dir, file)}`;
    if (o.matchFilter && !o.matchFilter(rel)) return;
    if (o.ignoreFilter?.(rel)) return;
    node.plugins.push({ file, prefix });
  };
  const index = entries.find(e => !e.folder && INDEX.test(e.name));
  if (index) {
    accumulate(inside(dir, index.name));
    if (entries.every(e => !e.folder)) return;
  }
  for (const e of entries) {
    const file = inside(dir, e.name);
    if (o.ignorePattern?.test(relativeTo(o.dir, file))) continue;
    if (e.folder && depth < o.maxDepth) {
      const crumb = (prefix ? `${prefix}/` : '/') + (o.dirNameRoutePrefix ? e.name : '');
      buildTree(tree, file, crumb, depth + 1, o.autoHooks && o.cascadeHooks ? hooks : [], o, rt);
    } else if (!index && !e.folder && SCRIPT.test(e.name) && !AUTOHOOKS.test(e.name)) {
      accumulate(file);
    }
  }
}

/** A file or folder in `dir`, an absolute path with the discovery's (the platform's) separators. */
function inside(dir: string, name: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith(sep) ? dir + name : dir + sep + name;
}

/** `file` relative to the folder `base` holding it, with `/` separators (as autoload matches filters). */
function relativeTo(base: string, file: string): string {
  return file.slice(base.length).replace(/\\/g, '/').replace(/^\/+/, '');
}

/** A plugin file as autoload registers it: its function, its prefix option, whether it shares its parent's context. */
function load(file: string, dirPrefix: string | undefined, o: Options, rt: AdapterRuntime): { plugin: Value; prefix: string | null; shared: boolean } | null {
  const content = rt.requireFile(file);
  const plugin = pluginOf(content);
  if (!plugin) return null;
  const read = (key: string) => (plugin.t === 'fn' ? plugin.props?.get(key) : undefined) ?? member(content, key);
  if (read('autoload')?.t === 'bool' && !(read('autoload') as { v: boolean }).v) return null;
  const autoPrefix = stringOr(read('autoPrefix'));
  const override = stringOr(read('prefixOverride'));
  let own: string | undefined = dirPrefix;
  if (o.appendAutoPrefix && autoPrefix !== undefined && dirPrefix) own = `${dirPrefix}/${autoPrefix}`;
  else if (autoPrefix !== undefined) own = autoPrefix;
  let prefix = o.prefix;
  if (override !== undefined) prefix = override;
  else if (own) prefix = (prefix ?? '') + own.replace(/\/+/g, '/');
  if (o.routeParams && prefix) prefix = prefix.includes('__') ? prefix.replace(/__/g, ':') : prefix.replace(/\/_/g, '/:');
  return { plugin, prefix, shared: !o.encapsulate };
}

function stringOr(v: Value | undefined): string | undefined {
  return v?.t === 'str' ? v.v : undefined;
}

function member(v: Value, key: string): Value | undefined {
  return v.t === 'obj' ? v.props.get(key) : v.t === 'fn' ? v.props?.get(key) : undefined;
}

/** The plugin a file exports: `module.exports = fn`, `export default fn`, or a route object (wrapped by autoload). */
function pluginOf(content: Value): Value | null {
  for (const c of alternatives(content)) {
    if (c.t === 'fn') return c;
    if (c.t === 'obj') {
      const d = c.props.get('default');
      if (d) return pluginOf(d);
      // TODO(fastify): a file exporting a route object (`{ method, url, handler }`) is wrapped by
      // autoload into a plugin calling route(); not modelled yet.
    }
  }
  return null;
}
