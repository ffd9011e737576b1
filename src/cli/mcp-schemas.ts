// The input and output schemas of the MCP tools (zod, as the SDK takes them). The inputs are also the
// `inputSchema` of the VS Code language-model tools in package.json; a unit test keeps the two equal.
import { z } from 'zod';
import type { AgentToolName } from '../agent/catalogue';

const framework = z.enum(['express', 'fastify', 'koa']);
const severity = z.enum(['error', 'warning', 'info']);
const stop = z.number().int().min(1).max(7);
const method = z.string().describe('HTTP method, any case (GET, POST, ...)');
const limit = (what: string) => z.number().int().min(1).optional().describe(`At most this many ${what} in the answer (default 200); matched says how many there are`);

export const INPUTS = {
  list_routes: {
    method: method.optional(),
    pathPrefix: z.string().optional().describe('Only routes whose full path starts with this text, e.g. /api/'),
    pathPattern: z.string().optional().describe('Only routes whose full path matches this JavaScript regular expression, e.g. ^/api/v\\d+/'),
    framework: framework.optional(),
    protected: z.boolean().optional().describe('true: only routes an auth layer protects; false: only routes none protects'),
    limit: limit('routes'),
  },
  explain_route: {
    method,
    path: z.string().describe('The route path as list_routes shows it (/api/orders/:id), or a concrete request path (/api/orders/42)'),
    file: z.string().optional().describe('The file that registers the route, when the same method and path are registered more than once'),
  },
  trace_request: {
    method: method.optional().describe('HTTP method, any case; GET when absent'),
    url: z.string().describe('The request path or URL, e.g. /api/orders/42?x=1 or http://localhost:3000/api/orders/42'),
  },
  list_findings: {
    rule: z.string().optional().describe('A rule id, e.g. no-route-before-auth'),
    stop: stop.optional().describe('A stop, 1 Accept to 7 Drain'),
    severity: severity.optional(),
    file: z.string().optional().describe('A file or folder, relative to the analysed folder'),
    limit: limit('findings'),
  },
  stops_of_file: {
    file: z.string().describe('A source file, relative to the analysed folder (src/server.js) or absolute inside it'),
  },
} satisfies Record<AgentToolName, z.ZodRawShape>;

const at = { file: z.string(), line: z.number() };
const routeSummary = z.object({
  method: z.string(), path: z.string(), framework, ...at, protected: z.boolean(), authBy: z.array(z.string()),
  unreachable: z.boolean(), layers: z.number(), handler: z.object(at).nullable(),
});
const layer = z.looseObject({ order: z.number(), name: z.string(), kind: z.string(), stop, stopName: z.string(), ...at });
const routeFinding = z.looseObject({ ruleId: z.string(), severity, stop, message: z.string(), ...at });
const traceSite = z.looseObject({ name: z.string(), ...at, kind: z.string() });

export const OUTPUTS = {
  list_routes: { routes: z.array(routeSummary), matched: z.number(), total: z.number() },
  explain_route: {
    route: routeSummary,
    chain: z.array(layer),
    afterHandler: z.array(layer),
    verdict: z.object({ status: z.enum(['protected', 'unprotected', 'unreachable']), protected: z.boolean(), authBy: z.array(z.string()), evidence: z.array(z.string()) }),
    findings: z.array(routeFinding),
    unresolved: z.array(z.string()),
    matchedBy: z.enum(['path', 'request']),
    alsoRegisteredAt: z.array(z.object(at)),
  },
  trace_request: {
    method: z.string(),
    path: z.string(),
    outcome: z.enum(['handled', 'ended-early', 'not-found']),
    summary: z.string(),
    route: z.looseObject({ method: z.string(), path: z.string(), ...at, params: z.record(z.string(), z.string()) }).nullable(),
    stops: z.array(z.object({ stop, name: z.string(), sites: z.array(traceSite), note: z.string() })),
    verdict: z.looseObject({ protected: z.boolean(), authBy: z.array(z.string()) }),
    alsoMatches: z.array(traceSite),
    notes: z.array(z.string()),
  },
  list_findings: {
    findings: z.array(z.looseObject({ ...routeFinding.shape, stopName: z.string(), docs: z.string(), fixable: z.boolean() })),
    matched: z.number(),
    total: z.number(),
  },
  stops_of_file: {
    file: z.string(),
    annotations: z.array(z.looseObject({ line: z.number(), column: z.number(), stop, stopName: z.string(), label: z.string() })),
    routes: z.array(routeSummary),
    findings: z.array(z.looseObject({ ruleId: z.string(), severity, stop, message: z.string(), line: z.number() })),
  },
} satisfies Record<AgentToolName, z.ZodRawShape>;
