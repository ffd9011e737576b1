// Stop 6: a response holding every row of a collection query with no limit. The handler buffers
// the whole result, then the framework serializes it in one synchronous JSON.stringify: CPU and
// memory grow with the table, and every other request waits while it runs. The query shapes are
// in query-shapes.ts; how the rows reach the response (sent-values.ts):
// - the sent value is the query (`res.json(await User.find())`, `return prisma.user.findMany()`,
//   `ctx.body = await knex('users')`), or a field or item of an object or array sent;
// - through a variable (`const users = await User.find(); res.json({ users })`), pg's `{ rows }` or
//   `.rows` and mysql2's `[rows]` of a SQL result, `.map()` / `.filter()` of the rows;
// - through what a workspace function the handler calls returns (`return UserService.list()`);
// - a promise's `.then(rows => res.json(rows))` or a Node callback `(err, rows) => res.json(rows)`.
// A query without a where clause (the whole collection) is a warning; a filtered one is info.
import type { Expr } from '../core/ir';
import type { Fix, HandlerReach, ModelRoute, SourceRange } from '../core/model';
import type { RuleReport } from '../core/rule';
import { at, defineRule, placeKey } from './define-rule';
import { chainOf, unboundedQuery, type Query } from './query-shapes';
import { bindsOf, followedAt, rangeIn, sentParts, type SentValue } from './sent-values';
import { fit } from '../core/compact';

/** How many variables and workspace functions deep a value is followed. */
const MAX_HOPS = 4;
/** Members of a SQL result that are its rows (pg `result.rows`; mysql2's `[rows]` is read from destructuring). */
const ROWS = new Set(['rows']);
/** Array methods whose result has as many items as the rows they are called on (or a share of them). */
const SAME_ROWS = new Set(['map', 'filter', 'toJSON', 'toObject']);

export const unboundedQueryResponse = defineRule({
  id: 'unbounded-query-response',
  stop: 6,
  frameworks: ['express', 'fastify', 'koa'],
  description: 'A response must not hold every row of a collection query that has no limit.',
  defaultSeverity: 'warning',
  messages: {
    whole: '{{query}} reads the whole collection, with no limit, and {{route}} sends all of it ({{sentAt}}): the response, and the '
      + 'JSON.stringify that blocks the event loop while it runs, grow with the table. Page it ({{bound}}) or stream it.',
    filtered: '{{query}} has no limit, and {{route}} sends every row it matches ({{sentAt}}): the response and its serialization grow '
      + 'with the data. Page it ({{bound}}) if the match can be large.',
  },
  translations: {
    ru: {
      description: 'Ответ не должен содержать все строки запроса к коллекции без лимита.',
      messages: {
        whole: '{{query}} читает всю коллекцию без лимита, и {{route}} отправляет её целиком ({{sentAt}}): ответ и JSON.stringify, блокирующий цикл событий на время работы, растут вместе с таблицей. Добавьте пагинацию ({{bound}}) или отдавайте потоком.',
        filtered: 'У {{query}} нет лимита, и {{route}} отправляет все подходящие строки ({{sentAt}}): ответ и его сериализация растут вместе с данными. Добавьте пагинацию ({{bound}}), если совпадений может быть много.',
      },
    },
  },
  messageSeverity: { filtered: 'info' },
  check(ctx) {
    const out = new Map<string, RuleReport>();
    for (const route of ctx.model.routes) {
      // Derived per part of what the route sends (one function's facts): kept across runs while they live.
      const hits = sentParts(ctx, route).flatMap(part => ctx.derived(part, 'unbounded queries', () => fit(part.flatMap(sent => queriesIn(sent.value, sent.in, MAX_HOPS).map(found => ({ sent, found }))))));
      for (const { sent, found } of hits) {
        const key = placeKey(found.range);
        if (!out.has(key)) out.set(key, ctx.reuse(found.range, [sent.range, sent.by, route.method, route.path, found.query.text], () => report(route, sent, found)));
      }
    }
    return [...out.values()];
  },
});

interface Found {
  query: Query;
  /** The query's start call (`User.find({})`), where the limit goes. */
  range: SourceRange;
  /** Read from a Node callback's parameter: the call's range holds the callback too, so no limit is appended there. */
  callback?: true;
}

/** The unbounded queries whose rows `e`, evaluated in `fn`, holds. */
function queriesIn(e: Expr, fn: HandlerReach, hops: number, rows = false): Found[] {
  if (hops < 0) return [];
  switch (e.k) {
    case 'obj': return e.props.flatMap(p => queriesIn('key' in p ? p.value : p.spread, fn, hops));
    case 'arr': return e.items.flatMap(i => queriesIn(i, fn, hops));
    case 'spread': return queriesIn(e.e, fn, hops);
    case 'cond': return e.alternatives.flatMap(a => queriesIn(a, fn, hops));
    case 'ref': return viaVariable(e.name, fn, hops - 1, rows ? ['rows'] : []);
    case 'member': {
      // `result.rows` of a SQL result; any other member (`users.length`) is not the rows.
      if (typeof e.prop !== 'string' || !ROWS.has(e.prop)) return [];
      return queriesIn(e.obj, fn, hops, true).filter(f => f.query.library === 'sql');
    }
    case 'call': return viaCall(e, fn, hops, rows);
    default: return [];
  }
}

function viaCall(e: Extract<Expr, { k: 'call' }>, fn: HandlerReach, hops: number, rows: boolean): Found[] {
  const c = e.callee;
  if (c.k === 'member' && c.obj.k === 'ref' && c.obj.name === 'JSON' && c.prop === 'stringify') return e.args[0] ? queriesIn(e.args[0], fn, hops) : [];
  if (c.k === 'member' && typeof c.prop === 'string' && SAME_ROWS.has(c.prop)) {
    const inner = queriesIn(c.obj, fn, hops, rows);
    if (inner.length) return inner;
  }
  const links = chainOf(e);
  const query = links && unboundedQuery(links);
  if (query && (!rows || query.library === 'sql')) return [{ query, range: rangeIn(fn, query.start.call.span) }];
  // A workspace function the handler calls: the queries its returns hold.
  const callee = followedAt(fn, e.span);
  if (callee && hops > 0) return callee.returns.flatMap(r => queriesIn(r.value, callee, hops - 1, rows));
  return [];
}

/** The queries a local variable holds (a callback's parameter: the rows the query hands it). */
function viaVariable(name: string, fn: HandlerReach, hops: number, path: string[]): Found[] {
  if (hops < 0) return [];
  const binds = bindsOf(fn, name);
  if (binds.length) {
    return binds.flatMap(b => {
      const p = [...b.path, ...path];
      if (!p.length) {
        const found = queriesIn(b.value, fn, hops);
        return b.from === 'callback' ? found.map(f => ({ ...f, callback: true as const })) : found;
      }
      // `const { rows } = await pool.query(sql)`, `const [rows] = await conn.query(sql)`.
      return p.length === 1 && (p[0] === 'rows' || p[0] === '0') ? queriesIn(b.value, fn, hops, true).filter(f => f.query.library === 'sql') : [];
    });
  }
  return [];
}

function report(route: ModelRoute, sent: SentValue, found: Found): RuleReport {
  const { query } = found;
  const bound = query.library === 'prisma' ? '`take`' : query.library === 'sequelize' ? '`limit`' : query.library === 'sql' ? 'LIMIT' : '`.limit()`';
  return {
    ...found.range,
    messageId: query.filtered ? 'filtered' : 'whole',
    data: { query: query.text, route: `${route.method} ${route.path}`, sentAt: at(sent.range), bound },
    related: [{ ...sent.range, message: `${sent.by} sends the rows here` }],
    fixes: limitFix(found),
  };
}

/**
 * A limit of 100 rows as a start (paging needs the client's offset, which only the author knows):
 * `.limit(100)` after a find or a knex builder, `take` / `limit` in Prisma's or Sequelize's options.
 * None for SQL text, or a query read from a Node callback (its range holds the callback).
 */
function limitFix({ query, range, callback }: Found): Fix[] {
  if (callback) return [];
  if (query.library === 'find' || query.library === 'knex') return [{ kind: 'append-call', title: 'Limit the query to 100 rows', call: range, name: 'limit', args: '100' }];
  if (query.library === 'prisma') return [{ kind: 'add-option', title: 'Limit the query to 100 rows (take)', call: range, name: 'take', value: '100' }];
  if (query.library === 'sequelize') return [{ kind: 'add-option', title: 'Limit the query to 100 rows (limit)', call: range, name: 'limit', value: '100' }];
  return [];
}
