// One set of tools, two hosts: the VS Code language-model tools in package.json take the MCP tools'
// inputs (plus the workspace folder to ask) and carry their descriptions, so the two cannot drift.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { z } from 'zod';
import { AGENT_TOOLS, AGENT_TOOL_NAMES } from '../../../src/agent/catalogue';
import { INPUTS } from '../../../src/cli/mcp-schemas';

const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
interface LmTool { name: string; modelDescription: string; inputSchema: { properties: Record<string, unknown> } }
const lmTools: LmTool[] = pkg.contributes.languageModelTools;

describe('the agent tools in package.json', () => {
  it('are the MCP tools, in the same order, named sevenStops_<tool>', () => {
    assert.deepStrictEqual(lmTools.map(t => t.name), AGENT_TOOL_NAMES.map(n => `sevenStops_${n}`));
  });

  it('take the MCP input schema plus an optional workspace folder', () => {
    for (const name of AGENT_TOOL_NAMES) {
      const { $schema: _, ...mcp } = z.toJSONSchema(z.object(INPUTS[name])) as Record<string, unknown>;
      const { folder, ...properties } = lmTools.find(t => t.name === `sevenStops_${name}`)!.inputSchema.properties;
      assert.deepStrictEqual({ ...lmTools.find(t => t.name === `sevenStops_${name}`)!.inputSchema, properties }, mcp, name);
      assert.deepStrictEqual(Object.keys(folder as object), ['type', 'description'], name);
    }
  });

  it('tell the model what the MCP tools tell it', () => {
    for (const name of AGENT_TOOL_NAMES) {
      assert.ok(lmTools.find(t => t.name === `sevenStops_${name}`)!.modelDescription.startsWith(AGENT_TOOLS[name].description), name);
    }
  });
});
