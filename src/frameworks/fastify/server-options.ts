// What a Fastify root's factory options say about accepting connections (stop 1) and reading bodies
// (stop 2): `trustProxy`, `keepAliveTimeout` (Fastify's own default is 72 s, F20, not Node's 5 s)
// and `bodyLimit` (1 MiB by default, F17; a route's own option replaces it for that route).
import type { AdapterContext } from '../../core/adapter';
import type { AcceptFacts, BodyParser, TimeoutSetting } from '../../core/model';
import { type Arg, type Site, propArg } from '../../core/values';
import { byteLimit } from '../shared/byte-size';
import type { FastifyContext, RouteRecord } from './objects';

/** Fastify's keepAliveTimeout when the factory sets none (F20, read back from a running server). */
export const FASTIFY_KEEP_ALIVE_MS = 72_000;

/** The root's proxy trust and its server (the factory call), kept per root across runs (as Express's, express/accept.ts). */
export function acceptFacts(root: FastifyContext, ctx: AdapterContext): AcceptFacts {
  return ctx.memo('fastify.accept', root, () => readAccept(root, ctx));
}

function readAccept(root: FastifyContext, ctx: AdapterContext): AcceptFacts {
  const opts = root.options;
  const trust = opts ? propArg(opts, 'trustProxy') : null;
  const keepAlive = opts ? propArg(opts, 'keepAliveTimeout') : null;
  return {
    trustProxy: trust && trusts(trust) ? rangeOf(trust.site ?? root.site, ctx) : null,
    servers: [{
      range: rangeOf(root.site, ctx), defaultKeepAliveTimeout: FASTIFY_KEEP_ALIVE_MS, keepAliveTimeout: keepAlive ? timeout(keepAlive, root.site, ctx) : null, headersTimeout: null,
    }],
  };
}

/**
 * The body parsers of a route whose limits the code writes: Fastify's own (bodyLimit) and
 * @fastify/multipart's `limits.fileSize` from the nearest context that registers it. Multipart is
 * capped by bodyLimit (F21) unless its own fileSize is written, so only a written one is read.
 */
export function routeBodyParsers(root: FastifyContext, c: FastifyContext, r: RouteRecord, ctx: AdapterContext): BodyParser[] {
  const own = routeBodyParser(root, r, ctx);
  let holder: FastifyContext | null = c;
  while (holder && !holder.multipart) holder = holder.parent;
  const mp = holder?.multipart;
  const multipart = mp ? ctx.memo('fastify.multipart', mp, () => multipartParser(mp, ctx)) : null;
  return own && multipart ? [own, multipart] : own ? [own] : multipart ? [multipart] : [];
}

function multipartParser(mp: NonNullable<FastifyContext['multipart']>, ctx: AdapterContext): BodyParser | null {
  const limits = mp.options?.props.get('limits');
  const written = limits?.t === 'obj' ? propArg(limits, 'fileSize') : null;
  if (!written) return null;
  const { bytes, written: text } = byteLimit(written);
  return {
    name: '@fastify/multipart', package: '@fastify/multipart', types: ['multipart'], repeat: null, range: rangeOf(mp.site, ctx),
    limits: [{ option: 'limits.fileSize', bytes, written: text, range: written.site ? rangeOf(written.site, ctx) : null }],
  };
}

/**
 * Fastify's own parsers with the limit a route gets, when the code writes one (its own, else the
 * root's); null when the default applies. Kept per root and route registration across runs.
 */
function routeBodyParser(root: FastifyContext, r: RouteRecord, ctx: AdapterContext): BodyParser | null {
  const known = ctx.memo('fastify.bodyParsers', root, () => new WeakMap<RouteRecord, BodyParser | null>());
  let p = known.get(r);
  if (p === undefined) known.set(r, (p = readBodyParser(root, r, ctx)));
  return p;
}

function readBodyParser(root: FastifyContext, r: RouteRecord, ctx: AdapterContext): BodyParser | null {
  const own = r.bodyLimit ?? null;
  const written = own ?? (root.options ? propArg(root.options, 'bodyLimit') : null);
  if (!written) return null;
  const { bytes, written: text } = byteLimit(written);
  // A bodyLimit that is not a number is refused by Fastify at startup; not a limit to compare.
  const site = written.site ?? (own ? r.site : root.site);
  return {
    name: own ? 'This route' : 'Fastify', package: 'fastify', types: ['json', 'text'], repeat: null, range: rangeOf(site, ctx),
    limits: [{ option: 'bodyLimit', bytes: written.value.t === 'str' ? null : bytes, written: text, range: written.site ? rangeOf(written.site, ctx) : null }],
  };
}

/** `trustProxy`: true, a hop count, addresses or a function trust a proxy; false and 0 do not. */
function trusts(arg: Arg): boolean {
  const v = arg.value;
  if (v.t === 'bool') return v.v;
  if (v.t === 'num') return v.v > 0;
  return v.t === 'str' || v.t === 'arr' || v.t === 'fn';
}

function timeout(arg: Arg, fallback: Site, ctx: AdapterContext): TimeoutSetting {
  const { bytes: ms } = byteLimit(arg); // a number, or a product of numbers (`65 * 1000`)
  return { ms: arg.value.t === 'str' ? null : ms, range: rangeOf(arg.site ?? fallback, ctx) };
}

function rangeOf(site: Site, ctx: AdapterContext) {
  return ctx.range(site.file, site.span);
}
