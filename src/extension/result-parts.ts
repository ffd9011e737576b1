// Splits a large encoded result into parts the extension host asks for one at a time. A worker's
// message is deserialized on the receiving thread in one go, and Node delivers every message already
// queued on a port in one go too: the first result of a 2,000-file workspace (8,400 routes) held the
// extension host's event loop for 110-230 ms as one message (scripts/bench-transfer.ts). Parts pulled
// one by one let the host run other work between them. Pure: no vscode, no worker_threads.
import type { WorkerResponse } from './protocol';
import type { EncodedResult } from './result-transfer';

/** Objects per part (numbers, references into the last result, cost next to nothing and ride free). */
export const PART_OBJECTS = 1500;

/** A slice of one list of the result: which list, and the elements that go at its end. */
export interface ResultPart {
  /** 'routes', 'findings', 'annotations', 'origins', or the index of a stack. */
  list: ListKey;
  elements: unknown[];
}

type ListKey = 'routes' | 'findings' | 'annotations' | 'origins' | number;

/** The array inside an EncodedList (`all` or `items`), by key. */
function arrayOf(r: EncodedResult, key: ListKey): unknown[] {
  const e = typeof key === 'number' ? r.stacks[key] : r[key];
  return 'all' in e ? e.all : e.items;
}

function setArray(r: EncodedResult, key: ListKey, a: unknown[]): void {
  const e = typeof key === 'number' ? r.stacks[key] : r[key];
  if ('all' in e) e.all = a as object[]; else e.items = a as typeof e.items;
}

function keysOf(r: EncodedResult): ListKey[] {
  return ['routes', 'findings', 'annotations', 'origins', ...r.stacks.map((_, i) => i)];
}

/**
 * `r` as a first message and the parts that complete it, each holding at most `maxObjects` objects.
 * A result under the limit (every re-analysis of a small edit) stays one message with no parts.
 * The head's lists keep their first elements; `r` itself is not changed.
 */
export function splitResult(r: EncodedResult, maxObjects = PART_OBJECTS): { head: EncodedResult; parts: ResultPart[] } {
  let total = 0;
  for (const k of keysOf(r)) total += objectCount(arrayOf(r, k));
  if (total <= maxObjects) return { head: r, parts: [] };
  const head: EncodedResult = {
    ...r,
    routes: { ...r.routes }, findings: { ...r.findings }, annotations: { ...r.annotations }, origins: { ...r.origins },
    stacks: r.stacks.map(s => ({ ...s })),
  };
  const parts: ResultPart[] = [];
  let headRoom = maxObjects;
  for (const key of keysOf(r)) {
    const all = arrayOf(r, key);
    // The head carries elements while it has room; the rest of the list follows in parts.
    let i = 0;
    while (i < all.length && (headRoom > 0 || !isObject(all[i]))) { if (isObject(all[i])) headRoom--; i++; }
    setArray(head, key, all.slice(0, i));
    while (i < all.length) {
      let j = i;
      let n = 0;
      while (j < all.length && (n < maxObjects || !isObject(all[j]))) { if (isObject(all[j])) n++; j++; }
      parts.push({ list: key, elements: all.slice(i, j) });
      i = j;
    }
  }
  return { head, parts };
}

/**
 * The host's side: after a first response, asks for each of its parts in turn (`askPart` sends one
 * `part` request) and joins them into its result. Each part arrives as its own event-loop task.
 */
export async function receiveParts(first: WorkerResponse, askPart: () => Promise<WorkerResponse>): Promise<WorkerResponse> {
  if (first.type !== 'result') return first;
  for (let i = 0; i < first.parts; i++) {
    const next = await askPart();
    if (next.type === 'error') return next;
    if (next.type !== 'part') return { type: 'error', id: first.id, message: `unexpected ${next.type} message while receiving a result` };
    joinPart(first.result, next.part);
  }
  return first;
}

/** Puts a part's elements back at the end of their list in `head` (parts arrive in order). */
export function joinPart(head: EncodedResult, part: ResultPart): void {
  const a = arrayOf(head, part.list);
  for (const x of part.elements) a.push(x as never);
}

function isObject(x: unknown): boolean {
  return x !== null && typeof x === 'object';
}

function objectCount(a: unknown[]): number {
  let n = 0;
  for (const x of a) if (isObject(x)) n++;
  return n;
}
