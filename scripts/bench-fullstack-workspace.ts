// The full-stack workspace `npm run bench` measures beside the server-only ones (scripts/bench.ts): a
// monorepo as most real ones are, mostly front end. web/ holds React-like .tsx components (hooks,
// props types, JSX, imports between siblings and from shared type files) that import nothing from the
// server; server/ is a 60-file Express backend (an index that calls listen, the app, auth middleware,
// twenty routers of five routes each over thirty services). Only server/ can register a route.
import { workspaceWriter } from './bench-lib';

/** Where the server edit of the re-analysis figures goes: a router named like the other workspaces' leaves. */
export const FULLSTACK_EDIT_DIR = 'server/src/routes';
/** The front-end file the "edit outside the closure" figures edit. */
export const FULLSTACK_WEB_EDIT = 'web/src/components/g3/Widget300.tsx';

/** A front-end edit: a changed label (no import added). */
export function webEdit(original: string, i: number): string {
  return original.replace('Widget', `Widget edited ${i} `);
}

const component = (i: number, group: number) => {
  const sibling = i % 50 === 0 ? null : `Widget${i - 1}`;
  return `import React, { useEffect, useMemo, useState } from 'react';
import type { Item, Theme } from '../../types';
${sibling ? `import { ${sibling} } from './${sibling}';\n` : ''}import { formatPrice, useFetch } from '../../lib/hooks';

export interface Widget${i}Props {
  items: Item[];
  theme?: Theme;
  onSelect?: (id: string) => void;
}

export function Widget${i}({ items, theme = 'light', onSelect }: Widget${i}Props) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const { data, loading } = useFetch<Item[]>('/api/r${i % 20}/items?group=${group}');
  const visible = useMemo(() => (data ?? items).filter(it => it.name.toLowerCase().includes(query.toLowerCase())), [data, items, query]);
  useEffect(() => {
    if (visible.length === 0) setOpen(false);
  }, [visible.length]);
  if (loading) return <div className="spinner" aria-busy="true" />;
  return (
    <section className={\`widget widget-\${theme}\`}>
      <header>
        <h2>Widget ${i}</h2>
        <input value={query} onChange={e => setQuery(e.target.value)} placeholder="Search" />
        <button onClick={() => setOpen(o => !o)}>{open ? 'Hide' : 'Show'} ({visible.length})</button>
      </header>
      {open && (
        <ul>
          {visible.map(it => (
            <li key={it.id} onClick={() => onSelect?.(it.id)}>
              <span>{it.name}</span> <strong>{formatPrice(it.price)}</strong>
            </li>
          ))}
        </ul>
      )}
${sibling ? `      <${sibling} items={visible.slice(0, 3)} theme={theme} />\n` : ''}    </section>
  );
}
`;
};

/** Writes the workspace under `root` (emptied first): `components` front-end files and the 60-file backend. */
export function generateFullstack(root: string, components: number, service: (i: number) => string): string[] {
  const { files, write } = workspaceWriter(root);
  write('package.json', JSON.stringify({ name: 'fullstack', private: true, workspaces: ['web', 'server'] }));
  write('web/package.json', JSON.stringify({ name: 'web', dependencies: { react: '^18.3.0' } }));
  write('web/src/types.ts', `export type Theme = 'light' | 'dark';\nexport interface Item { id: string; name: string; price: number }\n`);
  write('web/src/lib/hooks.ts', `import { useEffect, useState } from 'react';\n\nexport function useFetch<T>(url: string): { data: T | null; loading: boolean } {\n  const [data, setData] = useState<T | null>(null);\n  const [loading, setLoading] = useState(true);\n  useEffect(() => {\n    fetch(url).then(r => r.json()).then(d => { setData(d); setLoading(false); });\n  }, [url]);\n  return { data, loading };\n}\n\nexport const formatPrice = (n: number) => n.toFixed(2) + ' €';\n`);
  for (let i = 0; i < components; i++) write(`web/src/components/g${Math.floor(i / 100)}/Widget${i}.tsx`, component(i, Math.floor(i / 100)));
  write('web/src/main.tsx', `import React from 'react';\nimport { createRoot } from 'react-dom/client';\nimport { Widget0 } from './components/g0/Widget0';\n\ncreateRoot(document.getElementById('root')!).render(<Widget0 items={[]} />);\n`);

  write('server/package.json', JSON.stringify({ name: 'server', dependencies: { express: '^5.1.0' } }));
  write('server/src/middleware/auth.ts', `export function requireUser(req: any, res: any, next: any) {\n  if (!req.headers.authorization) return res.status(401).json({ error: 'unauthorized' });\n  req.user = { id: 1 };\n  next();\n}\n`);
  write('server/src/db.ts', `export const db = { query: async (sql: string, args: unknown[]) => [] as any[] };\n`);
  for (let s = 0; s < 30; s++) write(`server/src/services/s${s}.ts`, service(s));
  const routers: string[] = [];
  for (let n = 0; n < 20; n++) {
    write(`${FULLSTACK_EDIT_DIR}/leaf${n}.ts`, `import { Router } from 'express';\nimport { requireUser } from '../middleware/auth';\nimport { db } from '../db';\nimport { Service${n % 30} } from '../services/s${n % 30}';\n\nconst router = Router();\nconst svc = new Service${n % 30}(db);\nrouter.get('/', async (req, res) => res.json(await svc.method0('x')));\nrouter.use(requireUser);\n${Array.from({ length: 4 }, (_, k) => `router.get('/item${k}/:id', async (req, res) => res.json(await svc.method${k}(req.params.id)));`).join('\n')}\nexport default router;\n`);
    routers.push(`leaf${n}`);
  }
  write('server/src/app.ts', `import express from 'express';\n${routers.map(r => `import ${r} from './routes/${r}';`).join('\n')}\n\nexport const app = express();\napp.use(express.json());\n${routers.map((r, i) => `app.use('/api/r${i}', ${r});`).join('\n')}\n`);
  write('server/src/index.ts', `import { app } from './app';\n\napp.listen(Number(process.env.PORT ?? 3000));\n`);
  for (let k = 0; k < 5; k++) write(`server/src/util/u${k}.ts`, `export const u${k} = (s: string) => s.trim().toLowerCase() + '${k}';\n`);
  return files;
}
