// What a route is compared with while an app is walked: everything registered earlier in dispatch
// order (use-prefixes and routes), indexed by path segment so each route meets only what can match it.
import type { ArmPath } from '../../core/adapter';
import type { OrderedLayer, SourceRange } from '../../core/model';
import type { Arg } from '../../core/values';
import { CaseFlags, hasWildcard, unknownSegment } from '../shared/paths';
import type { Classification } from './middleware-kind';

/**
 * Something registered earlier in dispatch order that may run before a later route. `loose`: its
 * path cannot be indexed by segment (RegExp, unknown, wildcards), so every later route meets it.
 */
export type Before =
  | { type: 'mw'; seq: number; walk: number; loose: boolean; prefix: Prefix; arg: Arg; cls: Classification; layer: OrderedLayer; router: number }
  | {
    type: 'route'; seq: number; walk: number; loose: boolean; segs: string[]; caseSensitive: CaseFlags;
    path: string; method: string;
    /**
     * Its functions when they all pass the request on (`passes`), else the route-level ones a request
     * goes through before one of them hands it on with next('route') (E17), usually none.
     */
    fns: Arg[]; passes: boolean; ends: boolean; name: string; range: SourceRange;
    router: number;
    /** Routers (ids) a layer of this route's chain may leave with next('router') (E17): the route is not reached then. */
    exits: number[];
    /** The undecided `if` arms it was registered in: a route in another arm of one of them never exists beside it. */
    arms: ArmPath | null;
  };

/** `caseSensitive` has one flag per segment: the router that matches that segment decides (E9). */
export type Prefix =
  | { kind: 'str'; v: string; segs: string[]; caseSensitive: CaseFlags }
  | { kind: 'regex'; source: string; flags: string }
  | { kind: 'unknown' };

export type MwBefore = Extract<Before, { type: 'mw' }>;
export type RouteBefore = Extract<Before, { type: 'route' }>;

/**
 * Earlier patterns by segment: a child per lower-cased literal segment and one child for params.
 * Lookups return a superset of what can match; callers still run the exact check (case, params).
 */
type Sink<T> = { push(...items: T[]): number };

/** Shared by every node with no items of its own (never written: insert replaces it first). */
const NONE: unknown[] = [];

interface Pending<T> { items: T[]; segsOf: (item: T) => string[]; place: (item: T, index: number) => T }

class SegmentTrie<T> {
  // Made on first use: most nodes are leaves, and the trie is built again on every run.
  private literal: Map<string, SegmentTrie<T>> | undefined;
  private param: SegmentTrie<T> | undefined;
  private here: T[] = NONE as T[];
  /** Items added under this node but not indexed yet (see defer): most are never looked up. */
  private pending: Pending<T>[] | undefined;

  /**
   * Adds `items`, whose patterns all start with `segs`, indexing them only when a lookup reaches
   * `segs`; `place` readies each (its position in dispatch order) just before.
   */
  defer(segs: string[], items: T[], segsOf: (item: T) => string[], place: (item: T, index: number) => T, i = 0): void {
    if (i < segs.length) { this.child(segs[i]).defer(segs, items, segsOf, place, i + 1); return; }
    (this.pending ??= []).push({ items, segsOf, place });
  }

  private expand(depth: number): void {
    const blocks = this.pending;
    if (!blocks) return;
    this.pending = undefined;
    for (const { items, segsOf, place } of blocks) {
      items.forEach((item, k) => { const x = place(item, k); this.insert(segsOf(x), x, depth); });
    }
  }

  private child(seg: string): SegmentTrie<T> {
    if (seg.startsWith(':')) return (this.param ??= new SegmentTrie<T>());
    const key = seg.toLowerCase();
    this.literal ??= new Map();
    let next = this.literal.get(key);
    if (!next) this.literal.set(key, (next = new SegmentTrie<T>()));
    return next;
  }

  insert(segs: string[], item: T, i = 0): void {
    if (i === segs.length) { if (this.here === (NONE as T[])) this.here = []; this.here.push(item); return; }
    this.child(segs[i]).insert(segs, item, i + 1);
  }

  /** Items whose whole pattern may match every path `segs` matches (a literal never covers a param). */
  whole(segs: string[], out: Sink<T>, i = 0): void {
    this.expand(i);
    if (i === segs.length) { out.push(...this.here); return; }
    this.children(segs[i], c => c.whole(segs, out, i + 1));
  }

  /** Items whose pattern may be a segment-bounded prefix of every path `segs` matches. */
  prefixes(segs: string[], out: Sink<T>, i = 0): void {
    this.expand(i);
    out.push(...this.here);
    if (i < segs.length) this.children(segs[i], c => c.prefixes(segs, out, i + 1));
  }

  /** Items at (when `withEnd`) or below the nodes `segs` leads to: patterns longer than `segs` that may extend it. */
  under(segs: string[], out: Sink<T>, withEnd: boolean, i = 0): void {
    this.expand(i);
    if (i < segs.length) { this.children(segs[i], c => c.under(segs, out, withEnd, i + 1)); return; }
    if (withEnd) out.push(...this.here);
    this.below(out, i);
  }

  /** Every item below this node (at `depth`). */
  private below(out: Sink<T>, depth: number): void {
    const visit = (c: SegmentTrie<T>) => { c.expand(depth + 1); out.push(...c.here); c.below(out, depth + 1); };
    for (const c of this.literal?.values() ?? []) visit(c);
    if (this.param) visit(this.param);
  }

  private children(seg: string, visit: (child: SegmentTrie<T>) => void): void {
    if (!seg.startsWith(':') && this.literal) { const c = this.literal.get(seg.toLowerCase()); if (c) visit(c); }
    if (this.param) visit(this.param);
  }
}

/** What a walk of a router mounted at `segs` added, sorted by Befores.under. */
export interface AddedUnder {
  /** In dispatch order: an entry's index is its position relative to the first. */
  entries: Before[];
  /** Indices of entries indexed at once: loose ones, and any whose pattern does not extend `segs`. */
  rest: number[];
  /** Entries indexed once a lookup reaches `segs` (see SegmentTrie.defer), with their indices. */
  later: { segs: string[]; mws: MwBefore[]; mwAt: number[]; routes: RouteBefore[]; routeAt: number[] };
}

function extendsSegs(segs: string[], prefix: string[]): boolean {
  if (segs.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (segs[i] !== prefix[i]) return false;
  return true;
}

/** A prefix the trie cannot index (RegExp, unknown, wildcards or optional parts in a segment). */
function unindexable(prefix: Prefix): boolean {
  return prefix.kind !== 'str' || prefix.segs.some(s => /[*+?(){}]/.test(s));
}

/**
 * Everything registered so far, in dispatch order. Earlier routes and use-prefixes are indexed by
 * segment, so a new route is compared only with what can match it: chain building stays
 * near-linear on large apps instead of comparing every route with every earlier layer.
 */
export class Befores {
  private seq = 0;
  private readonly mwTrie = new SegmentTrie<MwBefore>();
  private readonly looseMws: MwBefore[] = [];
  private readonly routeTrie = new SegmentTrie<RouteBefore>();
  private readonly wildRoutes: RouteBefore[] = [];
  /** Everything added, in order (a reused walk as one block): a subtree walk's share is recorded from it. */
  readonly log: (Before | { block: AddedUnder })[] = [];
  /** Tells this walk's entries from earlier walks' (a number: an entry must not keep its old walk alive). */
  private readonly walk: number;
  private unknowns = 0;

  /** `walks` is the analyser's counter (see analyser-state.ts): walk numbers stay unique across its runs. */
  constructor(walks: { lastWalk: number }) {
    this.walk = ++walks.lastWalk;
  }

  /** An unknownSegment for one occurrence of an unreadable path piece: new in every walk, so entries a reused walk adds again keep theirs. */
  unknownPiece(): string {
    return unknownSegment(`${this.walk}.${this.unknowns++}`);
  }

  // Written out field by field: an object spread with added fields took V8's slow path here (a
  // fifth of the cold walk on the benchmark).
  addMw(b: Omit<MwBefore, 'seq' | 'type' | 'loose' | 'walk'>): void {
    const loose = b.prefix.kind !== 'str' || unindexable(b.prefix);
    this.insert({ type: 'mw', seq: 0, walk: 0, loose, prefix: b.prefix, arg: b.arg, cls: b.cls, layer: b.layer, router: b.router });
  }

  addRoute(b: Omit<RouteBefore, 'seq' | 'type' | 'loose' | 'walk'>): void {
    this.insert({
      type: 'route', seq: 0, walk: 0, loose: hasWildcard(b.segs), segs: b.segs, caseSensitive: b.caseSensitive, path: b.path, method: b.method,
      fns: b.fns, passes: b.passes, ends: b.ends, name: b.name, range: b.range, router: b.router, exits: b.exits, arms: b.arms,
    });
  }

  /**
   * Adds again what a reused walk of a router mounted at `segs` added, at the next positions in
   * dispatch order. Entries whose patterns extend `segs` are positioned and indexed only when a later
   * lookup reaches that path (later routes elsewhere never do), so this costs little per entry.
   */
  readdUnder(added: AddedUnder): void {
    const base = this.seq;
    this.seq += added.entries.length;
    this.log.push({ block: added });
    for (const i of added.rest) this.index(this.take(added.entries[i], base + i));
    const { segs, mws, routes } = added.later;
    if (mws.length) this.mwTrie.defer(segs, mws, m => (m.prefix as Extract<Prefix, { kind: 'str' }>).segs, (m, k) => this.take(m, base + added.later.mwAt[k]));
    if (routes.length) this.routeTrie.defer(segs, routes, r => r.segs, (r, k) => this.take(r, base + added.later.routeAt[k]));
  }

  /**
   * An entry of a previous run is taken over: only its position changes. One already placed in this
   * run (a router mounted twice in the same place) is copied.
   */
  private take<B extends Before>(e: B, seq: number): B {
    const b = e.walk === this.walk ? { ...e } : e;
    b.seq = seq;
    b.walk = this.walk;
    return b;
  }

  /** Sorts a recorded walk's log once (indexed at once / when a lookup reaches `segs`), for readdUnder. */
  static under(segs: string[], log: (Before | { block: AddedUnder })[]): AddedUnder {
    const entries: Before[] = [];
    for (const item of log) if ('block' in item) entries.push(...item.block.entries); else entries.push(item);
    const later: AddedUnder['later'] = { segs, mws: [], mwAt: [], routes: [], routeAt: [] };
    const rest: number[] = [];
    entries.forEach((b, i) => {
      if (b.type === 'mw' && !b.loose && b.prefix.kind === 'str' && extendsSegs(b.prefix.segs, segs)) { later.mws.push(b); later.mwAt.push(i); }
      else if (b.type === 'route' && !b.loose && extendsSegs(b.segs, segs)) { later.routes.push(b); later.routeAt.push(i); }
      else rest.push(i);
    });
    return { entries, rest, later };
  }

  private insert(b: Before): void {
    b.seq = this.seq++;
    b.walk = this.walk;
    this.log.push(b);
    this.index(b);
  }

  private index(b: Before): void {
    if (b.type === 'mw') {
      if (b.loose || b.prefix.kind !== 'str') this.looseMws.push(b);
      else this.mwTrie.insert(b.prefix.segs, b);
    } else if (b.loose) this.wildRoutes.push(b);
    else this.routeTrie.insert(b.segs, b);
  }

  /**
   * The middleware added so far that may run before some route at or under `segs`, in dispatch
   * order: all a subtree mounted there can meet from outside. Null when an earlier route may match
   * there too (its pass-through and shadowing depend on more than the route itself).
   */
  context(segs: string[]): MwBefore[] | null {
    if (this.wildRoutes.length) return null;
    const routes: RouteBefore[] = [];
    this.routeTrie.under(segs, routes, true);
    if (routes.length) return null;
    const out: MwBefore[] = [];
    this.mwTrie.prefixes(segs, out);
    this.mwTrie.under(segs, out, false);
    out.push(...this.looseMws);
    return out.sort((a, b) => a.seq - b.seq);
  }

  /** Candidates that may run before a route with `segs`, in dispatch order. */
  candidates(segs: string[]): Before[] {
    const out: Before[] = [];
    this.mwTrie.prefixes(segs, out);
    this.routeTrie.whole(segs, out);
    out.push(...this.looseMws, ...this.wildRoutes);
    return out.sort((a, b) => a.seq - b.seq);
  }
}
