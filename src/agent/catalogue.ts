// The agent tools by name, with the descriptions a model reads to choose one. Shared by the MCP
// server (src/cli/mcp-server.ts) and the VS Code language-model tools (src/extension/lm-tools.ts,
// whose package.json entries a unit test keeps in step with this list).
import { type AgentAnalysis, type Answer } from './answer';
import { explainRoute } from './explain-route';
import { listFindings } from './list-findings';
import { listRoutes } from './list-routes';
import { stopsOfFile } from './stops-of-file';
import { traceRequestOf } from './trace-request';

export interface AgentTool {
  title: string;
  /** What a model reads to decide whether to call it. */
  description: string;
  /** Its answer over one analysis; throws AgentInputError for input it cannot answer. */
  run(a: AgentAnalysis, input: never): Answer<object>;
}

const SEVEN_STOPS = 'Seven Stops analyses Express, Fastify and Koa apps statically (it never runs them): '
  + 'the seven stops of a request are 1 Accept, 2 Parse, 3 Route, 4 Middleware, 5 Handle, 6 Serialize, 7 Drain.';

export const AGENT_TOOLS = {
  list_routes: {
    title: 'List routes',
    description: 'Lists the HTTP routes of the Express, Fastify or Koa app with each route\'s method, full path (mount prefixes applied), '
      + 'file:line and auth verdict (protected, and by which auth layers), as found by static analysis of the middleware order. '
      + 'Use it instead of guessing from names which routes are protected. Filters: method, pathPrefix, pathPattern (regular expression), '
      + `framework, protected; limit caps the list (default 200). ${SEVEN_STOPS}`,
    run: listRoutes,
  },
  explain_route: {
    title: 'Explain a route',
    description: 'Explains one route: every layer a request passes before its handler in run order (name, kind such as auth/parse/security, '
      + 'stop, Fastify lifecycle phase or Koa before/after next(), file:line), what runs after the handler, and the auth verdict '
      + 'with the evidence it rests on (which auth layer runs first, exemptions, auth registered too late, shadowing routes), plus the findings on it. '
      + 'Name the route by method and path as list_routes shows it (`/api/orders/:id`) or by a concrete request path (`/api/orders/42`).',
    run: explainRoute,
  },
  trace_request: {
    title: 'Trace a request',
    description: 'Traces one concrete request (method and URL or path) through the app as the framework would dispatch it: which route answers '
      + '(or that none does, or which middleware ends it first), the path parameters, and the code it meets at each of the seven stops, '
      + `with the auth verdict and findings of the answering route. ${SEVEN_STOPS}`,
    run: traceRequestOf,
  },
  list_findings: {
    title: 'List findings',
    description: 'Lists the bugs Seven Stops\' rules found (route registered before auth, body parser after routes, error handler not last, '
      + 'shadowed routes, unbounded bodies, missing timeouts, ...), each with rule id, severity, stop, message, file:line and a link to the rule\'s '
      + 'documentation. Filters: rule, stop (1-7), severity, file (a file or folder); limit caps the list (default 200).',
    run: listFindings,
  },
  stops_of_file: {
    title: 'Stops of a file',
    description: 'Shows where each annotated line of one source file sits in the journey of a request (stop 1-7 with a label, Fastify hook '
      + 'phase and reach), the routes the file registers with their verdicts, and the findings in it. Call it before editing a server, '
      + 'router or middleware file. The file is relative to the analysed folder, or absolute inside it.',
    run: stopsOfFile,
  },
} satisfies Record<string, AgentTool>;

export type AgentToolName = keyof typeof AGENT_TOOLS;

export const AGENT_TOOL_NAMES = Object.keys(AGENT_TOOLS) as AgentToolName[];
