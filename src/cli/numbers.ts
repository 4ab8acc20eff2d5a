/**
 * Numbers as they appear in the output files: times without binary noise
 * (`3 * 0.1` is 0.30000000000000004 in doubles) and float32 state without spurious digits.
 */

/**
 * The time of a step in ms, `step * dt` rounded to 1e-9 ms, far below any dt a document may
 * use, so it only removes the noise of the multiplication.
 *
 * @example stepTime(3, 0.1) // 0.3
 */
export function stepTime(step: number, dt: number): number {
  return Math.round(step * dt * 1e9) / 1e9;
}

/**
 * The shortest decimal that reads back as the same float32, as a number: the state is float32,
 * so printing its double expansion (-59.999996185302734) would claim digits it does not have.
 *
 * @example shortestFloat32(Math.fround(0.1)) // 0.1
 */
export function shortestFloat32(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  const target = Math.fround(value);
  for (let digits = 1; digits < 9; digits++) {
    const candidate = Number(target.toPrecision(digits));
    if (Math.fround(candidate) === target) return candidate;
  }
  return Number(target.toPrecision(9));
}

/** A count with thousands separators, for tables. */
export function groupDigits(value: number): string {
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
