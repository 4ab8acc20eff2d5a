/**
 * `$readmemh` text: one word per line, `digits` hex digits of the value's two's complement in
 * `width` bits, after a `//` header comment (both Icarus and Verilator skip comments in
 * memory files).
 */

/** A whole number as `width`-bit two's complement hex (width <= 32), checked to fit. */
export function hexWord(x: number, width: number): string {
  const span = 2 ** width;
  if (!Number.isInteger(x) || x < -(span / 2) || x >= span) {
    throw new RangeError(`hexWord: ${x} does not fit ${width} bits`);
  }
  const v = x < 0 ? x + span : x;
  return v.toString(16).padStart(Math.ceil(width / 4), '0');
}

/**
 * The image text of `values` at `width` bits. An empty image holds one zero word, so that
 * every file the core reads has content (simulators warn on an empty memory file).
 */
export function hexImage(values: readonly number[], width: number, header: string): string {
  const words = values.length === 0 ? [0] : values;
  return `${header}${words.map((v) => hexWord(v, width)).join('\n')}\n`;
}
