/**
 * Arrays in the exported script: plain Python lists while short (readable), base64 text when
 * long (a CUBA's 320,000 synapses would be megabytes of decimals). Connectivity is packed as
 * row lengths and target gaps in LEB128 varints (targets ascend within a row, so a gap is
 * usually one byte); floats as little-endian float32 bytes, which are the engine's exact
 * values. The script's helpers (`prelude.ts`) unpack them with numpy.
 */
import { pyList } from './python.ts';

/** Arrays up to this length are written as Python lists. */
export const PLAIN_LIST_MAX = 64;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The base64 digit of the 6 bits of `n` starting at bit `shift`. */
function digit(n: number, shift: number): string {
  return ALPHABET.charAt((n >>> shift) & 63);
}

/**
 * Standard base64 (RFC 4648, with `=` padding), written here because `btoa` takes strings and
 * Node's `Buffer` is not in the page.
 *
 * @example base64(new Uint8Array([1, 2, 3])) // 'AQID'
 */
export function base64(bytes: Uint8Array): string {
  let out = '';
  let k = 0;
  for (; k + 2 < bytes.length; k += 3) {
    const n = ((bytes[k] ?? 0) << 16) | ((bytes[k + 1] ?? 0) << 8) | (bytes[k + 2] ?? 0);
    out += digit(n, 18) + digit(n, 12) + digit(n, 6) + digit(n, 0);
  }
  const rest = bytes.length - k;
  if (rest > 0) {
    const n = ((bytes[k] ?? 0) << 16) | (rest === 2 ? (bytes[k + 1] ?? 0) << 8 : 0);
    out += digit(n, 18) + digit(n, 12) + (rest === 2 ? `${digit(n, 6)}=` : '==');
  }
  return out;
}

/**
 * Unsigned integers as LEB128 varints: 7 bits a byte, the high bit set on all but the last.
 *
 * @example Array.from(varints([1, 300])) // [1, 172, 2]
 */
export function varints(values: ArrayLike<number>): Uint8Array {
  const out: number[] = [];
  for (let k = 0; k < values.length; k++) {
    let v = values[k] ?? 0;
    if (!Number.isInteger(v) || v < 0)
      throw new RangeError(`varints: ${v} is not a natural number`);
    while (v >= 128) {
      out.push((v % 128) | 128);
      v = Math.floor(v / 128);
    }
    out.push(v);
  }
  return Uint8Array.from(out);
}

/** A Python expression for non-negative integers: a list, or `unpack_varints("...")`. */
export function naturalsExpr(values: ArrayLike<number>): string {
  if (values.length <= PLAIN_LIST_MAX) return pyList(values);
  return `unpack_varints("${base64(varints(values))}")`;
}

/**
 * A Python expression for float32 values: a list of their exact doubles, or
 * `unpack_float32("...")` (numpy widens them to the same doubles).
 */
export function float32Expr(values: Float32Array): string {
  if (values.length <= PLAIN_LIST_MAX) return pyList(values);
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((v, k) => view.setFloat32(k * 4, v, true));
  return `unpack_float32("${base64(bytes)}")`;
}

/** The sources and targets of a projection, as Python expressions. */
export interface PairsExpr {
  /** Number of synapses. */
  count: number;
  /** Statement(s) that bind `i` and `j` (numpy arrays or lists) for `connect(i=i, j=j)`. */
  code: string;
}

/**
 * The synapses of CSR rows as `i, j = ...`: plain lists for a few synapses, else
 * `csr_pairs(row lengths, target gaps)` (a row's first gap is its first target).
 */
export function pairsExpr(rowPtr: Uint32Array, targets: Uint32Array): PairsExpr {
  const count = targets.length;
  const rows = rowPtr.length - 1;
  if (count <= PLAIN_LIST_MAX) {
    const sources: number[] = [];
    for (let s = 0; s < rows; s++) {
      for (let e = rowPtr[s] ?? 0; e < (rowPtr[s + 1] ?? 0); e++) sources.push(s);
    }
    return { count, code: `i = ${pyList(sources)}\nj = ${pyList(targets)}` };
  }
  const lengths = new Uint32Array(rows);
  const gaps = new Uint32Array(count);
  for (let s = 0; s < rows; s++) {
    const start = rowPtr[s] ?? 0;
    const end = rowPtr[s + 1] ?? 0;
    lengths[s] = end - start;
    let previous = 0;
    for (let e = start; e < end; e++) {
      const t = targets[e] ?? 0;
      gaps[e] = t - previous;
      previous = t;
    }
  }
  return { count, code: `i, j = csr_pairs(${naturalsExpr(lengths)}, ${naturalsExpr(gaps)})` };
}
