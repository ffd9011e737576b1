// `seven-stops mcp [dir]`: the agent tools (src/agent) as a Model Context Protocol server over stdio,
// answering from one warm analysis of the folder. stdout carries only protocol messages; anything
// for people goes to stderr.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { AGENT_TOOLS, AGENT_TOOL_NAMES, type AgentTool } from '../agent/catalogue';
import { AgentInputError } from '../agent/answer';
import { INPUTS, OUTPUTS } from './mcp-schemas';
import { AnalysisUnavailable, WarmAnalysis } from './warm-analysis';

/** A tool's answer as MCP carries it: the summary as text (for clients that show only text), the data as structured content. */
function result(summary: string, data: object): CallToolResult {
  return { content: [{ type: 'text', text: `${summary}\n\n${JSON.stringify(data)}` }], structuredContent: data as Record<string, unknown> };
}

/** A tool error the model can act on: what was wrong and what to do instead. */
function failure(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}

/** The server with every agent tool registered over `analysis` (not yet connected). */
export function createMcpServer(analysis: WarmAnalysis, version: string): McpServer {
  const server = new McpServer({ name: 'seven-stops', title: 'Seven Stops', version }, {
    instructions: `Seven Stops answers questions about the Express, Fastify and Koa routes of ${analysis.root} from static analysis: `
      + 'which middleware runs before each route, whether an auth layer protects it, and the bugs at each of the seven stops of a request.',
  });
  for (const name of AGENT_TOOL_NAMES) {
    const tool: AgentTool = AGENT_TOOLS[name];
    server.registerTool(name, {
      title: tool.title,
      description: tool.description,
      inputSchema: INPUTS[name],
      outputSchema: OUTPUTS[name],
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    }, (input: object) => {
      try {
        const answer = tool.run(analysis.current(), input as never);
        return result(answer.summary, answer.data);
      } catch (e) {
        if (e instanceof AgentInputError) return failure(e.message);
        if (e instanceof AnalysisUnavailable) return failure(`Seven Stops cannot analyse ${analysis.root}: ${e.message}`);
        return failure(`Seven Stops failed: ${(e as Error).message}`);
      }
    });
  }
  return server;
}

/** Serves the tools on stdin/stdout until the client closes the connection. */
export async function serveMcp(root: string, configFile: string | undefined, version: string): Promise<void> {
  const analysis = new WarmAnalysis(root, configFile);
  const server = createMcpServer(analysis, version);
  // Analyse once the client is ready, so its first call finds the analysis warm; a failure here is
  // reported by that call.
  server.server.oninitialized = () => setImmediate(() => { try { analysis.current(); } catch { /* said on the first call */ } });
  await server.connect(new StdioServerTransport());
  process.stderr.write(`seven-stops: MCP server for ${root} on stdio\n`);
}
