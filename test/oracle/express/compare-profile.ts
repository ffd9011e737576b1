// How the analyser's Express routes line up with what the real express lists and runs.

import type { ComparisonProfile } from '../harness/compare-routes';
import { joinPath } from './routes';

// Express's built-in middleware runs under its internal function names; the analyser names a layer
// by its source text. Only the built-ins need translating: fixtures name everything else.
const RUNTIME_TO_SOURCE_NAME: Record<string, string> = {
  jsonParser: 'express.json',
  urlencodedParser: 'express.urlencoded',
  textParser: 'express.text',
  rawParser: 'express.raw',
  serveStatic: 'express.static',
};

export const EXPRESS_PROFILE: ComparisonProfile = {
  framework: 'express',
  sourceName: (runtimeName) => RUNTIME_TO_SOURCE_NAME[runtimeName] ?? runtimeName,
  // Routes ignore a trailing slash (E24), so the runtime lists `/x/` as `/x`.
  routePath: (analysedPath) => joinPath('', analysedPath),
  headRunsGetChain: true,
};
