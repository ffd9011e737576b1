// Generates a workspace with many routes in few files, for measuring memory at scale (not a test):
// an app with express.json() and an auth middleware mounting ROUTERS router files of ROUTES routes
// each (default 50 × 2,000 = 100,000 routes). Each route has route-level middleware, and its handler
// reads req.params, req.body or req.user and answers with res.json, on one line.
//   npx tsx scripts/gen-many-routes.ts [dir]          (default: ./many-routes-workspace)
//   npm run build && /usr/bin/time -v node dist/cli.js scan many-routes-workspace --format json > /dev/null
// ROUTERS and ROUTES in the environment change the shape.
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'many-routes-workspace'));
const ROUTERS = Number(process.env.ROUTERS ?? 50);
const ROUTES = Number(process.env.ROUTES ?? 2000);

const auth = `export function requireUser(req: any, res: any, next: any) {
  if (!req.headers.authorization) return res.status(401).json({ error: 'unauthorized' });
  req.user = { id: 1, role: 'user' };
  next();
}

export function requireRole(role: string) {
  return (req: any, res: any, next: any) => (req.user?.role === role ? next() : res.status(403).json({ error: 'forbidden' }));
}
`;

const validate = `export function validate(fields: string[]) {
  return (req: any, res: any, next: any) => {
    for (const f of fields) if (req.body?.[f] === undefined) return res.status(400).json({ error: \`missing \${f}\` });
    next();
  };
}

export function cache(seconds: number) {
  return (_req: any, res: any, next: any) => { res.set('Cache-Control', \`max-age=\${seconds}\`); next(); };
}

export function audit(req: any, _res: any, next: any) {
  console.log(req.method, req.url);
  next();
}
`;

/** The `k`th route of router `r`: four shapes in turn, as a resource's CRUD routes look. */
function route(r: number, k: number): string {
  const item = `item${k >> 2}`;
  switch (k % 4) {
    case 0: return `router.get('/${item}', audit, (req, res) => res.json({ items: [], user: req.user }));`;
    case 1: return `router.get('/${item}/:id', cache(60), (req, res) => res.json({ id: req.params.id, router: ${r} }));`;
    case 2: return `router.post('/${item}', audit, validate(['name', 'price']), (req, res) => res.status(201).json(req.body));`;
    default: return `router.delete('/${item}/:id', requireRole('admin'), audit, (req, res) => res.json({ deleted: req.params.id }));`;
  }
}

function router(r: number): string {
  const routes = Array.from({ length: ROUTES }, (_, k) => route(r, k)).join('\n');
  return `import { Router } from 'express';\nimport { audit, cache, validate } from '../middleware/validate';\nimport { requireRole } from '../middleware/auth';\nimport { store } from '../store';\n\nconst router = Router();\n\n${routes}\n\nexport default router;\n`;
}

function app(): string {
  const names = Array.from({ length: ROUTERS }, (_, r) => `r${r}`);
  return `import express from 'express';\nimport { requireUser } from './middleware/auth';\n${names.map(n => `import ${n} from './routes/${n}';`).join('\n')}\n\nconst app = express();\napp.use(express.json());\napp.get('/health', (req, res) => res.json({ ok: true }));\napp.use(requireUser);\n${names.map(n => `app.use('/api/${n}', ${n});`).join('\n')}\n\napp.listen(3000);\n`;
}

const store = `export const store = {\n  list(table: string) { return [table]; },\n  get(table: string, id: string) { return { table, id }; },\n  insert(table: string, row: object) { return { table, ...row }; },\n  remove(table: string, id: string) { return { table, id }; },\n};\n`;

fs.rmSync(ROOT, { recursive: true, force: true });
const write = (rel: string, text: string) => {
  const f = path.join(ROOT, rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, text);
};
write('package.json', JSON.stringify({ name: 'many-routes', dependencies: { express: '^5.1.0' } }, null, 2) + '\n');
write('src/middleware/auth.ts', auth);
write('src/middleware/validate.ts', validate);
write('src/store.ts', store);
for (let r = 0; r < ROUTERS; r++) write(`src/routes/r${r}.ts`, router(r));
write('src/app.ts', app());
console.log(`gen-many-routes: ${ROUTERS} routers × ${ROUTES} routes = ${ROUTERS * ROUTES + 1} routes in ${path.relative(process.cwd(), ROOT) || '.'}`);
