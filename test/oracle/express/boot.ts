// Boots an express fixture with the real express 4 or 5 (npm aliases express4 / express5), after
// that express has been instrumented (tracing.ts).

import * as path from 'node:path';
import { ListeningApp, listen } from '../harness/listening-app';
import { loadFixture, pickExport } from '../harness/load-fixture';
import type { Runtime, RuntimeApp } from '../harness/runtime-app';
import { TracingSession } from '../harness/tracing-session';
import { expressRoutes } from './routes';
import { instrumentExpress, withExpressSession } from './tracing';

export type ExpressMajor = 4 | 5;

type ExpressApp = ((req: unknown, res: unknown) => void) & { handle: unknown };

const isExpressApp = (value: unknown): value is ExpressApp =>
  typeof value === 'function' && typeof (value as { handle?: unknown }).handle === 'function';

async function bootExpress(root: string, entry: string, major: ExpressMajor, authorization?: string): Promise<RuntimeApp> {
  const expressFile = require.resolve(`express${major}`);
  instrumentExpress(require(expressFile));
  const session = new TracingSession(path.resolve(root));
  const loaded = await withExpressSession(session, () => loadFixture(root, entry, { express: expressFile }));
  const app = pickExport(loaded, isExpressApp, entry, 'its express app (module.exports = app / export default app)');
  const routes = expressRoutes(app, session);
  return new ListeningApp(routes, session, await listen(app), authorization);
}

export const EXPRESS_RUNTIMES: Runtime<ExpressMajor>[] = [
  { framework: 'express', label: 'express 4', tags: [4], boot: (root, entry, authorization) => bootExpress(root, entry, 4, authorization) },
  { framework: 'express', label: 'express 5', tags: [5], boot: (root, entry, authorization) => bootExpress(root, entry, 5, authorization) },
];
