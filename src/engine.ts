// The one composition of core + frameworks + rules, shared by the CLI, the analysis worker and the
// tests so they all run the same engine. (The house style's "only cli/ and extension/ wire" becomes
// "only this file wires", because the worker and the tests need the same wiring.)
import { AnalyseOptions, FullAnalysis, WorkspaceAnalyser, analyseWith } from './core/analyse';
import type { SevenStopsConfig } from './core/config';
import { expressAdapter } from './frameworks/express';
import { fastifyAdapter } from './frameworks/fastify';
import { koaAdapter } from './frameworks/koa';
import { allRules } from './rules';

export const adapters = [expressAdapter, fastifyAdapter, koaAdapter];

/** Analyses one folder with every framework and rule. */
export function analyseFolder(root: string, options: AnalyseOptions = {}): FullAnalysis {
  return analyseWith(adapters, allRules, root, options);
}

/** A long-lived analyser for one folder (keeps the per-file cache between runs). */
export function createAnalyser(root: string, config: SevenStopsConfig): WorkspaceAnalyser {
  return new WorkspaceAnalyser(root, config, adapters, allRules);
}
