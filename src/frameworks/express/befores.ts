// What a route is compared with while an app is walked: everything registered earlier in dispatch
// order (use-prefixes and routes), indexed by path segment so each route meets only what can match it.
import type { OrderedLayer, SourceRange } from '../../core/model';
import type { Arg } from '../../core/values';
import { CaseFlags, hasWildcard } from '../shared/paths';
import type { Classification } from './middleware-kind';

/**
 * Something registered earlier in dispatch order that may run before a later route. `loose`: its
 * path cannot be indexed by segment (RegExp, unknown, wildcards), so every later route meets it.
 */
export type Before =
  | { type: 'mw'; seq: number; walk: number; loose: boolean; prefix: Prefix; arg: Arg; cls: Classification; layer: OrderedLayer; owner: number }
  | {
    type: 'route'; seq: number; walk: number; loose: boolean; segs: string[]; caseSensitive: CaseFlags; path: string; method: string; fns: Arg[]; passes: boolean; ends: boolean; name: string; range: SourceRange;
    owner: number;
    /** Routers (ids) a layer of this route's chain may leave with next('router') (E17): the route is not reached then. */
    exits: number[];
  };

/** `caseSensitive` has one flag per segment: the router that matches that segment decides (E9). */
export type Prefix = { kind: 'str'; v: string; segs: string[]; caseSensitive: CaseFlags } | { kind: 'regex'; source: string; flags: string } | { kind: 'unknown' };

export type MwBefore = Extract<Before, { type: 'mw' }>;
export type RouteBefore = Extract<Before, { type: 'route' }>;

/**
 * Earlier patterns by segment: a child per lower-cased literal segment and one child for params.
 * Lookups return a superset of what can match; callers still run the exact check (case, params).
 */
type Sink<T> = { push(...items: T[]): number };

/** Shared by every node with no items of its own (never written: insert replaces it first). */
const NONE: unknown[] = [];

class SegmentTrie<T> {
  // Made on first use: most nodes are leaves, and the trie is built again on every run.
  private literal: Map<string, SegmentTrie<T>> | undefined;
  private param: SegmentTrie<T> | undefined;
  private here: T[] = NONE as T[];
  /** Items added under this node but not indexed yet (see defer): most are never looked up. */
  private pending: { items: T[]; segsOf: (item: T) => string[] }[] | undefined;

  /** Adds `items`, whose patterns all start with `segs`, indexing them only when a lookup reaches `segs`. */
  defer(segs: string[], items: T[], segsOf: (item: T) => string[], i = 0): void {
    if (i < segs.length) { this.child(segs[i]).defer(segs, items, segsOf, i + 1); return; }
    (this.pending ??= []).push({ items, segsOf });
  }

  private expand(depth: number): void {
    const blocks = this.pending;
    if (!blocks) return;
    this.pending = undefined;
    for (const { items, segsOf } of blocks) for (const item of items) this.insert(segsOf(item), item, depth);
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

/** Entries to index once a lookup reaches `segs` (see SegmentTrie.defer). */
interface Deferred { segs: string[]; mws: MwBefore[]; routes: RouteBefore[] }

/** What a walk of a router mounted at `segs` added, sorted by Befores.under. */
export interface AddedUnder {
  segs: string[];
  entries: Before[];
  /** Entries indexed at once: loose ones, and any whose pattern does not extend `segs`. */
  rest: Before[];
  later: Deferred;
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
let walks = 0;

export class Befores {
  private seq = 0;
  private readonly mwTrie = new SegmentTrie<MwBefore>();
  private readonly looseMws: MwBefore[] = [];
  private readonly routeTrie = new SegmentTrie<RouteBefore>();
  private readonly wildRoutes: RouteBefore[] = [];
  /** Everything added, in order: the share a subtree walk added is added again when the walk is reused. */
  readonly log: Before[] = [];

  addMw(b: Omit<MwBefore, 'seq' | 'type' | 'loose' | 'walk'>): void {
    this.insert({ ...b, type: 'mw', seq: 0, walk: 0, loose: b.prefix.kind !== 'str' || unindexable(b.prefix) });
  }

  addRoute(b: Omit<RouteBefore, 'seq' | 'type' | 'loose' | 'walk'>): void {
    this.insert({ ...b, type: 'route', seq: 0, walk: 0, loose: hasWildcard(b.segs) });
  }

  /**
   * Adds again what a reused walk of a router mounted at `segs` added. Entries whose patterns extend
   * `segs` are indexed only when a later lookup reaches that path: later routes elsewhere never do.
   */
  readdUnder(added: AddedUnder): void {
    const { segs, entries } = added;
    if (entries.length && entries[0].walk === this.walk) {
      // Already added in this run (a router mounted twice in the same place): copies, sorted out afresh.
      const later: Deferred = { segs, mws: [], routes: [] };
      for (const e of entries) this.insert({ ...e }, later);
      this.deferAll(later);
      return;
    }
    // An entry of a previous run is taken over: only its position changes.
    for (const e of entries) {
      e.seq = this.seq++;
      e.walk = this.walk;
      this.log.push(e);
    }
    for (const b of added.rest) this.index(b);
    this.deferAll(added.later);
  }

  /** Sorts a walk's entries once, when it is recorded, so that adding them again is a loop of assignments. */
  static under(segs: string[], entries: Before[]): AddedUnder {
    const later: Deferred = { segs, mws: [], routes: [] };
    const rest: Before[] = [];
    for (const b of entries) {
      if (b.type === 'mw' ? !b.loose && b.prefix.kind === 'str' && extendsSegs(b.prefix.segs, segs) : !b.loose && extendsSegs(b.segs, segs)) (b.type === 'mw' ? later.mws : later.routes).push(b as never);
      else rest.push(b);
    }
    return { segs, entries, rest, later };
  }

  private deferAll(later: Deferred): void {
    if (later.mws.length) this.mwTrie.defer(later.segs, later.mws, m => (m.prefix as Extract<Prefix, { kind: 'str' }>).segs);
    if (later.routes.length) this.routeTrie.defer(later.segs, later.routes, r => r.segs);
  }

  /** Tells this walk's entries from earlier walks' (a number: an entry must not keep its old walk alive). */
  private readonly walk = ++walks;

  private insert(b: Before, later?: Deferred): void {
    b.seq = this.seq++;
    b.walk = this.walk;
    this.log.push(b);
    this.index(b, later);
  }

  private index(b: Before, later?: Deferred): void {
    if (b.type === 'mw') {
      if (b.loose || b.prefix.kind !== 'str') this.looseMws.push(b);
      else if (later && extendsSegs(b.prefix.segs, later.segs)) later.mws.push(b);
      else this.mwTrie.insert(b.prefix.segs, b);
    } else if (b.loose) this.wildRoutes.push(b);
    else if (later && extendsSegs(b.segs, later.segs)) later.routes.push(b);
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
