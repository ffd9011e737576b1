// Stop 3: route paths that path-to-regexp 8 refuses (or reads otherwise), the syntax of Express 5 and
// of @koa/router ≥ 14 / koa-router 14 (framework-semantics "Express 5 path syntax", K15). On those
// versions the router throws when the route is registered, so the app does not start: an error. On
// Express 4 and older Koa routers the same path works today and breaks on the upgrade: info. Which
// syntax a stack's routers read comes from its adapter (StackOrigin.pathSyntax, from the installed
// or declared version); the path is the route's own argument as written (ModelRoute.writtenPath).
import type { Fix, ModelRoute } from '../core/model';
import { balanced } from '../core/path-matcher';
import type { RuleReport } from '../core/rule';
import { defineRule, placeKey } from './define-rule';

/** The syntaxes that are path-to-regexp 8, as the adapters name them. */
const V8 = new Set(['express5', 'path-to-regexp 8']);
const IDENT = /^[A-Za-z_$][\w$]*/;

/** One construct of a path that path-to-regexp 8 refuses or reads otherwise. */
interface Problem {
  construct: string;
  /** Why v8 refuses or reads it otherwise: a key of the rule's `why` phrases. */
  why: string;
  /** v8 reads it, but not as path-to-regexp 0.1/6 do (only worth saying before the upgrade). */
  differs?: true;
  /** The v8 spelling, as a replacement of `from` inside the path literal. */
  fix?: { from: string; to: string };
}

export const express5PathSyntax = defineRule({
  id: 'express5-path-syntax',
  stop: 3,
  frameworks: ['express', 'koa'],
  description: 'Route paths use the syntax path-to-regexp 8 accepts (Express 5, @koa/router 14+, koa-router 14).',
  defaultSeverity: 'error',
  messages: {
    rejected: "'{{path}}': {{construct}} {{why}}; {{router}} (path-to-regexp 8) throws when the route is registered, so the app does not start.",
    upgrade: "'{{path}}': {{construct}} {{why}}; {{target}} (path-to-regexp 8) throws on it when the route is registered: rewrite it before upgrading.",
    differs: "'{{path}}': {{construct}} {{why}}",
  },
  phrases: {
    why: {
      'bad-name': 'is not a parameter name v8 accepts (names are JavaScript identifiers)',
      'no-name': 'has no parameter name',
      'regex-rest': 'matches across slashes with a regular expression group, which path-to-regexp 8 no longer takes',
      'regex-param': 'constrains a parameter with a regular expression, which path-to-regexp 8 no longer takes (check the value in the handler)',
      optional: 'is an optional parameter',
      'repeat-zero': 'repeats a parameter (zero or more segments)',
      'repeat-one': 'repeats a parameter (one or more segments)',
      wildcard: 'is a wildcard without a name',
      'regex-group': 'is a regular expression group, which path-to-regexp 8 no longer takes',
      reserved: 'is a character path-to-regexp 8 reserves',
      braces: 'is literal text here, but path-to-regexp 8 (Express 5, @koa/router 14+) reads braces as an optional part',
    },
    target: { express5: 'Express 5', koa: '@koa/router 14+ (and koa-router 14)' },
  },
  translations: {
    ru: {
      description: 'Пути маршрутов записаны в синтаксисе, который принимает path-to-regexp 8 (Express 5, @koa/router 14+, koa-router 14).',
      phrases: {
        why: {
          'bad-name': '— не имя параметра, которое принимает v8 (имена — идентификаторы JavaScript)',
          'no-name': '— параметр без имени',
          'regex-rest': 'совпадает через слеши с помощью группы регулярного выражения, а path-to-regexp 8 их больше не принимает',
          'regex-param': 'ограничивает параметр регулярным выражением, а path-to-regexp 8 их больше не принимает (проверяйте значение в обработчике)',
          optional: '— необязательный параметр',
          'repeat-zero': 'повторяет параметр (ноль или больше сегментов)',
          'repeat-one': 'повторяет параметр (один или больше сегментов)',
          wildcard: '— wildcard без имени',
          'regex-group': '— группа регулярного выражения, а path-to-regexp 8 их больше не принимает',
          reserved: '— символ, который path-to-regexp 8 резервирует',
          braces: 'здесь обычный текст, но path-to-regexp 8 (Express 5, @koa/router 14+) читает фигурные скобки как необязательную часть',
        },
        target: { express5: 'Express 5', koa: '@koa/router 14+ (и koa-router 14)' },
      },
      messages: {
        rejected: '\'{{path}}\': {{construct}} {{why}}; {{router}} (path-to-regexp 8) бросает исключение при регистрации маршрута, и приложение не запускается.',
        upgrade: '\'{{path}}\': {{construct}} {{why}}; {{target}} (path-to-regexp 8) бросит на нём исключение при регистрации маршрута: перепишите путь до обновления.',
        differs: '\'{{path}}\': {{construct}} {{why}}',
      },
    },
  },
  messageSeverity: { upgrade: 'info', differs: 'info' },
  check(ctx) {
    const out: RuleReport[] = [];
    // One registration can make several routes (methods): one finding per construct it writes.
    const seen = new Set<string>();
    for (const route of ctx.model.routes) {
      if (route.framework !== 'express' && route.framework !== 'koa') continue;
      const path = route.writtenPath;
      if (path === undefined || !/[:*?+()[\]!{}]/.test(path)) continue;
      const v8 = V8.has(ctx.model.origins[route.app]?.pathSyntax ?? '');
      for (const problem of problemsOf(path)) {
        // Braces: v8 (and the Koa routers' v6) read an optional part; only Express 4 reads them as text.
        if (problem.differs && (v8 || route.framework === 'koa')) continue;
        const key = `${placeKey(route.range)}|${problem.construct}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(report(route, path, problem, v8, ctx.model.contexts?.find(c => c.id === route.context)?.routerPackage));
      }
    }
    return out;
  },
});

function report(route: ModelRoute, path: string, p: Problem, v8: boolean, pkg: { name: string; version: string | null } | undefined): RuleReport {
  const express = route.framework === 'express';
  const data: Record<string, string> = { path, construct: `\`${p.construct}\``, why: p.why };
  if (v8) data.router = express ? 'Express 5' : `${pkg?.name ?? 'the router'}${pkg?.version ? ` ${pkg.version}` : ''}`;
  else data.target = express ? 'express5' : 'koa';
  const messageId = p.differs ? 'differs' : v8 ? 'rejected' : 'upgrade';
  // The path's backslashes are doubled in the string literal that writes it (`'/:id(\\d+)'`).
  const fix = p.fix && { from: p.fix.from.replace(/\\/g, '\\\\'), to: p.fix.to };
  const fixes: Fix[] = fix ? [{ kind: 'replace-text', title: `Write ${fix.to} (path-to-regexp 8)`, at: route.range, ...fix }] : [];
  return { ...route.range, messageId, data, related: [], fixes };
}

/** What path-to-regexp 8 refuses or reads otherwise in a path, left to right. */
export function problemsOf(path: string): Problem[] {
  const out: Problem[] = [];
  for (let i = 0; i < path.length; i++) {
    const ch = path[i];
    const before = path[i - 1];
    if (ch === '\\') { i++; continue; } // an escaped character is literal in every version
    if (ch === ':') {
      if (path[i + 1] === '"') { i = path.indexOf('"', i + 2); if (i < 0) break; continue; } // v8 quoted name
      const name = IDENT.exec(path.slice(i + 1))?.[0];
      if (!name) {
        const v4 = /^\w+/.exec(path.slice(i + 1))?.[0];
        out.push({ construct: `:${v4 ?? ''}`, why: v4 ? 'bad-name' : 'no-name' });
        if (v4) i += v4.length;
        continue;
      }
      i += name.length;
      const next = path[i + 1];
      if (next === '(') {
        const close = balanced(path, i + 1);
        const group = close < 0 ? path.slice(i + 1) : path.slice(i + 1, close + 1);
        // `:key(*)` (0.1 reads `*` as `.*`) and `:key(.*)` match across slashes: v8's wildcard `*key` does.
        const rest = group === '(*)' || group === '(.*)';
        const why = rest ? 'regex-rest' : 'regex-param';
        out.push({ construct: `:${name}${group}`, why, fix: { from: `:${name}${group}`, to: rest ? `*${name}` : `:${name}` } });
        if (close < 0) break;
        i = close;
      } else if (next === '?' || next === '*' || next === '+') {
        const to = next === '?' ? `{/:${name}}` : next === '*' ? `{/*${name}}` : `/*${name}`;
        const what = next === '?' ? 'optional' : next === '*' ? 'repeat-zero' : 'repeat-one';
        out.push({ construct: `:${name}${next}`, why: what, ...(before === undefined || path[i - name.length - 1] === '/' ? { fix: { from: `/:${name}${next}`, to } } : {}) });
        i++;
      }
      continue;
    }
    if (ch === '*') {
      const name = IDENT.exec(path.slice(i + 1))?.[0];
      if (name) { i += name.length; continue; } // `*splat`: v8's named wildcard
      const segment = (before === undefined || before === '/') && (path[i + 1] === undefined || path[i + 1] === '/');
      const fix = !segment ? undefined : path === '*' ? { from: '*', to: '/{*splat}' } : { from: '/*', to: '/{*splat}' };
      out.push({ construct: '*', why: 'wildcard', ...(fix ? { fix } : {}) });
      continue;
    }
    if (ch === '(') {
      const close = balanced(path, i);
      // A modifier after the group (`(/since)?`) is part of it: one construct, one finding.
      const end = close < 0 ? path.length : '?*+'.includes(path[close + 1] ?? '') ? close + 2 : close + 1;
      const group = path.slice(i, end);
      const fix = group === '(.*)' && (before === undefined || before === '/') ? { from: '(.*)', to: '{*path}' } : undefined;
      out.push({ construct: group, why: 'regex-group', ...(fix ? { fix } : {}) });
      if (close < 0) break;
      i = end - 1;
      continue;
    }
    if ('?+![]'.includes(ch)) { out.push({ construct: ch, why: 'reserved' }); continue; }
    if (ch === '{' || ch === '}') {
      const close = ch === '{' ? path.indexOf('}', i) : -1;
      const text = close > 0 ? path.slice(i, close + 1) : ch;
      out.push({ construct: text, why: 'braces', differs: true });
      if (close > 0) i = close;
    }
  }
  return out;
}
