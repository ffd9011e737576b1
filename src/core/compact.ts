// Arrays that stay in memory for the whole run (the IR, routes, chains) at the size they hold. V8
// gives an array grown by push() room for 17 elements at its first push: 184 bytes for a one-element
// array that needs 56. On 100,000 routes the spare room was a fifth of the heap (see README, memory).

/** Shared by every empty list: frozen, so code that pushes onto a list it did not make fails loudly. */
const EMPTY: readonly never[] = Object.freeze([]);

/** `list` at its exact size (a copy when it has spare room), or the shared empty list. Call once the list is complete. */
export function fit<T>(list: T[]): T[] {
  return list.length === 0 ? (EMPTY as never[]) : list.slice();
}
