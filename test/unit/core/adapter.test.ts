// The adapter seam (core/adapter.ts): hooks that run the program's code through AdapterRuntime, entry
// points no code calls, and the replay contract, shown with a small made-up framework, "plug":
//   const app = require('plug')();  app.register(plugin, { prefix });  inside a plugin: p.route(path)
// `register` runs the plugin with a child context; the test reads what each context registered.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { exclusiveArms, type AdapterRuntime, type FrameworkAdapter, type FrameworkSession } from '../../../src/core/adapter';
import { WorkspaceAnalyser } from '../../../src/core/analyse';
import { loadConfig } from '../../../src/core/config';
import type { EvaluationHooks } from '../../../src/core/evaluate';
import { Arg, HostObject, Site, UNKNOWN, Value, asString } from '../../../src/core/values';
import { withWorkspace } from '../workspace';

interface PlugHost extends HostObject {
  framework: 'plug';
  prefix: string;
  routes: string[];
}

/** A queued `later(fn)`: settled after the program ran (see FrameworkSession.settle). */
interface Queued { fn: Value; host: PlugHost; site: Site }

type LogEntry = { host: PlugHost } | { queued: Queued };

/** The made-up framework's recorder: contexts in creation order, each with the routes registered on it. */
class PlugRecorder implements EvaluationHooks {
  readonly hosts: PlugHost[] = [];
  readonly queue: Queued[] = [];
  readonly log: LogEntry[] = [];
  private nextId = 1;

  replay(entries: unknown[]): void {
    for (const e of entries as LogEntry[]) {
      if ('host' in e) this.hosts.push(e.host); else this.queue.push(e.queued);
      this.log.push(e);
    }
  }

  create(prefix: string, site: Site, rt: AdapterRuntime): PlugHost {
    const host: PlugHost = { framework: 'plug', kind: 'context', id: this.nextId++, site, owner: rt.owner, prefix, routes: [] };
    this.hosts.push(host);
    this.log.push({ host });
    return host;
  }

  call(callee: Value, args: Arg[], site: Site, rt: AdapterRuntime): Value | undefined {
    if (callee.t === 'pkg' && callee.name === 'plug' && callee.path.length === 0) return { t: 'host', host: this.create('', site, rt) };
    if (callee.t !== 'method' || callee.host.framework !== 'plug') return undefined;
    const host = callee.host as PlugHost;
    if (callee.name === 'route') {
      host.routes.push(host.prefix + (asString(args[0]?.value ?? UNKNOWN('no path')) ?? '?'));
      return { t: 'host', host };
    }
    if (callee.name === 'later') {
      const queued: Queued = { fn: args[0].value, host, site };
      this.queue.push(queued);
      this.log.push({ queued });
      return { t: 'host', host };
    }
    if (callee.name === 'register') {
      const opts = args[1]?.value;
      const prefix = opts?.t === 'obj' ? asString(opts.props.get('prefix') ?? UNKNOWN('no prefix')) ?? '' : '';
      const child = this.create(host.prefix + prefix, site, rt);
      rt.call(args[0].value, [{ value: { t: 'host', host: child }, name: 'instance', site }, args[1] ?? { value: UNKNOWN('no options'), name: 'opts', site }], site);
      return { t: 'host', host };
    }
    return undefined;
  }

  member(obj: HostObject, prop: string): Value | undefined {
    return obj.framework === 'plug' ? { t: 'method', host: obj, name: prop } : undefined;
  }

  assign(): void {}
}

/** The adapter, keeping its last session's recorder for the test to read; `entryFile` names a plugin file no code calls. */
function plugAdapter(entryFile?: string): FrameworkAdapter & { last: PlugRecorder | null } {
  const isEntry = (files: readonly string[]) => files.filter(f => entryFile !== undefined && f.endsWith(entryFile));
  const adapter = {
    framework: 'express' as const,
    packages: ['plug'],
    // Entry files matter though nothing imports them: named to the closure too (core/closure.ts).
    scope: { entries: isEntry },
    last: null as PlugRecorder | null,
    start(): FrameworkSession {
      const rec = (adapter.last = new PlugRecorder());
      return {
        hooks: rec,
        entries: isEntry,
        entry(file, exports, rt) {
          const site: Site = { file, span: { start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 } };
          rt.call(exports, [{ value: { t: 'host', host: rec.create('', site, rt) }, name: 'fastify', site }], site);
        },
        settle(rt) {
          for (const q of rec.queue) rt.call(q.fn, [{ value: { t: 'host', host: q.host }, name: 'instance', site: q.site }], q.site);
        },
        finish: () => ({ apps: [], routes: [], stacks: [], origins: [], annotations: [] }),
      };
    },
  };
  return adapter;
}

/** `prefix: routes` per context, in creation order. */
function contexts(rec: PlugRecorder): string[] {
  return rec.hosts.map(h => `${h.prefix || '(root)'}: ${h.routes.join(' ')}`);
}

function analyse(root: string, adapter: FrameworkAdapter): WorkspaceAnalyser {
  const analyser = new WorkspaceAnalyser(root, loadConfig(root), [adapter], []);
  analyser.analyse();
  return analyser;
}

/**
 * Analyses `files` (entry point `cli-app.js`), checks the contexts, then edits each file in turn (an
 * unsaved overlay changing '/me' and '/status') and compares the re-analysis with a cold run; returns
 * how many modules were replayed.
 */
function checkEdits(files: Record<string, string>, expected: string[]): number {
  return withWorkspace(files, root => {
    const warm = plugAdapter('cli-app.js');
    const analyser = analyse(root, warm);
    assert.deepStrictEqual(contexts(warm.last!), expected);
    let replayed = 0;
    for (const file of Object.keys(files)) {
      const full = path.join(root, file);
      const edited = fs.readFileSync(full, 'utf8').replace("'/me'", "'/me2'").replace("'/status'", "'/ok'") + '\n// edited\n';
      analyser.invalidate({});
      replayed += analyser.analyse(new Map([[full, edited]])).stats.replayed ?? 0;
      const cold = plugAdapter('cli-app.js');
      new WorkspaceAnalyser(root, loadConfig(root), [cold], []).analyse(new Map([[full, edited]]));
      assert.deepStrictEqual(contexts(warm.last!), contexts(cold.last!), `after editing ${file}`);
    }
    return replayed;
  });
}

describe('adapter runtime (AdapterRuntime)', () => {
  it('a hook runs the plugin closure it is given, with a host argument, and sees what the plugin registers', () => {
    withWorkspace({
      'app.js': `const app = require('plug')();
app.register(function users(p, opts) { p.route('/'); p.route('/:id'); }, { prefix: '/users' });
app.route('/health');
`,
    }, root => {
      const adapter = plugAdapter();
      analyse(root, adapter);
      assert.deepStrictEqual(contexts(adapter.last!), ['(root): /health', '/users: /users/ /users/:id']);
    });
  });

  it('runs plugins from other files, nested, and async ones', () => {
    withWorkspace({
      'app.js': `const app = require('plug')();
app.register(require('./api'), { prefix: '/api' });
`,
      'api.js': `module.exports = async function api(p) {
  await p.register(require('./users'), { prefix: '/users' });
  p.route('/status');
};
`,
      'users.js': `module.exports = async (p) => { p.route('/me'); };
`,
    }, root => {
      const adapter = plugAdapter();
      analyse(root, adapter);
      assert.deepStrictEqual(contexts(adapter.last!), ['(root): ', '/api: /api/status', '/api/users: /api/users/me']);
    });
  });

  it('a plugin that calls itself is cut off instead of looping', () => {
    withWorkspace({
      'app.js': `const app = require('plug')();
function again(p) { p.route('/x'); p.register(again); }
app.register(again);
`,
    }, root => {
      const adapter = plugAdapter();
      analyse(root, adapter);
      assert.deepStrictEqual(contexts(adapter.last!), ['(root): ', '(root): /x', '(root): ']);
    });
  });

  it('an entry point: the exports of a file no code calls are handed to the adapter', () => {
    withWorkspace({
      'app.js': `module.exports = async function (fastify) {
  fastify.register(require('./routes/users'), { prefix: '/users' });
};
`,
      'routes/users.js': `module.exports = async function (p) { p.route('/'); };
`,
    }, root => {
      const adapter = plugAdapter('app.js');
      analyse(root, adapter);
      assert.deepStrictEqual(contexts(adapter.last!), ['(root): ', '/users: /users/']);
    });
  });

  it('after an edit, replayed modules give what a cold run gives (plugins across files, entry points)', () => {
    const replayed = checkEdits({
      'server.js': `const app = require('plug')();
app.register(require('./api'), { prefix: '/api' });
`,
      'api.js': `const shared = require('./shared');
module.exports = function api(p) { p.register(require('./users'), { prefix: '/users' }); p.route(shared.path); };
`,
      'users.js': `module.exports = (p) => { p.route('/me'); };
`,
      'shared.js': `module.exports = { path: '/status' };
`,
      'cli-app.js': `module.exports = function (p) { p.register(require('./users'), { prefix: '/cli' }); };
`,
    }, ['(root): ', '/api: /api/status', '/api/users: /api/users/me', '(root): ', '/cli: /cli/me']);
    assert.ok(replayed > 0, 'modules were replayed');
  });

  it('work the adapter queued is settled after the program ran, also when the module that queued it is replayed', () => {
    checkEdits({
      'app.js': `const app = require('plug')();
app.later(require('./late'));
app.route('/now');
`,
      'late.js': `module.exports = p => p.route('/me');
`,
      'other.js': `require('plug');
`,
    }, ['(root): /now /me']);
  });
});

describe('exclusiveArms', () => {
  const ifA = {};
  const ifB = {};
  const thenA = { exec: ifA, arm: 0 as const, up: null };
  const elseA = { exec: ifA, arm: 1 as const, up: null };
  it('the two arms of one execution of an if exclude each other', () => {
    assert.strictEqual(exclusiveArms(thenA, elseA), true);
    assert.strictEqual(exclusiveArms(thenA, thenA), false);
  });
  it('an inner if inside one arm still excludes the other arm of the outer one', () => {
    const innerElse = { exec: ifB, arm: 1 as const, up: thenA };
    assert.strictEqual(exclusiveArms(innerElse, elseA), true);
    assert.strictEqual(exclusiveArms(innerElse, { exec: ifB, arm: 0 as const, up: thenA }), true);
  });
  it('arms of different ifs, or code outside any, exclude nothing', () => {
    assert.strictEqual(exclusiveArms(thenA, { exec: ifB, arm: 1, up: null }), false);
    assert.strictEqual(exclusiveArms(null, elseA), false);
    assert.strictEqual(exclusiveArms(undefined, null), false);
  });
});
