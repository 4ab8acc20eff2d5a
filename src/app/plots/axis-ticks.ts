/** Tick values of a linear axis at 1, 2 or 5 times a power of ten, as plotly picks them. */

/** Step between ticks so that about `count` fit in `span`. */
export function tickStep(span: number, count: number): number {
  if (!(span > 0) || !(count > 0)) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / power;
  const nice = scaled < 1.5 ? 1 : scaled < 3.5 ? 2 : scaled < 7.5 ? 5 : 10;
  return nice * power;
}

/**
 * Ticks in [min, max] at multiples of `step`.
 *
 * @example ticks(0, 1000, 200) // [0, 200, 400, 600, 800, 1000]
 */
export function ticks(min: number, max: number, step: number): number[] {
  const out: number[] = [];
  if (!(step > 0) || !(max >= min)) return out;
  // Whole multiples, rounded, so 0.1 + 0.2 style noise never shows in a label.
  for (let k = Math.ceil(min / step - 1e-9); k * step <= max + step * 1e-9; k++) {
    // `+ 0` turns -0 (the tick at zero of a range starting below it) into 0.
    out.push(Math.round(k * step * 1e9) / 1e9 + 0);
  }
  return out;
}

/** A label as plotly writes it: no trailing zeros, thousands as "k" from 10,000 on. */
export function tickLabel(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 10_000) return `${Number((value / 1000).toPrecision(6))}k`;
  return String(Number(value.toPrecision(6)));
}

/** A padded range around data [min, max] for an autoscaled axis. */
export function paddedRange(min: number, max: number, fromZero = false): [number, number] {
  let lo = fromZero ? Math.min(0, min) : min;
  let hi = max;
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (hi - lo < 1e-9) {
    lo -= 0.5;
    hi += 0.5;
  }
  const pad = (hi - lo) * 0.05;
  return [fromZero && lo >= 0 ? lo : lo - pad, hi + pad];
}
