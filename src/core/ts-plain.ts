// TypeScript's bundle exports every function and enum through a getter (esbuild's `__export`), so in
// a hot loop `ts.isIdentifier(n)` is a getter call before it is a call, and V8 cannot inline it. The
// lowerer makes dozens of these checks per node: about a third of its time on the benchmark went to
// the getters. One plain copy, made once at load, turns each into a property read.
import { ts } from 'ts-morph';

export const tsp: typeof ts = { ...ts };

/** Syntax kinds as a plain enum object (the getter returns this same object). */
export const SK = tsp.SyntaxKind;
