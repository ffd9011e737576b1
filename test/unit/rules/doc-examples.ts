// Reads the ❌ Incorrect / ✅ Correct examples of a rule doc (docs/rules/<id>.md) into workspaces the
// engine can analyse. The convention, also stated in docs/rules/README.md:
// - Every fenced `js` or `ts` block under "## ❌ Incorrect" or "## ✅ Correct" is one example, the
//   file `app.js` (`app.ts`) of its own workspace.
// - Consecutive blocks whose first line is `// file: <path>` are the files of one example instead.
// - A first line `// Express 5…` makes the workspace's package.json declare Express 5 (else 4); an
//   example that requires or imports 'fastify' declares Fastify 5 instead (4 with `// Fastify 4…`),
//   one that requires 'koa' declares Koa 3 and its router packages (koaDependencies).
// - Names an example uses without declaring come from PRELUDE, prepended to each file that uses them.
import * as fs from 'fs';
import * as path from 'path';

export interface DocExample {
  /** `❌ 1`, `✅ 2`…, in the doc's order. */
  name: string;
  incorrect: boolean;
  files: Record<string, string>;
}

/**
 * Declarations of the names doc examples use without declaring, in dependency order (each may use
 * the ones above it). Handlers end the request, so a route shadowing another is really reached.
 */
const PRELUDE: [name: string, declaration: string][] = [
  ['express', "const express = require('express');"],
  ['app', 'const app = express();'],
  ['requireUser', 'function requireUser(req, res, next) { if (!req.headers.authorization) return res.status(401).end(); req.user = { id: 1 }; next(); }'],
  ['listOrders', 'function listOrders(req, res) { res.json([]); }'],
  ['showUser', 'function showUser(req, res) { res.json({ id: req.params.id }); }'],
  ['showMe', 'function showMe(req, res) { res.json({ me: true }); }'],
  ['showHome', 'function showHome(req, res) { res.end(); }'],
  ['renderApp', 'function renderApp(req, res) { res.end(); }'],
  ['uploadPreflight', 'function uploadPreflight(req, res) { res.end(); }'],
];

const FILE_LINE = /^\/\/ file: (\S+)/;

/** `text` with the prelude declarations of the names it uses and does not declare. */
export function withPrelude(text: string): string {
  const used: string[] = [];
  let seen = text;
  for (const [name, declaration] of [...PRELUDE].reverse()) {
    const declared = new RegExp(`\\b(const|let|var|function|class|import)\\s+(\\{[^}]*\\b)?${name}\\b`).test(text);
    if (declared || !new RegExp(`\\b${name}\\b`).test(seen)) continue;
    used.unshift(declaration);
    seen += `\n${declaration}`;
  }
  return used.length ? `${used.join('\n')}\n${text}` : text;
}

/** The examples of `docs/rules/<ruleId>.md`, ready to analyse. */
export function docExamples(docsDir: string, ruleId: string): DocExample[] {
  const lines = fs.readFileSync(path.join(docsDir, `${ruleId}.md`), 'utf8').split('\n');
  const out: DocExample[] = [];
  let section: boolean | null = null;
  let grouping: DocExample | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('## ')) { section = line.startsWith('## ❌') ? true : line.startsWith('## ✅') ? false : null; grouping = null; continue; }
    const fence = /^```(js|ts)\s*$/.exec(line);
    if (section === null) continue;
    if (!fence) { if (line.trim() && !line.startsWith('```')) grouping = null; continue; }
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i].startsWith('```'); i++) body.push(lines[i]);
    const text = `${body.join('\n')}\n`;
    const named = FILE_LINE.exec(body[0] ?? '');
    const count = out.filter(e => e.incorrect === section).length + 1;
    const example: DocExample = named && grouping ? grouping : { name: `${section ? '❌' : '✅'} ${count}`, incorrect: section, files: {} as Record<string, string> };
    if (example !== grouping) out.push(example);
    example.files[named ? named[1] : `app.${fence[1]}`] = withPrelude(text);
    grouping = named ? example : null;
  }
  for (const e of out) {
    const texts = Object.values(e.files);
    const express5 = texts.some(t => /^\/\/ Express 5/m.test(t));
    // A Fastify example declares Fastify 5, or 4 with a line `// Fastify 4…` (F12 and F15 differ).
    const fastify = texts.some(t => /\b(require\('fastify'\)|from 'fastify')/.test(t));
    const fastify4 = texts.some(t => /^\/\/ Fastify 4/m.test(t));
    const koa = texts.some(t => /\b(require\('koa'\)|from 'koa')/.test(t));
    e.files['package.json'] ??= JSON.stringify({
      dependencies: koa ? koaDependencies(texts)
        : fastify ? { fastify: fastify4 ? '^4.29.0' : '^5.6.0' } : { express: express5 ? '^5.1.0' : '^4.21.0' },
    });
  }
  return out;
}

/**
 * A Koa example's dependencies: Koa 3 (2 with a line `// Koa 2…`), and the router packages it
 * requires at the version a line `// @koa/router 13.1.1…` or `// koa-router 14.0.0…` names, else
 * @koa/router 15.7.0 and koa-router 14.0.0 (the router versions decide K11, K12 and K15).
 */
function koaDependencies(texts: string[]): Record<string, string> {
  const deps: Record<string, string> = { koa: texts.some(t => /^\/\/ Koa 2/m.test(t)) ? '^2.16.0' : '^3.3.0' };
  for (const [pkg, fallback] of [['@koa/router', '15.7.0'], ['koa-router', '14.0.0']]) {
    if (!texts.some(t => t.includes(`require('${pkg}')`) || t.includes(`from '${pkg}'`))) continue;
    const named = texts.map(t => new RegExp(`^// ${pkg.replace('/', '\\/')} (\\d+\\.\\d+\\.\\d+)`, 'm').exec(t)?.[1]).find(Boolean);
    deps[pkg] = `^${named ?? fallback}`;
  }
  return deps;
}
