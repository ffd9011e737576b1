// Results travel from the analysis worker to the extension host by structured clone, which copies
// every object every time: on a 2,000-file workspace that copy, not the analysis, was most of the
// time from an edit to updated diagnostics. Re-analysis keeps the objects of unchanged code (see
// core/module-reuse.ts), so the worker sends each large list as references into the list it sent
// last time, plus the objects that are new; an object that only moved (a route whose position in
// dispatch order changed) is sent as the fields that differ from an old one at the same place.
// Pure: no vscode, no worker_threads.
import type { FullAnalysis } from '../core/analyse';

/**
 * One list as sent: for each element, an index into the previous list, or the element itself, or
 * how it differs from an old one. A `run` stands for `n` elements: the old ones from index `run` on,
 * each with the numbers in `add` added to those of its fields that are numbers (what an edit that
 * adds or removes a route does to every later route and layer: `order` and `route` move by one).
 */
type Item = number | { new: object } | { like: number; set: Record<string, unknown>; del: string[] } | { run: number; n: number; add: Record<string, number> };

/** A list as sent: references and new objects, or (with nothing to refer to) the list itself. */
type EncodedList = { items: Item[] } | { all: object[] };

export interface EncodedResult {
  /** The result without its lists; they follow as EncodedLists. */
  rest: Omit<FullAnalysis, 'routes' | 'findings' | 'annotations' | 'model'>;
  routes: EncodedList;
  findings: EncodedList;
  annotations: EncodedList;
  stacks: EncodedList[];
  origins: EncodedList;
  /** This message's number and the one its references point into (0: none, a full result). */
  seq: number;
  base: number;
}

type Lists = { routes: object[]; findings: object[]; annotations: object[]; stacks: object[][]; origins: object[] };

function listsOf(r: FullAnalysis): Lists {
  return { routes: r.routes, findings: r.findings, annotations: r.annotations, stacks: r.model.stacks, origins: r.model.origins };
}

/** The worker's side, one per workspace folder. */
export class ResultEncoder {
  private seq = 0;
  private last: { seq: number; lists: Lists } | null = null;

  /** Forget what was sent: the next result goes whole (the host lost its copy). */
  reset(): void {
    this.last = null;
  }

  /**
   * Takes `r` as the result sent last, without sending it: for a run that found what was just sent
   * (the worker's warm-up after a stored result), so later results refer into the analyser's own
   * objects. False, with nothing changed, when `r` does not line up with what was sent.
   */
  adopt(r: FullAnalysis): boolean {
    const prev = this.last;
    if (!prev) return false;
    const lists = listsOf(r);
    const was = prev.lists;
    const aligned = lists.routes.length === was.routes.length && lists.annotations.length === was.annotations.length
      && lists.origins.length === was.origins.length && lists.stacks.length === was.stacks.length
      && lists.stacks.every((s, i) => s.length === was.stacks[i].length)
      // What users act on is compared whole (findings are few next to routes and layers).
      && JSON.stringify(lists.findings) === JSON.stringify(was.findings);
    if (aligned) this.last = { seq: prev.seq, lists };
    return aligned;
  }

  encode(r: FullAnalysis): EncodedResult {
    const lists = listsOf(r);
    const prev = this.last;
    const seq = ++this.seq;
    const encoded: EncodedResult = {
      rest: { root: r.root, apps: r.apps, skipped: r.skipped, stats: r.stats, ...(r.contexts ? { contexts: r.contexts } : {}) },
      routes: encodeList(lists.routes, prev?.lists.routes),
      findings: encodeList(lists.findings, prev?.lists.findings),
      annotations: encodeList(lists.annotations, prev?.lists.annotations),
      stacks: lists.stacks.map((s, i) => encodeList(s, prev?.lists.stacks[i])),
      origins: encodeList(lists.origins, prev?.lists.origins),
      seq,
      base: prev?.seq ?? 0,
    };
    this.last = { seq, lists };
    return encoded;
  }
}

/**
 * A list as references into the one sent before, where it can. After an edit most elements are the
 * old ones, in the old order, with what the edit added or removed in between: each is first looked
 * for just after the last one found, and only then in an index of the old list, made on the first
 * miss (something removed, or reordered). So a typical edit builds no index at all.
 */
function encodeList(list: object[], prevList: object[] | undefined): EncodedList {
  // A first result, or a list with no counterpart last time, goes as it is: no wrapper per element.
  if (!prevList) return { all: list };
  let next = 0;
  let index: Map<object, number> | undefined;
  const items: Item[] = [];
  for (const o of list) {
    if (prevList[next] === o) { items.push(next++); continue; }
    // Most often the next old element shifted as the run before it was: one more in that run.
    const last = items[items.length - 1];
    const run = typeof last === 'object' && 'run' in last ? last : undefined;
    if (run && fitsRun(o, run, prevList)) { run.n++; continue; }
    const at = near(prevList, next, o) ?? (index ??= indexOf(prevList)).get(o);
    if (at !== undefined) { next = at + 1; items.push(at); continue; }
    // A copy of the old element in its place (made again each run: an app's origin, a listen site) is that element to the host.
    if (next < prevList.length && shiftedFrom(o, prevList[next], NO_SHIFT)) { items.push(next++); continue; }
    const item = likeOf(o, prevList);
    if (!(run && typeof item === 'object' && 'run' in item && joinRun(run, item, prevList))) items.push(item);
  }
  return { items };
}

/** Elements an edit removed are skipped by looking a little way ahead (and back) before indexing the list. */
const NEAR = 16;

function near(list: object[], at: number, o: object): number | undefined {
  for (let i = Math.max(0, at - NEAR), end = Math.min(list.length, at + NEAR); i < end; i++) if (list[i] === o) return i;
  return undefined;
}

type Run = Extract<Item, { run: number }>;

/** Whether `o` is the old element just after `run` with the run's numbers added (checked field by field, nothing made). */
function fitsRun(o: object, run: Run, prevList: object[]): boolean {
  const old = prevList[run.run + run.n];
  return old !== undefined && shiftedFrom(o, old, run.add);
}

const NO_SHIFT: Record<string, number> = {};

/** Whether `o` has exactly `old`'s fields, with the numbers in `add` added to those that are numbers. */
function shiftedFrom(o: object, old: object, add: Record<string, number>): boolean {
  const cur = o as Record<string, unknown>;
  const was = old as Record<string, unknown>;
  let n = 0;
  for (const k in cur) {
    const v = was[k];
    const d = add[k];
    if (cur[k] !== (d !== undefined && typeof v === 'number' ? v + d : v) || !(k in was)) return false;
    n++;
  }
  for (const _ in was) n--;
  return n === 0;
}

/**
 * Adds a run of one (`item`) to `run` when one `add` can serve both: the same number for a field both
 * shift, and a field only one shifts absent from (not a number in) the other's old elements.
 */
function joinRun(run: Run, item: Run, prevList: object[]): boolean {
  if (run.run + run.n !== item.run) return false;
  const old = prevList[item.run] as Record<string, unknown>;
  for (const k in run.add) if (!(k in item.add) && typeof old[k] === 'number') return false;
  for (const k in item.add) {
    if (k in run.add) { if (run.add[k] !== item.add[k]) return false; continue; }
    for (let i = run.run; i < item.run; i++) if (typeof (prevList[i] as Record<string, unknown>)[k] === 'number') return false;
  }
  Object.assign(run.add, item.add);
  run.n++;
  return true;
}

const indexes = new WeakMap<object[], Map<object, number>>();

/** Elements by position. */
function indexOf(list: object[]): Map<object, number> {
  let m = indexes.get(list);
  if (!m) {
    m = new Map();
    list.forEach((o, i) => m!.set(o, i));
    indexes.set(list, m);
  }
  return m;
}

/**
 * A new element that is an old one moved (same `range` object, a few fields changed): a run of one
 * when only numbers changed, else the fields that differ; only the old one's index when none does.
 * Anything else goes whole.
 */
function likeOf(o: object, prevList: object[]): Item {
  const range = (o as { range?: object }).range;
  const j = range ? rangeIndex(prevList).get(range) : undefined;
  if (j === undefined) return { new: o };
  const old = prevList[j] as Record<string, unknown>;
  const cur = o as Record<string, unknown>;
  const set: Record<string, unknown> = {};
  const del: string[] = [];
  let changed = 0;
  let numbers = true;
  for (const k of Object.keys(cur)) {
    const v = cur[k];
    if (v === old[k] && k in old) continue;
    set[k] = v;
    changed++;
    if (typeof v !== 'number' || typeof old[k] !== 'number') numbers = false;
  }
  for (const k of Object.keys(old)) if (!(k in cur)) del.push(k);
  // A copy with every field the same (layers an edit's re-walk rebuilt) is the old one to the host.
  if (changed + del.length === 0) return j;
  // Only worth it when most fields are shared.
  if (changed + del.length > 4) return { new: o };
  if (numbers && !del.length) {
    const add: Record<string, number> = {};
    for (const k in set) add[k] = (set[k] as number) - (old[k] as number);
    return { run: j, n: 1, add };
  }
  return { like: j, set, del };
}

const rangeIndexes = new WeakMap<object[], Map<object, number>>();

/** Previous elements by their `range` object (the first one wins). */
function rangeIndex(list: object[]): Map<object, number> {
  let m = rangeIndexes.get(list);
  if (!m) {
    m = new Map();
    list.forEach((o, i) => { const r = (o as { range?: object }).range; if (r && !m!.has(r)) m!.set(r, i); });
    rangeIndexes.set(list, m);
  }
  return m;
}

/** Thrown when a message refers to a result the host does not have: ask for a whole one. */
export class TransferOutOfStep extends Error {
  constructor() { super('analysis result refers to one the extension host does not have'); }
}

/** The extension host's side, one per workspace folder. */
export class ResultDecoder {
  private last: { seq: number; lists: Lists } | null = null;

  decode(m: EncodedResult): FullAnalysis {
    const prev = m.base === 0 ? null : this.last;
    if (m.base !== 0 && prev?.seq !== m.base) throw new TransferOutOfStep();
    const one = (e: EncodedList, prevList: object[] | undefined): object[] => {
      if ('all' in e) return e.all;
      const out: object[] = [];
      for (const item of e.items) {
        if (typeof item === 'number') out.push(prevList![item]);
        else if ('new' in item) out.push(item.new);
        else if ('run' in item) for (let i = item.run; i < item.run + item.n; i++) out.push(shifted(prevList![i] as Record<string, unknown>, item.add));
        else {
          const o: Record<string, unknown> = { ...(prevList![item.like] as Record<string, unknown>), ...item.set };
          for (const k of item.del) delete o[k];
          out.push(o);
        }
      }
      return out;
    };
    const lists: Lists = {
      routes: one(m.routes, prev?.lists.routes),
      findings: one(m.findings, prev?.lists.findings),
      annotations: one(m.annotations, prev?.lists.annotations),
      stacks: m.stacks.map((s, i) => one(s, prev?.lists.stacks[i])),
      origins: one(m.origins, prev?.lists.origins),
    };
    this.last = { seq: m.seq, lists };
    const routes = lists.routes as FullAnalysis['routes'];
    return {
      ...m.rest,
      routes,
      findings: lists.findings as FullAnalysis['findings'],
      annotations: lists.annotations as FullAnalysis['annotations'],
      model: {
        routes: routes as FullAnalysis['model']['routes'],
        stacks: lists.stacks as FullAnalysis['model']['stacks'],
        origins: lists.origins as FullAnalysis['model']['origins'],
        // The result's contexts are the model's (core/analyse.ts), sent whole with the rest.
        ...(m.rest.contexts ? { contexts: m.rest.contexts as FullAnalysis['model']['contexts'] } : {}),
      },
    };
  }

  reset(): void {
    this.last = null;
  }
}

/** A copy of `old` with `add` added to those of its fields that are numbers. */
function shifted(old: Record<string, unknown>, add: Record<string, number>): object {
  const o: Record<string, unknown> = { ...old };
  for (const k in add) if (typeof old[k] === 'number') o[k] = (old[k] as number) + add[k];
  return o;
}
