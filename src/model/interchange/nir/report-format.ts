/** Numbers as the NIR report prints them: float32 values with the digits a float32 has. */

/** The shortest decimal that reads back as the same float32 (`0.0487706`, `20`). */
export function f32(x: number): string {
  const target = Math.fround(x);
  if (!Number.isFinite(target)) return String(target);
  for (let digits = 1; digits <= 9; digits += 1) {
    const text = target.toPrecision(digits);
    if (Math.fround(Number(text)) === target) return String(Number(text));
  }
  return String(target);
}

/** A float64 value with up to 9 significant digits (times, rounding residues). */
export function num(x: number): string {
  return String(Number(x.toPrecision(9)));
}

/** One number, or `[N] min..max` (or `[N] all v`) for a per-neuron array. */
export function describeValues(value: number | readonly number[], format = f32): string {
  if (typeof value === 'number') return format(value);
  if (value.length === 0) return '[]';
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of value) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return lo === hi
    ? `[${value.length}] all ${format(lo)}`
    : `[${value.length}] ${format(lo)}..${format(hi)}`;
}
