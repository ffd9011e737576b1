// The Fastify workspace `npm run bench` measures beside the Express one (scripts/bench.ts): about the
// same number of files and routes, written the way Fastify apps are. The root registers an fp auth
// plugin that decorates `authenticate` and a root onRequest hook; ten areas are plugins under
// prefixes, each with a preHandler hook, registering modules → groups → leaf plugins (four levels of
// register() across files, prefixes nesting); every leaf adds `fastify.authenticate` as an onRequest
// hook in its own context (it covers the routes written before it too, F1), and one route per leaf
// has route-level hooks. The
// last area is an @fastify/autoload folder (folder names are prefixes) with an autohooks file that
// cascades an auth hook to its subfolders. Leaves share the Express workspace's service filler.
import * as fs from 'fs';
import * as path from 'path';
import { workspaceWriter } from './bench-lib';

/** Where the edit of the re-analysis figures goes: a leaf of area 3, as in the Express workspace. */
export const FASTIFY_EDIT_DIR = 'src/a3/m2/g1';

/** A route added at the end of a leaf plugin's body (the leaf's helper functions follow it). */
export function fastifyEdit(original: string, i: number): string {
  return original.replace(LEAF_BODY_END, `\n  fastify.get('/extra${i}', async () => ({ i: ${i} }));$&`);
}

const LEAF_BODY_END = /\n\}\n\nasync function checkBody/;

/** Writes the workspace under `root` (emptied first); `services` files of filler, leaves to about `files` in all. */
export function generateFastify(root: string, files: number, service: (i: number) => string): string[] {
  const { files: written, write } = workspaceWriter(root);
  const services = Math.min(500, Math.max(1, Math.floor(files / 4)));
  for (let s = 0; s < services; s++) write(`src/services/s${s}.ts`, service(s));
  write('src/plugins/auth.ts', `import fp from 'fastify-plugin';\nimport type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';\n\nexport default fp(async function auth(fastify: FastifyInstance) {\n  fastify.decorate('authenticate', async function authenticate(request: FastifyRequest, reply: FastifyReply) {\n    if (!request.headers.authorization) return reply.code(401).send({ error: 'unauthorized' });\n  });\n});\n`);
  const up = (dir: string) => '../'.repeat(dir.split('/').length - 1);
  const leaf = (dir: string, n: number, autoloaded: boolean) => {
    const routes = Array.from({ length: 5 }, (_, k) => `  fastify.get('/item${k}/:id', async (request: any) => {\n    const row = await svc.method${k}(request.params.id);\n    return { row, user: request.user };\n  });`).join('\n');
    // Autoloaded leaves are covered by the folder's autohooks; the others add the hook themselves.
    const hook = autoloaded ? '' : `  fastify.addHook('onRequest', fastify.authenticate);\n`;
    // Autoload gives every file of a folder the folder's prefix: each leaf names its own (autoPrefix).
    const own = autoloaded ? `export const autoPrefix = '/leaf${n}';\n\n` : '';
    write(`${dir}/leaf${n}.ts`, `import type { FastifyInstance } from 'fastify';\nimport { Service${n % services} } from '${up(dir)}services/s${n % services}';\n\n${own}const svc = new Service${n % services}(null);\n\nexport default async function leaf${n}(fastify: FastifyInstance) {\n  fastify.get('/', async () => svc.method0('x'));\n${hook}${routes}\n  fastify.post('/', { preValidation: [checkBody], onSend: [tagResponse] }, async (request: any, reply) => {\n    reply.code(201);\n    return svc.method1(request.body.id);\n  });\n}\n\nasync function checkBody(request: any) {\n  if (!request.body) throw new Error('missing body');\n}\n\nasync function tagResponse(request: any, reply: any, payload: unknown) {\n  reply.header('x-leaf', '${n}');\n  return payload;\n}\n`);
    return `leaf${n}`;
  };
  const leavesPerGroup = Math.max(1, Math.floor((files - services - 300) / 200));
  const indexOf = (children: string[], from: (c: string) => string, name: string, extra = '') =>
    `import type { FastifyInstance } from 'fastify';\n${children.map(c => `import ${c} from '${from(c)}';`).join('\n')}\n\nexport default async function ${name}(fastify: FastifyInstance) {\n${extra}${children.map(c => `  fastify.register(${c}, { prefix: '/${c}' });`).join('\n')}\n}\n`;
  let n = 0;
  const areas: string[] = [];
  for (let a = 0; a < 10; a++) {
    const autoloaded = a === 9;
    const areaDir = autoloaded ? 'src/auto' : `src/a${a}`;
    const mods: string[] = [];
    for (let m = 0; m < 5; m++) {
      const groups: string[] = [];
      for (let g = 0; g < 4; g++) {
        const dir = `${areaDir}/m${m}/g${g}`;
        const leaves = Array.from({ length: leavesPerGroup }, () => leaf(dir, n++, autoloaded));
        if (!autoloaded) write(`${dir}/index.ts`, indexOf(leaves, l => `./${l}`, `g${g}`));
        groups.push(`g${g}`);
      }
      if (!autoloaded) write(`${areaDir}/m${m}/index.ts`, indexOf(groups, g => `./${g}`, `m${m}`));
      mods.push(`m${m}`);
    }
    if (autoloaded) {
      write(`${areaDir}/autohooks.ts`, `import type { FastifyInstance } from 'fastify';\n\nexport default async function autohooks(fastify: FastifyInstance) {\n  fastify.addHook('onRequest', fastify.authenticate);\n}\n`);
    } else {
      write(`${areaDir}/index.ts`, indexOf(mods, m => `./${m}`, `area${a}`, `  fastify.addHook('preHandler', async (request: any) => { request.area = ${a}; });\n`));
      areas.push(`area${a}`);
    }
  }
  write('src/app.ts', `import Fastify from 'fastify';\nimport autoload from '@fastify/autoload';\nimport * as path from 'path';\nimport auth from './plugins/auth';\n${areas.map((x, i) => `import ${x} from './a${i}';`).join('\n')}\n\nconst app = Fastify({ bodyLimit: 1048576 });\napp.register(auth);\napp.addHook('onRequest', async (request) => { request.log.info({ url: request.url }, 'incoming'); });\n${areas.map((x, i) => `app.register(${x}, { prefix: '/api/a${i}' });`).join('\n')}\napp.register(autoload, { dir: path.join(__dirname, 'auto'), autoHooks: true, cascadeHooks: true, options: { prefix: '/api/auto' } });\napp.get('/health', async () => ({ ok: true }));\napp.listen({ port: 3000 });\n`);
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'bench-fastify', dependencies: { fastify: '^5.3.0', 'fastify-plugin': '^5.0.0', '@fastify/autoload': '^6.3.0' } }));
  return written;
}
