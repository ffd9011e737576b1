// The agent tools (src/agent) as VS Code language-model tools, so agent mode can ask the live
// analysis of the open workspace which routes are protected, and why. Declared in package.json
// (contributes.languageModelTools, kept in step with src/agent/catalogue.ts by a unit test).
//
// vscode.lm.registerTool is stable from VS Code 1.95; the extension supports ^1.90 and is typed
// against 1.90, so the few parts used are declared here and looked up at run time: on an older
// VS Code nothing is registered and everything else works as before.
import * as vscode from 'vscode';
import { AGENT_TOOLS, AGENT_TOOL_NAMES, type AgentTool, type AgentToolName } from '../agent/catalogue';
import type { AgentAnalysis } from '../agent/answer';
import type { AnalysisService, FolderAnalysis } from './analysis-service';

/** The name of an agent tool in VS Code (`sevenStops_list_routes`). */
export const lmToolName = (name: AgentToolName): string => `sevenStops_${name}`;

/** Every tool's input may name the workspace folder to ask (multi-root workspaces). */
interface FolderInput { folder?: string; file?: string }

interface ToolInvocation { input: unknown }
interface LanguageModelTool {
  prepareInvocation(options: ToolInvocation, token: vscode.CancellationToken): { invocationMessage: string };
  invoke(options: ToolInvocation, token: vscode.CancellationToken): Promise<unknown>;
}
interface LmApi {
  lm?: { registerTool?(name: string, tool: LanguageModelTool): vscode.Disposable };
  LanguageModelToolResult?: new (content: unknown[]) => unknown;
  LanguageModelTextPart?: new (value: string) => unknown;
}

/** What each tool is doing, shown while it runs. */
const WORKING: Record<AgentToolName, string> = {
  list_routes: 'Listing the routes',
  explain_route: 'Explaining the route',
  trace_request: 'Tracing the request',
  list_findings: 'Listing the findings',
  stops_of_file: 'Reading the stops of the file',
};

/** Registers the tools where this VS Code has the API; none (an empty list) where it has not. */
export function registerLmTools(service: AnalysisService): vscode.Disposable[] {
  const api = vscode as unknown as LmApi;
  const register = api.lm?.registerTool?.bind(api.lm);
  const { LanguageModelToolResult: Result, LanguageModelTextPart: Text } = api;
  if (!register || !Result || !Text) return [];
  return AGENT_TOOL_NAMES.map(name => {
    const tool: AgentTool = AGENT_TOOLS[name];
    return register(lmToolName(name), {
      prepareInvocation: options => {
        const f = pickFolder(service, options.input as FolderInput);
        return { invocationMessage: `${WORKING[name]} of ${f && 'folder' in f ? f.folder.name : 'the workspace'} (Seven Stops)` };
      },
      invoke: async options => {
        // An edit just made (by the agent, often) is analysed before answering.
        await service.whenIdle();
        const input = (options.input ?? {}) as FolderInput;
        const picked = pickFolder(service, input);
        if (!picked || 'refused' in picked) throw new Error(picked?.refused ?? 'Seven Stops has no analysis of this workspace: open a folder with an Express, Fastify or Koa app.');
        if (!picked.result) throw new Error(`Seven Stops could not analyse ${picked.folder.name}: ${picked.error ?? 'no result yet'}`);
        const { folder: _folder, ...args } = input;
        const answer = tool.run(picked.result as AgentAnalysis, args as never);
        const text = `${picked.folder.name} (${picked.folder.uri.fsPath}): ${answer.summary}\n\n${JSON.stringify(answer.data)}`;
        return new Result([new Text(text)]);
      },
    });
  });
}

/**
 * The folder a call asks about: the one it names; else the one holding the absolute file it names;
 * else the only one; else the active editor's; else the first analysed.
 */
function pickFolder(service: AnalysisService, input: FolderInput): FolderAnalysis | { refused: string } | undefined {
  const all = service.all();
  if (input.folder !== undefined) {
    return all.find(f => f.folder.name === input.folder)
      ?? { refused: `No workspace folder is named ${input.folder}; the folders are ${all.map(f => f.folder.name).join(', ') || 'none'}.` };
  }
  const holding = (uri: vscode.Uri | undefined) => (uri ? service.forUri(uri) : undefined);
  if (input.file && /^([a-zA-Z]:)?[\\/]/.test(input.file)) {
    const owner = holding(vscode.Uri.file(input.file));
    if (owner) return owner;
  }
  if (all.length === 1) return all[0];
  return holding(vscode.window.activeTextEditor?.document.uri) ?? all.find(f => f.result) ?? all[0];
}
