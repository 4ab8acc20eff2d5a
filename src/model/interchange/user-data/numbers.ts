/**
 * Reading one number of a data file strictly: `Number()` alone would take `''` as 0, `0x10` as
 * 16 and `1_0` as NaN without saying which, so a field must look like a decimal number, and
 * NaN/Infinity are named as what they are.
 */

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(nan|inf|infinity)$/i;

/** A finite number, or the reason the text is not one. */
export type NumberRead = { ok: true; value: number } | { ok: false; reason: string };

/**
 * Reads a decimal number.
 *
 * @example readNumber(' 2.5e1 ') // { ok: true, value: 25 }
 * @example readNumber('NaN', 'time') // { ok: false, reason: "time is NaN, not a finite number" }
 * @param what the column's name for the message
 */
export function readNumber(text: string, what = 'value'): NumberRead {
  const t = text.trim();
  if (t === '') return { ok: false, reason: `${what} is empty` };
  if (NON_FINITE.test(t)) return { ok: false, reason: `${what} is ${t}, not a finite number` };
  if (!DECIMAL.test(t)) return { ok: false, reason: `${what} '${clip(t)}' is not a number` };
  const value = Number(t);
  if (!Number.isFinite(value)) {
    return { ok: false, reason: `${what} ${clip(t)} is too large, not a finite number` };
  }
  return { ok: true, value };
}

/** A long field shortened for a message. */
function clip(text: string): string {
  return text.length > 24 ? `${text.slice(0, 24)}...` : text;
}

/** True when the text reads as a number (NaN and Infinity included): a data row, not a header. */
export function looksNumeric(text: string): boolean {
  const t = text.trim();
  return DECIMAL.test(t) || NON_FINITE.test(t);
}
