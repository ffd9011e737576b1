// `npm run bench`: generates a synthetic Express workspace (2,000 files, routers mounted four deep
// across files), a Fastify one and a Koa one of the same size (scripts/bench-fastify-workspace.ts,
// scripts/bench-koa-workspace.ts), a full-stack one (2,000 front-end .tsx files beside a 60-file
// Express backend, scripts/bench-fullstack-workspace.ts: only the backend is parsed), and measures
// each, each phase in a fresh process so every figure is a cold start:
//   parse  TypeScript's parser alone on the same files (the baseline)
//   scan   Seven Stops' full analysis (discover, read, lower, evaluate, link, rules), then re-analysis
//          after editing one file (20 edits; the first, still compiling, is reported apart), and peak RSS.
// Each phase runs three times, alternating (this machine's timings vary by tens of percent): the
// figures are medians. The engine is bundled by esbuild first, as the CLI and the extension ship it.
// Prints figures and ratios against the baseline. Not a test: nothing here passes or fails.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ts } from 'ts-morph';
import { bundleForBench, median, workspaceWriter } from './bench-lib';
import { FASTIFY_EDIT_DIR, fastifyEdit, generateFastify } from './bench-fastify-workspace';
import { KOA_EDIT_DIR, generateKoa, koaEdit } from './bench-koa-workspace';
import { FULLSTACK_EDIT_DIR, FULLSTACK_WEB_EDIT, generateFullstack, webEdit } from './bench-fullstack-workspace';

const EXPRESS_ROOT = path.resolve(__dirname, '..', 'bench-workspace');
const FASTIFY_ROOT = path.resolve(__dirname, '..', 'bench-workspace-fastify');
const KOA_ROOT = path.resolve(__dirname, '..', 'bench-workspace-koa');
const FULLSTACK_ROOT = path.resolve(__dirname, '..', 'bench-workspace-fullstack');
// The parse and scan phases run in child processes: the workspace they measure comes by environment.
const ROOT = process.env.BENCH_ROOT ?? EXPRESS_ROOT;
const FASTIFY = ROOT === FASTIFY_ROOT;
const KOA = ROOT === KOA_ROOT;
const FULLSTACK = ROOT === FULLSTACK_ROOT;
const FILES = Number(process.env.BENCH_FILES ?? 2000);

// Filler that looks like service code: real parsing work, no routing (both workspaces).
const service = (i: number) => `export class Service${i} {\n${Array.from({ length: 12 }, (_, k) => `  async method${k}(id: string, opts: { limit?: number } = {}) {\n    const rows = await this.db.query('select * from t${i} where id = $1 limit $2', [id, opts.limit ?? 10]);\n    return rows.map((r: any) => ({ ...r, score: r.a * ${k} + r.b / 2 }));\n  }`).join('\n')}\n  constructor(private db: any) {}\n}\n`;

function generate(): string[] {
  const ROOT = EXPRESS_ROOT;
  const { files, write } = workspaceWriter(ROOT);
  write('src/middleware/auth.ts', `export function requireUser(req: any, res: any, next: any) {\n  if (!req.headers.authorization) return res.status(401).json({ error: 'unauthorized' });\n  req.user = { id: 1 };\n  next();\n}\n`);
  let leafCount = 0;
  const leaf = (dir: string, n: number) => {
    const name = `leaf${n}`;
    write(`${dir}/${name}.ts`, `import { Router } from 'express';\nimport { requireUser } from '${'../'.repeat(dir.split('/').length - 1)}middleware/auth';\nimport { Service${n % 500} } from '${'../'.repeat(dir.split('/').length - 1)}services/s${n % 500}';\n\nconst router = Router();\nconst svc = new Service${n % 500}(null);\nrouter.get('/', async (req, res) => res.json(await svc.method0('x')));\nrouter.use(requireUser);\n${Array.from({ length: 5 }, (_, k) => `router.get('/item${k}/:id', async (req, res) => {\n  const row = await svc.method${k}(req.params.id);\n  res.json({ row, user: req.user });\n});`).join('\n')}\nrouter.post('/', async (req, res) => res.status(201).json(await svc.method1(req.body.id)));\nexport default router;\n`);
    leafCount++;
    return name;
  };
  // app → 10 areas → 5 modules each → 4 groups each → leaves (four levels of mounting across files)
  const areas: string[] = [];
  let n = 0;
  const services = Math.min(500, Math.max(1, Math.floor(FILES / 4)));
  for (let s = 0; s < services; s++) write(`src/services/s${s}.ts`, service(s));
  const leavesPerGroup = Math.max(1, Math.floor((FILES - services - 300) / 200));
  for (let a = 0; a < 10; a++) {
    const mods: string[] = [];
    for (let m = 0; m < 5; m++) {
      const groups: string[] = [];
      for (let g = 0; g < 4; g++) {
        const dir = `src/a${a}/m${m}/g${g}`;
        const leaves = Array.from({ length: leavesPerGroup }, () => leaf(dir, n++));
        write(`${dir}/index.ts`, `import { Router } from 'express';\n${leaves.map(l => `import ${l} from './${l}';`).join('\n')}\nconst r = Router();\n${leaves.map(l => `r.use('/${l}', ${l});`).join('\n')}\nexport default r;\n`);
        groups.push(`g${g}`);
      }
      write(`src/a${a}/m${m}/index.ts`, `import { Router } from 'express';\n${groups.map(g => `import ${g} from './${g}';`).join('\n')}\nconst r = Router();\n${groups.map(g => `r.use('/${g}', ${g});`).join('\n')}\nexport default r;\n`);
      mods.push(`m${m}`);
    }
    write(`src/a${a}/index.ts`, `import { Router } from 'express';\n${mods.map(m => `import ${m} from './${m}';`).join('\n')}\nexport const area${a} = Router();\n${mods.map(m => `area${a}.use('/${m}', ${m});`).join('\n')}\n`);
    areas.push(`area${a}`);
  }
  write('src/app.ts', `import express from 'express';\n${areas.map((a, i) => `import { ${a} } from './a${i}';`).join('\n')}\nconst app = express();\napp.use(express.json());\n${areas.map((a, i) => `app.use('/api/a${i}', ${a});`).join('\n')}\napp.listen(3000);\n`);
  fs.writeFileSync(path.join(ROOT, 'package.json'), JSON.stringify({ name: 'bench', dependencies: { express: '^5.1.0' } }));
  void leafCount;
  return files;
}

function phaseParse(): object {
  // Every source file once (the full-stack workspace's .tsx too, parsed as TSX).
  const files = fs.readdirSync(ROOT, { recursive: true, withFileTypes: true }).filter(e => e.isFile() && /\.tsx?$/.test(e.name)).map(e => path.join(e.parentPath, e.name));
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let bytes = 0;
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    bytes += text.length;
    ts.createSourceFile(f, text, ts.ScriptTarget.Latest, false, f.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  }
  return { ms: performance.now() - t0, cpuMs: cpuMsSince(cpu0), files: files.length, bytes, rssMB: process.resourceUsage().maxRSS / 1024 };
}

function phaseScan() {
  // Loaded here so the parse phase does not pay for the engine's modules; the bundle when given.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose, see above
  const { createAnalyser, loadConfig, toJsonReport } = require(process.env.BENCH_ENGINE ?? './bench-engine') as typeof import('./bench-engine');
  const analyser = createAnalyser(ROOT, loadConfig(ROOT));
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const first = analyser.analyse();
  const cold = performance.now() - t0;
  const coldCpuMs = cpuMsSince(cpu0);
  const editDir = FASTIFY ? FASTIFY_EDIT_DIR : KOA ? KOA_EDIT_DIR : FULLSTACK ? FULLSTACK_EDIT_DIR : 'src/a3/m2/g1';
  const leafFile = path.join(ROOT, editDir, 'leaf' + String(first.routes.length > 0 ? findLeaf() : 0) + '.ts');
  const original = fs.readFileSync(leafFile, 'utf8');
  const edits: number[] = [];
  let last: ReturnType<typeof analyser.analyse> | null = null;
  let lastOverlay = new Map<string, string>();
  for (let i = 0; i < 20; i++) {
    const text = FASTIFY ? fastifyEdit(original, i) : KOA ? koaEdit(original, i) : original + `\nrouter.get('/extra${i}', (req, res) => res.json({ i: ${i} }));\n`;
    const t = performance.now();
    // As the editor does: its watchers report disk changes (none here), the edit is an overlay.
    analyser.invalidate({});
    lastOverlay = new Map([[leafFile, text]]);
    const r = analyser.analyse(lastOverlay);
    edits.push(performance.now() - t);
    last = r;
    if (!r.routes.some(x => x.path.endsWith(`/extra${i}`))) throw new Error('the edit was not picked up');
  }
  // The first edit also compiles the re-analysis code paths (JIT): reported apart.
  const firstEdit = edits.shift()!;
  edits.sort((a, b) => a - b);
  // Full-stack: edits to a front-end file (outside the closure: nothing to parse or run again).
  const webEdits: number[] = [];
  if (FULLSTACK) {
    const webFile = path.join(ROOT, FULLSTACK_WEB_EDIT);
    const web = fs.readFileSync(webFile, 'utf8');
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      analyser.invalidate({});
      const r = analyser.analyse(new Map([...lastOverlay, [webFile, webEdit(web, i)]]));
      webEdits.push(performance.now() - t);
      if (r.routes.length !== last!.routes.length) throw new Error('a front-end edit changed the routes');
    }
    webEdits.sort((a, b) => a - b);
  }
  // The figures only count if re-analysis is right: its result must equal a cold run's.
  const fresh = createAnalyser(ROOT, loadConfig(ROOT)).analyse(lastOverlay);
  const report = (r: typeof fresh) => JSON.stringify({ ...toJsonReport(r), stats: null });
  return {
    webEditMedian: webEdits.length ? median(webEdits) : null, cpuMs: coldCpuMs, notNeeded: first.stats.notNeeded ?? 0, lowered: first.stats.lowered ?? 0,
    sameAsCold: report(last!) === report(fresh), edits: [...edits], firstEdit, replayed: last!.stats.replayed, phases: last!.stats.phases, coldPhases: first.stats.phases,
    ms: cold, routes: first.routes.length, files: first.stats.files, findings: first.findings.length,
    editMedian: edits[9], editP95: edits[17], rssMB: process.resourceUsage().maxRSS / 1024,
  };

  function findLeaf(): number {
    const dir = path.join(ROOT, editDir);
    const leaf = fs.readdirSync(dir).find(f => f.startsWith('leaf'))!;
    return Number(/leaf(\d+)/.exec(leaf)![1]);
  }
}

/**
 * Opening warm (issue 17): `cache-cold` scans with an empty on-disk cache (as the CLI does, writing
 * it), `cache-warm` scans again in a new process (nothing changed: the stored result), `cache-edit`
 * after one file changed (that file parsed, every other one's IR reloaded), each report compared
 * with a scan without cache. Each in a fresh process, as a reopened workspace is.
 */
function phaseCache(kind: string) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose, see phaseScan
  const engine = require(process.env.BENCH_ENGINE ?? './bench-engine') as typeof import('./bench-engine');
  const cacheDir = path.join(ROOT, 'node_modules', '.cache', 'seven-stops');
  if (kind === 'cache-cold') fs.rmSync(cacheDir, { recursive: true, force: true });
  const leafFile = path.join(ROOT, 'src/a3/m2/g1', fs.readdirSync(path.join(ROOT, 'src/a3/m2/g1')).find(f => f.startsWith('leaf'))!);
  const original = fs.readFileSync(leafFile, 'utf8');
  if (kind === 'cache-edit') fs.writeFileSync(leafFile, original + "\nrouter.get('/warm-edit', (req, res) => res.json({}));\n");
  try {
    const t0 = performance.now();
    const r = engine.analyseFolderWarm(ROOT, cacheDir);
    const ms = performance.now() - t0;
    const report = (x: typeof r) => JSON.stringify({ ...engine.toJsonReport(x), stats: null });
    // The cold and warm reports are compared in the parent (their hashes); the edited one with a scan without cache here.
    const same = kind === 'cache-edit' ? report(r) === report(engine.analyseFolder(ROOT)) : null;
    return { ms, bytes: engine.cacheBytes(cacheDir), fromCache: !!r.stats.fromCache, lowered: r.stats.lowered ?? 0, reloaded: r.stats.reloaded ?? 0, same, report: hashText(report(r)) };
  } finally {
    if (kind === 'cache-edit') fs.writeFileSync(leafFile, original);
  }
}

function hashText(text: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- only this phase needs it
  return (require('crypto') as typeof import('crypto')).createHash('sha1').update(text).digest('hex');
}

/** CPU milliseconds (user + system) of this process since `from`: on a loaded machine wall time also counts waiting for a core. */
function cpuMsSince(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
}

type Parse = { ms: number; cpuMs: number; bytes: number; rssMB: number };
type Scan = ReturnType<typeof phaseScan>;

/** The figures of one workspace (medians of its runs), printed as the Express workspace's always were. */
function report(label: string, parses: Parse[], scans: Scan[]): { parse: Parse; scan: Scan } {
  const byMs = <T extends { ms: number }>(xs: T[]) => xs.find(x => x.ms === median(xs.map(y => y.ms)))!;
  const parse = byMs(parses);
  const scanMedian = byMs(scans);
  const edits = scans.flatMap(s => s.edits).sort((a, b) => a - b);
  const scan = {
    ...scanMedian,
    editMedian: median(edits), editP95: edits[Math.floor(edits.length * 0.95)],
    rssMB: Math.max(...scans.map(s => s.rssMB)), sameAsCold: scans.every(s => s.sameAsCold),
  };
  const f = (n: number) => n.toFixed(0).padStart(6);
  console.log(`\n  ${label}`);
  console.log(`  (medians of 3 runs: parse ${parses.map(p => p.ms.toFixed(0)).join(' / ')} ms, cold scan ${scans.map(s => s.ms.toFixed(0)).join(' / ')} ms; edits pooled, ${edits.length})`);
  console.log(`\n  baseline: TypeScript parser alone   ${f(parse.ms)} ms  (${(parse.bytes / 1e6 / (parse.ms / 1000)).toFixed(1)} MB/s, peak RSS ${parse.rssMB.toFixed(0)} MB)`);
  console.log(`  Seven Stops cold scan               ${f(scan.ms)} ms  ratio ${(scan.ms / parse.ms).toFixed(2)}× parse-only (target ≤ 1.5×)`);
  console.log(`    ${scan.routes} routes, ${scan.files} files, ${scan.findings} findings, peak RSS ${scan.rssMB.toFixed(0)} MB (target < 1024 MB)`);
  console.log(`    phases: ${Object.entries(scan.coldPhases ?? {}).map(([k, v]) => `${k} ${v} ms`).join(', ')}`);
  console.log(`  re-analysis after editing one file  median ${scan.editMedian.toFixed(1)} ms, p95 ${scan.editP95.toFixed(1)} ms (target < 50 ms)`);
  console.log(`    the first edit of each run (code still compiling): ${scans.map(s => s.firstEdit.toFixed(0)).join(' / ')} ms`);
  console.log(`    phases of the last edit: ${Object.entries(scan.phases ?? {}).map(([k, v]) => `${k} ${v} ms`).join(', ')}; ${scan.replayed} of ${scan.files} modules replayed`);
  console.log(`    result equals a cold analysis of the same files: ${scan.sameAsCold ? 'yes' : 'NO'}\n`);
  return { parse, scan };
}

const phase = process.argv[2];
if (phase === 'generate') {
  const files = generate();
  const fastifyFiles = generateFastify(FASTIFY_ROOT, FILES, service);
  const koaFiles = generateKoa(KOA_ROOT, FILES, service);
  generateFullstack(FULLSTACK_ROOT, FILES, service);
  console.log(`bench: generated ${files.length} files in ${path.relative(process.cwd(), EXPRESS_ROOT)}, ${fastifyFiles.length} in ${path.relative(process.cwd(), FASTIFY_ROOT)}, ${koaFiles.length} in ${path.relative(process.cwd(), KOA_ROOT)}`);
} else if (phase === 'parse' || phase === 'scan') {
  process.stdout.write(JSON.stringify(phase === 'parse' ? phaseParse() : phaseScan()));
} else if (phase?.startsWith('cache-')) {
  process.stdout.write(JSON.stringify(phaseCache(phase)));
} else {
  const workspaces = [
    { label: 'Express workspace', root: EXPRESS_ROOT, files: generate(), parses: [] as Parse[], scans: [] as Scan[] },
    { label: 'Fastify workspace', root: FASTIFY_ROOT, files: generateFastify(FASTIFY_ROOT, FILES, service), parses: [] as Parse[], scans: [] as Scan[] },
    { label: 'Koa workspace', root: KOA_ROOT, files: generateKoa(KOA_ROOT, FILES, service), parses: [] as Parse[], scans: [] as Scan[] },
    { label: 'Full-stack workspace', root: FULLSTACK_ROOT, files: generateFullstack(FULLSTACK_ROOT, FILES, service), parses: [] as Parse[], scans: [] as Scan[] },
  ];
  for (const w of workspaces) {
    const mb = w.files.reduce((s, f) => s + fs.statSync(f).size, 0) / 1e6;
    console.log(`bench: generated ${w.files.length} files (${mb.toFixed(1)} MB) in ${path.relative(process.cwd(), w.root)}`);
  }
  const engine = bundleForBench(path.join(__dirname, 'bench-engine.ts'), 'engine.js');
  const run = (p: string, root: string) => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', __filename, p], { encoding: 'utf8', maxBuffer: 1 << 24, env: { ...process.env, BENCH_ENGINE: engine, BENCH_ROOT: root } }));
  // Alternating across both workspaces too, so a slow spell of the machine falls on both.
  for (let i = 0; i < 3; i++) for (const w of workspaces) { w.parses.push(run('parse', w.root)); w.scans.push(run('scan', w.root)); }
  const [express, fastify, koa, fullstack] = workspaces.map(w => report(w.label, w.parses, w.scans));
  const row = (label: string, r: typeof express) => `  ${label.padEnd(8)} ${r.scan.routes.toString().padStart(6)} routes  cold scan ${r.scan.ms.toFixed(0).padStart(6)} ms = ${(r.scan.ms / r.parse.ms).toFixed(2)}× its parse-only baseline (${r.parse.ms.toFixed(0)} ms), ${(r.scan.ms / express.parse.ms).toFixed(2)}× Express's  edit median ${r.scan.editMedian.toFixed(1)} ms, p95 ${r.scan.editP95.toFixed(1)} ms`;
  console.log('  side by side (against TypeScript parsing each workspace\'s own files, and the Express one\'s, measured in the same run):');
  console.log(row('Express', express));
  console.log(row('Fastify', fastify));
  console.log(row('Koa', koa));
  console.log('');
  // The full-stack goal (issue 17): a front end beside the server costs reading and scanning, not parsing.
  const full = fullstack.scan;
  const webEdits = workspaces[3].scans.map(s => s.webEditMedian ?? 0);
  // Per run, each scan against the parse measured just before it (a slow spell of the machine falls on both), wall and CPU time.
  const pairs = workspaces[3].scans.map((sc, i) => ({ wall: sc.ms / workspaces[3].parses[i].ms, cpu: sc.cpuMs / workspaces[3].parses[i].cpuMs }));
  const denseCpu = workspaces[0].scans.map((sc, i) => sc.cpuMs / workspaces[0].parses[i].cpuMs);
  console.log(`  full-stack: cold scan ${full.ms.toFixed(0)} ms = ${(full.ms / fullstack.parse.ms).toFixed(2)}× TypeScript parsing every source file once (${fullstack.parse.ms.toFixed(0)} ms; goal ≤ 0.5×);`);
  console.log(`    per run: wall ${pairs.map(p => p.wall.toFixed(2) + '×').join(' / ')}, CPU time ${pairs.map(p => p.cpu.toFixed(2) + '×').join(' / ')} (median ${median(pairs.map(p => p.cpu)).toFixed(2)}×);`);
  console.log(`    dense (Express) workspace in CPU time: ${denseCpu.map(r => r.toFixed(2) + '×').join(' / ')} (median ${median(denseCpu).toFixed(2)}×)`);
  console.log(`    ${full.lowered} files parsed, ${full.notNeeded} of ${full.files} not needed; a front-end edit re-analyses in median ${median(webEdits).toFixed(1)} ms (per run ${webEdits.map(x => x.toFixed(1)).join(' / ')})`);
  console.log('');
  // Opening warm (issue 17, part 2): the Express workspace scanned cold writing the cache, then again
  // in new processes, unchanged and with one file edited; three rounds, each from an empty cache.
  type Cache = ReturnType<typeof phaseCache>;
  const rounds: { cold: Cache; warm: Cache; edit: Cache }[] = [];
  for (let i = 0; i < 3; i++) rounds.push({ cold: run('cache-cold', EXPRESS_ROOT), warm: run('cache-warm', EXPRESS_ROOT), edit: run('cache-edit', EXPRESS_ROOT) });
  const coldMs = median(rounds.map(r => r.cold.ms));
  const warmMs = median(rounds.map(r => r.warm.ms));
  const editMs = median(rounds.map(r => r.edit.ms));
  const ratios = rounds.map(r => r.warm.ms / r.cold.ms);
  const last = rounds[rounds.length - 1];
  const same = rounds.every(r => r.warm.fromCache && r.warm.report === r.cold.report && r.edit.same);
  console.log(`  warm reopen (Express workspace, ${express.scan.files} files; medians of 3 rounds, each from an empty cache):`);
  console.log(`    cold scan writing the cache ${coldMs.toFixed(0)} ms (${(coldMs / express.scan.ms).toFixed(2)}× the cold scan without cache above, ${express.scan.ms.toFixed(0)} ms)`);
  console.log(`    second scan, nothing changed ${warmMs.toFixed(0)} ms = ${(warmMs / coldMs).toFixed(2)}× the cold scan (goal ≤ 0.3×; per round ${ratios.map(x => x.toFixed(2) + '×').join(' / ')})`);
  console.log(`    one file edited between scans ${editMs.toFixed(0)} ms = ${(editMs / coldMs).toFixed(2)}× (${last.edit.lowered} parsed, ${last.edit.reloaded} reloaded from the cache)`);
  console.log(`    cache on disk ${(last.cold.bytes / 1e6).toFixed(1)} MB after the cold scan, ${(last.edit.bytes / 1e6).toFixed(1)} MB after the edit; reports equal to scans without cache: ${same ? 'yes' : 'NO'}`);
  console.log('');
  fs.rmSync(engine, { force: true });
}
