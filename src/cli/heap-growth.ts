// How fast a scan's heap may grow between full collections. After each full collection V8 lets the
// old generation grow to the live size times a factor it picks (up to 4 on a machine with memory to
// spare); a scan allocates most of its heap once and keeps it to the end, so on 100,000 routes the
// heap grew from 245 to 1,024 MB between two collections with about 600 MB live at most (README,
// memory). A fixed, smaller factor collects more often: CPU time for peak memory. Unlike
// --max-old-space-size it caps nothing: the limit still follows the live heap, so a workspace of
// any size gets the room it needs.
import * as v8 from 'v8';

/** Growth allowed after a full collection, in percent of the live heap (V8's --heap-growing-percent). */
export const SCAN_HEAP_GROWING_PERCENT = 25;

/**
 * The V8 flag the scan sets, or null when the user already chose how the heap grows or how large it
 * may be (on the command line or in NODE_OPTIONS): theirs wins.
 */
export function heapGrowthFlag(execArgv: readonly string[], nodeOptions: string | undefined): string | null {
  const chosen = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)];
  if (chosen.some(a => /^--(heap[-_]growing[-_]percent|max[-_]old[-_]space[-_]size|max[-_]heap[-_]size)\b/.test(a))) return null;
  return `--heap-growing-percent=${SCAN_HEAP_GROWING_PERCENT}`;
}

/** Makes this process's heap grow as heapGrowthFlag says (V8 reads the flag at every full collection). */
export function growHeapSlowly(): void {
  const flag = heapGrowthFlag(process.execArgv, process.env.NODE_OPTIONS);
  if (flag) v8.setFlagsFromString(flag);
}
