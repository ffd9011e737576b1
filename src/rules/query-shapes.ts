// The collection queries unbounded-query-response recognises, read from a call chain as written
// (`User.find({}).sort(...).lean()`), and whether the chain bounds how many rows it returns.
// Shapes (the whole call chain must be links listed here; any other link and the chain is not read):
// - Mongoose / MongoDB / TypeORM `x.find()`, `x.find({...})` (an object or nothing: never
//   Array.prototype.find, which takes a function), or `Model.find(filter)` on a capitalised name;
//   a filter object with keys, or a `.where()` link, makes it filtered.
// - Sequelize `x.findAll(opts?)`, `x.findAndCountAll(opts?)`; Prisma `x.findMany(args?)`: bounded by
//   `limit` / `take` in the options, filtered by `where`; options passed by name are not read.
// - knex: `knex('table')`, `db('table')`, `trx('table')` (also as members: `fastify.knex('t')`,
//   `ctx.app.db('t')`), `knex.select(...)` / `knex.from(...)`, then builder links.
// - SQL text given to `query` / `execute` / `all` / `any` / `manyOrNone`: a literal `SELECT` without
//   LIMIT / TOP / FETCH FIRST whose select list is not a lone aggregate (`count(*)`).
// Bounded everywhere: a `limit`/`take` option or link, `first`, `findOne`, counts, cursors, streams.
import type { Expr } from '../core/ir';

/** One call of a chain: `.sort({ name: 1 })` is { name: 'sort', args }; the first link's receiver as text. */
export interface Link {
  name: string;
  args: Expr[];
  receiver: string;
  /** The call expression ending at this link (its span is where a fix appends). */
  call: Extract<Expr, { k: 'call' }>;
}

export interface Query {
  /** `mongoose`-style find, `sequelize`, `prisma`, `knex` or `sql`, for messages. */
  library: string;
  /** The link that starts the query (`find`, `findAll`, `knex('users')`). */
  start: Link;
  /** Whether a filter narrows it (a where clause): a user's rows rather than the whole table. */
  filtered: boolean;
  /** The text written for the query, shortened: `User.find({})`. */
  text: string;
}

/** Links that pass a query's rows on unchanged in number. */
const PASS = new Set([
  'sort', 'select', 'populate', 'lean', 'exec', 'skip', 'collation', 'hint', 'read', 'project', 'toArray', 'catch',
  'from', 'column', 'columns', 'pluck', 'orderBy', 'join', 'innerJoin', 'leftJoin', 'rightJoin', 'leftOuterJoin', 'groupBy', 'distinctOn', 'as', 'table', 'with',
]);
/** Links that narrow a query by a condition (still unbounded in number). */
const FILTER = /^(where\w*|andWhere\w*|orWhere\w*|and|or|in|equals|gt|gte|lt|lte|elemMatch|regex|having\w*|nor|ne|nin)$/;
const SQL_CALLS = new Set(['query', 'execute', 'all', 'any', 'manyOrNone']);

/** The links of a call chain, innermost first; null when the chain does not start at a named call. */
export function chainOf(e: Expr): Link[] | null {
  const links: Link[] = [];
  let cur: Expr = e;
  while (cur.k === 'call') {
    const c: Expr = cur.callee;
    if (c.k === 'member' && typeof c.prop === 'string') {
      links.unshift({ name: c.prop, args: cur.args, receiver: text(c.obj), call: cur });
      cur = c.obj;
    } else if (c.k === 'ref') {
      links.unshift({ name: c.name, args: cur.args, receiver: '', call: cur });
      return links;
    } else return null;
  }
  return links.length ? links : null;
}

/** An unbounded collection query the chain is, or null (not a query, bounded, or links not read). */
export function unboundedQuery(links: Link[]): Query | null {
  for (let i = 0; i < links.length; i++) {
    const start = startOf(links, i);
    if (!start) continue;
    if (start.bounded) return null;
    let filtered = start.filtered;
    for (const link of links.slice(i + 1)) {
      if (FILTER.test(link.name)) filtered = true;
      else if (!PASS.has(link.name)) return null;
    }
    const l = links[i];
    return { library: start.library, start: l, filtered, text: `${l.receiver ? `${l.receiver}.` : ''}${l.name}(${argsText(l.args)})` };
  }
  return null;
}

/** Whether link `i` starts a query, and what its own arguments say. */
function startOf(links: Link[], i: number): { library: string; bounded: boolean; filtered: boolean } | null {
  const l = links[i];
  const first = l.args[0];
  const opts = l.args.filter((a): a is Extract<Expr, { k: 'obj' }> => a.k === 'obj');
  const bounded = opts.some(o => hasKey(o, 'limit') || hasKey(o, 'take'));
  switch (l.name) {
    case 'find': {
      if (i !== 0 && links[i - 1].name !== 'collection') return null;
      if (first && first.k !== 'obj' && !(first.k === 'ref' && /^[A-Z]/.test(l.receiver))) return null;
      return { library: 'find', bounded, filtered: !!first && (first.k !== 'obj' || first.props.length > 0) };
    }
    case 'findAll': case 'findAndCountAll': case 'findMany': {
      if (first && first.k !== 'obj') return null;
      return { library: l.name === 'findMany' ? 'prisma' : 'sequelize', bounded, filtered: !!first && hasKey(first, 'where') };
    }
    case 'knex': case 'db': case 'trx':
      // A knex instance called with a table name (`knex('users')`, `ctx.app.db('users')`).
      return i === 0 && first?.k === 'str' && l.args.length === 1 ? { library: 'knex', bounded: false, filtered: false } : null;
    case 'select': case 'from':
      return i === 0 && /(^|\.)knex$/.test(l.receiver) ? { library: 'knex', bounded: false, filtered: false } : null;
    default: {
      if (!SQL_CALLS.has(l.name) || i !== 0) return null;
      const sql = sqlText(first);
      if (sql === null || !/^\s*select\b/i.test(sql) || /\b(limit|top|fetch\s+first|offset)\b/i.test(sql)) return null;
      if (/^\s*select\s+(count|sum|avg|min|max|exists)\s*\(/i.test(sql) && !/,/.test(sql.split(/\bfrom\b/i)[0])) return null;
      return { library: 'sql', bounded: false, filtered: /\bwhere\b/i.test(sql) };
    }
  }
}

function hasKey(o: Expr, key: string): boolean {
  return o.k === 'obj' && o.props.some(p => ('key' in p ? p.key === key : true));
}

/** The literal text of SQL written as a string or a template (its expressions left blank), else null. */
function sqlText(e: Expr | undefined): string | null {
  if (!e) return null;
  if (e.k === 'str') return e.v;
  if (e.k === 'concat') return e.parts.map(p => (p.k === 'str' ? p.v : ' ? ')).join('');
  return null;
}

/** A query's arguments for messages: a table name or an empty filter as written, anything else `…`. */
function argsText(args: Expr[]): string {
  if (!args.length) return '';
  const [first] = args;
  if (first.k === 'str') return `'${first.v.length > 40 ? `${first.v.slice(0, 40)}…` : first.v}'${args.length > 1 ? ', …' : ''}`;
  if (args.length === 1 && first.k === 'obj' && !first.props.length) return '{}';
  return '…';
}

/** A receiver as source-like text: `User`, `prisma.user`, `db.collection()`. */
function text(e: Expr): string {
  switch (e.k) {
    case 'ref': return e.name;
    case 'member': return typeof e.prop === 'string' ? `${text(e.obj)}.${e.prop}` : `${text(e.obj)}[…]`;
    case 'call': return `${text(e.callee)}()`;
    default: return '…';
  }
}
