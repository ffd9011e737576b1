// trace_request: one concrete request through the app, stop by stop, as the lesson's tracer shows
// it (core/trace.ts with each framework's dispatcher): which route answers, what runs on the way.
import type { Trace } from '../core/trace';
import { parseRequestLine } from '../core/trace';
import { trace } from '../tracing';
import { type AgentAnalysis, AgentInputError, type Answer } from './answer';

export interface RequestInput {
  /** GET when absent. */
  method?: string;
  /** A path (`/api/orders/42?x=1`) or a full URL (`http://localhost:3000/api/orders/42`). */
  url: string;
}

export function traceRequestOf(a: AgentAnalysis, input: RequestInput): Answer<Trace> {
  const parsed = parseRequestLine(`${input.method ?? 'GET'} ${input.url}`);
  if ('error' in parsed) throw new AgentInputError(parsed.error);
  const t = trace(a, parsed.method, parsed.path);
  return { summary: t.summary, data: t };
}
