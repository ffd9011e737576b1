// Whether lowered statements call a function by name: next() in a middleware, read by the framework
// adapters (what runs on which path of an `if`, E23, identity gates).
import type { Expr, Stmt } from './ir';

/** Whether a statement calls the function named `name` (callbacks written in it not counted). */
export function callsName(st: Stmt, name: string): boolean {
  switch (st.k) {
    case 'expr': case 'bind': return exprCalls(st.e, name);
    case 'return': return !!st.e && exprCalls(st.e, name);
    case 'assign': return exprCalls(st.obj, name) || exprCalls(st.e, name);
    case 'loop': return exprCalls(st.iter, name) || st.body.some(s => callsName(s, name));
    case 'block': return st.body.some(s => callsName(s, name));
    case 'if': return [...st.then, ...st.else].some(s => callsName(s, name));
  }
}

function exprCalls(e: Expr, name: string): boolean {
  switch (e.k) {
    case 'call': return (e.callee.k === 'ref' && e.callee.name === name) || exprCalls(e.callee, name) || e.args.some(a => exprCalls(a, name));
    case 'member': return exprCalls(e.obj, name) || (typeof e.prop !== 'string' && exprCalls(e.prop, name));
    case 'concat': return e.parts.some(p => exprCalls(p, name));
    case 'arr': return e.items.some(p => exprCalls(p, name));
    case 'cond': return e.alternatives.some(p => exprCalls(p, name));
    case 'spread': return exprCalls(e.e, name);
    case 'obj': return e.props.some(p => exprCalls('key' in p ? p.value : p.spread, name));
    // What the IR keeps as text (`!next()`, a comma expression): the call written in it.
    case 'unknown': return new RegExp(`\\b${name}\\s*\\(`).test(e.text);
    default: return false;
  }
}
