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
  return userChoseHeap(execArgv, nodeOptions) ? null : `--heap-growing-percent=${SCAN_HEAP_GROWING_PERCENT}`;
}

/** Whether the command line or NODE_OPTIONS already says how the heap grows, how large it may be, or to favour size. */
function userChoseHeap(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  const chosen = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)];
  return chosen.some(a => /^--(heap[-_]growing[-_]percent|max[-_]old[-_]space[-_]size|max[-_]heap[-_]size|optimize[-_]for[-_]size)\b/.test(a));
}

/** Makes this process's heap grow as heapGrowthFlag says (V8 reads the flag at every full collection). */
export function growHeapSlowly(): void {
  const flag = heapGrowthFlag(process.execArgv, process.env.NODE_OPTIONS);
  if (flag) v8.setFlagsFromString(flag);
}

/**
 * The V8 flag the scan sets once every file is loaded, or null when the user chose (see
 * heapGrowthFlag). --optimize-for-size makes V8 collect as for a small device: full collections
 * compact more and hand emptied pages back, so the heap stays near what is live while the program's
 * values, the routers let go after their walk and the rules' working sets come and go (peak RSS on
 * 100,000 routes about 740 → 660 MB, docs/performance.md). Not before: while files are parsed it
 * also holds back V8's optimising compiler, which made a whole scan half as slow again.
 */
export function afterLoadFlag(execArgv: readonly string[], nodeOptions: string | undefined): string | null {
  return userChoseHeap(execArgv, nodeOptions) ? null : '--optimize-for-size';
}

/** Sets afterLoadFlag's flag in this process (V8 reads it at every collection). */
export function favourSizeFromNowOn(): void {
  const flag = afterLoadFlag(process.execArgv, process.env.NODE_OPTIONS);
  if (flag) v8.setFlagsFromString(flag);
}
