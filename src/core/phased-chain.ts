// A route's chain in words, by lifecycle phase where the framework has phases (Fastify):
// `onRequest: tagRequest, authenticate → preHandler: audit`. Shared by the CLI and the editor.
import type { ChainEntry } from './model';

/**
 * The chain's names joined by `→`; entries with a phase are grouped under it, in run order (a
 * phase's entries run one after the other, in the order listed). `show` makes each name displayable.
 */
export function phasedChain(chain: readonly ChainEntry[], show: (s: string) => string = s => s): string {
  const parts: string[] = [];
  let phase: string | undefined;
  let names: string[] = [];
  const flush = () => { if (names.length) parts.push(phase ? `${phase}: ${names.join(', ')}` : names.join(' → ')); names = []; };
  for (const c of chain) {
    if (c.phase !== phase) { flush(); phase = c.phase; }
    names.push(show(c.name));
  }
  flush();
  return parts.join(' → ');
}

/** Whether the chain names lifecycle phases (then show it with phasedChain). */
export const hasPhases = (chain: readonly ChainEntry[]) => chain.some(c => c.phase !== undefined);
