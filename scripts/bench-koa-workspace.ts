// The Koa workspace `npm run bench` measures beside the Express and Fastify ones (scripts/bench.ts):
// about the same number of files and routes, written the way Koa apps are. The app runs an error
// handler first (try/await next()), koa-bodyparser, and koa-jwt with `.unless({ path })`; ten areas
// are @koa/router routers with a `prefix` option and a router.use() of their own, each nesting
// modules → groups → leaf routers with `router.use('/x', child.routes(), child.allowedMethods())`
// (four levels across files, prefixes joining). Every leaf runs a custom `requireUser` through a
// path-less router.use() after its first route, and one route per leaf has route-level middleware
// from a factory (`requireRole('editor')`). The last area sits behind koa-mount in a sub-app.
// Leaves share the Express workspace's service filler.
import * as fs from 'fs';
import * as path from 'path';
import { workspaceWriter } from './bench-lib';

/** Where the edit of the re-analysis figures goes: a leaf of area 3, as in the other workspaces. */
export const KOA_EDIT_DIR = 'src/a3/m2/g1';

/** A route added at the end of a leaf module (still before any parent clones the leaf's stack in). */
export function koaEdit(original: string, i: number): string {
  return original + `\nrouter.get('/extra${i}', async (ctx) => { ctx.body = { i: ${i} }; });\n`;
}

/** Writes the workspace under `root` (emptied first); `services` files of filler, leaves to about `files` in all. */
export function generateKoa(root: string, files: number, service: (i: number) => string): string[] {
  const { files: written, write } = workspaceWriter(root);
  const services = Math.min(500, Math.max(1, Math.floor(files / 4)));
  for (let s = 0; s < services; s++) write(`src/services/s${s}.ts`, service(s));
  write('src/middleware/auth.ts', `import type { Context, Next } from 'koa';\n\nexport async function requireUser(ctx: Context, next: Next) {\n  if (!ctx.state.user) ctx.throw(401, 'unauthorized');\n  await next();\n}\n\nexport function requireRole(role: string) {\n  return async function hasRole(ctx: Context, next: Next) {\n    if (ctx.state.user?.role !== role) {\n      ctx.status = 403;\n      ctx.body = { error: 'forbidden' };\n      return;\n    }\n    await next();\n  };\n}\n`);
  write('src/middleware/errors.ts', `import type { Context, Next } from 'koa';\n\nexport async function errorHandler(ctx: Context, next: Next) {\n  try {\n    await next();\n  } catch (err: any) {\n    ctx.status = err.status ?? 500;\n    ctx.body = { error: err.message };\n  }\n}\n`);
  const up = (dir: string) => '../'.repeat(dir.split('/').length - 1);
  const leaf = (dir: string, n: number) => {
    const routes = Array.from({ length: 5 }, (_, k) => `router.get('/item${k}/:id', ${k === 0 ? "requireRole('editor'), " : ''}async (ctx) => {\n  const row = await svc.method${k}(ctx.params.id);\n  ctx.body = { row, user: ctx.state.user };\n});`).join('\n');
    write(`${dir}/leaf${n}.ts`, `import Router from '@koa/router';\nimport { requireRole, requireUser } from '${up(dir)}middleware/auth';\nimport { Service${n % services} } from '${up(dir)}services/s${n % services}';\n\nconst svc = new Service${n % services}(null);\nconst router = new Router();\n\nrouter.get('/', async (ctx) => { ctx.body = await svc.method0('x'); });\nrouter.use(requireUser);\n${routes}\nrouter.post('/', async (ctx) => {\n  ctx.status = 201;\n  ctx.body = await svc.method1((ctx.request.body as any).id);\n});\n\nexport default router;\n`);
    return `leaf${n}`;
  };
  const indexOf = (children: string[], from: (c: string) => string, head: string) =>
    `import Router from '@koa/router';\n${children.map(c => `import ${c} from '${from(c)}';`).join('\n')}\n\n${head}\n${children.map(c => `router.use('/${c}', ${c}.routes(), ${c}.allowedMethods());`).join('\n')}\n\nexport default router;\n`;
  const leavesPerGroup = Math.max(1, Math.floor((files - services - 300) / 200));
  let n = 0;
  for (let a = 0; a < 10; a++) {
    const mods: string[] = [];
    for (let m = 0; m < 5; m++) {
      const groups: string[] = [];
      for (let g = 0; g < 4; g++) {
        const dir = `src/a${a}/m${m}/g${g}`;
        const leaves = Array.from({ length: leavesPerGroup }, () => leaf(dir, n++));
        write(`${dir}/index.ts`, indexOf(leaves, l => `./${l}`, 'const router = new Router();'));
        groups.push(`g${g}`);
      }
      write(`src/a${a}/m${m}/index.ts`, indexOf(groups, g => `./${g}`, 'const router = new Router();'));
      mods.push(`m${m}`);
    }
    // The last area is a sub-app under koa-mount: its router's paths are local to the mount.
    const prefix = a === 9 ? '' : `/api/a${a}`;
    write(`src/a${a}/index.ts`, indexOf(mods, m => `./${m}`, `const router = new Router(${prefix ? `{ prefix: '${prefix}' }` : ''});\nrouter.use(async (ctx, next) => { ctx.state.area = ${a}; await next(); });`));
  }
  const areas = Array.from({ length: 9 }, (_, i) => `area${i}`);
  write('src/app.ts', `import Koa from 'koa';\nimport bodyParser from 'koa-bodyparser';\nimport jwt from 'koa-jwt';\nimport mount from 'koa-mount';\nimport { errorHandler } from './middleware/errors';\n${areas.map((x, i) => `import ${x} from './a${i}';`).join('\n')}\nimport area9 from './a9';\n\nconst app = new Koa();\napp.use(errorHandler);\napp.use(bodyParser({ jsonLimit: '1mb' }));\napp.use(jwt({ secret: process.env.JWT_SECRET ?? 'dev' }).unless({ path: [/^\\/public/, '/health'] }));\n${areas.map(x => `app.use(${x}.routes());\napp.use(${x}.allowedMethods());`).join('\n')}\n\nconst legacy = new Koa();\nlegacy.use(area9.routes());\napp.use(mount('/api/a9', legacy));\napp.listen(3000);\n`);
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'bench-koa', dependencies: { koa: '^3.0.0', '@koa/router': '^13.1.0', 'koa-bodyparser': '^4.4.1', 'koa-jwt': '^4.0.4', 'koa-mount': '^4.2.0' } }));
  return written;
}
