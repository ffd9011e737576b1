// `pipe-to-pipeline`: `src.pipe(gzip).pipe(res)` rewritten as `stream.pipeline(src, gzip, res, callback)`,
// which destroys every stream of the chain when one fails (pipe() forwards no error). The callback
// reports the error; the response is already destroyed by then, so the client sees the connection close.
import { Node, type CallExpression } from 'ts-morph';
import type { Fix, Suggestion } from '../model';
import { defaultExportBinding } from './module-binding';
import { nodeAt, sourceFileOf, topLevelStart } from './syntax';

type PipeToPipeline = Extract<Fix, { kind: 'pipe-to-pipeline' }>;

export function pipeToPipeline(fix: PipeToPipeline, text: string): Suggestion | null {
  const file = fix.call.file;
  const sf = sourceFileOf(file, text);
  const call = nodeAt(sf, fix.call, Node.isCallExpression);
  if (!call || !Node.isCallExpression(call)) return null;
  const streams = chainOf(call);
  if (!streams) return null;
  // A file that loads `node:stream` already gets no second binding.
  const module = /\brequire\(\s*['"]node:stream['"]\s*\)|\bfrom\s*['"]node:stream['"]/.test(text) ? 'node:stream' : 'stream';
  const binding = defaultExportBinding(sf, file, module, 'stream', topLevelStart(call));
  if (!binding) return null;
  const callback = "(err) => { if (err) console.error('stream failed', err); }";
  return {
    title: fix.title,
    edits: [...binding.edits, { file, start: call.getStart(), end: call.getEnd(), newText: `${binding.name}.pipeline(${[...streams, callback].join(', ')})` }],
  };
}

/** The streams of `a.pipe(b).pipe(c)`, in order, as written; null when a link is not a one-argument pipe(). */
function chainOf(call: CallExpression): string[] | null {
  const out: string[] = [];
  let link: Node = call;
  while (Node.isCallExpression(link)) {
    const callee = link.getExpression();
    const args = link.getArguments();
    if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'pipe' || args.length !== 1) break;
    out.unshift(args[0].getText());
    link = callee.getExpression();
  }
  if (out.length === 0) return null;
  out.unshift(link.getText());
  return out;
}
