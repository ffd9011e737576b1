// What a route's own functions send as the response body (stop 6 rules), read from the handler
// reach facts: the argument of a send call on the response (`res.json(x)`, `res.send(x)`,
// `reply.send(x)`), the value written to the body (`ctx.body = x`), and, where the framework sends
// it (ModelRoute.sendsReturn), what the handler returns. Values are followed through the function's
// local variables (HandlerReach.binds) and into the workspace functions it calls (their returns).
import type { RuleContext } from '../core/rule';
import type { Expr, Span } from '../core/ir';
import { REACH, type HandlerReach, type ModelRoute, type ReachedBind, type SourceRange } from '../core/model';
import { callWrittenAt, reachedCalls, routeFunctions } from '../core/reach';
import { fit } from '../core/compact';

/**
 * How a body is sent: `json` encodes any value as JSON, a string too (Express `res.json`, `res.jsonp`);
 * `send` sends a string as it is and encodes anything else (`res.send`, `reply.send`, a Koa body, a
 * Fastify return); `end` writes a string or a buffer as it is (`res.end`).
 */
export type SendHow = 'json' | 'send' | 'end';

/** A value a route's function sends as the body. */
export interface SentValue {
  value: Expr;
  how: SendHow;
  /** The sending call, body write or return statement. */
  range: SourceRange;
  /** As written: `res.json`, `reply.send`, `ctx.body =`, `return`. */
  by: string;
  /** The function making it. */
  in: HandlerReach;
}

const SEND_CALLS: Record<string, SendHow> = { json: 'json', jsonp: 'json', send: 'send', end: 'end' };

/**
 * What `route` sends, in parts: one list per function it runs (its middleware, then its handler),
 * then what the framework sends of the handler's return value. Each part is derived from one
 * function's reach facts, which are the same objects while that function and what it calls are
 * unchanged: the stop-6 rules derive their hits per part, so an edit elsewhere keeps them.
 */
export function sentParts(ctx: RuleContext, route: ModelRoute): SentValue[][] {
  // Kept as long as the function's facts are: at their size (core/compact.ts).
  const parts = routeFunctions(route).map(fn => ctx.derived(fn, 'sent values', () => fit(sentIn(fn))));
  const handler = route[REACH]?.handler;
  if (route.sendsReturn && handler) parts.push(ctx.derived(handler, 'returned values', () => fit(returnedBy(handler))));
  return parts;
}

/** Every body the route's own functions (and the workspace functions they call) send, in source order. */
export function sentBy(ctx: RuleContext, route: ModelRoute): SentValue[] {
  return sentParts(ctx, route).flat();
}

/** The bodies one function (and the workspace functions it calls) sends: written to a body, or given to a send call on the response. */
function sentIn(fn: HandlerReach): SentValue[] {
  const out: SentValue[] = [];
  const seen = new Set<HandlerReach>();
  const writes = (r: HandlerReach): void => {
    if (seen.has(r)) return;
    seen.add(r);
    for (const w of r.writes) if (/\.body$/.test(w.target)) out.push({ value: w.value, how: 'send', range: w.range, by: `${w.target} =`, in: r });
  };
  writes(fn);
  for (const { call, in: r } of reachedCalls(fn)) {
    writes(r);
    const how = SEND_CALLS[call.name];
    if (how && call.response === 'receiver' && call.args.length) out.push({ value: call.args[0], how, range: call.range, by: call.callee, in: r });
  }
  return out;
}

/** What a handler returns that the framework sends (ModelRoute.sendsReturn), leaving out a return of the response itself. */
function returnedBy(handler: HandlerReach): SentValue[] {
  return handler.returns.filter(ret => !returnsResponse(ret.value, handler)).map(ret => ({ value: ret.value, how: 'send' as const, range: ret.range, by: 'return', in: handler }));
}

/**
 * Whether a returned value is the response itself (`return reply`): nothing more is sent. (A return
 * of a call on the response, `return reply.send(x)`, is not in the reach facts at all: see
 * frameworks/shared/handler-reach.ts.)
 */
function returnsResponse(value: Expr, fn: HandlerReach): boolean {
  return value.k === 'ref' && fn.calls.some(c => c.response === 'receiver' && c.callee.split('.')[0] === value.name);
}

/** A span of a function's file as a reported range. */
export function rangeIn(fn: HandlerReach, span: Span): SourceRange {
  return { file: fn.range.file, line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn };
}

/** The values a local variable may hold in `fn`, with the destructured path of each. */
export function bindsOf(fn: HandlerReach, name: string): ReachedBind[] {
  return (fn.binds ?? []).filter(b => b.name === name);
}

/** The workspace function a call written at `span` in `fn` runs, when it was followed. */
export function followedAt(fn: HandlerReach, span: Span): HandlerReach | undefined {
  const call = callWrittenAt(fn.calls, span);
  return call && fn.followed.find(f => f.call === call)?.reach;
}
