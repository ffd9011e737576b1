// Fastify decorators by context (F3, F4): a context sees its own and its ancestors' decorators
// (fastify-plugin ones are the parent's own), never a sibling's or a child's.
import type { Site, Value } from '../../core/values';
import { type FastifyContext, descendants } from './objects';

/** The value of decorator `name` as `ctx` sees it, if it sees one. */
export function visibleDecorator(ctx: FastifyContext, name: string): Value | undefined {
  for (let c: FastifyContext | null = ctx; c; c = c.parent) {
    const v = c.decorators.get(name);
    if (v) return v;
  }
  return undefined;
}

/** Where a context of `ctx`'s tree declares decorator `name`, and which context, if one does. */
export function declarationSite(ctx: FastifyContext, name: string): { site: Site; in: FastifyContext } | null {
  for (const c of descendants(rootOf(ctx))) {
    const site = c.decoratorSites.get(name);
    if (site) return { site, in: c };
  }
  return null;
}

/** Every decorator visible in `ctx`: its own and its ancestors'. */
export function visibleDecorators(ctx: FastifyContext): string[] {
  const out = new Set<string>();
  for (let c: FastifyContext | null = ctx; c; c = c.parent) for (const name of c.decorators.keys()) out.add(name);
  return [...out];
}

/** The root instance of `ctx`'s tree. */
export function rootOf(ctx: FastifyContext): FastifyContext {
  let c = ctx;
  while (c.parent) c = c.parent;
  return c;
}

/** Whether any context at or below `ctx` declares `name` (read elsewhere, it is `undefined`, not unknown). */
export function decoratedAnywhere(ctx: FastifyContext, name: string): boolean {
  return descendants(ctx).some(c => c.decorators.has(name));
}
