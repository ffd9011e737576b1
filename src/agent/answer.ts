// What every agent tool shares (the MCP server and the VS Code language-model tools ask the same
// questions of an analysis): the analysis they read, the answer they give, and the error for bad input.
import * as path from 'path';
import type { AnalysisModel, AnalysisResult } from '../core/model';

/** A finished analysis with its model (what the engine returns, and what the editor keeps). */
export type AgentAnalysis = AnalysisResult & { model: AnalysisModel };

/** A tool's answer: plain JSON for the agent, and one or two sentences saying what it holds. */
export interface Answer<T extends object> {
  summary: string;
  data: T;
}

/** Input the tool cannot answer (a bad pattern, a route or file the analysis does not know): its message says what to pass instead. */
export class AgentInputError extends Error {}

/**
 * The root-relative, `/`-separated name of a file an agent names: relative to the root already, or
 * absolute inside it. An absolute path outside the root is refused (its analysis is not this one).
 */
export function rootRelative(root: string, file: string): string {
  const plain = file.trim().replace(/\\/g, '/').replace(/^\.\//, '');
  if (!path.isAbsolute(file)) return plain;
  const rel = path.relative(root, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new AgentInputError(`${file} is outside the analysed folder ${root}.`);
  return rel.split(path.sep).join('/');
}

/** `3 routes`, `1 route`. */
export const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** How many items a list answer holds when the call does not say: enough to act on, few enough for a model's context. */
export const DEFAULT_LIMIT = 200;

/** ` Showing the first 200; narrow the filters or raise limit.`, when a list was cut. */
export const shownOf = (shown: number, matched: number): string =>
  shown < matched ? ` Showing the first ${shown}; narrow the filters or raise limit.` : '';
