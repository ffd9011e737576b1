// Byte sizes as the body parsers read them: a number is bytes as is (Infinity: no limit), a string is
// read the way the `bytes` package (3.1) parses it, which body-parser, raw-body and co-body use:
// `<number> <unit>` with units b, kb, mb, gb, tb, pb in powers of 1024, case-insensitive, spaces
// allowed before the unit; anything else is parseInt'd as bytes (`'5000'`, `'10 MB '` → 10).
import type { Arg } from '../../core/values';

const UNITS: Record<string, number> = { b: 1, kb: 2 ** 10, mb: 2 ** 20, gb: 2 ** 30, tb: 2 ** 40, pb: 2 ** 50 };
const SIZE = /^((-|\+)?(\d+(?:\.\d+)?)) *(kb|mb|gb|tb|pb)$/i;

/** The bytes a limit value stands for, or null when it is not a size (`bytes.parse` gives null). */
export function parseBytes(text: string | number): number | null {
  if (typeof text === 'number') return Number.isNaN(text) ? null : text;
  const m = SIZE.exec(text);
  const n = m ? parseFloat(m[1]) : parseInt(text, 10);
  if (Number.isNaN(n)) return null;
  return Math.floor(UNITS[m ? m[4].toLowerCase() : 'b'] * n);
}

/**
 * A limit as the code wrote it and its bytes (null when not a known size): a string or number
 * literal, `Infinity`, or a product of numbers (`50 * 1024 * 1024`), which the interpreter leaves
 * unknown but names by its text.
 */
export function byteLimit(arg: Arg): { bytes: number | null; written: string } {
  const v = arg.value;
  if (v.t === 'num') return { bytes: parseBytes(v.v), written: String(v.v) };
  if (v.t === 'str') return { bytes: parseBytes(v.v), written: `'${v.v}'` };
  const text = arg.name.trim();
  if (text === 'Infinity' || text === 'Number.POSITIVE_INFINITY') return { bytes: Infinity, written: text };
  const factors = text.split('*').map(f => f.replace(/[()\s_]/g, ''));
  const product = factors.every(f => /^\d+(\.\d+)?$/.test(f)) ? factors.reduce((n, f) => n * Number(f), 1) : null;
  return { bytes: product, written: text };
}
