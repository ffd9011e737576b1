// Stop 4, Koa, router-version dependent (K12): a `router.use(auth)` written without a path on a
// router with a prefix (the `prefix` option, `router.prefix()`, or a nesting router's use-path).
// @koa/router 14.0.0 through 15.7.0 and koa-router 14 compile that use-layer's path without the `i`
// flag while routes match case-insensitively, so `GET /API/secret` reaches the handler and skips
// the auth. @koa/router 12 and 13 are not affected; no later release was checked to fix it.
// A use written with a path (`router.use('/admin', auth)`, `parent.use('/kids', auth, kids.routes())`,
// K11) is skipped the same way only on koa-router 14 and @koa/router 14.0.0, which compile that path
// as a raw case-sensitive RegExp; @koa/router 12, 13 and 15 match it in any case. The verdict hangs
// on the installed version, which the adapter reads into the router's context.
import type { ModelContext, ModelRoute, SourceRange } from '../core/model';
import type { RuleReport } from '../core/rule';
import { at, defineRule, placeKey } from './define-rule';

/** The last @koa/router release checked (2026-12-04): every release from 14.0.0 to it has the bypass. */
const LAST_CHECKED = '15.7.0';

export const koaRouterCaseBypass = defineRule({
  id: 'koa-router-case-bypass',
  stop: 4,
  frameworks: ['koa'],
  description: "A path-less router.use(auth) under a router prefix must not be skipped by a case variant of the prefix on the installed router version.",
  defaultSeverity: 'error',
  messages: {
    bypass: '{{auth}} is skipped for a case variant of the prefix {{prefix}}: {{pkg}} {{version}} ({{from}}) matches this path-less use '
      + 'case-sensitively while its routes match in any case, so {{variant}} reaches {{route}} without {{auth}}. {{fixed}}',
    bypassPath: '{{auth}} is skipped for a case variant of its use-path {{path}}: {{pkg}} {{version}} ({{from}}) compiles that path as a '
      + 'case-sensitive RegExp while its routes match in any case, so {{variant}} reaches {{route}} without {{auth}}. {{fixed}}',
  },
  phrases: {
    from: { installed: 'installed in node_modules', lock: 'read from the lock file', declared: "read from package.json's range" },
    fixed: {
      none: 'No release fixes it yet (checked through @koa/router {{checked}}); @koa/router 13 is not affected. Until then, add the auth to the routes themselves or app.use() it before the router.',
      noneKoaRouter: 'No release fixes it yet (checked through @koa/router {{checked}}); @koa/router 13 is not affected (koa-router 14 is the same code). Until then, add the auth to the routes themselves or app.use() it before the router.',
      upgrade: '@koa/router 15.0.0 and later (and 12, 13) match a use-path in any case: upgrade, or add the auth to the routes themselves.',
    },
  },
  translations: {
    ru: {
      description: 'router.use(auth) без пути под префиксом роутера не должен обходиться, если написать префикс в другом регистре (на установленной версии роутера).',
      phrases: {
        from: { installed: 'установлен в node_modules', lock: 'из lock-файла', declared: 'по диапазону из package.json' },
        fixed: {
          none: 'Ни один выпуск этого пока не исправил (проверено до @koa/router {{checked}}); @koa/router 13 не затронут. А пока добавьте авторизацию в сами маршруты или подключите её через app.use() до роутера.',
          noneKoaRouter: 'Ни один выпуск этого пока не исправил (проверено до @koa/router {{checked}}); @koa/router 13 не затронут (koa-router 14 — тот же код). А пока добавьте авторизацию в сами маршруты или подключите её через app.use() до роутера.',
          upgrade: '@koa/router 15.0.0 и новее (а также 12 и 13) сравнивают путь use без учёта регистра: обновитесь или добавьте авторизацию в сами маршруты.',
        },
      },
      messages: {
        bypass: '{{auth}} пропускается, если написать префикс {{prefix}} в другом регистре: {{pkg}} {{version}} ({{from}}) сравнивает этот use без пути с учётом регистра, а его маршруты — без учёта, поэтому {{variant}} доходит до {{route}} без {{auth}}. {{fixed}}',
        bypassPath: '{{auth}} пропускается, если написать его путь {{path}} в другом регистре: {{pkg}} {{version}} ({{from}}) компилирует этот путь в RegExp с учётом регистра, а его маршруты сравнивает без учёта, поэтому {{variant}} доходит до {{route}} без {{auth}}. {{fixed}}',
      },
    },
  },
  check(ctx) {
    // The first route (in route order) each auth layer's chain entry is at, by the entry's place: one pass over the chains.
    const firstRoute = new Map<string, ModelRoute>();
    for (const route of ctx.model.routes) {
      route.chainRanges.forEach((r, i) => {
        if (!r || route.chain[i].level !== 'router') return;
        const key = placeKey(r);
        if (!firstRoute.has(key)) firstRoute.set(key, route);
      });
    }
    const out: RuleReport[] = [];
    for (const c of ctx.model.contexts ?? []) {
      if (c.framework !== 'koa' || !c.routerPackage || !affected(c.routerPackage)) continue;
      for (const use of c.pathlessUses ?? []) {
        if (use.kind !== 'auth' || !use.protects || !use.range || !hasCaseVariant(use.prefix)) continue;
        const route = firstRoute.get(placeKey(use.range));
        if (!route || !startsWithInAnyCase(route.path, use.prefix)) continue;
        const range = use.range;
        const inputs = [use.name, use.prefix, c.routerPackage.name, c.routerPackage.version, c.routerPackage.from, route.method, route.path];
        out.push(ctx.reuse(range, inputs, () => report(range, use.name, use.prefix, c, route)));
      }
      if (!rawUsePaths(c.routerPackage)) continue;
      for (const use of c.pathUses ?? []) {
        if (use.kind !== 'auth' || !use.protects || !use.range || !hasCaseVariant(use.path)) continue;
        const route = firstRoute.get(placeKey(use.range));
        if (!route || !startsWithInAnyCase(route.path, use.path)) continue;
        const range = use.range;
        const inputs = ['path', use.name, use.path, c.routerPackage.name, c.routerPackage.version, c.routerPackage.from, route.method, route.path];
        out.push(ctx.reuse(range, inputs, () => reportPath(range, use.name, use.path, c, route)));
      }
    }
    return out;
  },
});

function report(range: SourceRange, auth: string, prefix: string, c: ModelContext, route: ModelRoute): RuleReport {
  const pkg = c.routerPackage!;
  const variant = prefix.toUpperCase() + route.path.slice(prefix.length);
  return {
    ...range,
    messageId: 'bypass',
    data: {
      auth, prefix, pkg: pkg.name, version: pkg.version!, from: pkg.from ?? 'declared', variant: `${route.method} ${variant}`,
      route: `${route.method} ${route.path} (${at(route.range)})`, fixed: pkg.name === 'koa-router' ? 'noneKoaRouter' : 'none', checked: LAST_CHECKED,
    },
    related: [{ ...route.range, message: `${route.method} ${variant} reaches this route without ${auth}` }],
    fixes: [],
  };
}

function reportPath(range: SourceRange, auth: string, path: string, c: ModelContext, route: ModelRoute): RuleReport {
  const pkg = c.routerPackage!;
  const variant = path.toUpperCase() + route.path.slice(path.length);
  return {
    ...range,
    messageId: 'bypassPath',
    data: {
      auth, path, pkg: pkg.name, version: pkg.version!, from: pkg.from ?? 'declared', variant: `${route.method} ${variant}`,
      route: `${route.method} ${route.path} (${at(route.range)})`, fixed: 'upgrade',
    },
    related: [{ ...route.range, message: `${route.method} ${variant} reaches this route without ${auth}` }],
    fixes: [],
  };
}

/** Whether the router package at its version has the bypass (versions past the last checked one are not assumed). */
function affected(pkg: NonNullable<ModelContext['routerPackage']>): boolean {
  const v = parseVersion(pkg.version);
  if (!v) return false;
  if (pkg.name === 'koa-router') return v[0] === 14;
  return pkg.name === '@koa/router' && compare(v, [14, 0, 0]) >= 0 && compare(v, parseVersion(LAST_CHECKED)!) <= 0;
}

/** Whether the router compiles a use written with a path as a raw case-sensitive RegExp (K11): koa-router 14, @koa/router 14.0.0. */
function rawUsePaths(pkg: NonNullable<ModelContext['routerPackage']>): boolean {
  const v = parseVersion(pkg.version);
  if (!v) return false;
  return (pkg.name === 'koa-router' && v[0] === 14) || (pkg.name === '@koa/router' && compare(v, [14, 0, 0]) === 0);
}

function parseVersion(version: string | null): [number, number, number] | null {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version ?? '');
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

function compare(a: readonly number[], b: readonly number[]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/**
 * Whether the prefix has a case variant the use misses: a static prefix with a letter. A prefix with
 * a parameter (`/t/:tenant`) is compiled with the `i` flag and not affected (K12).
 */
function hasCaseVariant(prefix: string): boolean {
  return /[a-z]/i.test(prefix) && !/[:*(?]/.test(prefix);
}

function startsWithInAnyCase(path: string, prefix: string): boolean {
  return path.toLowerCase().startsWith(prefix.toLowerCase());
}
