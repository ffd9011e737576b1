// Results travel from the analysis worker to the extension host by structured clone, which copies
// every object every time: on a 2,000-file workspace that copy, not the analysis, was most of the
// time from an edit to updated diagnostics. Re-analysis keeps the objects of unchanged code (see
// core/module-reuse.ts), so the worker sends each large list as references into the list it sent
// last time, plus the objects that are new; an object that only moved (a route whose position in
// dispatch order changed) is sent as the fields that differ from an old one at the same place.
// Pure: no vscode, no worker_threads.
import type { FullAnalysis } from '../core/analyse';

/** One list as sent: for each element, an index into the previous list, or the element itself (or how it differs from one). */
type Item = number | { new: object } | { like: number; set: Record<string, unknown>; del: string[] };

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

/** Each list's elements by position, as the next encode looks them up. */
type ListIndex = { [K in Exclude<keyof Lists, 'stacks'>]: Map<object, number> } & { stacks: Map<object, number>[] };

function listsOf(r: FullAnalysis): Lists {
  return { routes: r.routes, findings: r.findings, annotations: r.annotations, stacks: r.model.stacks, origins: r.model.origins };
}

/** The worker's side, one per workspace folder. */
export class ResultEncoder {
  private seq = 0;
  private last: { seq: number; index: ListIndex; lists: Lists } | null = null;

  /** Forget what was sent: the next result goes whole (the host lost its copy). */
  reset(): void {
    this.last = null;
  }

  encode(r: FullAnalysis): EncodedResult {
    const lists = listsOf(r);
    const prev = this.last;
    const seq = ++this.seq;
    const one = (list: object[], prevList: object[] | undefined, prevIndex: Map<object, number> | undefined): EncodedList => {
      // A first result, or a list with no counterpart last time, goes as it is: no wrapper per element.
      if (!prevList || !prevIndex) return { all: list };
      return {
        items: list.map(o => {
          const at = prevIndex.get(o);
          return at !== undefined ? at : likeOf(o, prevList);
        }),
      };
    };
    const encoded: EncodedResult = {
      rest: { root: r.root, apps: r.apps, skipped: r.skipped, stats: r.stats },
      routes: one(lists.routes, prev?.lists.routes, prev?.index.routes),
      findings: one(lists.findings, prev?.lists.findings, prev?.index.findings),
      annotations: one(lists.annotations, prev?.lists.annotations, prev?.index.annotations),
      stacks: lists.stacks.map((s, i) => one(s, prev?.lists.stacks[i], prev?.index.stacks[i])),
      origins: one(lists.origins, prev?.lists.origins, prev?.index.origins),
      seq,
      base: prev?.seq ?? 0,
    };
    this.last = {
      seq,
      lists,
      index: {
        routes: indexOf(lists.routes), findings: indexOf(lists.findings), annotations: indexOf(lists.annotations),
        stacks: lists.stacks.map(indexOf), origins: indexOf(lists.origins),
      },
    };
    return encoded;
  }
}

function indexOf(list: object[]): Map<object, number> {
  const m = new Map<object, number>();
  list.forEach((o, i) => m.set(o, i));
  return m;
}

/**
 * A new element that is an old one moved (same `range` object, a few fields changed): the fields
 * that differ. Anything else goes whole.
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
  for (const k of Object.keys(cur)) if (cur[k] !== old[k] || !(k in old)) { set[k] = cur[k]; changed++; }
  for (const k of Object.keys(old)) if (!(k in cur)) del.push(k);
  // Only worth it when most fields are shared.
  return changed + del.length <= 4 ? { like: j, set, del } : { new: o };
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
    const one = (e: EncodedList, prevList: object[] | undefined): object[] => ('all' in e ? e.all : e.items.map(item => {
      if (typeof item === 'number') return prevList![item];
      if ('new' in item) return item.new;
      const o: Record<string, unknown> = { ...(prevList![item.like] as Record<string, unknown>), ...item.set };
      for (const k of item.del) delete o[k];
      return o;
    }));
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
      model: { routes: routes as FullAnalysis['model']['routes'], stacks: lists.stacks as FullAnalysis['model']['stacks'], origins: lists.origins as FullAnalysis['model']['origins'] },
    };
  }

  reset(): void {
    this.last = null;
  }
}
